// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/braid.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "layout/text.h"

namespace telar {
namespace {

/// Positions along (u) and across (v) the strands; mapped onto the box at the end.
struct Frame {
  Rect box;
  bool vertical;
  double along() const { return vertical ? box.h : box.w; }
  double across() const { return vertical ? box.w : box.h; }
  Point at(double u, double v) const {
    return vertical ? Point{box.x + v, box.y + u} : Point{box.x + u, box.y + v};
  }
};

}  // namespace

BraidGeometry braid_geometry(const SharedWords& shared, const Rect& box) {
  BraidGeometry g;
  const std::size_t n = std::min(shared.voices.size(), kMaxBraidStrands);
  std::vector<std::size_t> words;
  for (std::size_t w = 0; w < shared.words.size() && words.size() < kMaxBraidWords; ++w) {
    std::size_t in = 0;
    for (std::size_t v : shared.words[w].voices) in += v < n ? 1 : 0;
    if (in >= 2) words.push_back(w);
  }
  if (n < 2 || words.empty() || box.w <= 0 || box.h <= 0) return g;
  // In the order the circle first said them: the braid reads as the conversation went.
  std::stable_sort(words.begin(), words.end(), [&](std::size_t a, std::size_t b) {
    const Loc &la = shared.words[a].first, &lb = shared.words[b].first;
    return std::pair(la.line, la.column) < std::pair(lb.line, lb.column);
  });
  const Frame f{box, box.h > box.w};
  g.vertical = f.vertical;
  g.lane = f.across() / static_cast<double>(n);
  auto lane_v = [&](double lane) { return (lane + 0.5) * g.lane; };

  const double col = f.along() / static_cast<double>(words.size() + 1);
  g.step = col;
  const double a = col * 0.32;  // half the length of a crossing
  std::vector<std::size_t> lane_of(n);
  std::iota(lane_of.begin(), lane_of.end(), 0);
  g.strands.resize(n);
  for (std::size_t s = 0; s < n; ++s) {
    g.strands[s].voice = s;
    g.strands[s].path.move_to(f.at(0, lane_v(static_cast<double>(s))));
  }
  std::vector<double> u_end(n, 0), v_end(n);
  for (std::size_t s = 0; s < n; ++s) v_end[s] = lane_v(static_cast<double>(s));

  auto go_to = [&](std::size_t s, double u, double v) {  // a smooth lane change, x monotone
    const double mid = (u_end[s] + u) / 2;
    g.strands[s].path.curve_to(f.at(mid, v_end[s]), f.at(mid, v), f.at(u, v));
    u_end[s] = u;
    v_end[s] = v;
  };

  for (std::size_t k = 0; k < words.size(); ++k) {
    const double u = col * static_cast<double>(k + 1);
    // Who meets here, in their present lane order; they take a block of lanes in the middle,
    // the others keep their order above and below it.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return lane_of[x] < lane_of[y]; });
    std::vector<std::size_t> members, others;
    for (std::size_t s : order) {
      const auto& vs = shared.words[words[k]].voices;
      (std::find(vs.begin(), vs.end(), s) != vs.end() ? members : others).push_back(s);
    }
    const std::size_t first = (n - members.size()) / 2;
    std::size_t lane = 0, o = 0;
    for (; o < others.size() && lane < first; ++o) lane_of[others[o]] = lane++;
    for (std::size_t m = 0; m < members.size(); ++m) lane_of[members[m]] = first + m;
    lane = first + members.size();
    for (; o < others.size(); ++o) lane_of[others[o]] = lane++;

    BraidGeometry::Crossing c;
    c.word = words[k];
    const double v_meet = (lane_v(static_cast<double>(first)) + lane_v(static_cast<double>(first + members.size() - 1))) / 2;
    c.at = f.at(u, v_meet);
    for (std::size_t s = 0; s < n; ++s) {
      go_to(s, u - a, lane_v(static_cast<double>(lane_of[s])));
      const bool member = std::find(members.begin(), members.end(), s) != members.end();
      if (!member) {
        g.strands[s].path.line_to(f.at(u + a, v_end[s]));
        u_end[s] = u + a;
        continue;
      }
      // Through the meeting point: a cubic symmetric about it passes it at t = 1/2 and
      // leaves on the mirrored lane, so the members leave in reverse order (they cross).
      const double v_out = 2 * v_meet - v_end[s];
      g.strands[s].path.curve_to(f.at(u, v_end[s]), f.at(u, v_out), f.at(u + a, v_out));
      u_end[s] = u + a;
      v_end[s] = v_out;
      c.strands.push_back(s);
    }
    for (std::size_t m = 0; m < members.size(); ++m) lane_of[members[m]] = first + members.size() - 1 - m;
    g.crossings.push_back(std::move(c));
  }
  for (std::size_t s = 0; s < n; ++s) go_to(s, f.along(), v_end[s]);
  return g;
}

void add_braid(std::vector<Item>& items, const SharedWords& shared, const Rect& box,
               const Template& tpl, const FontSet& fonts, const std::string& lang,
               const std::string& font_role) {
  const BraidGeometry g = braid_geometry(shared, box);
  if (g.strands.empty()) return;
  const Rgba paper = tpl.color("paper"), ink = tpl.color("ink"), accent = tpl.color("accent");
  const bool one_ink = tpl.option("motif_ink", "palette") == "one";
  const double width = std::clamp(g.lane * (g.vertical ? 0.08 : 0.12), 0.8, 14.0);
  for (std::size_t s = 0; s < g.strands.size(); ++s) {
    Shape casing, strand;
    casing.path = strand.path = g.strands[s].path;
    casing.stroke = Stroke{width * 2.0, paper, {}};
    Rgba c = s % 2 == 0 ? ink : accent;
    if (one_ink) c = ink;
    // Every third strand a lighter tint: neighbours of one colour stay apart.
    if (s % 3 == 2) c = mix(c, paper, 0.35);
    strand.stroke = Stroke{width, c, one_ink && s % 2 == 1 ? std::vector<double>{width * 2.5, width * 1.2} : std::vector<double>{}};
    casing.slot = strand.slot = "braid";
    items.push_back(std::move(casing));
    items.push_back(std::move(strand));
  }
  TextStyle style;
  style.font = tpl.font(font_role).description;
  style.color = ink;
  style.align = PANGO_ALIGN_LEFT;  // one word: the pill is measured round it
  // The word reads across its crossing: as tall as a lane allows, at most two lanes wide
  // across vertical strands (the neighbours' strands are a lane and a half away), and
  // never smaller than 7 pt.
  style.size = std::clamp(g.lane * 0.6, 7.0, 200.0);
  for (const BraidGeometry::Crossing& c : g.crossings) {
    const std::string& word = shared.words[c.word].word;
    auto fitted = fit_text(fonts, lang, style, markup_escape(word),
                           Size{Length::pt(g.vertical ? g.lane * 1.6 : std::min(g.lane * 5, g.step * 0.85)),
                                Length::pt(g.vertical ? std::min(g.lane * 0.8, g.step * 0.42) : g.lane * 0.95)},
                           std::min(7.0, style.size), style.size, false);
    GRef<PangoLayout> l = fitted ? fitted->layout : make_layout(fonts, lang, style, markup_escape(word), -1);
    const double w = layout_width(l.get()), h = layout_height(l.get());
    const double pad = h * 0.18;
    Rect pill{c.at.x - w / 2 - pad * 1.6, c.at.y - h / 2 - pad, w + pad * 3.2, h + pad * 2};
    pill.x = std::clamp(pill.x, box.x, box.right() - pill.w);
    pill.y = std::clamp(pill.y, box.y, box.bottom() - pill.h);
    Shape back = filled(pill, paper, "braid-word");
    back.stroke = Stroke{std::max(0.5, width * 0.35), ink, {}};
    items.push_back(std::move(back));
    items.push_back(text_run(l, {pill.x + pad * 1.6, pill.y + pad}, ink, "braid-word"));
  }
}

}  // namespace telar
