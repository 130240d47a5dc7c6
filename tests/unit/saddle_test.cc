// SPDX-License-Identifier: GPL-3.0-or-later
#include "impose/saddle.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "base/error.h"

using namespace telar;
using Approx = Catch::Detail::Approx;

namespace {

const Size kA4{Length::mm(210), Length::mm(297)};
const Size kA5{Length::mm(148), Length::mm(210)};
const double kMm = 72.0 / 25.4;  // points per millimetre
const double kEps = 0.01 * kMm;  // 0.01 mm

SaddleOptions a5_on_a4() {
  SaddleOptions o;
  o.page = kA5;
  o.sheet = kA4;
  return o;
}

const Placement* find_page(const Sheet& s, std::size_t page) {
  for (const Placement& p : s.placements)
    if (p.page == page) return &p;
  return nullptr;
}

// The sheet point where the page's own top-left corner lands, in mm.
Point origin_mm(const Placement& p) {
  Point o = p.to_sheet.apply(Point{0, 0});
  return {o.x / kMm, o.y / kMm};
}

// Bounding box of a mark's path (without layout/page.cc).
Rect bounds(const Shape& s) {
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (const auto& seg : s.path.segments)
    for (const Point& p : seg.p) {
      if (seg.op == Path::Op::close) continue;
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x),
      y1 = std::max(y1, p.y);
      if (seg.op != Path::Op::curve) break;
    }
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

TEST_CASE("saddle order for 4, 8, 12 and 16 pages", "[saddle]") {
  using V = std::vector<SaddleSheetPages>;
  CHECK(saddle_order(4) == V{{{4, 1}, {2, 3}}});
  CHECK(saddle_order(8) == V{{{8, 1}, {2, 7}}, {{6, 3}, {4, 5}}});
  CHECK(saddle_order(12) == V{{{12, 1}, {2, 11}}, {{10, 3}, {4, 9}}, {{8, 5}, {6, 7}}});
  CHECK(saddle_order(16) ==
        V{{{16, 1}, {2, 15}}, {{14, 3}, {4, 13}}, {{12, 5}, {6, 11}}, {{10, 7}, {8, 9}}});
}

TEST_CASE("saddle order for 40 pages: every page once, each leaf reads on", "[saddle]") {
  std::vector<SaddleSheetPages> order = saddle_order(40);
  REQUIRE(order.size() == 10);
  CHECK(order[0] == SaddleSheetPages{{40, 1}, {2, 39}});
  CHECK(order[4] == SaddleSheetPages{{32, 9}, {10, 31}});
  CHECK(order[9] == SaddleSheetPages{{22, 19}, {20, 21}});  // the centre spread: 20 | 21
  std::set<int> seen;
  for (const auto& s : order) {
    for (int p : {s.front.left, s.front.right, s.back.left, s.back.right})
      CHECK(seen.insert(p).second);
    // Facing pages of a spread add up to N + 1; the back of a leaf is the next page.
    CHECK(s.front.left + s.front.right == 41);
    CHECK(s.back.left + s.back.right == 41);
    CHECK(s.back.left == s.front.right + 1);
    CHECK(s.back.right == s.front.left - 1);
  }
  CHECK(seen.size() == 40);
  CHECK(*seen.begin() == 1);
  CHECK(*seen.rbegin() == 40);
}

TEST_CASE("page counts are padded with blanks to a multiple of four", "[saddle]") {
  CHECK(saddle_padded_count(0) == 0);
  CHECK(saddle_padded_count(1) == 4);
  CHECK(saddle_padded_count(4) == 4);
  CHECK(saddle_padded_count(5) == 8);
  CHECK(saddle_padded_count(10) == 12);
  CHECK(saddle_order(10) == saddle_order(12));
  CHECK(saddle_order(0).empty());

  using O = std::optional<std::size_t>;
  auto at_end = saddle_booklet(10, BlankPages::at_end);
  REQUIRE(at_end.size() == 12);
  CHECK(at_end[9] == O{9});
  CHECK_FALSE(at_end[10].has_value());
  CHECK_FALSE(at_end[11].has_value());
  auto cover = saddle_booklet(10, BlankPages::before_back_cover);
  REQUIRE(cover.size() == 12);
  CHECK(cover[8] == O{8});
  CHECK_FALSE(cover[9].has_value());
  CHECK_FALSE(cover[10].has_value());
  CHECK(cover[11] == O{9});  // the last page stays the back cover
  CHECK(saddle_booklet(8, BlankPages::before_back_cover)[7] == O{7});
}

TEST_CASE("blank pages have no placement on the sheets", "[saddle]") {
  std::vector<Sheet> sheets = impose_saddle(10, a5_on_a4());
  REQUIRE(sheets.size() == 6);  // 3 sheets of paper, front and back
  std::multiset<std::size_t> placed;
  for (const Sheet& s : sheets)
    for (const Placement& p : s.placements) placed.insert(p.page);
  CHECK(placed.size() == 10);
  for (std::size_t i = 0; i < 10; ++i) CHECK(placed.count(i) == 1);
  // Sheet 0 front is 12 | 1: booklet page 12 is a blank, so only page 1 is placed.
  REQUIRE(sheets[0].placements.size() == 1);
  CHECK(sheets[0].placements[0].page == 0);
  CHECK(impose_saddle(0, a5_on_a4()).empty());
}

TEST_CASE("A5 pages meet at the spine of a landscape A4 sheet", "[saddle]") {
  std::vector<Sheet> sheets = impose_saddle(8, a5_on_a4());
  REQUIRE(sheets.size() == 4);
  for (const Sheet& s : sheets) {
    CHECK(s.paper.w.mm() == Approx(297));
    CHECK(s.paper.h.mm() == Approx(210));
  }
  // Sheet 0 front: page 8 (index 7) left, page 1 (index 0) right.
  const Placement* p8 = find_page(sheets[0], 7);
  const Placement* p1 = find_page(sheets[0], 0);
  REQUIRE(p8);
  REQUIRE(p1);
  CHECK(origin_mm(*p8).x == Approx(0.5).margin(0.01));
  CHECK(origin_mm(*p1).x == Approx(148.5).margin(0.01));
  CHECK(origin_mm(*p1).y == Approx(0).margin(0.01));
  CHECK(p1->clip.x == Approx(148.5 * kMm).margin(kEps));
  CHECK(p1->clip.w == Approx(148 * kMm).margin(kEps));
  CHECK(p8->clip.right() == Approx(148.5 * kMm).margin(kEps));
  // A bigger sheet centres the spread: A5 on landscape A3 leaves 43.5 mm above and below.
  SaddleOptions a3 = a5_on_a4();
  a3.sheet = Size{Length::mm(297), Length::mm(420)};
  std::vector<Sheet> big = impose_saddle(4, a3);
  const Placement* q = find_page(big[0], 0);
  REQUIRE(q);
  CHECK(origin_mm(*q).x == Approx(210).margin(0.01));
  CHECK(origin_mm(*q).y == Approx(43.5).margin(0.01));
}

TEST_CASE("creep moves pages toward the spine, inner sheets most", "[saddle]") {
  SaddleOptions o = a5_on_a4();
  o.creep = Length::mm(0.1);
  std::vector<Sheet> sheets = impose_saddle(40, o);
  REQUIRE(sheets.size() == 20);
  for (int k = 0; k < 10; ++k) {
    INFO("sheet " << k);
    const double shift = 0.1 * k;  // mm; sheet 0 (outermost) does not move
    CHECK(creep_shift(k, o.creep).mm() == Approx(shift).margin(1e-9));
    for (int side = 0; side < 2; ++side) {
      const Sheet& s = sheets[static_cast<std::size_t>(2 * k + side)];
      REQUIRE(s.placements.size() == 2);
      const Placement& left = s.placements[0];
      const Placement& right = s.placements[1];
      CHECK(origin_mm(left).x == Approx(0.5 + shift).margin(0.01));
      CHECK(origin_mm(right).x == Approx(148.5 - shift).margin(0.01));
      // The paper does not move: clips stay on their half of the sheet.
      CHECK(left.clip.right() == Approx(148.5 * kMm).margin(kEps));
      CHECK(right.clip.x == Approx(148.5 * kMm).margin(kEps));
    }
  }
  // Innermost sheet of 40 pages (sheet 9) holds 22 | 19 and 20 | 21, shifted 0.9 mm.
  const Placement* p19 = find_page(sheets[18], 18);
  REQUIRE(p19);
  CHECK(origin_mm(*p19).x == Approx(147.6).margin(0.01));
}

TEST_CASE("paper weights give creep per sheet", "[saddle]") {
  CHECK(creep_for_paper_weight("80gsm")->mm() == Approx(0.1));
  CHECK(creep_for_paper_weight("100gsm")->mm() == Approx(0.125));
  CHECK(creep_for_paper_weight("60gsm")->mm() == Approx(0.075));
  CHECK_FALSE(creep_for_paper_weight("80").has_value());
  CHECK_FALSE(creep_for_paper_weight("81gsm").has_value());
  double last = 0;
  for (const PaperWeight& w : paper_weights()) {
    CHECK(w.thickness_mm > last);  // heavier paper is thicker
    last = w.thickness_mm;
  }
}

TEST_CASE("long-edge duplex turns every back side 180 degrees: short-edge does not", "[saddle]") {
  SaddleOptions shorter = a5_on_a4(), longer = a5_on_a4();
  shorter.duplex = Duplex::short_edge;
  longer.duplex = Duplex::long_edge;
  std::vector<Sheet> s = impose_saddle(8, shorter), l = impose_saddle(8, longer);
  REQUIRE(s.size() == 4);
  REQUIRE(l.size() == 4);
  // Fronts are the same either way.
  for (std::size_t i : {0u, 2u})
    for (std::size_t j = 0; j < 2; ++j)
      CHECK(s[i].placements[j].to_sheet == l[i].placements[j].to_sheet);
  // Back of sheet 0 holds pages 2 | 7. Short edge: page 2 upright on the left half.
  const Placement* short2 = find_page(s[1], 1);
  const Placement* long2 = find_page(l[1], 1);
  REQUIRE(short2);
  REQUIRE(long2);
  const Point up{0, -1};
  Point o = short2->to_sheet.apply(Point{0, 0}), u = short2->to_sheet.apply(up);
  CHECK(o.x / kMm == Approx(0.5).margin(0.01));
  CHECK(u.y - o.y == Approx(-1));  // the page's top is the sheet's top
  // Long edge: page 2 on the right half, upside down, its top-left at the sheet's bottom.
  o = long2->to_sheet.apply(Point{0, 0});
  u = long2->to_sheet.apply(up);
  CHECK(o.x / kMm == Approx(296.5).margin(0.01));
  CHECK(o.y / kMm == Approx(210).margin(0.01));
  CHECK(u.y - o.y == Approx(1));
  CHECK(long2->clip.x == Approx(148.5 * kMm).margin(kEps));
  // The whole page still lands inside its clip.
  Rect page_on_sheet = long2->to_sheet.apply(Rect{0, 0, kA5.w.pt(), kA5.h.pt()});
  CHECK(long2->clip.contains(page_on_sheet, kEps));
}

TEST_CASE("pages that do not fit two-up are a usage error", "[saddle]") {
  SaddleOptions o = a5_on_a4();
  o.page = kA4;
  try {
    impose_saddle(4, o);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.what()) ==
          "error: two 210 × 297 mm pages do not fit side by side on a 297 × 210 mm sheet");
  }
  // Half letter on letter fits exactly; so does a sheet given already in landscape.
  o.page = Size{Length::in(5.5), Length::in(8.5)};
  o.sheet = Size{Length::in(8.5), Length::in(11)};
  CHECK(impose_saddle(4, o).size() == 2);
  o = a5_on_a4();
  o.sheet = kA4.transposed();
  CHECK(impose_saddle(4, o).at(0).paper.w.mm() == Approx(297));
}

TEST_CASE("fold ticks sit on the spine at the top and bottom of the front side", "[saddle]") {
  std::vector<Sheet> sheets = impose_saddle(8, a5_on_a4());
  const double spine = 148.5 * kMm, H = 210 * kMm, margin = 5 * kMm;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    INFO("side " << i);
    if (i % 2 == 1) {
      CHECK(sheets[i].marks.empty());
      continue;
    }
    REQUIRE(sheets[i].marks.size() == 2);
    Rect top = bounds(std::get<Shape>(sheets[i].marks[0]));
    Rect bottom = bounds(std::get<Shape>(sheets[i].marks[1]));
    CHECK(top.x == Approx(spine));
    CHECK(top.w == Approx(0).margin(1e-9));
    CHECK(top.y >= margin - 1e-6);   // printable on a home printer
    CHECK(top.bottom() < 15 * kMm);  // short, in the page's top margin
    CHECK(bottom.x == Approx(spine));
    CHECK(bottom.bottom() <= H - margin + 1e-6);
    CHECK(bottom.y > H - 15 * kMm);
  }
  // With room around the pages (A5 on A3), ticks stay outside the page area.
  SaddleOptions a3 = a5_on_a4();
  a3.sheet = Size{Length::mm(297), Length::mm(420)};
  std::vector<Sheet> big = impose_saddle(4, a3);
  Rect top = bounds(std::get<Shape>(big[0].marks[0]));
  Rect bottom = bounds(std::get<Shape>(big[0].marks[1]));
  CHECK(top.bottom() <= 43.5 * kMm + 1e-6);
  CHECK(bottom.y >= (297 - 43.5) * kMm - 1e-6);
  a3.fold_marks = false;
  CHECK(impose_saddle(4, a3)[0].marks.empty());
}

TEST_CASE("a right-to-left booklet is stapled on the right: every spread mirrored", "[saddle][rtl]") {
  using V = std::vector<SaddleSheetPages>;
  CHECK(saddle_order(4, true) == V{{{1, 4}, {3, 2}}});
  CHECK(saddle_order(8, true) == V{{{1, 8}, {7, 2}}, {{3, 6}, {5, 4}}});
  for (int n : {4, 8, 12, 40}) {
    const V ltr = saddle_order(n), rtl = saddle_order(n, true);
    REQUIRE(ltr.size() == rtl.size());
    for (std::size_t k = 0; k < ltr.size(); ++k) {
      CHECK(rtl[k].front == SpreadPages{ltr[k].front.right, ltr[k].front.left});
      CHECK(rtl[k].back == SpreadPages{ltr[k].back.right, ltr[k].back.left});
    }
  }
  // On paper: the front cover (page index 0) is the left half of the outer sheet's front,
  // the back cover the right half; page 2 is on the right of the back (read first there).
  SaddleOptions o = a5_on_a4();
  o.right_to_left = true;
  std::vector<Sheet> sheets = impose_saddle(8, o);
  REQUIRE(sheets.size() == 4);
  const Placement* cover = find_page(sheets[0], 0);
  const Placement* back = find_page(sheets[0], 7);
  const Placement* second = find_page(sheets[1], 1);
  REQUIRE((cover && back && second));
  CHECK(cover->clip.right() == Approx(148.5 * kMm).margin(kEps));
  CHECK(back->clip.x == Approx(148.5 * kMm).margin(kEps));
  CHECK(second->clip.x == Approx(148.5 * kMm).margin(kEps));
  // Left to right it is the other way round.
  std::vector<Sheet> ltr = impose_saddle(8, a5_on_a4());
  CHECK(find_page(ltr[0], 0)->clip.x == Approx(148.5 * kMm).margin(kEps));
}
