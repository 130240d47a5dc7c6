// SPDX-License-Identifier: GPL-3.0-or-later
// The classic 8-page mini-zine on one sheet: one fold, one cut. Pure geometry.
//
// Seen with the sheet turned to landscape (4 columns x 2 rows), pages sit as
//     [5] [4] [3] [2]    top row, upside down
//     [6] [7] [8] [1]    bottom row, upright
// Folded in half along the long middle, cut along the middle between the outer columns,
// and pushed together, the sheet becomes a booklet reading 1..8. A right-to-left zine
// mirrors the columns ([2] [3] [4] [5] over [1] [8] [7] [6]): the same folds, read from
// the other side. The PDF page stays
// portrait (what every printer expects); the landscape layout is turned 90° on it.
#pragma once

#include <array>
#include <vector>

#include "impose/sheet.h"

namespace telar {

struct ZineCell {
  int row;            ///< 0 = top row (upside down), 1 = bottom row, landscape view
  int column;         ///< 0..3 from the left, landscape view
  bool upside_down;
};

/// Where reading page `page` (1..8) sits on the sheet. `right_to_left` (an Arabic or
/// Hebrew zine, read from the other side) mirrors the columns: the same fold and cut give a
/// booklet bound on its right edge, page 1 the front cover there.
ZineCell zine8_cell(int page, bool right_to_left = false);

/// The size of one mini page on `paper` (portrait sheet): paper.h / 4 by paper.w / 2.
Size zine8_page_size(Size paper);

/// Imposes exactly 8 pages of zine8_page_size(paper) on one portrait sheet, with fold ticks
/// and the cut line as marks in `guide` colour (outside every page's content: they lie on
/// page boundaries, inside the page margins). `printer_margin` keeps ticks off the
/// sheet's unprintable edge.
Sheet impose_zine8(Size paper, Rgba guide, Length printer_margin = Length::mm(5),
                   bool right_to_left = false);

}  // namespace telar
