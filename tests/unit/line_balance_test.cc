// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <limits>
#include <random>

#include "layout/line_balance.h"

using namespace telar;

namespace {

/// Every breaking of n words into `lines` lines (start indices), by brute force.
void all_breakings(std::size_t n, std::size_t lines, LineStarts& cur, std::vector<LineStarts>& out) {
  if (cur.size() == lines) {
    out.push_back(cur);
    return;
  }
  const std::size_t from = cur.empty() ? 0 : cur.back() + 1;
  if (cur.empty()) {
    cur.push_back(0);
    all_breakings(n, lines, cur, out);
    cur.pop_back();
    return;
  }
  for (std::size_t s = from; s < n; ++s) {
    cur.push_back(s);
    all_breakings(n, lines, cur, out);
    cur.pop_back();
  }
}

std::size_t last_line_words(const LineStarts& s, std::size_t n) { return n - s.back(); }

}  // namespace

TEST_CASE("min_lines counts greedily and refuses a word wider than the line", "[balance]") {
  const std::vector<double> w{30, 20, 40, 10};
  CHECK(min_lines(w, 5, 1000) == 1);
  CHECK(min_lines(w, 5, 60) == 2);   // 30+5+20 | 40+5+10
  CHECK(min_lines(w, 5, 45) == 4);   // no two neighbours fit together
  CHECK(min_lines(w, 5, 39) == 0);   // 40 does not fit
  CHECK(min_lines({}, 5, 100) == 0);
  CHECK(line_widths(w, 5, {0, 2}) == std::vector<double>{55, 55});
}

TEST_CASE("balanced breaks avoid the lone last word greedy filling leaves", "[balance]") {
  // "Cuando se corta la luz, el barrio sigue hablando" in character counts.
  const std::vector<double> w{6, 2, 5, 2, 4, 2, 6, 5, 8};
  const double space = 1, max = 30;
  REQUIRE(min_lines(w, space, max) == 2);
  auto s = balance_breaks(w, space, max);
  REQUIRE(s);
  const auto widths = line_widths(w, space, *s);
  REQUIRE(widths.size() == 2);
  // Greedy fills "Cuando se corta la luz, el barrio" (30) then "sigue hablando" (14);
  // balanced puts the break after "luz,": 23 | 24.
  CHECK(*s == LineStarts{0, 5});
  CHECK(widths[0] == 23);
  CHECK(widths[1] == 24);
}

TEST_CASE("no single word on the last line when another breaking avoids it", "[balance]") {
  // Least ragged is 8 8 8 | 20 (26, 20: 16 + 100), but its last line is one word;
  // 8 8 | 8 20 (17, 29: 169 + 1) is the best without.
  const std::vector<double> w{8, 8, 8, 20};
  CHECK(raggedness(w, 1, {0, 3}, 30) < raggedness(w, 1, {0, 2}, 30));
  auto s = balance_breaks(w, 1, 30);
  REQUIRE(s);
  CHECK(*s == LineStarts{0, 2});
  // Two words that cannot share a line: the lone last word cannot be helped.
  const std::vector<double> two{20, 20};
  auto t = balance_breaks(two, 1, 25);
  REQUIRE(t);
  CHECK(*t == LineStarts{0, 1});
  CHECK_FALSE(balance_breaks(std::vector<double>{30}, 1, 25));
}

TEST_CASE("the chosen breaks are the least ragged, checked against every breaking", "[balance]") {
  std::mt19937 rng(20261126);
  std::uniform_real_distribution<double> width(8, 60);
  std::uniform_int_distribution<int> count(1, 9);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<double> w(static_cast<std::size_t>(count(rng)));
    for (double& x : w) x = width(rng);
    const double space = 6, max = std::uniform_real_distribution<double>(60, 200)(rng);
    const std::size_t lines = min_lines(w, space, max);
    auto got = balance_breaks(w, space, max);
    if (lines == 0) {
      CHECK_FALSE(got);
      continue;
    }
    REQUIRE(got);
    REQUIRE(got->size() == lines);
    for (double lw : line_widths(w, space, *got)) CHECK(lw <= max + 1e-9);

    std::vector<LineStarts> all;
    LineStarts cur;
    all_breakings(w.size(), lines, cur, all);
    double best_any = std::numeric_limits<double>::infinity(), best_kept = best_any;
    for (const LineStarts& s : all) {
      bool fits = true;
      for (double lw : line_widths(w, space, s)) fits = fits && lw <= max;
      if (!fits) continue;
      const double r = raggedness(w, space, s, max);
      best_any = std::min(best_any, r);
      if (lines < 2 || w.size() < 3 || last_line_words(s, w.size()) >= 2) best_kept = std::min(best_kept, r);
    }
    INFO("trial " << trial << ", " << w.size() << " words, max " << max);
    const double mine = raggedness(w, space, *got, max);
    if (best_kept < std::numeric_limits<double>::infinity()) {
      CHECK(mine == Approx(best_kept));
      if (lines >= 2 && w.size() >= 3) CHECK(last_line_words(*got, w.size()) >= 2);
    } else {
      CHECK(mine == Approx(best_any));
    }
  }
}

TEST_CASE("even breaks make the longest line the least multiple of the shortest", "[balance]") {
  // Five words where the least ragged 3-line breaking leaves one line much longer.
  const std::vector<double> words{40, 35, 30, 90, 20, 25};
  const double space = 5, max_width = 130;
  auto e = even_breaks(words, space, max_width, 3);
  REQUIRE(e);
  const double best = width_ratio(words, space, *e);
  // Checked against every breaking into 3 lines.
  for (std::size_t a = 1; a < words.size(); ++a)
    for (std::size_t b = a + 1; b < words.size(); ++b) {
      const LineStarts s{0, a, b};
      bool fits = true;
      for (double w : line_widths(words, space, s)) fits = fits && w <= max_width;
      if (fits) CHECK(width_ratio(words, space, s) >= best - 1e-9);
    }
  CHECK_FALSE(even_breaks(words, space, 80, 2));       // a 90 word never fits 80
  CHECK_FALSE(even_breaks(words, space, max_width, 7));  // more lines than words
  CHECK(width_ratio(words, space, {0}) == Approx(1));
}
