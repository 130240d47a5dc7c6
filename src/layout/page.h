// SPDX-License-Identifier: GPL-3.0-or-later
// The display list: pages shaped and positioned, final, format-free. Plain data that
// tests inspect ("no item crosses the trim") and the renderer paints once per sheet.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <pango/pango.h>

#include "base/c_handles.h"
#include "base/color.h"
#include "base/geometry.h"
#include "base/units.h"

namespace telar {

struct Path {
  enum class Op { move, line, curve, close };
  struct Segment {
    Op op;
    Point p[3];
  };
  std::vector<Segment> segments;

  Path& move_to(Point p) { segments.push_back({Op::move, {p}}); return *this; }
  Path& line_to(Point p) { segments.push_back({Op::line, {p}}); return *this; }
  Path& curve_to(Point a, Point b, Point c) { segments.push_back({Op::curve, {a, b, c}}); return *this; }
  Path& close() { segments.push_back({Op::close, {}}); return *this; }
  Path& rect(const Rect& r) {
    return move_to({r.x, r.y}).line_to({r.right(), r.y}).line_to({r.right(), r.bottom()})
        .line_to({r.x, r.bottom()}).close();
  }
  /// Bounding box of all points (control points included).
  Rect bounds() const;
};

struct Stroke {
  double width = 0.5;  ///< points
  Rgba color;
  std::vector<double> dash;  ///< points; empty = solid
};

/// Laid-out text. `layout` was shaped with the FontSet's context (72 dpi, no hinting);
/// painting never calls pango_cairo_update_layout, so every format shows the same lines.
struct TextRun {
  Point origin;  ///< top-left of the layout's logical box, points
  GRef<PangoLayout> layout;
  Rgba color;
  double rotation_deg = 0;  ///< about `origin`, clockwise on paper (0, 90, 180, 270 used)
  std::string slot;         ///< which template slot this is ("title", "body"…), for tests
  /// Empty: each line where Pango puts it. Else line i's baseline, points below `origin`:
  /// the zine body sets every line on one pitch, whatever the height of the fonts a line
  /// mixes (Pango makes a line with an Arabic run taller than a Latin one).
  std::vector<double> baselines;
};

/// A motif or image, pre-rendered once (recording surface for SVG, image surface with
/// MIME data for JPEG/PNG), scaled from `natural` into `box`.
struct Picture {
  Rect box;
  SurfaceRef art;
  Size natural;
  std::string slot;
};

struct Shape {
  Path path;
  std::optional<Rgba> fill;
  std::optional<Stroke> stroke;
  bool even_odd = false;  ///< fill rule (QR codes use winding with one path, no seams)
  std::string slot;
  std::string qr_text;  ///< a QR code: the bytes it must read back as (verify before write)
  Rect qr_box;          ///< a QR code: the code with its quiet zone, points
};

/// A clickable area in PDF output: to a URI, or to a named destination.
struct Link {
  Rect area;
  std::string uri;   ///< external link, or
  std::string dest;  ///< internal: the name of a Dest item
};

/// A named destination (target of internal links and of outline entries).
struct Dest {
  std::string name;
  Point at;
};

/// A PDF outline (bookmark) entry pointing at a Dest on this page.
struct OutlineEntry {
  std::string title;
  std::string dest;
  int level = 1;  ///< 1 = top level
};

/// A filled shape without stroke (backgrounds, bars, tints).
Shape filled(const Path& path, Rgba color, std::string slot = {});
Shape filled(const Rect& r, Rgba color, std::string slot = {});

using Item = std::variant<TextRun, Picture, Shape, Link, Dest>;

struct Page {
  Size trim;                  ///< the finished page
  Length bleed;               ///< art may extend this far beyond the trim on every side
  Rgba paper{1, 1, 1, 1};     ///< background, painted over trim + bleed unless white
  std::vector<Item> items;    ///< coordinates: points, origin at the trim box's top-left
  std::vector<OutlineEntry> outline;
};

}  // namespace telar
