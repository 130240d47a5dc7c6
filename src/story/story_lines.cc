// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes -> lines for story files: BOM, LF/CRLF/CR, invalid UTF-8 and NUL (reported, never
// a crash), plus the whitespace helpers every story parser uses.
#include <fmt/format.h>

#include "base/utf8.h"
#include "story/story_text.h"

namespace telar::story_detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

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


Loc loc_at(const std::string& file, const Line& line, std::size_t offset) {
  return Loc{file, line.number, column_of(line.text, offset), {}};
}

}  // namespace telar::story_detail
