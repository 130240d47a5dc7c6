// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>

#include "impose/tiles.h"

using namespace telar;

namespace {

const Size kA4{Length::mm(210), Length::mm(297)};
const Size kLetter{Length::in(8.5), Length::in(11)};

Size metres(double w, double h) { return {Length::m(w), Length::m(h)}; }

/// Every point of the banner lies on some tile's area.
bool covers(const TilePlan& p) {
  const double W = p.banner.w.pt(), H = p.banner.h.pt();
  for (double fx = 0; fx <= 1.0001; fx += 0.01)
    for (double fy = 0; fy <= 1.0001; fy += 0.01) {
      const double x = std::min(fx * W, W - 1e-3), y = std::min(fy * H, H - 1e-3);
      bool in = false;
      for (const Tile& t : p.tiles) in = in || (x >= t.area.x && x < t.area.right() && y >= t.area.y && y < t.area.bottom());
      if (!in) return false;
    }
  return true;
}

/// Tiles of one orientation only, in a plain grid: the count to beat.
std::size_t grid_count(Size banner, Size paper, double m, double o) {
  const double pw = paper.w.pt() - 2 * m, ph = paper.h.pt() - 2 * m;
  return static_cast<std::size_t>(tiles_along(banner.w.pt(), pw, o) * tiles_along(banner.h.pt(), ph, o));
}

}  // namespace

TEST_CASE("tiles_along: one when it fits, then one more per printable length less overlap", "[tiles]") {
  CHECK(tiles_along(100, 200, 10) == 1);
  CHECK(tiles_along(200, 200, 10) == 1);
  CHECK(tiles_along(201, 200, 10) == 2);
  CHECK(tiles_along(390, 200, 10) == 2);  // 200 + 190
  CHECK(tiles_along(391, 200, 10) == 3);
  CHECK(tiles_along(1000, 10, 10) == 0);
}

TEST_CASE("tile names: row letter, column number", "[tiles]") {
  CHECK(tile_name(0, 0) == "A1");
  CHECK(tile_name(1, 2) == "B3");
  CHECK(tile_name(25, 9) == "Z10");
  CHECK(tile_name(26, 0) == "AA1");
  CHECK(tile_name(27, 0) == "AB1");
}

TEST_CASE("a 2 x 1 m banner on A4 takes 41 tiles: three rows upright, one row turned", "[tiles]") {
  const double m = Length::mm(5).pt(), o = Length::mm(10).pt();
  auto plan = plan_tiles(metres(2, 1), kA4, Length::mm(5), Length::mm(10));
  REQUIRE(plan);
  // Plain grids: upright pages 11 x 4 = 44, turned pages 8 x 6 = 48. Three rows of upright
  // pages (277 mm each net of overlap) and one of turned pages (190 mm) cover 1 m with 41.
  CHECK(grid_count(metres(2, 1), kA4, m, o) == 44);
  CHECK(grid_count(metres(2, 1), kA4.transposed(), m, o) == 48);
  CHECK(plan->tiles.size() == 41);
  CHECK_FALSE(plan->in_columns);
  CHECK(plan->rows == 4);
  CHECK(plan->cols == 11);
  CHECK(covers(*plan));
  const Tile& a1 = plan->tiles[0];
  CHECK(a1.name == "A1");
  CHECK(a1.paper == kA4);
  CHECK(a1.printable.x == Approx(m));
  CHECK(a1.printable.w == Approx(Length::mm(200).pt()));
  CHECK(a1.area.w == Approx(a1.printable.w));
  CHECK(a1.area.h == Approx(a1.printable.h));
  const Tile& a2 = plan->tiles[1];
  CHECK(a2.name == "A2");
  CHECK(Length::pt(a2.area.x).mm() == Approx(190));  // overlaps A1 by exactly 10 mm
  auto b1 = std::find_if(plan->tiles.begin(), plan->tiles.end(), [](const Tile& t) { return t.name == "B1"; });
  REQUIRE(b1 != plan->tiles.end());
  CHECK(Length::pt(b1->area.y).mm() == Approx(277));
  const Tile& last = plan->tiles.back();
  CHECK(last.name == "D8");
  CHECK(last.paper == kA4.transposed());
  CHECK(Length::pt(last.area.y).mm() == Approx(3 * 277));
  // Every tile carries some of the banner: none is wasted.
  for (const Tile& t : plan->tiles) CHECK(intersect(t.area, {0, 0, plan->banner.w.pt(), plan->banner.h.pt()}).w > o);
}

TEST_CASE("a portrait banner is tiled in columns, the same count turned", "[tiles]") {
  auto wide = plan_tiles(metres(2, 1), kA4, Length::mm(5), Length::mm(10));
  auto tall = plan_tiles(metres(1, 2), kA4, Length::mm(5), Length::mm(10));
  REQUIRE(wide);
  REQUIRE(tall);
  CHECK(tall->tiles.size() == wide->tiles.size());
  CHECK(tall->in_columns);
  CHECK(covers(*tall));
  // Names stay row letter + column number: in the first column A1, B1, C1…
  CHECK(tall->tiles[0].name == "A1");
  CHECK(tall->tiles[1].name == "B1");
  CHECK(tall->tiles[1].area.y > tall->tiles[0].area.y);
}

TEST_CASE("the plan never needs more tiles than the best plain grid", "[tiles]") {
  const double m = Length::mm(5).pt(), o = Length::mm(10).pt();
  for (Size paper : {kA4, kLetter, Size{Length::mm(297), Length::mm(420)}})
    for (Size banner : {metres(3, 1), metres(1, 1), metres(0.5, 0.3), metres(6, 2), metres(0.8, 2.5)}) {
      auto plan = plan_tiles(banner, paper, Length::mm(5), Length::mm(10));
      REQUIRE(plan);
      CHECK(covers(*plan));
      CHECK(plan->tiles.size() <= std::min(grid_count(banner, paper, m, o), grid_count(banner, paper.transposed(), m, o)));
    }
  // A banner smaller than one page: one tile.
  auto one = plan_tiles(metres(0.15, 0.1), kA4, Length::mm(5), Length::mm(10));
  REQUIRE(one);
  CHECK(one->tiles.size() == 1);
}

TEST_CASE("glue bands are the overlaps with later tiles", "[tiles]") {
  auto plan = plan_tiles(metres(0.5, 0.3), kA4, Length::mm(5), Length::mm(10));
  REQUIRE(plan);
  REQUIRE(plan->tiles.size() >= 2);
  const auto bands = glue_bands(*plan, 0);
  REQUIRE_FALSE(bands.empty());
  // A1's band with A2 is as wide as the overlap and lies at A1's right edge.
  const Rect& b = bands.front();
  CHECK(Length::pt(std::min(b.w, b.h)).mm() == Approx(10));
  CHECK(glue_bands(*plan, plan->tiles.size() - 1).empty());  // the last tile lies on top
}

TEST_CASE("no plan when the overlap swallows the page", "[tiles]") {
  CHECK_FALSE(plan_tiles(metres(2, 1), kA4, Length::mm(100), Length::mm(10)));
  CHECK_FALSE(plan_tiles(metres(2, 1), kA4, Length::mm(5), Length::mm(250)));
}

TEST_CASE("no tile seam crosses the part kept whole (the QR code)", "[tiles]") {
  // A 2 x 1 m banner on A4: a 140 mm QR code at the foot's right, where a plain grid
  // puts a seam through it.
  const Size banner = metres(2, 1);
  const Rect qr{Length::mm(1800).pt(), Length::mm(810).pt(), Length::mm(140).pt(), Length::mm(140).pt()};
  auto plain = plan_tiles(banner, kA4, Length::mm(5), Length::mm(10));
  auto kept = plan_tiles(banner, kA4, Length::mm(5), Length::mm(10), qr);
  REQUIRE(plain);
  REQUIRE(kept);
  auto crossed = [&](const TilePlan& p) {
    int n = 0;
    for (const Tile& t : p.tiles) {
      // A tile's left and top edges are seams (it lies on the tiles before it).
      if (t.area.x > 0.01 && t.area.x > qr.x && t.area.x < qr.right() && t.area.y < qr.bottom() && t.area.bottom() > qr.y) ++n;
      if (t.area.y > 0.01 && t.area.y > qr.y && t.area.y < qr.bottom() && t.area.x < qr.right() && t.area.right() > qr.x) ++n;
    }
    return n;
  };
  CHECK(crossed(*plain) > 0);  // the test would prove nothing otherwise
  CHECK(crossed(*kept) == 0);
  CHECK(covers(*kept));
  // One tile holds the whole code.
  bool whole = false;
  for (const Tile& t : kept->tiles) whole = whole || t.area.contains(qr, 0.01);
  CHECK(whole);
  CHECK(kept->tiles.size() <= plain->tiles.size() + 4);
}
