// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "base/geometry.h"
#include "base/units.h"

using namespace telar;
using Approx = Catch::Detail::Approx;

TEST_CASE("lengths convert between units exactly", "[units]") {
  CHECK(Length::mm(25.4).pt() == Approx(72.0));
  CHECK(Length::in(1).mm() == Approx(25.4));
  CHECK(Length::cm(1).mm() == Approx(10.0));
  CHECK(Length::m(2).pt() == Approx(5669.2913).margin(0.001));
  CHECK(fmt::format("{:.1f}", Length::mm(12.25)) == "12.2 mm");
}

TEST_CASE("lengths parse with units and reject nonsense", "[units]") {
  CHECK(parse_length("10mm")->mm() == Approx(10));
  CHECK(parse_length("1.5cm")->mm() == Approx(15));
  CHECK(parse_length("0.5in")->pt() == Approx(36));
  CHECK(parse_length("12pt")->pt() == Approx(12));
  CHECK(parse_length("7")->mm() == Approx(7));
  CHECK_FALSE(parse_length("mm"));
  CHECK_FALSE(parse_length("-2mm"));
  CHECK_FALSE(parse_length("3furlongs"));
  CHECK_FALSE(parse_length("nan"));
  CHECK_FALSE(parse_length("inf"));
}

TEST_CASE("paper sizes are exact", "[units]") {
  CHECK(paper_size("A4")->w.pt() == Approx(595.2756));
  CHECK(paper_size("a4")->h.pt() == Approx(841.8898));
  CHECK(paper_size("letter")->w.pt() == Approx(612));
  CHECK(paper_size("letter")->h.pt() == Approx(792));
  CHECK_FALSE(paper_size("a9"));
}

TEST_CASE("affine transforms compose like cairo matrices", "[units]") {
  Affine r = Affine::translate(100, 50) * Affine::rotate90(2);
  Point p = r.apply(Point{10, 20});
  CHECK(p.x == Approx(90));
  CHECK(p.y == Approx(30));
  Rect b = r.apply(Rect{0, 0, 100, 50});
  CHECK(b == Rect{0, 0, 100, 50});
}

TEST_CASE("one size grammar serves papers, pages and banners", "[units]") {
  auto s = parse_size("210x297mm");
  REQUIRE(s);
  CHECK(s->w.mm() == Approx(210));
  CHECK(s->h.mm() == Approx(297));
  CHECK(parse_size("3x1m")->w.mm() == Approx(3000));
  CHECK(parse_size("120x36in")->h.in() == Approx(36));
  CHECK(parse_size("300cm x 1m")->w.mm() == Approx(3000));
  CHECK(parse_size("105mm X 148mm")->h.mm() == Approx(148));
  CHECK(parse_size("2\u00d71m")->w.mm() == Approx(2000));
  CHECK(parse_size("0x1m")->w.pt() == Approx(0));  // callers check ranges
  CHECK_FALSE(parse_size("210x297"));  // "297" could be mm or pt
  CHECK_FALSE(parse_size("3xm"));
  CHECK_FALSE(parse_size("-2x1m"));
  CHECK_FALSE(parse_size("a4"));
  CHECK(parse_paper("A4") == paper_size("a4"));
  CHECK_FALSE(parse_paper("0x297mm"));
  CHECK(parse_length("0", "") == Length{});
  CHECK_FALSE(parse_length("7", ""));
}
