// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/paint_cache.h"

#include "render/paint.h"

namespace telar {

void paint_page_art(cairo_t* cr, const Page& page) {
  const Rgba& c = page.paper;
  const bool white = c.a <= 0 || (c.r >= 1 && c.g >= 1 && c.b >= 1 && c.a >= 1);
  if (!white) {
    const double b = page.bleed.pt();
    cairo_rectangle(cr, -b, -b, page.trim.w.pt() + 2 * b, page.trim.h.pt() + 2 * b);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    cairo_fill(cr);
  }
  for (const Item& item : page.items)
    if (!std::holds_alternative<Link>(item) && !std::holds_alternative<Dest>(item))
      paint_item(cr, item);
}

PaintCache::PaintCache(const std::vector<Sheet>& sheets, const std::vector<Page>& pages,
                       std::size_t min_uses) {
  std::map<std::size_t, std::size_t> uses;
  for (const Sheet& s : sheets)
    for (const Placement& p : s.placements)
      if (p.page < pages.size()) ++uses[p.page];
  for (const auto& [index, n] : uses) {
    if (n < min_uses) continue;
    const Page& page = pages[index];
    const double b = page.bleed.pt();
    const cairo_rectangle_t extents{-b, -b, page.trim.w.pt() + 2 * b, page.trim.h.pt() + 2 * b};
    SurfaceRef rec = SurfaceRef::adopt(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    check_cairo(cairo_surface_status(rec.get()));
    Cairo cr(cairo_create(rec.get()));
    paint_page_art(cr.get(), page);
    check_cairo(cairo_status(cr.get()));
    recorded_.emplace(index, std::move(rec));
  }
}

cairo_surface_t* PaintCache::find(std::size_t index) const {
  auto it = recorded_.find(index);
  return it == recorded_.end() ? nullptr : it->second.get();
}

}  // namespace telar
