// SPDX-License-Identifier: GPL-3.0-or-later
// Lesson blocks -> flow chunks for the field manual: headings with anchors, hyphenated
// paragraphs, lists with markers and printed check boxes, quotes with a bar, code on a
// tint, tables measured into rows, images fitted to the column, rules.
#pragma once

#include "compose/weave_draft.h"
#include "layout/woven.h"

#include <string>
#include <vector>

#include "base/diag.h"
#include "layout/hyphenate.h"
#include "layout/manual_flow.h"
#include "story/lessons.h"
#include "template/template.h"

namespace telar {

/// Every text style of the manual, derived once from the template.
struct ManualStyle {
  TextStyle body, quote, code, lesson, number, section, subsection, table, small;
  std::string code_font;  ///< inline code: face and size, e.g. "Noto Sans Mono 8.8"
  Rgba ink, paper, accent, soft, rule, muted;
  double leading = 12;  ///< body line height, points
  bool justify = true;  ///< option align: justify
  bool indent = true;   ///< option paragraphs: indent (else space between paragraphs)
  bool loud = false;    ///< option cover: band (the bold family of openers and headings)
};

/// The styles of `tpl`; `leading` is measured with `fonts` for `lang`.
ManualStyle manual_style(const Template& tpl, const FontSet& fonts, const std::string& lang);

struct BlockContext {
  const FontSet& fonts;
  const ManualStyle& style;
  const Hyphenator& hyphenator;
  std::string lang;
  double width = 0;        ///< the text area's width, points
  double max_image_h = 0;  ///< tallest a picture may be, points
  Diagnostics& diags;
  /// The node's woven motif (template `motif: woven`): lesson openers get a strip of it
  /// instead of their rule or bar. Null: none.
  const WeaveDraft* woven = nullptr;
  WovenInks woven_inks;  ///< its colours (layout/woven.h woven_inks)
};

/// Appends the chunks of lesson `index` (0-based): its opener (a new page, the title and
/// its anchor "lesson-<n>"), then its blocks. A first `#` heading equal to the title is
/// the title, not printed twice.
void lesson_chunks(const Lesson& lesson, int index, const BlockContext& ctx,
                   std::vector<Chunk>& out);

/// A GFM table as rows at `base`'s x and width: column widths from the cells' natural and
/// narrowest widths, a tinted header (repeated where the table runs onto a new page).
Chunk table_chunk(const Table& table, const BlockContext& ctx, Chunk base);

/// Inlines -> rich text, hyphenating the words of runs that are not code or links.
RichText rich_text(const Inlines& text, const Hyphenator* hyphenator);

}  // namespace telar
