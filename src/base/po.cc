// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/po.h"

namespace telar {
namespace {

// Reads one "..." literal starting at s[i] == '"'; advances i past the closing quote.
std::string read_literal(std::string_view s, std::size_t& i) {
  std::string out;
  ++i;
  while (i < s.size() && s[i] != '"') {
    char c = s[i++];
    if (c == '\\' && i < s.size()) {
      char e = s[i++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        default: out += e; break;
      }
    } else {
      out += c;
    }
  }
  ++i;
  return out;
}

}  // namespace

std::map<std::string, std::string> parse_po(std::string_view text) {
  std::map<std::string, std::string> out;
  enum class Field { none, ctxt, id, str } field = Field::none;
  std::string id, str;
  auto flush = [&] {
    if (!id.empty()) out[id] = str;
    id.clear();
    str.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    std::size_t q = line.find('"');
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("msgctxt", 0) == 0) {
      if (field == Field::str) flush();
      field = Field::ctxt;
    } else if (line.rfind("msgid", 0) == 0) {
      if (field == Field::str) flush();
      field = Field::id;
    } else if (line.rfind("msgstr", 0) == 0) {
      field = Field::str;
    } else if (line[0] != '"') {
      continue;
    }
    if (q == std::string_view::npos) continue;
    std::size_t i = q;
    std::string lit = read_literal(line, i);
    if (field == Field::id) id += lit;
    if (field == Field::str) str += lit;
  }
  if (field == Field::str) flush();
  return out;
}

bool po_is_partial(std::string_view text) {
  // The header is the entry whose msgid is empty; gettext writes its fields one per line.
  const std::size_t header_end = text.find("\n\n");
  return text.substr(0, header_end).find("X-Telar-Partial: yes") != std::string_view::npos;
}

}  // namespace telar
