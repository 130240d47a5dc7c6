// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/page.h"

#include <algorithm>
#include <limits>

namespace telar {

Rect Path::bounds() const {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double x0 = kInf, y0 = kInf, x1 = -kInf, y1 = -kInf;
  for (const Segment& s : segments) {
    const int n = s.op == Op::curve ? 3 : s.op == Op::close ? 0 : 1;
    for (int i = 0; i < n; ++i) {
      x0 = std::min(x0, s.p[i].x);
      y0 = std::min(y0, s.p[i].y);
      x1 = std::max(x1, s.p[i].x);
      y1 = std::max(y1, s.p[i].y);
    }
  }
  if (x0 > x1) return {};  // no points at all
  return {x0, y0, x1 - x0, y1 - y0};
}

Shape filled(const Path& path, Rgba color, std::string slot) {
  Shape s;
  s.path = path;
  s.fill = color;
  s.slot = std::move(slot);
  return s;
}

Shape filled(const Rect& r, Rgba color, std::string slot) {
  Path p;
  p.rect(r);
  return filled(p, color, std::move(slot));
}

}  // namespace telar
