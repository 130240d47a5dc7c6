// SPDX-License-Identifier: GPL-3.0-or-later
#include "impose/zine8.h"

#include <stdexcept>

namespace telar {
namespace {

// Landscape frame (width = paper.h, height = paper.w) to the portrait sheet: the landscape
// top edge becomes the sheet's right edge (turn the printed sheet a quarter to the left to
// see the classic layout).
Affine landscape_to_sheet(Size paper) { return {0, 1, -1, 0, paper.w.pt(), 0}; }

Shape guide_line(Point a, Point b, Rgba color, std::vector<double> dash, double width) {
  Shape s;
  s.path.move_to(a).line_to(b);
  s.stroke = Stroke{width, color, std::move(dash)};
  s.slot = "guide";
  return s;
}

}  // namespace

ZineCell zine8_cell(int page, bool right_to_left) {
  ZineCell c;
  switch (page) {
    case 1: c = {1, 3, false}; break;
    case 2: c = {0, 3, true}; break;
    case 3: c = {0, 2, true}; break;
    case 4: c = {0, 1, true}; break;
    case 5: c = {0, 0, true}; break;
    case 6: c = {1, 0, false}; break;
    case 7: c = {1, 1, false}; break;
    case 8: c = {1, 2, false}; break;
    default: throw std::out_of_range("zine page outside 1..8");
  }
  if (right_to_left) c.column = 3 - c.column;  // the mirror image folds the same way
  return c;
}

Size zine8_page_size(Size paper) { return {paper.h / 4.0, paper.w / 2.0}; }

Sheet impose_zine8(Size paper, Rgba guide, Length printer_margin, bool right_to_left) {
  const Size cell = zine8_page_size(paper);
  const double pw = cell.w.pt(), ph = cell.h.pt();
  const double lw = paper.h.pt(), lh = paper.w.pt();  // landscape frame
  const Affine to_sheet = landscape_to_sheet(paper);

  Sheet sheet;
  sheet.paper = paper;
  for (int page = 1; page <= 8; ++page) {
    ZineCell c = zine8_cell(page, right_to_left);
    double x = c.column * pw, y = c.row * ph;
    Affine in_frame = c.upside_down ? Affine::translate(x + pw, y + ph) * Affine::rotate90(2)
                                    : Affine::translate(x, y);
    Placement p;
    p.page = static_cast<std::size_t>(page - 1);
    p.to_sheet = to_sheet * in_frame;
    p.clip = to_sheet.apply(Rect{x, y, pw, ph});
    sheet.placements.push_back(p);
  }

  // Fold ticks at both ends of every fold line, kept inside the printable area; the cut
  // runs along the long middle between the outer columns, dashed, with end bars.
  const double m = printer_margin.pt() + Length::mm(1).pt();
  const double tick = Length::mm(6).pt();
  auto add = [&](Point a, Point b, std::vector<double> dash, double width) {
    sheet.marks.push_back(guide_line(to_sheet.apply(a), to_sheet.apply(b), guide, std::move(dash), width));
  };
  for (int col = 1; col <= 3; ++col) {
    add({col * pw, m}, {col * pw, m + tick}, {}, 0.5);
    add({col * pw, lh - m - tick}, {col * pw, lh - m}, {}, 0.5);
  }
  add({m, ph}, {m + tick, ph}, {}, 0.5);
  add({lw - m - tick, ph}, {lw - m, ph}, {}, 0.5);
  const double bar = Length::mm(2.5).pt();
  add({pw, ph}, {3 * pw, ph}, {Length::mm(2).pt(), Length::mm(1.2).pt()}, 0.75);
  add({pw, ph - bar}, {pw, ph + bar}, {}, 0.75);
  add({3 * pw, ph - bar}, {3 * pw, ph + bar}, {}, 0.75);
  return sheet;
}

}  // namespace telar
