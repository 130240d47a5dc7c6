// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled fonts, loaded through a private fontconfig (never the system's fonts, so
// output does not depend on the machine), and Pango contexts set up for stable metrics.
#pragma once

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>  // std::exchange in c_handles.h
#include <vector>

#include "base/c_handles.h"

namespace telar {

struct FaceInfo {
  std::string family;   ///< e.g. "Noto Sans"
  std::string style;    ///< e.g. "ExtraCondensed Black"
  std::string file;     ///< file name only, no directory (privacy)
  std::string version;  ///< the font's version ("2.004"), from fontconfig's fontversion
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
  /// An empty tag gives "und", never the process locale.
  GRef<PangoContext> context(std::string_view bcp47) const;

  /// A layout on a fresh context for `bcp47` with font `description` (Pango syntax, e.g.
  /// "Noto Sans Bold 11") and `text` set as plain text.
  GRef<PangoLayout> layout(std::string_view bcp47, std::string_view description,
                           std::string_view text) const;

  /// Every bundled face, sorted by family then style (for `telar fonts`).
  std::vector<FaceInfo> faces() const;

  /// CJK comes from the system (FONTS.md §5). Call this before laying out text for which
  /// has_cjk() is true: the first call in the process loads the system fontconfig
  /// (tens of ms, so never at start-up), picks per zh/ja/ko the first family found of
  /// Noto Sans CJK, Source Han Sans, WenQuanYi Micro Hei, Droid Sans Fallback, Noto Serif
  /// CJK, IPAGothic, NanumGothic, AR PL UMing, and adds every file of it to this set.
  /// Returns the system faces now in use (empty: none found, and CJK characters stay in
  /// missing_glyphs()). Idempotent. Contexts made earlier see the new fonts;
  /// layouts made earlier need pango_layout_context_changed().
  const std::vector<FaceInfo>& add_system_cjk();
  /// The system faces add_system_cjk() added (for `telar fonts`: CJK output is
  /// reproducible only with the same files and versions).
  const std::vector<FaceInfo>& system_cjk_faces() const { return cjk_faces_; }

  /// Every other script the bundle lacks (Devanagari, Malayalam, Kannada, Thai, Tibetan,
  /// Ethiopic, …, emoji) also comes from the system, from Debian's fonts-noto-core and
  /// fonts-noto-color-emoji (scripts/setup-debian.sh), added only when `utf8` needs it, so
  /// text the bundle covers lays out the same on every machine. Adds the CJK faces when
  /// has_cjk(utf8), then, for each character no face loaded so far has (controls and
  /// default-ignorable characters aside), every file of the first system "Noto" family that
  /// has it: the emoji font for emoji, then Noto Sans X, Noto Serif X, the symbol faces and
  /// other Noto families. A character no system font has stays in missing_glyphs().
  /// Idempotent per family; contexts made earlier see the new fonts.
  void add_system_fallback(std::string_view utf8);
  /// The non-CJK system faces add_system_fallback() added, sorted (for `telar fonts`).
  const std::vector<FaceInfo>& system_fallback_faces() const { return fallback_faces_; }
  /// True when a face loaded so far (bundled or added) has every character of `utf8` that
  /// needs a glyph: add_system_fallback() would add nothing.
  bool covers(std::string_view utf8) const;

  PangoFontMap* font_map() const { return font_map_.get(); }

  /// Characters the layout shows as boxes (no loaded font has them), in text order.
  static std::vector<MissingGlyph> missing_glyphs(PangoLayout* layout);

  /// True when `utf8` has Han, kana, Hangul, Bopomofo or CJK/full-width punctuation:
  /// characters only system fonts can supply.
  static bool has_cjk(std::string_view utf8);

 private:
  /// Adds one font file to the private config, its faces to `added` and its characters.
  void add_file(const std::string& file, std::vector<FaceInfo>& added);

  FcConfigRef config_;
  GRef<PangoFontMap> font_map_;
  std::vector<FaceInfo> faces_;
  bool cjk_added_ = false;
  std::vector<FaceInfo> cjk_faces_;
  std::vector<FaceInfo> fallback_faces_;
  std::vector<std::string> fallback_families_;  ///< the system families added
  std::unique_ptr<FcCharSet, Free<FcCharSetDestroy>> chars_;  ///< every loaded face's
};

/// The fonts/ folder of the data directory.
std::filesystem::path bundled_fonts_dir();

}  // namespace telar
