// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/utf8.h"

#include <glib.h>

#include "base/gstring.h"

namespace telar {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const gchar* end = nullptr;
  if (g_utf8_validate_len(s.data(), s.size(), &end)) return std::nullopt;
  return static_cast<std::size_t>(end - s.data());
}

DecodedUtf8 decode_utf8(std::string_view s) {
  DecodedUtf8 out;
  out.text.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    auto bad = find_invalid_utf8(s.substr(pos));
    if (!bad) {
      out.text.append(s.substr(pos));
      break;
    }
    if (!out.first_bad) {
      out.first_bad = pos + *bad;
      out.bad_byte = static_cast<unsigned char>(s[pos + *bad]);
    }
    out.text.append(s.substr(pos, *bad));
    out.text += "\xEF\xBF\xBD";
    pos += *bad + 1;
  }
  return out;
}

std::string valid_utf8(std::string_view s) { return decode_utf8(s).text; }

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    ++n;
  }
  return n;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((cc >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

std::size_t utf8_length_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  next_code_point(s, j);
  return j - i;
}

std::string nfc(std::string_view s) {
  gchar* out = g_utf8_normalize(s.data(), static_cast<gssize>(s.size()), G_NORMALIZE_NFC);
  if (out == nullptr) return std::string(s);
  return take_gstring(out);
}

std::string to_upper(std::string_view s) {
  return take_gstring(g_utf8_strup(s.data(), static_cast<gssize>(s.size())));
}

std::string to_lower(std::string_view s) {
  return take_gstring(g_utf8_strdown(s.data(), static_cast<gssize>(s.size())));
}

std::string casefold(std::string_view s) {
  return take_gstring(g_utf8_casefold(s.data(), static_cast<gssize>(s.size())));
}

std::string sanitize_for_terminal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (cp < 0x20 || cp == 0x7f) {
      out += ' ';
    } else if (cp == 0xFFFD && s.substr(start, i - start) != "\xEF\xBF\xBD") {
      out += '?';  // an invalid byte: never echo it raw to a terminal
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace telar
