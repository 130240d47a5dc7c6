// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/moon.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>

using namespace telar;
using Approx = Catch::Detail::Approx;

namespace {

struct Published {
  const char* date;  // UTC
  int hour, minute;  // UTC
};

// New moons as published by NASA/GSFC (Espenak, "Phases of the Moon") and USNO, UTC.
constexpr Published kPublished[] = {
    {"2000-01-06", 18, 14},  // k = 0 of Meeus' lunation count
    {"2017-08-21", 18, 30},  // total solar eclipse (USA)
    {"2024-01-11", 11, 57}, {"2024-02-09", 22, 59}, {"2024-03-10", 9, 0},
    {"2024-04-08", 18, 21},  // total solar eclipse (North America)
    {"2024-05-08", 3, 22},  {"2024-06-06", 12, 38}, {"2024-07-05", 22, 57},
    {"2024-08-04", 11, 13}, {"2024-09-03", 1, 55},  {"2024-10-02", 18, 49},
    {"2024-11-01", 12, 47}, {"2024-12-01", 6, 21},  {"2024-12-30", 22, 27},
    {"2025-01-29", 12, 36}, {"2025-02-28", 0, 45},  {"2025-03-29", 10, 58},
    {"2025-04-27", 19, 31}, {"2025-05-27", 3, 2},   {"2025-06-25", 10, 31},
    {"2025-07-24", 19, 11}, {"2025-08-23", 6, 6},   {"2025-09-21", 19, 54},
    {"2025-10-21", 12, 25}, {"2025-11-20", 6, 47},  {"2025-12-20", 1, 43},
};

}  // namespace

TEST_CASE("dates parse strictly and format back", "[moon]") {
  CHECK(parse_date("2026-11-20") == Date{2026, 11, 20});
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK(format_date(Date{2026, 1, 5}) == "2026-01-05");
  CHECK(fmt::format("{}", Date{987, 3, 4}) == "0987-03-04");
  for (const char* bad : {"2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                          "2026-4-01", "26-04-01", "2026/04/01", "2026-04-01 ", " 2026-04-01",
                          "2026-04-0a", "", "+026-04-01", "2026-04-00"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
  CHECK(parse_date("2000-02-29").has_value());
}

TEST_CASE("Julian days round-trip through civil dates", "[moon]") {
  CHECK(julian_day(Date{2000, 1, 1}) == 2451544.5);
  CHECK(julian_day(Date{1970, 1, 1}) == 2440587.5);
  CHECK(julian_day(Date{1957, 10, 4}) == 2436115.5);  // Meeus example 7.a (at 0h)
  CHECK(date_from_julian_day(2436116.31) == Date{1957, 10, 4});
  CHECK(date_from_julian_day(2451544.4999) == Date{1999, 12, 31});
  for (double jd = 2415020.5; jd < 2488070.5; jd += 97.0) {
    Date d = date_from_julian_day(jd);
    CHECK(julian_day(d) == jd);
  }
}

TEST_CASE("delta T is about a minute in this century and continuous", "[moon]") {
  CHECK(delta_t_seconds(2000.0) == Approx(63.86).margin(0.01));
  CHECK(delta_t_seconds(2024.0) == Approx(69.2).margin(5.0));  // observed ~69 s
  CHECK(delta_t_seconds(2004.999) == Approx(delta_t_seconds(2005.0)).margin(0.5));
  CHECK(delta_t_seconds(2049.999) == Approx(delta_t_seconds(2050.0)).margin(0.5));
  CHECK(delta_t_seconds(2100.0) > delta_t_seconds(2050.0));
}

TEST_CASE("Meeus example 49.a: the new moon of February 1977", "[moon]") {
  // k = -283, JDE = 2443192.65118 (1977 Feb 18, 3h37m42s TD).
  CHECK(new_moon_jde(-283) == Approx(2443192.65118).margin(0.00002));
  CHECK(new_moon(-283).date == Date{1977, 2, 18});
}

TEST_CASE("new moons match published dates to the day and times to minutes", "[moon]") {
  for (const Published& p : kPublished) {
    INFO(p.date);
    const Date want = *parse_date(p.date);
    std::vector<Date> got = next_new_moons(want, 1);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == want);
    // The lunation number of the same moon, and its time of day.
    const int k = static_cast<int>(std::lround((julian_day(want) - 2451550.1) / 29.530588861));
    NewMoon m = new_moon(k);
    CHECK(m.date == want);
    CHECK(std::abs(m.minute_of_day - (p.hour * 60 + p.minute)) <= 2);
  }
}

TEST_CASE("the next 13 new moons start on the cycle date itself when it is one", "[moon]") {
  std::vector<Date> from_new_moon = next_new_moons(Date{2024, 4, 8}, 13);
  REQUIRE(from_new_moon.size() == 13);
  CHECK(from_new_moon.front() == Date{2024, 4, 8});
  CHECK(from_new_moon.back() == Date{2025, 3, 29});

  std::vector<Date> next_day = next_new_moons(Date{2024, 4, 9}, 13);
  CHECK(next_day.front() == Date{2024, 5, 8});
  CHECK(next_day.back() == Date{2025, 4, 27});

  std::vector<Date> year_2025 = next_new_moons(Date{2025, 1, 1}, 12);
  const char* expected[] = {"2025-01-29", "2025-02-28", "2025-03-29", "2025-04-27",
                            "2025-05-27", "2025-06-25", "2025-07-24", "2025-08-23",
                            "2025-09-21", "2025-10-21", "2025-11-20", "2025-12-20"};
  for (std::size_t i = 0; i < 12; ++i) CHECK(format_date(year_2025.at(i)) == expected[i]);
  CHECK(next_new_moons(Date{2025, 1, 1}, 0).empty());
}

TEST_CASE("consecutive new moons are 29.27 to 29.83 days apart", "[moon]") {
  for (int k = 300; k < 400; ++k) {
    const double gap = new_moon_jde(k + 1) - new_moon_jde(k);
    CHECK(gap > 29.26);
    CHECK(gap < 29.84);
  }
}
