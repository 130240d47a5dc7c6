// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/banner_size.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/error.h"
#include "base/text.h"

namespace telar {
namespace {

std::string metres(Length l) { return fmt::format("{:g} m", l.mm() / 1000); }

}  // namespace

bool is_size_preset_name(std::string_view text) {
  return !text.empty() && text.find_first_of("0123456789") == std::string_view::npos;
}

Size parse_banner_size(std::string_view text) {
  std::optional<Size> s = parse_size(text);
  if (!s)
    throw Error::usage(msg(MsgId::usage_bad_value, "size", text,
                           ui_word("WxH with a unit (3x1m, 300x100cm, 120x36in, 2000x700mm) or a preset of the template")));
  auto in_range = [](Length l) {
    return l.mm() >= kBannerMinSide.mm() - 1e-9 && l.mm() <= kBannerMaxSide.mm() + 1e-9;
  };
  if (!in_range(s->w) || !in_range(s->h))
    throw Error::usage(msg(MsgId::banner_size_range, text,
                           fmt::format("{:g} cm", kBannerMinSide.mm() / 10), metres(kBannerMaxSide)));
  return *s;
}

std::optional<std::vector<SizePreset>> parse_size_presets(std::string_view text) {
  std::vector<SizePreset> out;
  while (!trim(text).empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view entry = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string name(trim(entry.substr(0, eq)));
    if (!is_size_preset_name(name) || name.find(' ') != std::string::npos) return std::nullopt;
    try {
      out.push_back({name, parse_banner_size(entry.substr(eq + 1))});
    } catch (const Error&) {
      return std::nullopt;
    }
  }
  return out;
}

Size resolve_banner_size(std::string_view text, const Template& tpl,
                         std::optional<bool> portrait) {
  const bool from_template = trim(text).empty();
  const std::string wanted(from_template ? trim(tpl.option("size", "3x1m")) : trim(text));
  auto template_error = [&](const std::string& key, const std::string& value) {
    return Error(Exit::data_error, Loc{tpl.loc.file, 0, 0, "options." + key},
                 msg(MsgId::tpl_bad_presets, value));
  };
  const std::string preset_text = tpl.option("presets");
  std::optional<std::vector<SizePreset>> presets = parse_size_presets(preset_text);
  if (!presets) throw template_error("presets", preset_text);

  Size size;
  if (is_size_preset_name(wanted)) {
    auto it = std::find_if(presets->begin(), presets->end(),
                           [&](const SizePreset& p) { return p.name == wanted; });
    if (it == presets->end()) {
      if (from_template) throw template_error("size", wanted);
      std::string names;
      for (const SizePreset& p : *presets) names += (names.empty() ? "" : ", ") + p.name;
      throw Error::usage(msg(MsgId::banner_unknown_preset, wanted, tpl.name,
                             names.empty() ? "-" : names));
    }
    size = it->size;
  } else if (from_template) {
    try {
      size = parse_banner_size(wanted);
    } catch (const Error&) {
      throw template_error("size", wanted);
    }
  } else {
    size = parse_banner_size(wanted);
  }
  if (portrait && *portrait != (size.h > size.w)) size = size.transposed();
  return size;
}

}  // namespace telar
