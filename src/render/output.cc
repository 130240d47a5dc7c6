// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/output.h"

#include <algorithm>

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

#include "base/error.h"

namespace telar {

Format format_of(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == ".pdf") return Format::pdf;
  if (ext == ".svg") return Format::svg;
  if (ext == ".png") return Format::png;
  throw Error::usage(msg(MsgId::usage_bad_format, out.string()));
}

std::optional<std::int64_t> parse_source_date_epoch(const char* value) {
  if (value == nullptr) return std::nullopt;
  const std::string_view s(value);
  if (s.empty() || s.size() > 18) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

EncodeOptions EncodeOptions::from_env() {
  EncodeOptions opt;
  opt.source_date_epoch = parse_source_date_epoch(std::getenv("SOURCE_DATE_EPOCH"));
  return opt;
}

std::vector<Blob> encode(const std::vector<Sheet>& sheets, const std::vector<Page>& pages,
                         Format format, const EncodeOptions& opt) {
  if (sheets.empty())
    throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, "nothing to render"));
  // Bounded before any pixel or byte is made (docs/limits.md): a flag such as --bleed 1e7mm
  // or --size 50x50m --dpi 300 would otherwise ask for gigabytes.
  for (const Sheet& s : sheets) {
    if (s.paper.w > kMaxSheetSide || s.paper.h > kMaxSheetSide)
      throw Error::usage(msg(MsgId::render_sheet_too_large, fmt::format("{:.0f}", s.paper.w.mm()),
                             fmt::format("{:.0f}", s.paper.h.mm()), "60 m"));
    const double px = (s.paper.w.in() * opt.dpi) * (s.paper.h.in() * opt.dpi);
    if (format == Format::png && px > kMaxPngPixels)
      throw Error::usage(msg(MsgId::render_png_too_large, fmt::format("{:.0f}", px / 1e6),
                             fmt::format("{:.0f}", kMaxPngPixels / 1e6)));
  }
  std::vector<Blob> blobs;
  switch (format) {
    case Format::pdf:
      blobs.push_back(encode_pdf(sheets, pages, opt));
      break;
    case Format::svg:
      for (const Sheet& s : sheets) blobs.push_back(encode_svg(s, pages));
      break;
    case Format::png:
      for (const Sheet& s : sheets) blobs.push_back(encode_png_strips(s, pages, opt.dpi, opt.png_compression, opt.progress));
      break;
  }
  return blobs;
}

std::vector<FileBytes> name_outputs(const std::filesystem::path& out, std::vector<Blob> blobs) {
  std::vector<FileBytes> files;
  if (blobs.size() == 1) {
    files.push_back({out, std::move(blobs.front().bytes)});
    return files;
  }
  // One scheme: at least two digits ("name-01"), more only past 99 files.
  const std::size_t width = std::max<std::size_t>(2, fmt::format("{}", blobs.size()).size());
  const std::string stem = out.stem().string(), ext = out.extension().string();
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    std::string name = fmt::format("{}-{:0{}}{}", stem, i + 1, width, ext);
    files.push_back({out.parent_path() / name, std::move(blobs[i].bytes)});
  }
  return files;
}

}  // namespace telar
