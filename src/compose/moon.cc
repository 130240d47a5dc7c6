// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/moon.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace telar {
namespace {

constexpr double kUnixEpochJd = 2440587.5;  // 1970-01-01 0h UT

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

double sin_deg(double deg) { return std::sin(std::fmod(deg, 360.0) * std::numbers::pi / 180.0); }

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  Date date{to_int(y), to_int(m), to_int(d)};
  if (date.month < 1 || date.month > 12) return std::nullopt;
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
  return date;
}

std::string format_date(Date d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

double julian_day(Date d) {
  return static_cast<double>(days_from_civil(d.year, d.month, d.day)) + kUnixEpochJd;
}

Date date_from_julian_day(double jd) {
  return civil_from_days(static_cast<std::int64_t>(std::floor(jd - kUnixEpochJd)));
}

double delta_t_seconds(double decimal_year) {
  const double y = std::clamp(decimal_year, 1941.0, 2150.0);
  if (y < 1961) {
    const double t = y - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (y < 1986) {
    const double t = y - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (y < 2005) {
    const double t = y - 2000;
    return 63.86 +
           t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (y < 2050) {
    const double t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (y - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - y);
}

double new_moon_jde(int k_int) {
  const double k = k_int;
  const double T = k / 1236.85, T2 = T * T, T3 = T2 * T, T4 = T3 * T;
  double jde =
      2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.000000150 * T3 + 0.00000000073 * T4;
  const double E = 1 - 0.002516 * T - 0.0000074 * T2;
  const double M = 2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const double Mp =
      201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const double F =
      160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const double Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

  // Periodic terms for the new moon (Meeus table in ch. 49).
  jde += -0.40720 * sin_deg(Mp) + 0.17241 * E * sin_deg(M) + 0.01608 * sin_deg(2 * Mp) +
         0.01039 * sin_deg(2 * F) + 0.00739 * E * sin_deg(Mp - M) - 0.00514 * E * sin_deg(Mp + M) +
         0.00208 * E * E * sin_deg(2 * M) - 0.00111 * sin_deg(Mp - 2 * F) -
         0.00057 * sin_deg(Mp + 2 * F) + 0.00056 * E * sin_deg(2 * Mp + M) -
         0.00042 * sin_deg(3 * Mp) + 0.00042 * E * sin_deg(M + 2 * F) +
         0.00038 * E * sin_deg(M - 2 * F) - 0.00024 * E * sin_deg(2 * Mp - M) -
         0.00017 * sin_deg(Om) - 0.00007 * sin_deg(Mp + 2 * M) + 0.00004 * sin_deg(2 * Mp - 2 * F) +
         0.00004 * sin_deg(3 * M) + 0.00003 * sin_deg(Mp + M - 2 * F) +
         0.00003 * sin_deg(2 * Mp + 2 * F) - 0.00003 * sin_deg(Mp + M + 2 * F) +
         0.00003 * sin_deg(Mp - M + 2 * F) - 0.00002 * sin_deg(Mp - M - 2 * F) -
         0.00002 * sin_deg(3 * Mp + M) + 0.00002 * sin_deg(4 * Mp);

  // The 14 planetary arguments A1..A14: {coefficient, A0, rate per lunation}.
  struct Planetary {
    double coef, a0, rate;
  };
  static constexpr std::array<Planetary, 14> kPlanetary{{
      {0.000325, 299.77, 0.107408},
      {0.000165, 251.88, 0.016321},
      {0.000164, 251.83, 26.651886},
      {0.000126, 349.42, 36.412478},
      {0.000110, 84.66, 18.206239},
      {0.000062, 141.74, 53.303771},
      {0.000060, 207.14, 2.453732},
      {0.000056, 154.84, 7.306860},
      {0.000047, 34.52, 27.261239},
      {0.000042, 207.19, 0.121824},
      {0.000040, 291.34, 1.844379},
      {0.000037, 161.72, 24.198154},
      {0.000035, 239.56, 25.513099},
      {0.000023, 331.55, 3.592518},
  }};
  for (std::size_t i = 0; i < kPlanetary.size(); ++i) {
    double a = kPlanetary[i].a0 + kPlanetary[i].rate * k;
    if (i == 0) a -= 0.009173 * T2;  // A1 alone has a T² term
    jde += kPlanetary[i].coef * sin_deg(a);
  }
  return jde;
}

NewMoon new_moon(int k) {
  NewMoon m;
  m.k = k;
  m.jde = new_moon_jde(k);
  const double year = 2000.0 + (m.jde - 2451545.0) / 365.25;
  m.jd_utc = m.jde - delta_t_seconds(year) / 86400.0;
  // Date and time rounded to the minute together, as almanacs print them.
  const auto minutes = static_cast<std::int64_t>(std::llround((m.jd_utc - kUnixEpochJd) * 1440.0));
  std::int64_t days = minutes / 1440, rest = minutes % 1440;
  if (rest < 0) {
    rest += 1440;
    --days;
  }
  m.date = civil_from_days(days);
  m.minute_of_day = static_cast<int>(rest);
  return m;
}

std::vector<Date> next_new_moons(Date from, int count) {
  std::vector<Date> out;
  if (count <= 0) return out;
  // k = 0 is 2000-01-06; start a little early and step forward (the estimate is within one).
  const double lunations = (julian_day(from) - 2451550.1) / 29.530588861;
  int k = static_cast<int>(std::floor(lunations)) - 2;
  while (new_moon(k).date < from) ++k;
  for (int i = 0; i < count; ++i) out.push_back(new_moon(k + i).date);
  return out;
}

}  // namespace telar
