// SPDX-License-Identifier: GPL-3.0-or-later
// Plane geometry in points: Point, Rect, Box (margins), Affine (a Cairo-compatible matrix).
#pragma once

#include <cmath>

#include "base/units.h"

namespace telar {

struct Point {
  double x = 0, y = 0;  ///< points
  friend constexpr bool operator==(Point, Point) = default;
};

/// Axis-aligned rectangle in points; origin top-left, y grows downwards (as in Cairo).
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  constexpr double right() const { return x + w; }
  constexpr double bottom() const { return y + h; }
  constexpr Point center() const { return {x + w / 2, y + h / 2}; }
  constexpr Rect inset(double d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
  constexpr bool contains(const Rect& o, double eps = 1e-6) const {
    return o.x >= x - eps && o.y >= y - eps && o.right() <= right() + eps &&
           o.bottom() <= bottom() + eps;
  }
  friend constexpr bool operator==(const Rect&, const Rect&) = default;
};

/// Margins or bleed on four sides.
struct Box {
  Length top, right, bottom, left;
  static constexpr Box all(Length v) { return {v, v, v, v}; }
};

constexpr Rect inset(const Rect& r, const Box& b) {
  return {r.x + b.left.pt(), r.y + b.top.pt(), r.w - b.left.pt() - b.right.pt(),
          r.h - b.top.pt() - b.bottom.pt()};
}

/// x' = xx*x + xy*y + x0; y' = yx*x + yy*y + y0 (the layout of cairo_matrix_t).
struct Affine {
  double xx = 1, yx = 0, xy = 0, yy = 1, x0 = 0, y0 = 0;

  static constexpr Affine translate(double tx, double ty) { return {1, 0, 0, 1, tx, ty}; }
  static constexpr Affine scale(double s) { return {s, 0, 0, s, 0, 0}; }
  /// Rotation by a multiple of 90° (exact, no trigonometry rounding), counter-clockwise on
  /// paper (y down), quarter_turns in 0..3.
  static constexpr Affine rotate90(int quarter_turns) {
    switch (((quarter_turns % 4) + 4) % 4) {
      case 1: return {0, -1, 1, 0, 0, 0};
      case 2: return {-1, 0, 0, -1, 0, 0};
      case 3: return {0, 1, -1, 0, 0, 0};
      default: return {};
    }
  }
  /// this ∘ other: apply `other` first, then this.
  constexpr Affine operator*(const Affine& o) const {
    return {xx * o.xx + xy * o.yx, yx * o.xx + yy * o.yx, xx * o.xy + xy * o.yy,
            yx * o.xy + yy * o.yy, xx * o.x0 + xy * o.y0 + x0, yx * o.x0 + yy * o.y0 + y0};
  }
  constexpr Point apply(Point p) const { return {xx * p.x + xy * p.y + x0, yx * p.x + yy * p.y + y0}; }
  /// Bounding box of the transformed rectangle.
  Rect apply(const Rect& r) const {
    Point a = apply(Point{r.x, r.y}), b = apply(Point{r.right(), r.y});
    Point c = apply(Point{r.x, r.bottom()}), d = apply(Point{r.right(), r.bottom()});
    double x0_ = std::fmin(std::fmin(a.x, b.x), std::fmin(c.x, d.x));
    double y0_ = std::fmin(std::fmin(a.y, b.y), std::fmin(c.y, d.y));
    double x1 = std::fmax(std::fmax(a.x, b.x), std::fmax(c.x, d.x));
    double y1 = std::fmax(std::fmax(a.y, b.y), std::fmax(c.y, d.y));
    return {x0_, y0_, x1 - x0_, y1 - y0_};
  }
  friend constexpr bool operator==(const Affine&, const Affine&) = default;
};

}  // namespace telar
