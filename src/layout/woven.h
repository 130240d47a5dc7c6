// SPDX-License-Identifier: GPL-3.0-or-later
// The node's woven motif on the page: a weave draft's drawdown, tiled over a box, drawn
// as threads (each float one bar, a hair of paper between crossings) in two colours of
// the template, or in one ink for photocopy templates. Vectors, in the display list.
#pragma once

#include <string>
#include <vector>

#include "base/color.h"
#include "base/geometry.h"
#include "compose/weave_draft.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar {

/// The two colours a woven motif is drawn in: the warp's and the weft's. One ink (a
/// template's `motif_ink: one`): the weft is not drawn, the paper shows through.
struct WovenInks {
  Rgba warp, weft;
  bool one_ink = false;
};

/// The template's inks for `draft`: "ink" and "accent" (which is warp and which weft, the
/// draft says), or "ink" alone when the template asks for one ink.
WovenInks woven_inks(const Template& tpl, const WeaveDraft& draft);

/// The smallest thread a woven motif is drawn with: still a clean line on a photocopy.
inline constexpr double kMinWovenCellMm = 0.7;

/// Draws `draft` tiled over `box` in square cells of `cell` points (whole cells, the
/// repeat's mirror axes on the box's centre lines), appending its shapes to `items`. The
/// shapes' slot is "woven:" + draft_fingerprint(draft), so tests can tell motifs apart.
void add_woven(std::vector<Item>& items, const WeaveDraft& draft, const Rect& box, double cell,
               const WovenInks& inks);

/// The cell size for a band of `box`: as many picks as fit at kMinWovenCellMm, at most one
/// repeat and at least 8 rows.
double woven_cell_for(const WeaveDraft& draft, const Rect& box);

}  // namespace telar
