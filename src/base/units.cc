// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/units.h"

#include <charconv>
#include <cmath>
#include <string>

#include "base/text.h"

namespace telar {

std::optional<Length> parse_length(std::string_view text, std::string_view default_unit) {
  text = trim(text);
  if (default_unit.empty() && text == "0") return Length{};
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end == text.data()) return std::nullopt;
  if (!std::isfinite(v) || v < 0) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  unit = trim(unit);
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


std::optional<Size> parse_size(std::string_view text) {
  text = trim(text);
  std::size_t x = text.find_first_of("xX"), skip = 1;
  if (std::size_t times = text.find("\u00d7"); times != std::string_view::npos && times < x) {
    x = times;
    skip = 2;
  }
  if (x == std::string_view::npos) return std::nullopt;
  const std::string_view w = trim(text.substr(0, x)), h = trim(text.substr(x + skip));
  // The height's unit, written once at the end, also applies to a bare width.
  const std::size_t digits_end = h.find_last_of("0123456789.");
  if (digits_end == std::string_view::npos || digits_end + 1 == h.size()) return std::nullopt;
  const std::string_view unit = trim(h.substr(digits_end + 1));
  auto lw = parse_length(w, unit), lh = parse_length(h, "");
  if (!lw || !lh) return std::nullopt;
  return Size{*lw, *lh};
}

std::optional<Size> parse_paper(std::string_view text) {
  text = trim(text);
  if (auto named = paper_size(text)) return named;
  auto s = parse_size(text);
  if (!s || s->w.pt() <= 0 || s->h.pt() <= 0) return std::nullopt;
  return s;
}

}  // namespace telar
