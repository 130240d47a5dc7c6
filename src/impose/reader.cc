// SPDX-License-Identifier: GPL-3.0-or-later
// Reader layout: each page alone on a sheet of its trim size plus bleed, in reading order.
#include "impose/sheet.h"

namespace telar {

std::vector<Sheet> impose_reader(const std::vector<Page>& pages) {
  std::vector<Sheet> sheets;
  sheets.reserve(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    const Length b = page.bleed;
    Sheet sheet;
    sheet.paper = Size{page.trim.w + 2.0 * b, page.trim.h + 2.0 * b};
    Placement p;
    p.page = i;
    p.to_sheet = Affine::translate(b.pt(), b.pt());
    p.clip = Rect{0, 0, sheet.paper.w.pt(), sheet.paper.h.pt()};
    sheet.placements.push_back(p);
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

}  // namespace telar
