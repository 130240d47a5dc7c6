// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/font_check.h"

#include "base/c_handles.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace telar {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

void check_template_fonts(const Template& tpl, const FontSet& fonts, Diagnostics& diags) {
  std::set<std::string> known;
  for (const FaceInfo& f : fonts.faces()) known.insert(lower(f.family));
  for (const auto& [role, spec] : tpl.fonts) {
    FontDescription d(pango_font_description_from_string(spec.description.c_str()));
    const char* families = pango_font_description_get_family(d.get());
    if (families == nullptr) continue;  // the loader reported it already
    std::string_view rest(families);
    while (!rest.empty()) {
      const std::size_t comma = std::min(rest.find(','), rest.size());
      const std::string_view family = trim(rest.substr(0, comma));
      if (!family.empty() && known.count(lower(family)) == 0)
        diags.error(spec.loc, msg(MsgId::tpl_font_missing, std::string(family)));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
  }
}

}  // namespace telar
