// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/paint.h"

#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <new>

#include "base/error.h"
#include "layout/cairo_path.h"
#include "layout/motif.h"
#include "render/paint_cache.h"

namespace telar {
namespace {

constexpr double kPi = 3.14159265358979323846;

void set_color(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

/// Rotation about the origin, clockwise on paper; quarter turns are exact (no 6e-17).
void rotate_deg(cairo_t* cr, double deg) {
  const double turns = deg / 90.0;
  if (turns == std::floor(turns)) {
    const int q = ((static_cast<int>(turns) % 4) + 4) % 4;
    static constexpr double kCos[] = {1, 0, -1, 0}, kSin[] = {0, 1, 0, -1};
    if (q == 0) return;
    cairo_matrix_t m;
    cairo_matrix_init(&m, kCos[q], kSin[q], -kSin[q], kCos[q], 0, 0);
    cairo_transform(cr, &m);
  } else {
    cairo_rotate(cr, deg * kPi / 180.0);
  }
}

void paint(cairo_t* cr, const TextRun& t, std::set<std::string>*) {
  if (!t.layout) return;
  cairo_save(cr);
  cairo_translate(cr, t.origin.x, t.origin.y);
  rotate_deg(cr, t.rotation_deg);
  cairo_move_to(cr, 0, 0);
  set_color(cr, t.color);
  // Never pango_cairo_update_layout: the layout keeps the metrics it was shaped with.
  if (t.baselines.empty()) {
    pango_cairo_show_layout(cr, t.layout.get());
  } else {
    // Line by line at the run's own baselines, each line where pango_cairo_show_layout
    // would put it across (its logical x: alignment and direction kept).
    const LayoutIter it(pango_layout_get_iter(t.layout.get()));
    std::size_t i = 0;
    do {
      if (i >= t.baselines.size()) break;
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it.get(), nullptr, &logical);
      cairo_move_to(cr, static_cast<double>(logical.x) / PANGO_SCALE, t.baselines[i++]);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it.get()));
    } while (pango_layout_iter_next_line(it.get()));
  }
  cairo_restore(cr);
}

void paint(cairo_t* cr, const Picture& p, std::set<std::string>*) {
  const double nw = p.natural.w.pt(), nh = p.natural.h.pt();
  if (!p.art || nw <= 0 || nh <= 0 || p.box.w <= 0 || p.box.h <= 0) return;
  cairo_save(cr);
  cairo_translate(cr, p.box.x, p.box.y);
  cairo_scale(cr, p.box.w / nw, p.box.h / nh);
  if (cairo_surface_get_type(cairo_get_group_target(cr)) == CAIRO_SURFACE_TYPE_SVG) {
    cairo_rectangle(cr, 0, 0, nw, nh);
    cairo_clip(cr);
    if (draw_svg_motif(cr, p.art.get())) {
      cairo_restore(cr);
      return;
    }
  }
  cairo_set_source_surface(cr, p.art.get(), 0, 0);
  // A filled rectangle, not cairo_paint: in Cairo 1.16's PDF backend, cairo_paint with a
  // recording surface duplicates its XObject key and breaks the link structure tree.
  cairo_rectangle(cr, 0, 0, nw, nh);
  cairo_fill(cr);
  cairo_restore(cr);
}

void paint(cairo_t* cr, const Shape& s, std::set<std::string>*) {
  if (!s.fill && !s.stroke) return;
  cairo_save(cr);
  append_path(cr, s.path);
  if (s.fill) {
    cairo_set_fill_rule(cr, s.even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
    set_color(cr, *s.fill);
    if (s.stroke)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
  }
  if (s.stroke) {
    cairo_set_line_width(cr, s.stroke->width);
    set_color(cr, s.stroke->color);
    cairo_set_dash(cr, s.stroke->dash.data(), static_cast<int>(s.stroke->dash.size()), 0);
    cairo_stroke(cr);
  }
  cairo_restore(cr);
}

// Cairo 1.16 does not put tag rectangles or dest positions through the CTM: they are in
// device space (points on a PDF page), so transform them here.
void paint(cairo_t* cr, const Link& l, std::set<std::string>*) {
  if (l.uri.empty() && l.dest.empty()) return;
  double xs[4] = {l.area.x, l.area.right(), l.area.x, l.area.right()};
  double ys[4] = {l.area.y, l.area.y, l.area.bottom(), l.area.bottom()};
  for (int i = 0; i < 4; ++i) cairo_user_to_device(cr, &xs[i], &ys[i]);
  const double x0 = std::fmin(std::fmin(xs[0], xs[1]), std::fmin(xs[2], xs[3]));
  const double y0 = std::fmin(std::fmin(ys[0], ys[1]), std::fmin(ys[2], ys[3]));
  const double x1 = std::fmax(std::fmax(xs[0], xs[1]), std::fmax(xs[2], xs[3]));
  const double y1 = std::fmax(std::fmax(ys[0], ys[1]), std::fmax(ys[2], ys[3]));
  const std::string target = l.uri.empty() ? "dest=" + tag_string(pdf_safe(l.dest, false))
                                           : "uri=" + tag_string(pdf_safe(l.uri, true));
  const std::string attrs =
      fmt::format("rect=[{:.3f} {:.3f} {:.3f} {:.3f}] {}", x0, y0, x1 - x0, y1 - y0, target);
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
  cairo_tag_end(cr, CAIRO_TAG_LINK);
}

void paint(cairo_t* cr, const Dest& d, std::set<std::string>* seen) {
  if (d.name.empty()) return;
  if (seen != nullptr && !seen->insert(d.name).second) return;
  double x = d.at.x, y = d.at.y;
  cairo_user_to_device(cr, &x, &y);
  const std::string attrs =
      fmt::format("name={} x={:.3f} y={:.3f}", tag_string(pdf_safe(d.name, false)), x, y);
  cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
  cairo_tag_end(cr, CAIRO_TAG_DEST);
}

bool is_white(const Rgba& c) { return c.a <= 0 || (c.r >= 1 && c.g >= 1 && c.b >= 1 && c.a >= 1); }

}  // namespace

void paint_item(cairo_t* cr, const Item& item, std::set<std::string>* dests_seen) {
  std::visit([&](const auto& x) { paint(cr, x, dests_seen); }, item);
}

void paint_page(cairo_t* cr, const Page& page, std::set<std::string>* dests_seen) {
  for (const Item& item : page.items) paint_item(cr, item, dests_seen);
}

void paint_sheet(cairo_t* cr, const Sheet& sheet, const std::vector<Page>& pages,
                 std::set<std::string>* dests_seen, const PaintCache* cache) {
  for (const Placement& pl : sheet.placements) {
    const Page& page = pages.at(pl.page);
    cairo_save(cr);
    if (pl.clip.w > 0 && pl.clip.h > 0) {
      cairo_rectangle(cr, pl.clip.x, pl.clip.y, pl.clip.w, pl.clip.h);
      cairo_clip(cr);
    }
    const Affine& a = pl.to_sheet;
    cairo_matrix_t m;
    cairo_matrix_init(&m, a.xx, a.yx, a.xy, a.yy, a.x0, a.y0);
    cairo_transform(cr, &m);
    if (cairo_surface_t* rec = cache ? cache->find(pl.page) : nullptr) {
      cairo_set_source_surface(cr, rec, 0, 0);
      cairo_paint(cr);
      for (const Item& item : page.items)
        if (std::holds_alternative<Link>(item) || std::holds_alternative<Dest>(item))
          paint_item(cr, item, dests_seen);
      cairo_restore(cr);
      continue;
    }
    if (!is_white(page.paper)) {
      const double b = page.bleed.pt();
      cairo_rectangle(cr, -b, -b, page.trim.w.pt() + 2 * b, page.trim.h.pt() + 2 * b);
      set_color(cr, page.paper);
      cairo_fill(cr);
    }
    paint_page(cr, page, dests_seen);
    cairo_restore(cr);
  }
  for (const Item& mark : sheet.marks) paint_item(cr, mark, dests_seen);
}

std::string tag_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string pdf_safe(std::string_view s, bool uri) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep =
        uri ? (c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '\\')
            : ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == ':' || c == '-');
    if (keep)
      out += ch;
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

void check_cairo(cairo_status_t status) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, cairo_status_to_string(status)));
}

}  // namespace telar
