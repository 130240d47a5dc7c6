// SPDX-License-Identifier: GPL-3.0-or-later
// Saddle-stitch imposition for the field manual: two pages side by side on each side of a
// landscape sheet, sheets nested and folded once, stapled on the fold. Pure geometry.
//
// Sheets are numbered from the outside in (sheet 0 carries the covers). With N pages
// (padded to a multiple of 4) sheet k has, seen from its own side:
//     front: left = N - 2k,   right = 2k + 1
//     back:  left = 2k + 2,   right = N - 2k - 1
// (the back as seen after turning the sheet over about the fold, like a book page).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "impose/sheet.h"

namespace telar {

/// 1-based booklet page numbers on one side of a sheet.
struct SpreadPages {
  int left = 0, right = 0;
  friend constexpr bool operator==(SpreadPages, SpreadPages) = default;
};

struct SaddleSheetPages {
  SpreadPages front, back;
  friend constexpr bool operator==(const SaddleSheetPages&, const SaddleSheetPages&) = default;
};

/// `pages` rounded up to a multiple of 4 (0 stays 0).
int saddle_padded_count(int pages);

/// The booklet page numbers on every sheet, outermost first, for `pages` pages padded to a
/// multiple of 4 (numbers above `pages` are the blanks). `right_to_left`: each spread
/// mirrored (front: left = 2k + 1, right = N - 2k; back: left = N - 2k - 1, right = 2k + 2).
std::vector<SaddleSheetPages> saddle_order(int pages, bool right_to_left = false);

/// Where the padding blanks go: after the last page, or just before it (so the last
/// page stays the back cover, e.g. the manual's rotation calendar).
enum class BlankPages { at_end, before_back_cover };

/// For each booklet position 1..N (index 0..N-1): the reader-order page index shown
/// there, or nullopt for a blank.
std::vector<std::optional<std::size_t>> saddle_booklet(std::size_t pages, BlankPages blanks);

/// How a duplex printer turns the paper between the two sides of a landscape sheet.
/// short_edge (flip on the short edge) turns it about the fold, like the booklet's own
/// pages, so both sides are laid out as read. long_edge turns it top over bottom, so every
/// back side is rotated 180° to come out upright.
enum class Duplex { short_edge, long_edge };

/// Creep per sheet from a paper weight preset ("80gsm"), or nullopt for an unknown name.
/// Uncoated office paper, bulk ≈ 1.25 cm³/g: thickness = gsm × 1.25 µm, and a folded sheet
/// pushes every sheet inside it out by about one thickness. See kPaperWeights.
std::optional<Length> creep_for_paper_weight(std::string_view name);

struct PaperWeight {
  std::string_view name;
  double thickness_mm;
};
/// The presets, lightest first: 60, 70, 75, 80, 90, 100, 120 gsm.
std::span<const PaperWeight> paper_weights();

/// How far sheet `sheet_index` (0 = outermost) moves its pages toward the spine.
/// The outermost sheet does not move; the innermost moves most: index × creep.
constexpr Length creep_shift(int sheet_index, Length creep_per_sheet) {
  return creep_per_sheet * static_cast<double>(sheet_index);
}

struct SaddleOptions {
  Size page;     ///< trim size of one booklet page (portrait, e.g. A5)
  Size sheet;    ///< paper, either orientation; laid out landscape
  Length bleed;  ///< clip extends this far past the trim, never over the spine
  Length creep;  ///< per sheet, see creep_shift()
  Duplex duplex = Duplex::short_edge;
  BlankPages blanks = BlankPages::at_end;
  bool fold_marks = true;
  Rgba mark_color{0, 0, 0, 1};
  Length printer_margin = Length::mm(5);  ///< fold ticks stay this far from the paper edge
  /// A right-to-left booklet (Arabic, Hebrew), stapled on the right: every spread's left
  /// and right pages swap (saddle_order() mirrored), so the front cover is the left half
  /// of the outer sheet's front and pages turn from left to right.
  bool right_to_left = false;
};

/// Imposes `pages` reader-order pages: two Sheet entries per sheet of paper (front, then
/// back), outermost sheet first, which is the page order of a duplex PDF. Sheet::paper is
/// landscape. Blank positions have no Placement. Pages are centred vertically and meet
/// at the spine (the sheet's vertical centre line), then shifted toward it by creep.
/// Fold ticks (front sides only) sit on the spine at the top and bottom edges: in the
/// space above/below the pages when the sheet leaves room, otherwise in the pages' top and
/// bottom margins, never closer than `printer_margin` to the paper edge.
/// Throws Error(usage) when two pages do not fit side by side on the sheet.
std::vector<Sheet> impose_saddle(std::size_t pages, const SaddleOptions& opt);

}  // namespace telar
