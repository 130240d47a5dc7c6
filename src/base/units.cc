// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/units.h"

#include <charconv>
#include <cmath>
#include <string>

namespace telar {

std::optional<Length> parse_length(std::string_view text, std::string_view default_unit) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end == text.data()) return std::nullopt;
  if (!std::isfinite(v) || v < 0) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit.empty()) unit = default_unit;
  if (unit == "mm") return Length::mm(v);
  if (unit == "cm") return Length::cm(v);
  if (unit == "m") return Length::m(v);
  if (unit == "in") return Length::in(v);
  if (unit == "pt") return Length::pt(v);
  return std::nullopt;
}

std::optional<Size> paper_size(std::string_view name) {
  std::string n(name);
  for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "a3") return Size{Length::mm(297), Length::mm(420)};
  if (n == "a4") return Size{Length::mm(210), Length::mm(297)};
  if (n == "a5") return Size{Length::mm(148), Length::mm(210)};
  if (n == "a6") return Size{Length::mm(105), Length::mm(148)};
  if (n == "letter") return Size{Length::in(8.5), Length::in(11)};
  if (n == "legal") return Size{Length::in(8.5), Length::in(14)};
  if (n == "tabloid") return Size{Length::in(11), Length::in(17)};
  return std::nullopt;
}

}  // namespace telar
