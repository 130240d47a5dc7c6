// SPDX-License-Identifier: GPL-3.0-or-later
// The field manual's page flow: a list of chunks (text that may split between lines,
// boxes that never split, tables that split between rows) poured into pages of one text
// area, with widow and orphan control, headings kept with what follows, a new page for
// each lesson, and destinations for the table of contents and the PDF outline.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/loc.h"
#include "layout/fonts.h"
#include "layout/page.h"
#include "layout/text.h"

namespace telar {

/// Text with styled byte ranges; a piece of it can be turned into Pango markup.
struct RichRun {
  std::size_t begin = 0, end = 0;  ///< bytes of RichText::text
  bool emphasis = false, strong = false, strike = false, code = false;
  std::string link;
};
struct RichText {
  std::string text;
  std::vector<RichRun> runs;  ///< in order, covering the text without gaps

  void append(std::string_view s, const RichRun& style);
  /// Markup for text[from, to). A soft hyphen at `to`'s end becomes a visible hyphen
  /// (the piece ends where a line broke at it).
  std::string markup(std::size_t from, std::size_t to, std::string_view code_font,
                     const Rgba& link_color) const;
};

/// A quote's vertical bar beside a chunk: `x` from the text area's left; chunks of one
/// quote share its `id`, so the bar runs on through the gaps between them.
struct QuoteBar {
  int id = 0;
  double x = 0, width = 1;
  Rgba color;
};

/// Where a heading is: a destination, and its entry in the TOC and the outline.
struct Anchor {
  std::string dest;   ///< destination name, unique in the manual
  std::string title;  ///< plain text
  int level = 1;      ///< 1 = lesson, 2 = section, 3 = subsection (outline only)
};

struct TableRow {
  std::vector<Item> items;  ///< relative to the row's top-left
  double height = 0;
};

struct Chunk {
  enum class Kind { text, box, table };
  Kind kind = Kind::text;
  double x = 0;                 ///< from the text area's left, points
  double width = 0;             ///< points
  double space_before = 0;      ///< dropped at the top of a page
  bool keep_with_next = false;  ///< a heading: never last on a page
  bool new_page = false;        ///< a lesson opens on a fresh page
  int lesson = -1;              ///< which lesson it belongs to
  std::optional<Anchor> anchor;
  std::vector<QuoteBar> bars;

  // text
  RichText rich;
  TextStyle style;
  std::string code_font;  ///< inline code face ("Noto Sans Mono")
  Rgba link_color;
  bool justify = false;
  double first_indent = 0;  ///< first line indent, points
  PangoWrapMode wrap = PANGO_WRAP_WORD_CHAR;
  double pad = 0;  ///< inside a background box (code), points on every side
  std::optional<Rgba> background;
  std::vector<Item> lead;  ///< list marker or check box, relative to the first line's top-left
  std::string slot;

  // box (kind == box): items relative to the chunk's top-left
  std::vector<Item> items;
  double height = 0;

  // table (kind == table): the header is repeated on every page the table runs onto
  TableRow header;
  std::vector<TableRow> rows;
  Loc loc;  ///< for warnings
};

struct FlowedPage {
  std::vector<Item> items;  ///< x from the text area's left, y from the page's top
  std::vector<OutlineEntry> outline;
  int lesson = -1;  ///< the lesson being read at the page's foot
  bool opens_lesson = false;
  double filled = 0;  ///< height used, points
};

struct FlowEntry {
  Anchor anchor;
  std::size_t page = 0;  ///< index into FlowResult::pages
};

struct FlowResult {
  std::vector<FlowedPage> pages;
  std::vector<FlowEntry> entries;  ///< every anchor, in order
  std::vector<Loc> overfull;       ///< table rows taller than a page (they run past the foot)
};

/// Lays out a whole text chunk (or the piece text[from, to)) at its width.
GRef<PangoLayout> chunk_layout(const Chunk& c, const FontSet& fonts, std::string_view lang,
                               std::size_t from, std::size_t to);

/// Pours `chunks` into pages whose text area spans y = top .. top + height.
FlowResult flow_manual(const std::vector<Chunk>& chunks, const FontSet& fonts,
                       std::string_view lang, double top, double height);

/// Moves every point of `item` by (dx, dy).
void shift_item(Item& item, double dx, double dy);

/// Areas of the byte range [from, to) of `layout`'s text, one rectangle per line, relative
/// to the layout's top-left (for the clickable areas of links).
std::vector<Rect> text_areas(PangoLayout* layout, int from, int to);

}  // namespace telar
