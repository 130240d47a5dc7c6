// SPDX-License-Identifier: GPL-3.0-or-later
// Setting text with Pango: styled layouts, measuring, balanced line breaks, fitting a box
// by shrinking, and splitting a paragraph between pages at a line boundary.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <pango/pango.h>

#include "base/c_handles.h"
#include "base/geometry.h"
#include "layout/fonts.h"
#include "layout/page.h"

namespace telar {

struct TextStyle {
  std::string font;   ///< Pango description without size, e.g. "Noto Sans Bold"
  double size = 10;   ///< points
  Rgba color;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double line_spacing = 0;  ///< factor of the font's height (0 = the font's own)
  /// Baseline to baseline as a multiple of `size` (0 = not set). Unlike `line_spacing` it
  /// does not depend on the font's own height, so Latin, Arabic and fallback runs on one
  /// page keep one rhythm (a Pango absolute line height; wins over `line_spacing`).
  double leading = 0;
  double letter_spacing = 0;  ///< points
  bool break_words = false;   ///< a word longer than the line (a URL) may break anywhere
};

/// The base direction a paragraph of `text` is set in (Pango's auto-dir, with the
/// document's language as a tie-breaker): right to left when its first strong character is
/// right-to-left; in a right-to-left language (is_rtl_language), also when it has any
/// right-to-left character (so "OMAR: نص" is an Arabic sentence that starts with a Latin
/// name) or no strong character at all.
PangoDirection paragraph_direction(std::string_view lang, std::string_view text);

/// Escapes text for Pango markup.
std::string markup_escape(std::string_view text);
/// "#rrggbb" for markup attributes.
std::string hex_color(const Rgba& c);

/// A layout of `markup` (Pango markup) in `style`, wrapped at `width` points (<= 0: no
/// wrapping), on a context for `lang`. Its base direction is paragraph_direction() of its
/// text, and `style.align` means start/end: LEFT and RIGHT are swapped in a right-to-left
/// paragraph and in any paragraph of a right-to-left language. Letter spacing is left out
/// of text in a right-to-left script, whose letters join.
GRef<PangoLayout> make_layout(const FontSet& fonts, std::string_view lang, const TextStyle& style,
                              std::string_view markup, double width);

/// Logical size in points.
double layout_width(PangoLayout* layout);
double layout_height(PangoLayout* layout);
int line_count(PangoLayout* layout);
/// Bottom (points, from the layout's top) of line `index` (0-based).
double line_bottom(PangoLayout* layout, int index);
/// Byte offset in the layout's text where line `index` starts.
int line_start(PangoLayout* layout, int index);
/// True when no word had to be broken inside (every line fits the wrap width).
bool fits_width(PangoLayout* layout, double width);

/// Narrows the wrap width as far as it can go without adding a line, so the lines come out
/// even (no lone word on the last line). Keeps alignment; returns the width chosen.
double balance_lines(PangoLayout* layout, double max_width);

/// True when the layout has two lines or more and its last line holds one word only.
bool lone_last_word(PangoLayout* layout);

/// A paragraph's measure: `max_width`, or a little narrower (down to 85 %) when that keeps
/// the line count and gives the last line a second word. Sets the layout's width to it and
/// returns it. The same idea as balance_lines() for running text, where the lines above
/// must stay full.
double avoid_lone_last_word(PangoLayout* layout, double max_width);

struct Fitted {
  GRef<PangoLayout> layout;
  double size = 0;   ///< the size that fitted
  double width = 0;  ///< the wrap width used (narrower than the box when balanced): place
                     ///< the layout at (box.w - width) / 2 to centre the block
};

/// The largest size in [min, max] (quarter-point steps) at which `markup` fits `box`
/// without breaking inside a word, lines balanced when `balance`. nullopt when it does not
/// fit even at `min` (the caller names the slot in its error).
std::optional<Fitted> fit_text(const FontSet& fonts, std::string_view lang, TextStyle style,
                               std::string_view markup, Size box, double min, double max,
                               bool balance);

/// A TextRun for `layout` with its top-left at `origin`.
TextRun text_run(GRef<PangoLayout> layout, Point origin, Rgba color, std::string slot);

/// Text on a baseline grid: one line every `style.size * style.leading` points, whatever
/// the fonts a line mixes. Pango centres each font's own box on an absolute line height,
/// so a line with an Arabic run comes out taller than a Latin one; on the grid both keep
/// one rhythm. `first_baseline` is where the grid's first baseline falls below the top of
/// a line of `style`'s own font (see grid_first_baseline()).
struct LineGrid {
  double pitch = 0;           ///< baseline to baseline, points
  double first_baseline = 0;  ///< below the top of a line, points
  /// The height of `lines` lines on the grid.
  double height(int lines) const { return lines * pitch; }
};
/// The grid of `style` (which must set `leading`), measured on a line of its own font.
LineGrid line_grid(const FontSet& fonts, std::string_view lang, const TextStyle& style);
/// A TextRun for `layout` with its lines on `grid`, its first line's top at `origin`.
TextRun text_run_on_grid(GRef<PangoLayout> layout, Point origin, const LineGrid& grid, Rgba color,
                         std::string slot);

}  // namespace telar
