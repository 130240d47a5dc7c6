// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/weave_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/messages.h"
#include "base/units.h"
#include "layout/text.h"
#include "layout/woven.h"

namespace telar {
namespace {

/// A grid of `cols` x `rows` cells at `origin`, with the cells `on` filled.
template <class On>
void grid(Page& p, Point origin, int cols, int rows, double cell, Rgba ink, Rgba rule, On on,
          const std::string& slot) {
  Shape lines, marks;
  for (int c = 0; c <= cols; ++c)
    lines.path.move_to({origin.x + c * cell, origin.y}).line_to({origin.x + c * cell, origin.y + rows * cell});
  for (int r = 0; r <= rows; ++r)
    lines.path.move_to({origin.x, origin.y + r * cell}).line_to({origin.x + cols * cell, origin.y + r * cell});
  lines.stroke = Stroke{std::max(0.25, cell * 0.05), rule, {}};
  const double inset = cell * 0.12;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      if (on(c, r)) marks.path.rect({origin.x + c * cell + inset, origin.y + r * cell + inset, cell - 2 * inset, cell - 2 * inset});
  marks.fill = ink;
  lines.slot = marks.slot = slot;
  if (!marks.path.segments.empty()) p.items.push_back(std::move(marks));
  p.items.push_back(std::move(lines));
}

}  // namespace

Page weave_chart_page(const WeaveDraft& d, const Template& tpl, const FontSet& fonts, Lang ui) {
  const double margin = Length::mm(12).pt(), width = Length::mm(210).pt();
  const double inner = width - 2 * margin;
  const Rgba ink = tpl.color("ink"), paper = tpl.color("paper");
  const Rgba rule = mix(ink, paper, 0.6);
  const std::string lang = ui == Lang::es ? "es" : "en";
  auto L = [ui](std::string_view en) { return std::string(label(en, ui)); };
  Page p;
  p.paper = paper;
  double y = margin;

  TextStyle head;
  head.font = tpl.fonts.count("title") ? tpl.font("title").description : "Noto Sans Bold";
  head.size = 13;
  head.color = ink;
  TextStyle small = head;
  small.font = tpl.fonts.count("small") ? tpl.font("small").description : "Noto Sans";
  small.size = 7.5;

  auto text = [&](const std::string& s, const TextStyle& st, double x, double at, double w, const std::string& slot) {
    auto l = make_layout(fonts, lang, st, markup_escape(s), w);
    const double h = layout_height(l.get());
    p.items.push_back(text_run(l, {x, at}, st.color, slot));
    return h;
  };

  // The motif in a box of fixed height (kMotifBoxMm: pictures can crop it there): two
  // repeats wide, one repeat tall, in whole cells, centred.
  const double box_h = Length::mm(kMotifBoxMm).pt();
  const double mcell = std::min(inner / (2.0 * d.warps()), box_h / d.picks());
  add_woven(p.items, d, Rect{margin, y, inner, box_h}, mcell, woven_inks(tpl, d));
  y += box_h + Length::mm(6).pt();

  // The chart: threading above the drawdown, tie-up in the corner, treadling at the side.
  const int W = d.warps(), P = d.picks();
  const double cell = std::min(Length::mm(3).pt(), inner / (W + 1.5 + kTreadles));
  const double gap = cell * 1.5;
  const double x_tie = margin + W * cell + gap;
  y += text(fmt::format("{} \u00b7 {}", L("weave draft"), fmt::format(fmt::runtime(L("{0} shafts, {1} treadles (the last two: plain weave); no float longer than {2}")), kShafts, kTreadles, kMaxFloat)),
            small, margin, y, inner, "chart-label") + Length::mm(2).pt();
  text(L("threading"), small, margin, y, W * cell, "chart-label");
  y += small.size * 1.5;
  grid(p, {margin, y}, W, kShafts, cell, ink, rule,
       [&](int c, int r) { return d.threading[static_cast<std::size_t>(c)] == kShafts - 1 - r; }, "threading");
  grid(p, {x_tie, y}, kTreadles, kShafts, cell, ink, rule,
       [&](int c, int r) { return d.tie_up[static_cast<std::size_t>(c)][static_cast<std::size_t>(kShafts - 1 - r)]; }, "tie-up");
  text(L("tie-up"), small, x_tie, y - small.size * 1.5, kTreadles * cell + margin, "chart-label");
  y += kShafts * cell + gap;
  grid(p, {margin, y}, W, P, cell, ink, rule, [&](int c, int r) { return d.warp_up(c, r); }, "drawdown");
  grid(p, {x_tie, y}, kTreadles, P, cell, ink, rule,
       [&](int c, int r) { return d.treadling[static_cast<std::size_t>(r)] == c; }, "treadling");
  y += P * cell + Length::mm(2).pt();
  text(L("drawdown: a filled square is warp over weft"), small, margin, y, W * cell, "chart-label");
  y += text(L("treadling"), small, x_tie, y, kTreadles * cell + margin, "chart-label");
  p.trim = Size{Length::pt(width), Length::pt(y + margin)};
  return p;
}

}  // namespace telar
