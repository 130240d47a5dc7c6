// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "impose/zine8.h"

using namespace telar;
using Approx = Catch::Detail::Approx;

namespace {
const Size kA4{Length::mm(210), Length::mm(297)};

// Where the page's own top-left corner and "up" direction land on the sheet.
Point corner(const Placement& p) { return p.to_sheet.apply(Point{0, 0}); }
}  // namespace

TEST_CASE("mini pages are a quarter of the long side by half the short side", "[zine8]") {
  Size s = zine8_page_size(kA4);
  CHECK(s.w.mm() == Approx(74.25));
  CHECK(s.h.mm() == Approx(105));
  Size l = zine8_page_size(Size{Length::in(8.5), Length::in(11)});
  CHECK(l.w.in() == Approx(2.75));
  CHECK(l.h.in() == Approx(4.25));
}

TEST_CASE("the classic mini-zine order: 5 4 3 2 upside down over 6 7 8 1", "[zine8]") {
  const int top[] = {5, 4, 3, 2}, bottom[] = {6, 7, 8, 1};
  for (int col = 0; col < 4; ++col) {
    ZineCell t = zine8_cell(top[col]);
    CHECK(t.row == 0);
    CHECK(t.column == col);
    CHECK(t.upside_down);
    ZineCell b = zine8_cell(bottom[col]);
    CHECK(b.row == 1);
    CHECK(b.column == col);
    CHECK_FALSE(b.upside_down);
  }
}

TEST_CASE("each page lands in its own cell of the portrait sheet, turned the right way", "[zine8]") {
  Sheet sheet = impose_zine8(kA4, Rgba{0.6, 0.6, 0.6, 1});
  REQUIRE(sheet.placements.size() == 8);
  const double pw = Length::mm(74.25).pt(), ph = Length::mm(105).pt();
  const double W = kA4.w.pt();
  Rect page{0, 0, pw, ph};
  for (const Placement& p : sheet.placements) {
    INFO("page " << p.page + 1);
    ZineCell c = zine8_cell(static_cast<int>(p.page) + 1);
    // The page's box maps exactly onto its clip cell; cells tile the sheet.
    Rect r = p.to_sheet.apply(page);
    CHECK(r.x == Approx(p.clip.x).margin(1e-6));
    CHECK(r.y == Approx(p.clip.y).margin(1e-6));
    CHECK(r.w == Approx(ph).margin(1e-6));  // turned a quarter: page height runs across
    CHECK(r.h == Approx(pw).margin(1e-6));
    // Landscape row 0 (top) becomes the sheet's right half.
    CHECK(r.x == Approx(c.row == 0 ? W / 2 : 0).margin(1e-6));
    CHECK(r.y == Approx(c.column * pw).margin(1e-6));
    // Upright pages (bottom row) have their top edge toward the sheet's centre line? No:
    // their "up" (page -y) points to landscape up = sheet +x (right). Upside-down ones point left.
    Point up = p.to_sheet.apply(Point{0, -1});
    Point o = corner(p);
    CHECK((up.x - o.x) == Approx(c.upside_down ? -1 : 1));
    CHECK((up.y - o.y) == Approx(0).margin(1e-9));
  }
}

TEST_CASE("guides stay in the printable area and the cut spans the two middle columns", "[zine8]") {
  Sheet sheet = impose_zine8(kA4, Rgba{});
  const double margin = Length::mm(5).pt();
  int cuts = 0;
  for (const Item& it : sheet.marks) {
    const Shape& s = std::get<Shape>(it);
    Rect b = s.path.bounds();
    CHECK(b.x >= margin);
    CHECK(b.y >= margin);
    CHECK(b.right() <= kA4.w.pt() - margin);
    CHECK(b.bottom() <= kA4.h.pt() - margin);
    if (!s.stroke->dash.empty()) {
      ++cuts;
      CHECK(b.x == Approx(kA4.w.pt() / 2));  // the long middle of the sheet
      CHECK(b.y == Approx(Length::mm(74.25).pt()));
      CHECK(b.h == Approx(Length::mm(148.5).pt()));
    }
  }
  CHECK(cuts == 1);
}

TEST_CASE("a right-to-left zine reads from the other side: 2 3 4 5 upside down over 1 8 7 6", "[zine8][rtl]") {
  const int top[] = {2, 3, 4, 5}, bottom[] = {1, 8, 7, 6};
  for (int col = 0; col < 4; ++col) {
    ZineCell t = zine8_cell(top[col], true);
    CHECK(t.row == 0);
    CHECK(t.column == col);
    CHECK(t.upside_down);
    ZineCell b = zine8_cell(bottom[col], true);
    CHECK(b.row == 1);
    CHECK(b.column == col);
    CHECK_FALSE(b.upside_down);
  }
  // The sheet: every page in the mirrored cell, turned as before; the folds and the cut
  // (symmetric) are the same marks.
  const Sheet ltr = impose_zine8(kA4, Rgba{});
  const Sheet rtl = impose_zine8(kA4, Rgba{}, Length::mm(5), true);
  REQUIRE(rtl.placements.size() == 8);
  const double pw = Length::mm(74.25).pt();
  for (std::size_t i = 0; i < 8; ++i) {
    INFO("page " << i + 1);
    const ZineCell c = zine8_cell(static_cast<int>(i) + 1);
    CHECK(rtl.placements[i].clip.y == Approx((3 - c.column) * pw).margin(1e-6));
    CHECK(rtl.placements[i].clip.x == Approx(ltr.placements[i].clip.x).margin(1e-6));
    const Point up = rtl.placements[i].to_sheet.apply(Point{0, -1});
    const Point o = corner(rtl.placements[i]);
    CHECK((up.x - o.x) == Approx(c.upside_down ? -1 : 1));
  }
  CHECK(rtl.marks.size() == ltr.marks.size());
}
