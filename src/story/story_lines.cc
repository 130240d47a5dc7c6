// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes -> lines for story files: BOM, LF/CRLF/CR, invalid UTF-8 and NUL (reported, never
// a crash), plus the whitespace helpers every story parser uses.
#include <fmt/format.h>

#include "base/utf8.h"
#include "story/story_text.h"

namespace telar::story_detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// Byte length of the control character at `s[i]` (C0 but tab and NUL, DEL, C1), or 0.
/// Byte-level, so it is safe on text whose invalid UTF-8 was already reported. NUL is
/// reported as an error by decode_lines; line endings never reach here.
std::size_t control_at(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if ((b > 0 && b < 0x20 && b != '\t') || b == 0x7F) return 1;
  if (b == 0xC2 && i + 1 < s.size()) {
    const auto n = static_cast<unsigned char>(s[i + 1]);
    if (n >= 0x80 && n <= 0x9F) return 2;
  }
  return 0;
}

}  // namespace

void drop_controls(const std::string& file, int number, std::string& text, bool& warned,
                   Diagnostics& diags) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = control_at(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    if (!warned) {
      std::string_view ch = std::string_view(text).substr(i, n);
      const unsigned cp = n == 1 ? static_cast<unsigned char>(ch[0])
                                 : static_cast<unsigned char>(ch[1]);  // C2 80..9F -> U+0080..9F
      diags.warning(Loc{file, number, column_of(text, i), {}},
                    msg(MsgId::control_char_dropped, fmt::format("{:04X}", cp)), text);
      warned = true;
    }
    text.erase(i, n);
  }
}

SourceText without_controls(const SourceText& src, Diagnostics& diags) {
  const std::string_view bytes = src.bytes();
  bool any = false;
  for (std::size_t i = 0; i < bytes.size() && !any; ++i)
    any = bytes[i] != '\n' && bytes[i] != '\r' && control_at(bytes, i) != 0;
  if (!any) return src;
  std::string out;
  out.reserve(bytes.size());
  bool warned = false;
  int number = 1;
  for (std::size_t start = 0; start <= bytes.size();) {
    std::size_t end = bytes.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string line(bytes.substr(start, end - start));
    drop_controls(src.name(), number, line, warned, diags);
    out += line;
    if (end == bytes.size()) break;
    std::size_t next = end + 1;
    if (bytes[end] == '\r' && next < bytes.size() && bytes[next] == '\n') ++next;
    out.append(bytes.substr(end, next - end));
    start = next;
    ++number;
  }
  return SourceText(src.name(), std::move(out));
}

std::vector<Line> decode_lines(const SourceText& src, Diagnostics& diags) {
  std::string_view bytes = src.bytes();
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());

  std::vector<Line> lines;
  bool reported = false;
  bool warned_controls = false;
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
    drop_controls(src.name(), number, line.text, warned_controls, diags);
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


Loc loc_at(const std::string& file, const Line& line, std::size_t offset) {
  return Loc{file, line.number, column_of(line.text, offset), {}};
}

}  // namespace telar::story_detail
