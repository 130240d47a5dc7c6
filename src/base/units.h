// SPDX-License-Identifier: GPL-3.0-or-later
// One physical length type: points inside, mm/cm/m/in at the edges.
#pragma once

#include <compare>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace telar {

class Length {
 public:
  constexpr Length() = default;
  static constexpr Length pt(double v) { return Length{v}; }
  static constexpr Length mm(double v) { return Length{v * 72.0 / 25.4}; }
  static constexpr Length cm(double v) { return mm(v * 10.0); }
  static constexpr Length m(double v) { return mm(v * 1000.0); }
  static constexpr Length in(double v) { return Length{v * 72.0}; }
  constexpr double pt() const { return pt_; }
  constexpr double mm() const { return pt_ * 25.4 / 72.0; }
  constexpr double in() const { return pt_ / 72.0; }

  friend constexpr Length operator+(Length a, Length b) { return Length{a.pt_ + b.pt_}; }
  friend constexpr Length operator-(Length a, Length b) { return Length{a.pt_ - b.pt_}; }
  friend constexpr Length operator-(Length a) { return Length{-a.pt_}; }
  friend constexpr Length operator*(Length a, double k) { return Length{a.pt_ * k}; }
  friend constexpr Length operator*(double k, Length a) { return Length{a.pt_ * k}; }
  friend constexpr Length operator/(Length a, double k) { return Length{a.pt_ / k}; }
  friend constexpr double operator/(Length a, Length b) { return a.pt_ / b.pt_; }
  constexpr Length& operator+=(Length b) { pt_ += b.pt_; return *this; }
  constexpr Length& operator-=(Length b) { pt_ -= b.pt_; return *this; }
  friend constexpr auto operator<=>(Length, Length) = default;

 private:
  explicit constexpr Length(double pt) : pt_{pt} {}
  double pt_ = 0;
};

struct Size {
  Length w, h;
  constexpr Size transposed() const { return {h, w}; }
  friend constexpr bool operator==(Size, Size) = default;
};

// The one parser for each kind of physical value; the CLI flags, the batch manifest and
// templates all go through these (callers add only their own range checks).

/// Parses "10mm", "1.5cm", "2m", "0.5in", "12pt" (no unit = `default_unit`; with an empty
/// default a bare number is refused, except "0"). Locale-free. Returns nullopt on anything
/// else, including negative, NaN and infinite values.
std::optional<Length> parse_length(std::string_view text, std::string_view default_unit = "mm");

/// "WxH" with a unit after the height that applies to both ("210x297mm", "3x1m",
/// "120x36in"), or one after each ("300cm x 1m", "105mm x 148mm"); 'x', 'X' or '×' between,
/// spaces allowed. Sides may be zero: callers check their ranges. nullopt for anything else.
std::optional<Size> parse_size(std::string_view text);

/// Named paper sizes: a3, a4, a5, a6, letter, legal, tabloid (portrait), any case.
std::optional<Size> paper_size(std::string_view name);

/// A paper name (paper_size) or a size (parse_size) with both sides greater than zero.
std::optional<Size> parse_paper(std::string_view text);

}  // namespace telar

template <>
struct fmt::formatter<telar::Length> : fmt::formatter<double> {
  auto format(telar::Length l, fmt::format_context& ctx) const {
    return fmt::format_to(fmt::formatter<double>::format(l.mm(), ctx), " mm");
  }
};
