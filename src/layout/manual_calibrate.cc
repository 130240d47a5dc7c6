// SPDX-License-Identifier: GPL-3.0-or-later
// The duplex instruction for the first sheet and the duplex test sheet (telar manual
// --calibrate): what tells a person, before wasting a ream, which way their printer flips.
#include <algorithm>

#include "base/color.h"
#include "layout/manual.h"
#include "layout/manual_pages.h"
#include "layout/text.h"

namespace telar {
namespace {

using manual_detail::moon_lit;
using manual_detail::moon_outline;

// The fold, as dashed ticks at the top and bottom edges: a whole dashed line would run
// through the messages.
Shape fold_ticks(double x, double h, Rgba color) {
  const double from = Length::mm(6).pt(), len = Length::mm(14).pt();
  Shape s;
  s.path.move_to({x, from}).line_to({x, from + len});
  s.path.move_to({x, h - from - len}).line_to({x, h - from});
  s.stroke = Stroke{0.6, color, {4, 3}};
  s.slot = "fold";
  return s;
}

// An upward arrow, `h` tall, its tip at (x, y).
Shape arrow(double x, double y, double h, Rgba color) {
  const double w = h * 0.55, shaft = h * 0.2, head = h * 0.42;
  Shape s;
  s.path.move_to({x, y})
      .line_to({x + w / 2, y + head})
      .line_to({x + shaft / 2, y + head})
      .line_to({x + shaft / 2, y + h})
      .line_to({x - shaft / 2, y + h})
      .line_to({x - shaft / 2, y + head})
      .line_to({x - w / 2, y + head})
      .close();
  s.fill = color;
  s.slot = "arrow";
  return s;
}

}  // namespace

TextRun duplex_note(const std::string& text, const Template& tpl, const FontSet& fonts,
                    const std::string& lang, double width) {
  TextStyle s;
  s.font = tpl.font("small").description;
  s.color = mix(tpl.color("ink"), tpl.color("paper"), 0.3);
  s.align = PANGO_ALIGN_CENTER;
  const double max = tpl.size("small").max.pt(), min = std::min(max, 5.5);
  GRef<PangoLayout> l;
  for (double size = max; size >= min - 0.01; size -= 0.25) {
    s.size = size;
    l = make_layout(fonts, lang, s, markup_escape(text), -1);
    if (layout_width(l.get()) <= width) break;
  }
  pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
  return text_run(l, {0, 0}, s.color, "duplex-note");
}

std::vector<Page> calibration_pages(const Template& tpl, const FontSet& fonts,
                                    const std::string& lang, Size sheet) {
  const Size paper{std::max(sheet.w, sheet.h), std::min(sheet.w, sheet.h)};
  const double W = paper.w.pt(), H = paper.h.pt(), m = Length::mm(16).pt();
  const Rgba ink = tpl.color("ink"), accent = tpl.color("accent"), rule = tpl.color("rule");
  std::vector<Page> pages(2);
  for (Page& p : pages) {
    p.trim = paper;
    p.paper = tpl.color("paper");
    p.items.push_back(fold_ticks(W / 2, H, rule));
  }
  auto text = [&](Page& p, const std::string& t, const char* font, double size, Rgba color,
                  Rect box, double rotation = 0) {
    TextStyle s;
    s.font = tpl.font(font).description;
    s.size = size;
    s.color = color;
    s.align = PANGO_ALIGN_CENTER;
    s.line_spacing = 1.25;
    auto l = make_layout(fonts, lang, s, markup_escape(t), box.w);
    balance_lines(l.get(), box.w);
    const double h = layout_height(l.get()),
                 w = pango_layout_get_width(l.get()) / double(PANGO_SCALE);
    TextRun r = text_run(l, {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2}, color, "calibrate");
    if (rotation == 180) r.origin = {box.right() - (box.w - w) / 2, box.y + (box.h + h) / 2};
    r.rotation_deg = rotation;
    p.items.push_back(std::move(r));
  };
  // Front: what to do, under an arrow that says which edge is the top.
  Page& front = pages[0];
  const double col = W * 0.56;
  front.items.push_back(arrow(W / 2, m, H * 0.16, accent));
  text(front, tpl.label("calibrate_title", lang), "title", 28, ink,
       {(W - col) / 2, H * 0.3, col, H * 0.1});
  text(front, tpl.label("calibrate_front", lang), "body", 13, ink,
       {(W - col) / 2, H * 0.42, col, H * 0.3});
  const double r = 7, step = r * 4;
  for (int i = 0; i < 8; ++i) {
    const Point c{W / 2 + (i - 3.5) * step, H * 0.78};
    if (i > 0) front.items.push_back(moon_lit(c, r, i / 8.0, accent));
    front.items.push_back(moon_outline(c, r, accent, 0.6));
  }
  // Back: the two answers, one upright and one upside down; the one read upright wins.
  Page& back = pages[1];
  const double a = H * 0.1, gap = Length::mm(8).pt();
  back.items.push_back(arrow(W / 2, m, a, accent));
  text(back, tpl.label("calibrate_short", lang), "heading", 18, ink,
       {(W - col) / 2, m + a + gap, col, H / 2 - m - a - gap * 2});
  Shape divider;
  divider.path.move_to({m, H / 2}).line_to({W - m, H / 2});
  divider.stroke = Stroke{0.6, rule, {4, 3}};
  divider.slot = "calibrate";
  back.items.push_back(divider);
  text(back, tpl.label("calibrate_long", lang), "heading", 18, ink,
       {(W - col) / 2, H / 2 + gap, col, H / 2 - m - a - gap * 2}, 180);
  Shape down = arrow(W / 2, 0, a, accent);
  for (Path::Segment& seg : down.path.segments)  // turned upside down, tip at the foot
    for (Point& pt : seg.p) pt.y = H - m - pt.y;
  back.items.push_back(std::move(down));
  return pages;
}

}  // namespace telar
