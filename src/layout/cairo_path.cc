// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/cairo_path.h"

namespace telar {

void append_path(cairo_t* cr, const Path& path) {
  cairo_new_path(cr);
  for (const Path::Segment& s : path.segments) {
    switch (s.op) {
      case Path::Op::move:
        cairo_move_to(cr, s.p[0].x, s.p[0].y);
        break;
      case Path::Op::line:
        cairo_line_to(cr, s.p[0].x, s.p[0].y);
        break;
      case Path::Op::curve:
        cairo_curve_to(cr, s.p[0].x, s.p[0].y, s.p[1].x, s.p[1].y, s.p[2].x, s.p[2].y);
        break;
      case Path::Op::close:
        cairo_close_path(cr);
        break;
    }
  }
}

}  // namespace telar
