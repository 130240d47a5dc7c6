// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/messages.h"

#include <map>
#include <stdexcept>
#include <string>

#include <fmt/args.h>

#include "base/po.h"

namespace telar {
namespace {

struct Entry {
  std::string_view name;
  std::string_view text;
};

constexpr Entry kEntries[] = {
#define TELAR_MSG(id, text) {#id, text},
#include "base/messages.def"
#undef TELAR_MSG
};

// Every shipped catalogue, parsed once: language code -> (English -> translation).
const std::map<std::string, std::map<std::string, std::string>, std::less<>>& catalogues() {
  static const auto all = [] {
    std::map<std::string, std::map<std::string, std::string>, std::less<>> out;
    for (std::string_view l : po_message_languages()) out[std::string(l)] = parse_po(po_message_catalogue(l));
    return out;
  }();
  return all;
}

}  // namespace

std::string_view english_text(MsgId id) { return kEntries[static_cast<int>(id)].text; }
std::string_view msg_name(MsgId id) { return kEntries[static_cast<int>(id)].name; }

std::vector<MsgId> all_msg_ids() {
  std::vector<MsgId> ids;
  for (std::size_t i = 0; i < std::size(kEntries); ++i) ids.push_back(static_cast<MsgId>(i));
  return ids;
}

std::string_view label(std::string_view english, Lang lang) {
  // English per message when the language's catalogue lacks it (a partial catalogue).
  const auto& all = catalogues();
  if (auto c = all.find(lang.code()); c != all.end())
    if (auto it = c->second.find(std::string(english)); it != c->second.end() && !it->second.empty())
      return it->second;
  return english;
}

std::string_view template_text(MsgId id, Lang lang) { return label(english_text(id), lang); }

namespace {
constexpr std::string_view kUiWordMark = "\x1f";
}

std::string ui_word(std::string_view english) { return std::string(kUiWordMark) + std::string(english); }

std::string translate(const Message& m, Lang lang) {
  std::string_view tmpl = template_text(m.id, lang);
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : m.args) {
    if (a.rfind(kUiWordMark, 0) == 0)
      store.push_back(std::string(label(std::string_view(a).substr(kUiWordMark.size()), lang)));
    else
      store.push_back(a);
  }
  try {
    return fmt::vformat(tmpl, store);
  } catch (const fmt::format_error&) {
    // A catalogue with a broken placeholder must not hide the message itself.
    return std::string(tmpl);
  }
}

}  // namespace telar
