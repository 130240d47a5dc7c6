// SPDX-License-Identifier: GPL-3.0-or-later
// The last stage: Sheets -> bytes in memory (PDF, SVG, PNG), deterministic; then the file
// names they go to. Nothing here touches the disk (jobs/ commits the FileBytes).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/atomic_file.h"
#include "impose/sheet.h"
#include "layout/page.h"

namespace telar {

enum class Format { pdf, svg, png };

/// By the extension of `out`, case-insensitive (.pdf, .svg, .png); anything else throws
/// Error::usage(usage_bad_format).
Format format_of(const std::filesystem::path& out);

struct EncodeOptions {
  double dpi = 150;   ///< PNG only: pixels per inch
  int png_compression = 1;  ///< PNG only: zlib level 0..9 (1: fast; deflate dominates big PNGs)
  std::string title;  ///< PDF /Title (from the story's front matter); empty = none
  std::optional<std::int64_t> source_date_epoch;  ///< PDF creation date; none = no date
  std::function<void(double)> progress;  ///< PNG only: fraction done, for a progress bar

  /// Defaults, plus SOURCE_DATE_EPOCH when it is all digits (anything else is ignored).
  static EncodeOptions from_env();
};

struct Blob {
  std::string bytes;
  friend bool operator==(const Blob&, const Blob&) = default;
};

/// The largest sheet side telar writes (60 m: a 50 m banner with its bleed), and the most
/// pixels in one PNG (500 megapixels: a 3 x 1 m banner at 300 dpi is 418). Past either,
/// encode() throws a usage error before rendering.
inline constexpr Length kMaxSheetSide = Length::m(60);
inline constexpr double kMaxPngPixels = 500e6;

/// PDF: one Blob, one page per sheet. SVG and PNG: one Blob per sheet. Deterministic: the
/// same input gives the same bytes, also when called again in the same process. Throws
/// Error(failure, render_failed) when Cairo fails or there is no sheet.
std::vector<Blob> encode(const std::vector<Sheet>& sheets, const std::vector<Page>& pages,
                         Format format, const EncodeOptions& opt);

/// One blob goes to `out` itself; several to "name-01.svg", "name-02.svg"…: the number
/// zero-padded to two digits, or to the width of the count past 99 ("name-001").
std::vector<FileBytes> name_outputs(const std::filesystem::path& out, std::vector<Blob> blobs);

// The per-format encoders (pdf.cc, svg.cc, png.cc) and their pure helpers, for tests.
Blob encode_pdf(const std::vector<Sheet>& sheets, const std::vector<Page>& pages,
                const EncodeOptions& opt);
Blob encode_svg(const Sheet& sheet, const std::vector<Page>& pages);
Blob encode_png(const Sheet& sheet, const std::vector<Page>& pages, double dpi);

/// A page's TrimBox and BleedBox in PDF units (origin bottom left, already divided by the
/// page's /UserUnit).
struct PdfBoxes {
  std::size_t page = 0;  ///< 0-based
  Rect trim, bleed;      ///< x, y = lower left corner; w, h
};
/// The PDF with /TrimBox and /BleedBox set on the pages named, rewritten with libqpdf
/// (deterministic /ID). Throws Error(failure) when qpdf cannot read what Cairo wrote.
std::string set_pdf_boxes(std::string_view pdf, const std::vector<PdfBoxes>& boxes);

/// "YYYY-MM-DDThh:mm:ssZ" (UTC), the ISO form Cairo's PDF metadata takes; nullopt when
/// the year is outside 0..9999.
std::optional<std::string> iso_date(std::int64_t epoch_seconds);
/// SOURCE_DATE_EPOCH's value when it is 1..18 ASCII digits, else nullopt.
std::optional<std::int64_t> parse_source_date_epoch(const char* value);
/// Renames every id="…" of an SVG document, and every reference to it (#id, url(#id),
/// xlink:href="#id"), to prefix + counter in order of first appearance ("surface7" ->
/// "surface1"), so that Cairo's process-wide counters never reach the output.
std::string renumber_svg_ids(std::string_view svg);
/// The largest page side PDF viewers accept, in units (ISO 32000-1, annex C: 14,400).
inline constexpr double kPdfMaxUnits = 14400;
/// 1 for a page within kPdfMaxUnits a side, else the smallest integer k that brings it
/// within: the page is then written at 1/k size with /UserUnit k (pdf_user_unit.cc).
int pdf_user_unit(Size page);
/// Cairo's PDF with "/UserUnit k" added to page i's dictionary for every units[i] > 1,
/// the cross-reference offsets moved to match and the version raised to 1.6. Throws
/// Error(failure) when the PDF is not laid out as Cairo 1.16 writes it.
std::string set_pdf_user_units(std::string_view pdf, const std::vector<int>& units);
/// The whole sheet as a PNG, rendered in strips of rows that libpng writes as they come,
/// so that memory stays small however large the sheet (png_strips.cc). `progress`, when
/// set, is told the fraction done after each strip.
Blob encode_png_strips(const Sheet& sheet, const std::vector<Page>& pages, double dpi, int compression,
                       const std::function<void(double)>& progress = {});
/// Inserts a pHYs chunk (pixels per metre, rounded) right after the IHDR chunk.
std::string add_png_phys(std::string_view png, double dpi);
/// CRC-32 (ISO 3309, as PNG and zlib use it).
std::uint32_t crc32(std::string_view bytes);

}  // namespace telar
