// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes -> lines for story files: BOM, LF/CRLF/CR, invalid UTF-8 and NUL (reported, never
// a crash), plus the whitespace helpers every story parser uses.
#include <fmt/format.h>

#include "base/utf8.h"
#include "story/story_text.h"

namespace telar::story_detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string out;
  while (auto bad = find_invalid_utf8(s)) {
    out.append(s.substr(0, *bad));
    out.append(kReplacement);
    s.remove_prefix(*bad + 1);
  }
  out.append(s);
  return out;
}

std::vector<Line> decode_lines(const SourceText& src, Diagnostics& diags) {
  std::string_view bytes = src.bytes();
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());

  std::vector<Line> lines;
  bool reported = false;
  std::size_t start = 0;
  int number = 1;
  while (start < bytes.size()) {
    std::size_t end = bytes.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view raw = bytes.substr(start, end - start);
    if (raw.size() > kMaxLineBytes) {
      diags.error(Loc{src.name(), number, 1, {}},
                  msg(MsgId::story_line_too_long, raw.size(), kMaxLineBytes), std::string(raw.substr(0, 200)));
      raw = raw.substr(0, kMaxLineBytes);
    }
    Line line{number, std::string(raw)};
    if (auto bad = find_invalid_utf8(raw)) {
      if (!reported) {
        auto byte = static_cast<unsigned char>(raw[*bad]);
        Message m = byte == 0 ? msg(MsgId::text_has_nul)
                              : msg(MsgId::utf8_invalid, fmt::format("{:02X}", byte));
        diags.error(Loc{src.name(), number, column_of(raw, *bad), {}}, std::move(m),
                    std::string(raw));
        reported = true;
      }
      line.text = valid_utf8(raw);
    }
    lines.push_back(std::move(line));
    if (end + 1 < bytes.size() && bytes[end] == '\r' && bytes[end + 1] == '\n') ++end;
    start = end + 1;
    ++number;
  }
  return lines;
}

int column_of(std::string_view line, std::size_t offset) {
  return static_cast<int>(count_code_points(line.substr(0, offset))) + 1;
}

std::size_t space_len(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\v') return 1;
  auto at = [&](std::string_view seq) { return s.substr(i, seq.size()) == seq; };
  if (at("\xC2\xA0")) return 2;                                     // U+00A0 no-break space
  if (at("\xE2\x80\xAF") || at("\xE3\x80\x80")) return 3;           // U+202F, U+3000
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

Loc loc_at(const std::string& file, const Line& line, std::size_t offset) {
  return Loc{file, line.number, column_of(line.text, offset), {}};
}

}  // namespace telar::story_detail
