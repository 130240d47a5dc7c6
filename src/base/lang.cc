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

bool is_rtl_language(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_.@"));
  std::string lower(primary);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view rtl : {"ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb",
                               "syr", "arc", "nqo", "ks", "prs", "azb", "ji"})
    if (lower == rtl) return true;
  for (std::string_view script : {"-Arab", "-Hebr", "-Thaa", "-Syrc", "_Arab", "_Hebr"})
    if (tag.find(script) != std::string_view::npos) return true;
  return false;
}

bool is_rtl_char(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF && !(c >= 0x0660 && c <= 0x0669) &&
          !(c >= 0x06F0 && c <= 0x06F9) && !(c >= 0x064B && c <= 0x065F) && c != 0x0670 &&
          !(c >= 0x0591 && c <= 0x05C7 && c != 0x05BE && c != 0x05C0 && c != 0x05C3 && c != 0x05C6)) ||
         (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
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
