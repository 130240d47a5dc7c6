// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/text.h"

#include <algorithm>

namespace telar {

std::size_t space_len(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') return 1;
  auto at = [&](std::string_view seq) { return s.substr(i, seq.size()) == seq; };
  if (at("\xC2\xA0")) return 2;                            // U+00A0 no-break space
  if (at("\xE2\x80\xAF") || at("\xE3\x80\x80")) return 3;  // U+202F, U+3000
  return 0;
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (std::size_t n = space_len(s, i)) i += n;
  return i;
}

std::string_view trim(std::string_view s) {
  s.remove_prefix(skip_space(s, 0));
  for (;;) {
    // Trailing whitespace: try each width that space_len knows.
    std::size_t n = 0;
    for (std::size_t w : {1u, 2u, 3u})
      if (s.size() >= w && space_len(s, s.size() - w) == w) n = w;
    if (n == 0) return s;
    s.remove_suffix(n);
  }
}

bool is_blank(std::string_view s) { return skip_space(s, 0) == s.size(); }

std::vector<std::string> split_names(std::string_view list) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (std::string_view name = trim(list.substr(start, comma - start)); !name.empty())
      out.emplace_back(name);
    start = comma + 1;
  }
  return out;
}

}  // namespace telar
