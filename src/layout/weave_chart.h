// SPDX-License-Identifier: GPL-3.0-or-later
// `telar motif`: the node's woven motif alone on a page, with its weave draft as a chart a
// weaver (or a painter copying it square by square onto a banner) can follow: threading
// above the drawdown, tie-up at the corner, treadling at the side, numbered.
#pragma once

#include <string>

#include "base/lang.h"
#include "compose/weave_draft.h"
#include "layout/fonts.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar {

/// The motif's box: from 12 mm to 12 + kMotifBoxMm mm from the page's top, full width
/// inside 12 mm margins (docs/motifs.png is cropped from it).
inline constexpr double kMotifBoxMm = 70;

/// The motif (two repeats wide, one tall) above its draft chart; the page is 210 mm wide
/// and as tall as the chart needs. Labels in `labels_lang`; every number and mark in ink.
Page weave_chart_page(const WeaveDraft& draft, const Template& tpl, const FontSet& fonts,
                      Lang labels_lang);

}  // namespace telar
