// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <cmath>

#include "compose/shared_words.h"
#include "layout/braid.h"

using namespace telar;

namespace {

/// Point on a path's cubic segment `k` (0-based among its segments after the move) at t.
Point on_curve(const Path::Segment& s, Point from, double t) {
  const double u = 1 - t;
  return {u * u * u * from.x + 3 * u * u * t * s.p[0].x + 3 * u * t * t * s.p[1].x + t * t * t * s.p[2].x,
          u * u * u * from.y + 3 * u * u * t * s.p[0].y + 3 * u * t * t * s.p[1].y + t * t * t * s.p[2].y};
}

Point end_of(const Path::Segment& s) { return s.op == Path::Op::curve ? s.p[2] : s.p[0]; }

/// Whether the path passes within `eps` of `p` (sampled).
bool passes(const Path& path, Point p, double eps) {
  Point at = path.segments.at(0).p[0];
  for (std::size_t i = 1; i < path.segments.size(); ++i) {
    const Path::Segment& s = path.segments[i];
    for (int k = 0; k <= 200; ++k) {
      const double t = k / 200.0;
      const Point q = s.op == Path::Op::curve ? on_curve(s, at, t)
                                              : Point{at.x + (s.p[0].x - at.x) * t, at.y + (s.p[0].y - at.y) * t};
      if (std::hypot(q.x - p.x, q.y - p.y) <= eps) return true;
    }
    at = end_of(s);
  }
  return false;
}

SharedWords circle() {
  SharedWords sw;
  sw.voices = {"A", "B", "C", "D", "E"};
  sw.words = {{"barri", "barrio", {0, 1, 2, 3}, 6, {"t.md", 9, 1, {}}},
              {"luz", "luz", {0, 4}, 4, {"t.md", 3, 5, {}}},
              {"bateria", "batería", {1, 3}, 3, {"t.md", 5, 2, {}}},
              {"voz", "voz", {2, 4}, 2, {"t.md", 12, 8, {}}}};
  return sw;
}

}  // namespace

TEST_CASE("braid: one continuous strand per voice, from one end of the box to the other", "[braid]") {
  for (const Rect box : {Rect{10, 20, 400, 120}, Rect{5, 5, 180, 260}}) {
    const BraidGeometry g = braid_geometry(circle(), box);
    REQUIRE(g.strands.size() == 5);
    CHECK(g.vertical == (box.h > box.w));
    for (const auto& s : g.strands) {
      REQUIRE(s.path.segments.size() > 2);
      CHECK(s.path.segments.front().op == Path::Op::move);
      // Continuous: one move only, then lines and curves, each going on along the run.
      double along = -1e9;
      for (std::size_t i = 1; i < s.path.segments.size(); ++i) {
        CHECK(s.path.segments[i].op != Path::Op::move);
        CHECK(s.path.segments[i].op != Path::Op::close);
        const Point e = end_of(s.path.segments[i]);
        const double a = g.vertical ? e.y : e.x;
        CHECK(a >= along - 1e-9);
        along = a;
      }
      const Point first = s.path.segments.front().p[0], last = end_of(s.path.segments.back());
      CHECK((g.vertical ? first.y : first.x) == Approx(g.vertical ? box.y : box.x));
      CHECK((g.vertical ? last.y : last.x) == Approx(g.vertical ? box.bottom() : box.right()));
      // Nothing outside its box, control points included.
      CHECK(box.contains(s.path.bounds()));
    }
  }
}

TEST_CASE("braid: the strands of the voices that share a word meet where the word is set", "[braid]") {
  const SharedWords sw = circle();
  const Rect box{0, 0, 500, 150};
  const BraidGeometry g = braid_geometry(sw, box);
  REQUIRE(g.crossings.size() == 4);
  // In the order first said: luz (line 3), batería (5), barrio (9), voz (12).
  CHECK(sw.words[g.crossings[0].word].word == "luz");
  CHECK(sw.words[g.crossings[3].word].word == "voz");
  for (const auto& c : g.crossings) {
    const auto& voices = sw.words[c.word].voices;
    REQUIRE(c.strands.size() == voices.size());
    CHECK(box.contains(Rect{c.at.x, c.at.y, 0, 0}));
    for (std::size_t s = 0; s < g.strands.size(); ++s) {
      const bool member = std::find(voices.begin(), voices.end(), g.strands[s].voice) != voices.end();
      INFO("word " << sw.words[c.word].word << ", strand " << s);
      // Who said it passes through the word; who did not stays at least a lane away.
      CHECK(passes(g.strands[s].path, c.at, 0.5) == member);
      if (!member) CHECK_FALSE(passes(g.strands[s].path, c.at, g.lane * 0.9));
    }
  }
}

TEST_CASE("braid: nothing to draw without a shared word or a second voice", "[braid]") {
  SharedWords sw = circle();
  sw.words.clear();
  CHECK(braid_geometry(sw, {0, 0, 100, 100}).strands.empty());
  sw = circle();
  sw.voices.resize(1);
  CHECK(braid_geometry(sw, {0, 0, 100, 100}).strands.empty());
}
