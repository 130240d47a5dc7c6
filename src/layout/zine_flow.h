// SPDX-License-Identifier: GPL-3.0-or-later
// Flowing the zine's body (rounds, turns, narration, inline pull quotes) into mini pages:
// paragraphs split between pages at line boundaries (two lines at least on each side),
// round headings kept with what follows, pull quotes never split.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compose/zine.h"
#include "layout/page.h"
#include "layout/text.h"
#include "template/template.h"

namespace telar {

struct FlowParams {
  double body_size = 9;      ///< points; every other size derives from it
  double leading = 1.32;     ///< baseline to baseline, a multiple of body_size (1.2..1.35)
  double para_gap = 0.4;     ///< space between turns, in lines (tightened with the leading)
  bool round_breaks = true;  ///< each round starts a new page
  std::set<std::size_t> skip;  ///< body block indices left out (promoted to quote pages)
  /// Text height allowed on the pages of a round (key: the round heading's block index;
  /// kPreamble for the text before the first round); absent: the whole text area. Evens
  /// a round out over the pages it runs onto.
  std::map<std::size_t, double> round_caps;
  static constexpr std::size_t kPreamble = static_cast<std::size_t>(-1);
};

struct FlowPage {
  std::vector<Item> items;            ///< positioned in page coordinates
  std::vector<std::size_t> blocks;    ///< body block indices that start on this page
  std::optional<std::size_t> done;    ///< the last body block that ends on this page
  double filled = 0;                  ///< height used, points
};

/// Flows doc.body into as many pages as needed (never more than `max_pages`; nullopt when
/// it would need more). `area` is the text area of a page, in page coordinates.
std::optional<std::vector<FlowPage>> flow_zine_body(const ZineDoc& doc, const Template& tpl,
                                                    const FontSet& fonts, const Rect& area,
                                                    const FlowParams& params, int max_pages);

/// The speaker name's size beside body text of `body_size`: a little smaller, never under
/// 6.5 pt (with the templates' 7.5 pt body minimum the two floors meet).
double speaker_size(double body_size);

/// The pull-quote block (quote text + attribution + rule or tint) at `width`, top-left at
/// (x, y); returns its height. Used inline and, larger, on a quote page.
double place_quote(std::vector<Item>& out, const ZineBlock& q, const ZineDoc& doc,
                   const Template& tpl, const FontSet& fonts, double quote_size,
                   double x, double y, double width, bool measure_only);

}  // namespace telar
