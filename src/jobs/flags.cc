// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/flags.h"

#include <charconv>

#include "base/error.h"

namespace telar {

std::string FlagValues::text(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::string() : it->second;
}

void FlagValues::fill_defaults(std::span<const FlagSpec> specs) {
  for (const FlagSpec& s : specs)
    if (!s.default_value.empty() && !has(s.name)) set(s.name, std::string(s.default_value));
}

const FlagSpec* find_flag(std::span<const FlagSpec> specs, std::string_view name) {
  for (const FlagSpec& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

Size paper_value(std::string_view flag, const std::string& value) {
  // 5 cm to 2 m a side: what a printer takes (a banner has its own --size).
  if (auto s = parse_paper(value); s && s->w.mm() >= 50 && s->h.mm() >= 50 &&
                                   s->w.mm() <= 2000 && s->h.mm() <= 2000)
    return *s;
  throw Error::usage(msg(MsgId::usage_bad_value, flag, value,
                         ui_word("a4, letter, a3, a5, legal, tabloid or WxH (210x297mm)")));
}

Length length_value(std::string_view flag, const std::string& value) {
  if (auto l = parse_length(value, "")) return *l;
  throw Error::usage(msg(MsgId::usage_bad_value, flag, value, ui_word("a length such as 5mm")));
}

Date date_value(std::string_view flag, const std::string& value) {
  if (auto d = parse_date(value)) return *d;
  throw Error::usage(msg(MsgId::usage_bad_value, flag, value, ui_word("a date written YYYY-MM-DD")));
}

double dpi_value(std::string_view flag, const std::string& value) {
  double v = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size() || !(v >= 36 && v <= 1200))
    throw Error::usage(msg(MsgId::usage_bad_value, flag, value, "36..1200"));
  return v;
}

std::string choice_value(std::string_view flag, const std::string& value,
                         std::span<const std::string_view> allowed) {
  std::string list;
  for (auto a : allowed) {
    if (a == value) return value;
    list += (list.empty() ? "" : "|") + std::string(a);
  }
  throw Error::usage(msg(MsgId::usage_bad_value, flag, value, list));
}

int png_compression_value(const std::string& value) {
  return std::stoi(choice_value("png-compression", value, kPngCompressionLevels));
}

void check_flag_value(const FlagSpec& spec, const std::string& value) {
  switch (spec.type) {
    case FlagType::text: return;
    case FlagType::boolean:
      if (value != "true" && value != "false")
        throw Error::usage(msg(MsgId::usage_bad_value, spec.name, value, "true|false"));
      return;
    case FlagType::choice: choice_value(spec.name, value, spec.choices); return;
    case FlagType::paper: paper_value(spec.name, value); return;
    case FlagType::length: length_value(spec.name, value); return;
    case FlagType::date: date_value(spec.name, value); return;
    case FlagType::dpi: dpi_value(spec.name, value); return;
  }
}

}  // namespace telar
