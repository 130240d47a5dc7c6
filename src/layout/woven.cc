// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/woven.h"

#include <algorithm>
#include <cmath>

#include "base/units.h"

namespace telar {

WovenInks woven_inks(const Template& tpl, const WeaveDraft& draft) {
  WovenInks k;
  k.one_ink = tpl.option("motif_ink", "palette") == "one";
  const Rgba ink = tpl.color("ink"), accent = tpl.color("accent");
  if (k.one_ink) {
    k.warp = k.weft = ink;
    return k;
  }
  k.warp = draft.warp_is_ink ? ink : accent;
  k.weft = draft.warp_is_ink ? accent : ink;
  return k;
}

double woven_cell_for(const WeaveDraft& draft, const Rect& box) {
  const double min_cell = Length::mm(kMinWovenCellMm).pt();
  const int fit = static_cast<int>(std::floor(box.h / min_cell));
  const int rows = std::max(8, std::min(draft.picks(), fit));
  return box.h / rows;
}

void add_woven(std::vector<Item>& items, const WeaveDraft& draft, const Rect& box, double cell,
               const WovenInks& inks) {
  if (!(cell > 0) || draft.warps() == 0 || draft.picks() == 0) return;
  const int cols = static_cast<int>(std::floor(box.w / cell + 1e-9));
  const int rows = static_cast<int>(std::floor(box.h / cell + 1e-9));
  if (cols < 1 || rows < 1) return;
  const double x0 = box.x + (box.w - cols * cell) / 2, y0 = box.y + (box.h - rows * cell) / 2;
  // The repeat's mirror axes (warp 0 and pick 0 are the palindromes' centres' ends) placed
  // on the box's centre: a band reads symmetric, as the woven bands it follows do.
  const int W = draft.warps(), P = draft.picks();
  const int first_warp = ((W / 2 - cols / 2) % W + W) % W;
  const int first_pick = ((P / 2 - rows / 2) % P + P) % P;
  auto up = [&](int c, int r) { return draft.warp_up(first_warp + c, first_pick + r); };

  const double gap = std::max(cell * 0.14, 0.12);  // paper between threads
  Shape warp, weft;
  warp.fill = inks.warp;
  weft.fill = inks.weft;
  warp.slot = weft.slot = "woven:" + draft_fingerprint(draft);
  // Weft first: the warp floats lie on top where they cross the face.
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols;) {
      if (up(c, r)) { ++c; continue; }
      int end = c;
      while (end < cols && !up(end, r)) ++end;
      weft.path.rect({x0 + c * cell + gap / 2, y0 + r * cell + gap, (end - c) * cell - gap, cell - 2 * gap});
      c = end;
    }
  for (int c = 0; c < cols; ++c)
    for (int r = 0; r < rows;) {
      if (!up(c, r)) { ++r; continue; }
      int end = r;
      while (end < rows && up(c, end)) ++end;
      warp.path.rect({x0 + c * cell + gap, y0 + r * cell + gap / 2, cell - 2 * gap, (end - r) * cell - gap});
      r = end;
    }
  if (!inks.one_ink && !weft.path.segments.empty()) items.push_back(std::move(weft));
  if (!warp.path.segments.empty()) items.push_back(std::move(warp));
}

}  // namespace telar
