// SPDX-License-Identifier: GPL-3.0-or-later
// The manual's pages that are drawn rather than flowed: cover, notes, rotation calendar.
#include "layout/manual_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "base/color.h"
#include "base/utf8.h"
#include "base/lang.h"
#include "base/messages.h"
#include "layout/braid.h"
#include "layout/text.h"
#include "layout/woven.h"

namespace telar::manual_detail {
namespace {

constexpr double kKappa = 0.5522847498;  // cubic Bézier quarter circle

// Half an ellipse from the top of the disc to its bottom, bulging by `a` (signed) in x.
void half_ellipse(Path& p, Point c, double r, double a, bool downward) {
  const Point top{c.x, c.y - r}, mid{c.x + a, c.y}, bottom{c.x, c.y + r};
  if (downward) {
    p.curve_to({c.x + a * kKappa, top.y}, {mid.x, c.y - r * kKappa}, mid);
    p.curve_to({mid.x, c.y + r * kKappa}, {c.x + a * kKappa, bottom.y}, bottom);
  } else {
    p.curve_to({c.x + a * kKappa, bottom.y}, {mid.x, c.y + r * kKappa}, mid);
    p.curve_to({mid.x, c.y - r * kKappa}, {c.x + a * kKappa, top.y}, top);
  }
}

TextStyle spaced(TextStyle s, double spacing = 0.12) {
  s.letter_spacing = s.size * spacing;
  return s;
}

class Cover {
 public:
  Cover(const ManualDoc& doc, const Template& tpl, const ManualStyle& st, const FontSet& fonts,
        const PageFrame& frame, Diagnostics& diags)
      : doc_(doc), tpl_(tpl), st_(st), fonts_(fonts), frame_(frame), diags_(diags) {
    page_.trim = frame.page;
    page_.paper = st.paper;
  }

  Page build() && {
    if (st_.loud)
      band();
    else
      moon();
    if (doc_.mark.woven) woven_foot();
    return std::move(page_);
  }

 private:
  std::optional<Fitted> title(TextStyle ts, Size box) {
    const SizeRange& r = tpl_.size("title");
    auto f = fit_text(fonts_, doc_.lang, ts, markup_escape(doc_.title), box, r.min.pt(), r.max.pt(),
                      true);
    if (!f) diags_.error(Loc{}, msg(MsgId::zine_slot_does_not_fit, ui_word("title"), r.min.pt()));
    return f;
  }

  double add(const std::string& text, TextStyle s, double x, double y, double w, const char* slot) {
    auto l = make_layout(fonts_, doc_.lang, s, markup_escape(text), w);
    page_.items.push_back(text_run(l, {x, y}, s.color, slot));
    return layout_height(l.get());
  }

  std::string crew() const {
    std::string out;
    for (const std::string& n : doc_.crew) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  std::string label(const char* key) const { return tpl_.label(key, doc_.lang); }

  /// The node's woven motif across the cover's foot margin, eight picks deep.
  void woven_foot() {
    const double m = Length::mm(8).pt(), pw = frame_.page.w.pt(), ph = frame_.page.h.pt();
    const double cell = std::min(Length::mm(0.8).pt(), m * 0.7 / 8);
    add_woven(page_.items, *doc_.mark.woven, {m, ph - m * 0.15 - cell * 8, pw - 2 * m, cell * 8}, cell,
              woven_inks(tpl_, *doc_.mark.woven));
  }

  void moon() {
    const Rect a = frame_.text(1);
    TextStyle centred = st_.small;
    centred.align = PANGO_ALIGN_CENTER;
    double y = a.y + a.h * 0.04;
    if (doc_.title != label("title")) {
      TextStyle k = spaced(centred, 0.2);
      k.color = st_.accent;
      y += add(to_upper(label("title")), k, a.x, y, a.w, "cover");
    }
    TextStyle ts;
    ts.font = tpl_.font("title").description;
    ts.color = st_.ink;
    ts.align = PANGO_ALIGN_CENTER;
    ts.line_spacing = 1.05;
    const double title_top = a.y + a.h * 0.2;
    auto f = title(ts, Size{Length::pt(a.w), Length::pt(a.h * 0.3)});
    if (!f) return;
    page_.items.push_back(
        text_run(f->layout, {a.x + (a.w - f->width) / 2, title_top}, ts.color, "title"));
    y = title_top + layout_height(f->layout.get()) + Length::mm(5).pt();
    const double rule_w = Length::mm(14).pt();
    page_.items.push_back(filled({a.x + (a.w - rule_w) / 2, y, rule_w, 1.2}, st_.accent, "cover"));
    y += Length::mm(4).pt();
    if (!doc_.node.empty()) {
      TextStyle ns = spaced(centred, 0.1);
      ns.size = st_.small.size * 1.15;
      ns.color = st_.ink;
      y += add(to_upper(doc_.node), ns, a.x, y, a.w, "node");
    }
    // A lunation across the page, new moon to waning crescent, between the title and
    // the colophon.
    const int phases = 8;
    const double step = a.w * 0.86 / phases, r = std::min(step * 0.34, 10.0);
    const double cy = std::max(a.y + a.h * 0.62, y + r + st_.leading * 2);
    for (int i = 0; i < phases; ++i) {
      // Read in the manual's direction: right to left in Arabic or Hebrew.
      const double along = a.w * 0.07 + step * (i + 0.5);
      const Point c{frame_.rtl ? a.right() - along : a.x + along, cy};
      if (i > 0) page_.items.push_back(moon_lit(c, r, i / double(phases), st_.accent));
      page_.items.push_back(moon_outline(c, r, st_.accent, 0.6));
    }
    // The crew and the cycle, from the foot of the page up.
    double bottom = a.bottom();
    auto pair = [&](const std::string& key, const std::string& value) {
      TextStyle vs = st_.quote;
      vs.align = PANGO_ALIGN_CENTER;
      auto vl = make_layout(fonts_, doc_.lang, vs, markup_escape(value), a.w);
      TextStyle ks = spaced(centred, 0.16);
      ks.color = st_.accent;
      auto kl = make_layout(fonts_, doc_.lang, ks, markup_escape(to_upper(key)), a.w);
      const double vh = layout_height(vl.get()), kh = layout_height(kl.get());
      page_.items.push_back(text_run(vl, {a.x, bottom - vh}, vs.color, "cover"));
      page_.items.push_back(text_run(kl, {a.x, bottom - vh - kh - 2}, ks.color, "cover"));
      bottom -= vh + kh + 2 + st_.leading * 1.2;
    };
    pair(label("cycle"), date_span(doc_.cycle_start, doc_.cycle_end, doc_.lang));
    if (!doc_.crew.empty()) pair(label("crew"), crew());
  }

  void band() {
    const double m = Length::mm(8).pt(), pad = Length::mm(7).pt();
    const double pw = frame_.page.w.pt(), ph = frame_.page.h.pt();
    const Rect band{m, m, pw - 2 * m, ph * 0.58 - m};
    page_.items.push_back(filled(band, st_.ink, "cover"));
    TextStyle k = spaced(st_.small, 0.18);
    k.size = st_.small.size * 1.3;
    k.color = st_.accent;
    double kh = 0;
    if (doc_.title != label("title"))
      kh = add(to_upper(label("title")), k, band.x + pad, band.y + pad, band.w - 2 * pad, "cover") +
           Length::mm(3).pt();
    TextStyle ts;
    ts.font = tpl_.font("title").description;
    ts.color = st_.paper;
    ts.line_spacing = 0.95;
    auto f = title(ts, Size{Length::pt(band.w - 2 * pad), Length::pt(band.h - 2 * pad - kh)});
    if (!f) return;
    const double th = layout_height(f->layout.get());
    // A balanced title may be narrower than the band: it hangs from the start side.
    const double tx = frame_.rtl ? band.right() - pad - f->width : band.x + pad;
    page_.items.push_back(text_run(f->layout, {tx, band.bottom() - pad - th}, ts.color, "title"));

    // The words below the band line up with the title inside it.
    const Rect text = frame_.text(1);
    const Rect a{band.x + pad, text.y, band.w - 2 * pad, text.h};
    double y = band.bottom() + Length::mm(7).pt();
    auto row = [&](const std::string& key, const std::string& value) {
      if (value.empty()) return;
      TextStyle ks = spaced(st_.small, 0.14);
      ks.color = st_.accent;
      y += add(to_upper(key), ks, a.x, y, a.w, "cover") + 1.5;
      TextStyle vs = st_.body;
      vs.font = tpl_.font("heading").description;
      vs.size = st_.body.size * 1.45;
      y += add(value, vs, a.x, y, a.w, "cover") + Length::mm(3.5).pt();
    };
    row(label("node"), doc_.node);
    row(label("crew"), crew());
    row(label("cycle"), date_span(doc_.cycle_start, doc_.cycle_end, doc_.lang));
    // The next new moons as a row of dark discs: the rotation ahead.
    const int n = static_cast<int>(doc_.moons.size());
    const double r = 3.2, step = n > 1 ? (a.w - 2 * r) / (n - 1) : 0;
    for (int i = 0; i < n; ++i) {
      const double along = r + step * i;  // the next moon first, at the start side
      const Point c{frame_.rtl ? a.right() - along : a.x + along, a.bottom() - r};
      Shape disc = moon_lit(c, r, 0.5, i == 0 ? st_.accent : st_.ink);
      page_.items.push_back(std::move(disc));
    }
  }

  const ManualDoc& doc_;
  const Template& tpl_;
  const ManualStyle& st_;
  const FontSet& fonts_;
  const PageFrame& frame_;
  Diagnostics& diags_;
  Page page_;
};

}  // namespace

PageFrame PageFrame::from(const Template& tpl, Size page) {
  PageFrame f;
  f.page = page;
  f.top = tpl.margins.top.pt();
  f.bottom = tpl.margins.bottom.pt();
  f.inner = tpl.margins.left.pt();
  f.outer = tpl.margins.right.pt();
  return f;
}

Shape moon_lit(Point c, double r, double phase, Rgba lit) {
  phase -= std::floor(phase);
  const double side = phase < 0.5 ? 1 : -1;
  const double k = std::cos(2 * std::numbers::pi * phase);
  Shape s;
  s.path.move_to({c.x, c.y - r});
  half_ellipse(s.path, c, r, side * r, true);       // the lit limb
  half_ellipse(s.path, c, r, side * k * r, false);  // back along the terminator
  s.path.close();
  s.fill = lit;
  s.slot = "moon";
  return s;
}

Shape moon_outline(Point c, double r, Rgba outline, double width) {
  Shape s;
  s.path.move_to({c.x, c.y - r});
  half_ellipse(s.path, c, r, r, true);
  half_ellipse(s.path, c, r, -r, false);
  s.path.close();
  s.stroke = Stroke{width, outline, {}};
  s.slot = "moon";
  return s;
}

Page cover_page(const ManualDoc& doc, const Template& tpl, const ManualStyle& st,
                const FontSet& fonts, const PageFrame& frame, Diagnostics& diags) {
  return Cover(doc, tpl, st, fonts, frame, diags).build();
}

void notes_block(FlowedPage& page, const Template& tpl, const ManualStyle& st, const FontSet& fonts,
                 const std::string& lang, const PageFrame& frame) {
  const double step = st.leading * 1.6;
  const double top = frame.top + page.filled + st.leading * 2.2, bottom = frame.top + frame.height();
  TextStyle ls = st.small;
  ls.color = st.accent;
  ls.letter_spacing = ls.size * 0.08;
  auto l = make_layout(fonts, lang, ls, markup_escape(to_upper(tpl.label("notes", lang))), frame.width());
  const double first = top + layout_height(l.get()) + step;
  if (bottom - first < frame.height() * 0.25) return;
  page.items.push_back(text_run(l, {0, top}, ls.color, "notes"));
  Shape lines;
  for (double y = first; y <= bottom + 0.01; y += step) lines.path.move_to({0, y}).line_to({frame.width(), y});
  lines.stroke = Stroke{0.4, st.rule, {}};
  lines.slot = "notes";
  page.items.push_back(std::move(lines));
}

Page braid_page(const ManualDoc& doc, const Template& tpl, const ManualStyle& st,
                const FontSet& fonts, const PageFrame& frame, int number) {
  Page p;
  p.trim = frame.page;
  p.paper = st.paper;
  const Rect a = frame.text(number);
  const std::string heading(telar::label("the words we share", lang_from_tag(doc.lang)));
  auto l = make_layout(fonts, doc.lang, st.section, markup_escape(heading), a.w);
  p.items.push_back(text_run(l, {a.x, a.y}, st.section.color, "braid"));
  const double top = a.y + layout_height(l.get()) + st.leading;
  add_braid(p.items, *doc.mark.braid, {a.x, top, a.w, a.bottom() - top}, tpl, fonts, doc.lang, "heading");
  return p;
}

Page notes_page(const Template& tpl, const ManualStyle& st, const FontSet& fonts,
                const std::string& lang, const PageFrame& frame, int number) {
  Page p;
  p.trim = frame.page;
  p.paper = st.paper;
  const Rect a = frame.text(number);
  TextStyle hs = st.section;
  auto l = make_layout(fonts, lang, hs, markup_escape(tpl.label("notes", lang)), a.w);
  p.items.push_back(text_run(l, {a.x, a.y}, hs.color, "notes"));
  const double step = st.leading * 1.6;
  Shape lines;
  for (double y = a.y + layout_height(l.get()) + step * 1.3; y <= a.bottom() + 0.01; y += step)
    lines.path.move_to({a.x, y}).line_to({a.right(), y});
  lines.stroke = Stroke{0.4, st.rule, {}};
  lines.slot = "notes";
  p.items.push_back(std::move(lines));
  return p;
}

Page calendar_page(const ManualDoc& doc, const Template& tpl, const ManualStyle& st,
                   const FontSet& fonts, const PageFrame& frame, int number) {
  Page p;
  p.trim = frame.page;
  p.paper = st.paper;
  const Rect a = frame.text(number);
  const std::string& lang = doc.lang;
  auto add = [&](const std::string& text, TextStyle s, double x, double y, double w,
                 const char* slot) {
    auto l = make_layout(fonts, lang, s, markup_escape(text), w);
    p.items.push_back(text_run(l, {x, y}, s.color, slot));
    return l;
  };
  p.items.push_back(Dest{"calendar", {a.x, a.y}});
  p.outline.push_back({tpl.label("calendar", lang), "calendar", 1});
  TextStyle hs = st.lesson;
  hs.size = std::min(hs.size, st.section.size * 1.5);
  const std::string heading = tpl.label("calendar", lang);
  double y =
      a.y + layout_height(
                add(st.loud ? to_upper(heading) : heading, hs, a.x, a.y, a.w, "calendar").get());
  y += st.leading * 0.5;
  TextStyle ns = st.quote;
  ns.size = st.body.size * 0.92;
  ns.color = st.muted;
  y += layout_height(add(tpl.label("calendar_note", lang), ns, a.x, y, a.w, "calendar").get());
  y += st.leading * 0.4;
  TextStyle cs = st.small;
  cs.color = st.ink;
  const std::string cycle = fmt::format("{}: {}", tpl.label("cycle", lang),
                                        date_span(doc.cycle_start, doc.cycle_end, lang));
  y += layout_height(add(cycle, cs, a.x, y, a.w, "calendar").get()) + st.leading * 1.1;

  // Column heads, then one row per new moon: a dark disc, the date, a line to write on;
  // the columns run from the start side, so right to left in a right-to-left manual.
  // `at(x, w)` places a column `x` points from the start side, `w` wide.
  const auto at = [&](double x, double w) { return frame.rtl ? a.right() - x - w : a.x + x; };
  TextStyle ks = spaced(st.small, 0.14);
  ks.color = st.accent;
  const double disc = st.body.size * 0.42, date_x = disc * 2 + st.body.size * 0.9;
  const double line_x = date_x + st.body.size * 9.5;
  add(to_upper(tpl.label("new_moon", lang)), ks, at(date_x, line_x - date_x), y, line_x - date_x,
      "calendar");
  auto kl = add(to_upper(tpl.label("crew", lang)), ks, at(line_x, a.w - line_x), y, a.w - line_x,
                "calendar");
  y += layout_height(kl.get()) + st.leading * 0.2;
  const int n = static_cast<int>(doc.moons.size());
  const double row = n > 0 ? std::min(st.leading * 2.1, (a.bottom() - y) / n) : 0;
  TextStyle ds = st.body;
  Shape lines;
  for (int i = 0; i < n; ++i) {
    auto dl = make_layout(
        fonts, lang, ds,
        markup_escape(calendar_date(doc.moons[static_cast<std::size_t>(i)], lang, true)),
        line_x - date_x);
    const double base = y + row * (i + 1) - row * 0.3;
    const double ty = base - pango_layout_get_baseline(dl.get()) / double(PANGO_SCALE);
    p.items.push_back(text_run(dl, {at(date_x, line_x - date_x), ty}, ds.color, "calendar-date"));
    p.items.push_back(moon_lit({at(disc, 0), base - ds.size * 0.33}, disc, 0.5,
                               i == 0 ? st.accent : st.ink));
    const double x0 = at(line_x, a.w - line_x);
    lines.path.move_to({x0, base + 1}).line_to({x0 + a.w - line_x, base + 1});
  }
  lines.stroke = Stroke{0.5, st.rule, {}};
  lines.slot = "calendar";
  p.items.push_back(std::move(lines));
  return p;
}

}  // namespace telar::manual_detail
