// SPDX-License-Identifier: GPL-3.0-or-later
// Private to layout/manual*.cc: the page geometry of the manual and the pages that are not
// flowed text (cover, notes, rotation calendar), plus the moon drawn as a Shape.
#pragma once

#include <string>

#include "base/diag.h"
#include "compose/manual.h"
#include "layout/manual_blocks.h"
#include "layout/manual_flow.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar::manual_detail {

/// A booklet page: margins mirrored, the inner one at the fold. Page 1 (the cover) is a
/// right-hand page, so odd pages have the inner margin on the left.
struct PageFrame {
  Size page;
  double top = 0, bottom = 0, inner = 0, outer = 0;  ///< points
  /// A right-to-left booklet is stapled on the right: its odd (recto) pages are the
  /// left-hand ones, with the inner margin on their right.
  bool rtl = false;

  static PageFrame from(const Template& tpl, Size page);
  double width() const { return page.w.pt() - inner - outer; }
  double height() const { return page.h.pt() - top - bottom; }
  /// Left edge of the text area on page `number` (1-based).
  double left(int number) const { return (number % 2 == 1) != rtl ? inner : outer; }
  Rect text(int number) const { return {left(number), top, width(), height()}; }
};

/// The moon at `phase` (0 new, 0.25 first quarter, 0.5 full, 0.75 last quarter): the lit
/// part filled with `lit`, the whole disc outlined with `outline`.
Shape moon_lit(Point centre, double radius, double phase, Rgba lit);
Shape moon_outline(Point centre, double radius, Rgba outline, double width);

Page cover_page(const ManualDoc& doc, const Template& tpl, const ManualStyle& st,
                const FontSet& fonts, const PageFrame& frame, Diagnostics& diags);
/// Ruled lines for notes under the text of `page` down to the text area's foot, headed
/// by the template's "notes" label; a quarter of the area at least stays for the lines.
void notes_block(FlowedPage& page, const Template& tpl, const ManualStyle& st, const FontSet& fonts,
                 const std::string& lang, const PageFrame& frame);

/// The braid of the node's circle's shared words, as a figure filling the text area under a
/// heading ("The words we share", in the manual's language).
Page braid_page(const ManualDoc& doc, const Template& tpl, const ManualStyle& st,
                const FontSet& fonts, const PageFrame& frame, int number);

Page notes_page(const Template& tpl, const ManualStyle& st, const FontSet& fonts,
                const std::string& lang, const PageFrame& frame, int number);
/// The back cover: the next new moons, each a handover with a line to write the crew on.
Page calendar_page(const ManualDoc& doc, const Template& tpl, const ManualStyle& st,
                   const FontSet& fonts, const PageFrame& frame, int number);

}  // namespace telar::manual_detail
