// SPDX-License-Identifier: GPL-3.0-or-later
// A colour with alpha, components 0..1 (templates parse "#rrggbb[aa]" into this).
#pragma once

namespace telar {

struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;
  friend constexpr bool operator==(const Rgba&, const Rgba&) = default;
};

/// `a` moved toward `b` by t (0 = a, 1 = b), opaque: a tint or a shade for print.
constexpr Rgba mix(Rgba a, Rgba b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}

}  // namespace telar
