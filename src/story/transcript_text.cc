// SPDX-License-Identifier: GPL-3.0-or-later
// Transcript bytes -> UTF-8: the encodings subtitle files really use (UTF-8 with or without
// a BOM, UTF-16/32 with a BOM), a clear refusal with an iconv hint for anything else, and
// control characters removed so they never print as boxes.
#include <fmt/format.h>

#include "base/utf8.h"
#include "story/transcript.h"

namespace telar::story_detail {
namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

enum class Enc { utf8, utf16le, utf16be, utf32le, utf32be };

Enc sniff(std::string_view b, std::size_t& bom) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  bom = 4;
  if (starts("\xFF\xFE\x00\x00"sv)) return Enc::utf32le;
  if (starts("\x00\x00\xFE\xFF"sv)) return Enc::utf32be;
  bom = 3;
  if (starts("\xEF\xBB\xBF"sv)) return Enc::utf8;
  bom = 2;
  if (starts("\xFF\xFE"sv)) return Enc::utf16le;
  if (starts("\xFE\xFF"sv)) return Enc::utf16be;
  bom = 0;
  return Enc::utf8;
}

/// Line and column (in code points) of the end of `decoded`, where the next unit starts.
Loc loc_of_end(const std::string& file, std::string_view decoded) {
  int line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < decoded.size(); ++i)
    if (decoded[i] == '\n' || (decoded[i] == '\r' && (i + 1 >= decoded.size() || decoded[i + 1] != '\n'))) {
      ++line;
      start = i + 1;
    }
  return Loc{file, line, static_cast<int>(count_code_points(decoded.substr(start))) + 1, {}};
}

std::optional<std::string> decode_wide(const SourceText& raw, Enc enc, std::size_t bom,
                                       Diagnostics& diags) {
  std::string_view b = std::string_view(raw.bytes()).substr(bom);
  const std::size_t unit = enc == Enc::utf16le || enc == Enc::utf16be ? 2 : 4;
  const bool little = enc == Enc::utf16le || enc == Enc::utf32le;
  auto read = [&](std::size_t at) {
    char32_t v = 0;
    for (std::size_t k = 0; k < unit; ++k) {
      auto byte = static_cast<unsigned char>(b[at + (little ? unit - 1 - k : k)]);
      v = (v << 8) | byte;
    }
    return v;
  };
  std::string out;
  std::size_t i = 0;
  for (; i + unit <= b.size(); i += unit) {
    char32_t c = read(i);
    if (unit == 2 && c >= 0xD800 && c <= 0xDBFF && i + 2 * unit <= b.size()) {
      char32_t lo = read(i + unit);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
        i += unit;
      }
    }
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
      diags.error(loc_of_end(raw.name(), out),
                  msg(MsgId::transcript_bad_wide, unit == 2 ? "UTF-16" : "UTF-32",
                      fmt::format("{:X}", static_cast<unsigned>(c))));
      return std::nullopt;
    }
    append_utf8(out, c);
  }
  if (i != b.size()) {
    diags.error(loc_of_end(raw.name(), out),
                msg(MsgId::transcript_bad_wide, unit == 2 ? "UTF-16" : "UTF-32", "EOF"));
    return std::nullopt;
  }
  return out;
}

bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

}  // namespace

std::optional<SourceText> decode_transcript(const SourceText& raw, Diagnostics& diags) {
  std::size_t bom = 0;
  const Enc enc = sniff(raw.bytes(), bom);
  std::string text;
  if (enc == Enc::utf8) {
    std::string_view b = std::string_view(raw.bytes()).substr(bom);
    if (auto bad = find_invalid_utf8(b)) {
      // NUL bytes without a BOM: most likely UTF-16 saved without its byte-order mark.
      Message m = b[*bad] == '\0'
                      ? msg(MsgId::transcript_nul, raw.name())
                      : msg(MsgId::transcript_not_utf8,
                            fmt::format("{:02X}", static_cast<unsigned char>(b[*bad])), raw.name());
      diags.error(loc_of_end(raw.name(), b.substr(0, *bad)), std::move(m));
      return std::nullopt;
    }
    text = std::string(b);
  } else if (auto wide = decode_wide(raw, enc, bom, diags)) {
    text = std::move(*wide);
  } else {
    return std::nullopt;
  }
  // Control characters (NUL included) never reach a page: remove them, say where the first was.
  std::string clean;
  clean.reserve(text.size());
  bool warned = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t c = next_code_point(text, i);
    if (is_control(c)) {
      if (!warned)
        diags.warning(loc_of_end(raw.name(), std::string_view(text).substr(0, start)),
                      msg(MsgId::transcript_control_char, fmt::format("{:04X}", static_cast<unsigned>(c))));
      warned = true;
      continue;
    }
    clean.append(text, start, i - start);
  }
  return SourceText(raw.name(), std::move(clean));
}

}  // namespace telar::story_detail
