// SPDX-License-Identifier: GPL-3.0-or-later
// The tile plan: how many printer pages, turned which way, carry which part of the banner.
#include "impose/tiles.h"

#include <algorithm>
#include <cmath>

namespace telar {
namespace {

constexpr double kEps = 1e-6;
/// A page that adds less than this beyond the overlap is not worth printing.
constexpr double kMinGain = Length::mm(20).pt();
/// How far a seam moved for a QR code stays from it.
constexpr double kKeepClear = Length::mm(3).pt();

/// One way to lay out a row of tiles: the page turned one way.
struct RowKind {
  Size paper;
  double pw = 0, ph = 0;  ///< printable size, points
  int cols = 0;           ///< tiles across the banner
  bool usable() const { return cols > 0; }
};

/// Rows across a banner `w` x `h`: `a` rows of kind 0 (first), then `b` of kind 1.
/// The next seam after one at `at`, tiles of printable length `p`: `at + p - overlap`,
/// unless that edge would cut through `keep` (the range [k0, k1] along the same axis);
/// then the seam moves back to just before it (a wider glue band), so the part kept lies
/// whole on the later tile. It stays put when the kept part is too long for that.
double next_seam(double at, double p, double overlap, std::optional<std::pair<double, double>> keep) {
  double next = at + p - overlap;
  if (!keep) return next;
  const auto [k0, k1] = *keep;
  const double before = k0 - kKeepClear;
  if (next > k0 - kEps && next < k1 + kEps && before > at + kMinGain && k1 + kKeepClear <= before + p - overlap)
    next = before;
  return next;
}

TilePlan build_rows(double w, double h, const RowKind (&kinds)[2], int a, int b, double margin,
                    double overlap, const std::optional<Rect>& keep, bool b_first) {
  TilePlan plan;
  plan.banner = {Length::pt(w), Length::pt(h)};
  std::optional<std::pair<double, double>> across, down;
  if (keep) {
    across = std::pair{keep->x, keep->right()};
    down = std::pair{keep->y, keep->bottom()};
  }
  // Rows, and tiles in each, until the banner is covered: `a` rows of kind 0, then kind 1
  // (`b_first`: the `b` rows of kind 1 first, then kind 0); a seam moved for `keep` may
  // need one more row or tile than the count planned.
  double y = 0;
  for (int r = 0;; ++r) {
    const bool kind1 = b_first ? r < b : !(r < a || b == 0);
    const RowKind& k = kinds[kind1 ? 1 : 0];
    const bool holds_keep = keep && keep->y < y + k.ph && keep->bottom() > y;
    double x = 0;
    int c = 0;
    while (true) {
      Tile t;
      t.row = r;
      t.col = c;
      t.name = tile_name(r, c);
      t.area = {x, y, k.pw, k.ph};
      t.paper = k.paper;
      t.printable = {margin, margin, k.pw, k.ph};
      plan.tiles.push_back(t);
      ++c;
      if (x + k.pw >= w - kEps) break;
      x = next_seam(x, k.pw, overlap, holds_keep ? across : std::nullopt);
    }
    plan.cols = std::max(plan.cols, c);
    plan.rows = r + 1;
    if (y + k.ph >= h - kEps) break;
    y = next_seam(y, k.ph, overlap, down);
  }
  return plan;
}

double glue_area(const TilePlan& p) {
  double sum = 0;
  for (std::size_t i = 0; i < p.tiles.size(); ++i)
    for (const Rect& r : glue_bands(p, i)) sum += r.w * r.h;
  return sum;
}

double paper_past_edge(const TilePlan& p) {
  const Rect banner{0, 0, p.banner.w.pt(), p.banner.h.pt()};
  double sum = 0;
  for (const Tile& t : p.tiles) {
    const Rect in = intersect(t.area, banner);
    sum += t.area.w * t.area.h - in.w * in.h;
  }
  return sum;
}

/// True when plan `a` is better than `b`: fewer tiles, then less glue, then less waste.
bool better(const TilePlan& a, const TilePlan& b) {
  if (a.tiles.size() != b.tiles.size()) return a.tiles.size() < b.tiles.size();
  const double ga = glue_area(a), gb = glue_area(b);
  if (std::fabs(ga - gb) > 1) return ga < gb;
  return paper_past_edge(a) < paper_past_edge(b) - 1;
}

/// The best plan of rows for a banner `w` x `h` on `portrait` pages (or turned).
std::optional<TilePlan> best_rows(double w, double h, Size portrait, double margin,
                                  double overlap, const std::optional<Rect>& keep) {
  RowKind kinds[2];
  const Size papers[2] = {portrait, portrait.transposed()};
  for (int i = 0; i < 2; ++i) {
    RowKind& k = kinds[i];
    k.paper = papers[i];
    k.pw = papers[i].w.pt() - 2 * margin;
    k.ph = papers[i].h.pt() - 2 * margin;
    const bool room = k.pw - overlap >= kMinGain && k.ph - overlap >= kMinGain;
    k.cols = room ? tiles_along(w, k.pw, overlap) : 0;
  }
  // Taller rows first: kind 0 when its pages stand taller.
  if (kinds[1].ph > kinds[0].ph) std::swap(kinds[0], kinds[1]);
  std::optional<TilePlan> best;
  auto consider = [&](int a, int b) {
    if (a + b == 0) return;
    TilePlan p = build_rows(w, h, kinds, a, b, margin, overlap, keep, false);
    if (!best || better(p, *best)) best = std::move(p);
    if (keep && a > 0 && b > 0) {  // the other order may put the seams clear of `keep`
      TilePlan q = build_rows(w, h, kinds, a, b, margin, overlap, keep, true);
      if (better(q, *best)) best = std::move(q);
    }
  };
  if (!kinds[0].usable() && !kinds[1].usable()) return std::nullopt;
  if (!kinds[0].usable()) {
    consider(0, tiles_along(h, kinds[1].ph, overlap));
    return best;
  }
  const int max_a = tiles_along(h, kinds[0].ph, overlap);
  for (int a = 0; a <= max_a; ++a) {
    const double covered = a == 0 ? 0 : a * (kinds[0].ph - overlap) + overlap;
    if (covered >= h - kEps) {
      consider(a, 0);
      continue;
    }
    if (!kinds[1].usable()) continue;
    const double net = kinds[1].ph - overlap;
    const double need = a == 0 ? h - overlap : h - covered;
    consider(a, std::max(1, static_cast<int>(std::ceil(need / net - kEps))));
  }
  return best;
}

Rect transposed(const Rect& r) { return {r.y, r.x, r.h, r.w}; }

}  // namespace

int tiles_along(double length, double printable, double overlap) {
  if (printable <= overlap) return 0;
  if (length <= printable + kEps) return 1;
  return static_cast<int>(std::ceil((length - overlap) / (printable - overlap) - kEps));
}

std::string tile_name(int row, int col) {
  std::string letters;
  for (int r = row + 1; r > 0; r = (r - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (r - 1) % 26));
  return letters + std::to_string(col + 1);
}

Rect intersect(const Rect& a, const Rect& b) {
  const double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const double x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
  if (x1 <= x0 || y1 <= y0) return {x0, y0, 0, 0};
  return {x0, y0, x1 - x0, y1 - y0};
}

std::optional<TilePlan> plan_tiles(Size banner, Size paper, Length margin, Length overlap,
                                   std::optional<Rect> keep) {
  const Size portrait = paper.w > paper.h ? paper.transposed() : paper;
  const double m = margin.pt(), o = overlap.pt();
  std::optional<Rect> keep_t;
  if (keep) keep_t = transposed(*keep);
  std::optional<TilePlan> rows = best_rows(banner.w.pt(), banner.h.pt(), portrait, m, o, keep);
  std::optional<TilePlan> cols = best_rows(banner.h.pt(), banner.w.pt(), portrait, m, o, keep_t);
  if (cols) {
    // Worked out on the banner turned a quarter: turn every tile back.
    TilePlan& c = *cols;
    c.banner = banner;
    c.in_columns = true;
    std::swap(c.rows, c.cols);
    for (Tile& t : c.tiles) {
      std::swap(t.row, t.col);
      t.name = tile_name(t.row, t.col);
      t.area = transposed(t.area);
      t.printable = transposed(t.printable);
      t.paper = t.paper.transposed();
    }
  }
  std::optional<TilePlan> best = rows;
  if (cols && (!best || better(*cols, *best))) best = std::move(cols);
  if (best) {
    best->margin = margin;
    best->overlap = overlap;
  }
  return best;
}

std::vector<Rect> glue_bands(const TilePlan& plan, std::size_t i) {
  const Rect banner{0, 0, plan.banner.w.pt(), plan.banner.h.pt()};
  const Rect mine = intersect(plan.tiles.at(i).area, banner);
  std::vector<Rect> out;
  for (std::size_t j = i + 1; j < plan.tiles.size(); ++j) {
    const Rect r = intersect(mine, plan.tiles[j].area);
    if (r.w > kEps && r.h > kEps) out.push_back(r);
  }
  return out;
}

}  // namespace telar
