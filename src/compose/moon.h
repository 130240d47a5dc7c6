// SPDX-License-Identifier: GPL-3.0-or-later
// New moons for the manual's rotation calendar: Meeus, "Astronomical Algorithms" (2nd ed.)
// ch. 49, with the periodic terms and the 14 planetary arguments, plus a small civil Date.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace telar {

/// A day of the proleptic Gregorian calendar.
struct Date {
  int year = 2000;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

/// Strict "YYYY-MM-DD": four-digit year, two-digit month and day, a real calendar day.
std::optional<Date> parse_date(std::string_view text);
/// "YYYY-MM-DD" (locale-free).
std::string format_date(Date d);
int days_in_month(int year, int month);

/// Julian Day number at 0h UT of `d` (always ends in .5), e.g. 2000-01-01 -> 2451544.5.
double julian_day(Date d);
/// The civil (UTC) date containing instant `jd`.
Date date_from_julian_day(double jd);

/// ΔT = TT - UT in seconds at `decimal_year` (Espenak & Meeus polynomials; 1941..2150,
/// held constant outside). Good to a few seconds for 2000..2030.
double delta_t_seconds(double decimal_year);

struct NewMoon {
  int k = 0;              ///< lunation number; k = 0 is the new moon of 2000-01-06
  double jde = 0;         ///< Julian Ephemeris Day (TT)
  double jd_utc = 0;      ///< the same instant in UT (JDE - ΔT)
  Date date;              ///< UTC calendar day of the instant
  int minute_of_day = 0;  ///< UTC, 0..1439, rounded to the nearest minute
};

/// The instant of true new moon number `k` in TT (Meeus 49.1 plus corrections).
double new_moon_jde(int k);
/// New moon number `k`, in UTC.
NewMoon new_moon(int k);

/// The UTC dates of the first `count` new moons whose UTC date is on or after `from`.
std::vector<Date> next_new_moons(Date from, int count);

}  // namespace telar

template <>
struct fmt::formatter<telar::Date> : fmt::formatter<std::string_view> {
  auto format(const telar::Date& d, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(telar::format_date(d), ctx);
  }
};
