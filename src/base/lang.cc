// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/lang.h"

#include <cstdlib>
#include <optional>
#include <string>

#include "base/po.h"

namespace telar {

namespace {

// The primary subtag, lower-cased: "es_CL.UTF-8" -> "es", "pt-BR" -> "pt".
std::string primary_subtag(std::string_view tag) {
  std::string p(tag.substr(0, tag.find_first_of("-_.@")));
  for (char& c : p) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return p;
}

// The catalogue for `tag`, or none (English is the source and counts as one).
std::optional<Lang> catalogue_for(std::string_view tag) {
  const std::string p = primary_subtag(tag);
  if (p.empty()) return std::nullopt;
  if (p == "en") return Lang::en;
  for (std::string_view l : po_message_languages())
    if (l == p) return Lang(l);
  for (std::string_view southern_cone : {"arn", "ay", "qu", "gn"})
    if (p == southern_cone) return Lang::es;
  return std::nullopt;
}

bool is_c_locale(std::string_view name) {
  return name == "C" || name == "POSIX" || name.rfind("C.", 0) == 0;
}

}  // namespace

Lang lang_from_tag(std::string_view tag) { return catalogue_for(tag).value_or(Lang::en); }

std::vector<Lang> ui_languages() {
  std::vector<Lang> out{Lang::en};
  for (std::string_view l : po_message_languages())
    if (l != "en") out.emplace_back(l);
  return out;
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

Lang ui_language(const LocaleEnv& env) {
  std::string_view locale = env.lc_all;
  if (locale.empty()) locale = env.lc_messages;
  if (locale.empty()) locale = env.lang;
  if (locale.empty() || is_c_locale(locale)) return Lang::en;
  for (std::string_view rest = env.language; !rest.empty();) {
    const std::size_t colon = rest.find(':');
    const std::string_view entry = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    if (auto l = catalogue_for(entry)) return *l;
  }
  return lang_from_tag(locale);
}

Lang ui_language_from_env() {
  auto get = [](const char* name) {
    const char* v = std::getenv(name);
    return v == nullptr ? std::string_view() : std::string_view(v);
  };
  return ui_language({get("LANGUAGE"), get("LC_ALL"), get("LC_MESSAGES"), get("LANG")});
}

}  // namespace telar
