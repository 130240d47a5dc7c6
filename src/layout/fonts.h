// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled fonts, loaded through a private fontconfig (never the system's fonts, so
// output does not depend on the machine), and Pango contexts set up for stable metrics.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <pango/pango.h>

#include "base/c_handles.h"

namespace telar {

struct FaceInfo {
  std::string family;  ///< e.g. "Noto Sans"
  std::string style;   ///< e.g. "ExtraCondensed Black"
  std::string file;    ///< file name inside fonts/ (no directory: privacy)
};

struct MissingGlyph {
  char32_t code_point;
  std::size_t byte_offset;  ///< into the layout's text
};

/// One private font map. Not thread-safe: each worker thread owns its own FontSet.
class FontSet {
 public:
  /// Loads fonts/fonts.conf and every font file of `fonts_dir` into a private FcConfig.
  /// Throws Error(failure) when the folder or its config is missing.
  explicit FontSet(const std::filesystem::path& fonts_dir);
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;
  ~FontSet();

  /// A new context: resolution 72 (1 unit = 1 pt), no hinting, hint metrics off, glyph
  /// positions not rounded, language `bcp47` (picks CJK forms, hyphenation, fallback).
  GRef<PangoContext> context(std::string_view bcp47) const;

  /// A layout on a fresh context for `bcp47` with font `description` (Pango syntax, e.g.
  /// "Noto Sans Bold 11") and `markup_or_text` set as plain text.
  GRef<PangoLayout> layout(std::string_view bcp47, std::string_view description,
                           std::string_view text) const;

  /// Every bundled face, sorted by family then style (for `telar fonts`).
  std::vector<FaceInfo> faces() const;

  PangoFontMap* font_map() const { return font_map_.get(); }

  /// Characters the layout shows as boxes (no bundled font has them).
  static std::vector<MissingGlyph> missing_glyphs(PangoLayout* layout);

 private:
  FcConfig* config_ = nullptr;
  GRef<PangoFontMap> font_map_;
  std::vector<FaceInfo> faces_;
};

/// The fonts/ folder of the data directory.
std::filesystem::path bundled_fonts_dir();

}  // namespace telar
