// SPDX-License-Identifier: GPL-3.0-or-later
// The paint cache (STYLE.md): a page that imposition places on several sheets (a banner
// cut into tiles, and its miniature on the assembly map) is painted once into a Cairo
// recording surface; each placement replays it. In a PDF the page becomes one form XObject
// that every tile refers to, instead of a copy per tile.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <map>
#include <vector>

#include "base/c_handles.h"
#include "impose/sheet.h"
#include "layout/page.h"

namespace telar {

class PaintCache {
 public:
  /// Records every page that `sheets` place `min_uses` times or more: its paper colour over
  /// trim plus bleed (unless white) and its items, in page coordinates. Links and
  /// destinations are not recorded (a replayed pattern cannot carry them): paint_sheet
  /// paints those directly. Throws Error(failure) when Cairo fails.
  PaintCache(const std::vector<Sheet>& sheets, const std::vector<Page>& pages,
             std::size_t min_uses = 2);

  /// The recording of page `index`, or nullptr when it was not recorded.
  cairo_surface_t* find(std::size_t index) const;
  std::size_t size() const { return recorded_.size(); }

 private:
  std::map<std::size_t, SurfaceRef> recorded_;
};

/// Paints the page's background (paper colour over trim plus bleed, unless white) and its
/// items other than links and destinations: what a recording holds.
void paint_page_art(cairo_t* cr, const Page& page);

}  // namespace telar
