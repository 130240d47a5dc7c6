// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/lang.h"

#include <cstdlib>
#include <string>

namespace telar {

Lang lang_from_tag(std::string_view tag) {
  auto starts = [&](std::string_view p) {
    return tag.size() >= p.size() && tag.substr(0, p.size()) == p &&
           (tag.size() == p.size() || tag[p.size()] == '-' || tag[p.size()] == '_' ||
            tag[p.size()] == '.' || tag[p.size()] == '@');
  };
  if (starts("es") || starts("arn") || starts("ay") || starts("qu") || starts("gn"))
    return Lang::es;
  return Lang::en;
}

Lang ui_language_from_env() {
  // POSIX: LC_ALL overrides LC_MESSAGES overrides LANG. GNU's LANGUAGE is a list that
  // takes priority when set; we honour its first entry.
  for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v == nullptr || *v == '\0') continue;
    std::string s(v);
    if (auto colon = s.find(':'); colon != std::string::npos) s.resize(colon);
    if (s == "C" || s == "POSIX") return Lang::en;
    return lang_from_tag(s);
  }
  return Lang::en;
}

}  // namespace telar
