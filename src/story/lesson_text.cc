// SPDX-License-Identifier: GPL-3.0-or-later
// A lesson file before Markdown: decoding, the optional YAML front matter (title, lang),
// and mapping cmark's body lines and byte columns back to file line:column in code points.
#include "story/lesson_text.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "base/text.h"
#include "base/utf8.h"
#include "story/story_text.h"

namespace telar::lesson_detail {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// `src` with every invalid UTF-8 sequence (NUL included) replaced by U+FFFD; the first
/// one is reported (the cause is the same everywhere).
std::string decode(const SourceText& src, Diagnostics& diags) {
  DecodedUtf8 decoded = decode_utf8(src.bytes());
  std::string out = std::move(decoded.text);
  const std::optional<std::size_t> first = decoded.first_bad;
  if (first) {
    const unsigned char byte = decoded.bad_byte;
    Loc at = src.loc_at(*first);
    Message m = byte == 0 ? msg(MsgId::text_has_nul)
                          : msg(MsgId::utf8_invalid, fmt::format("{:02X}", byte));
    Body lines(src.name(), out, 1);
    diags.error(at, std::move(m), lines.line_text(at.line));
  }
  return out;
}

class FrontMatter {
 public:
  FrontMatter(const Body& lines, int open, int close, LessonMeta& meta, Diagnostics& diags)
      : lines_(lines), open_(open), close_(close), meta_(meta), diags_(diags) {}

  void read() {
    std::string yaml;
    for (int line = open_ + 1; line < close_; ++line) yaml += lines_.line_text(line) + "\n";
    YAML::Node root;
    try {
      root = YAML::Load(yaml);
    } catch (const YAML::ParserException& e) {
      error(loc(e.mark), msg(MsgId::story_fm_yaml, e.msg));
      return;
    } catch (const YAML::Exception& e) {
      error(Loc{lines_.file(), open_, 1, {}}, msg(MsgId::story_fm_yaml, e.msg));
      return;
    }
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      error(loc(root.Mark()), msg(MsgId::story_fm_not_map));
      return;
    }
    for (const auto& kv : root) entry(kv.first, kv.second);
  }

 private:
  void entry(const YAML::Node& key, const YAML::Node& value) {
    if (!key.IsScalar()) {
      error(loc(key.Mark()), msg(MsgId::story_fm_not_map));
      return;
    }
    const std::string name = key.Scalar();
    Loc at = loc(key.Mark());
    at.key = name;
    if (name != "title" && name != "lang" && name != "private") {
      diags_.warning(at, msg(MsgId::lesson_fm_unknown_key, name), lines_.line_text(at.line));
      return;
    }
    if (name == "private") {
      private_names(value, at);
      return;
    }
    if (!value.IsNull() && !value.IsScalar()) {
      error(at, msg(MsgId::story_fm_not_scalar, name));
      return;
    }
    std::string text = value.IsNull() ? std::string() : nfc(trim(value.Scalar()));
    if (!value.IsNull()) at = loc(value.Mark());
    if (name == "title") {
      meta_.title = std::move(text);
      meta_.title_loc = at;
    } else if (!text.empty()) {
      if (!looks_like_language_tag(text))
        error(at, msg(MsgId::story_fm_bad_lang, text));
      else
        meta_.lang = std::move(text);
      meta_.lang_loc = at;
    }
  }

  /// Names to remove under --anonymize, read as a story's front matter reads them.
  void private_names(const YAML::Node& value, const Loc& at) {
    std::vector<YAML::Node> bad;
    for (std::string& n : story_detail::read_private_names(value, bad))
      meta_.private_names.push_back(std::move(n));
    for (const YAML::Node& item : bad)
      error(item.is(value) ? at : loc(item.Mark()), msg(MsgId::story_fm_not_scalar, "private"));
  }

  /// yaml-cpp counts lines from the first line after `---`, columns in bytes.
  Loc loc(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return Loc{lines_.file(), open_, 1, {}};
    const int line = std::min(open_ + 1 + mark.line, close_);
    return lines_.loc(line, std::max(mark.column, 0) + 1);
  }
  void error(const Loc& at, Message m) {
    diags_.error(at, std::move(m), lines_.line_text(at.line));
  }

  const Body& lines_;
  int open_, close_;
  LessonMeta& meta_;
  Diagnostics& diags_;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

Body::Body(std::string file, std::string text, int first_line)
    : file_(std::move(file)), text_(std::move(text)), first_line_(first_line) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' && i + 1 < text_.size()) starts_.push_back(i + 1);
  const auto index = static_cast<std::size_t>(first_line_ - 1);
  if (index < starts_.size()) markdown_ = text_.substr(starts_[index]);
}

std::string Body::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
  const std::size_t start = starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = std::min(text_.find('\n', start), text_.size());
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

Loc Body::loc(int md_line, int md_byte_column) const {
  if (md_line <= 0) return Loc{file_, 0, 0, {}};
  const int line = md_line + first_line_ - 1;
  const std::string text = line_text(line);
  const auto bytes =
      std::min(static_cast<std::size_t>(std::max(md_byte_column - 1, 0)), text.size());
  return Loc{file_,
             line,
             static_cast<int>(count_code_points(std::string_view(text).substr(0, bytes))) + 1,
             {}};
}

Body split_lesson(const SourceText& src, LessonMeta& meta, Diagnostics& diags) {
  std::string text = decode(src, diags);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a BOM: invisible in editors
  Body lines(src.name(), text, 1);

  int open = 1;
  const int count = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  while (open <= count && trim(lines.line_text(open)).empty()) ++open;  // phone editors add these
  if (open > count || trim(lines.line_text(open)) != "---") return lines;  // no front matter
  int close = open + 1;
  while (close <= count && trim(lines.line_text(close)) != "---" &&
         trim(lines.line_text(close)) != "...")
    ++close;
  if (close > count) {
    // The front matter swallowed the file: report it at its opening line, print nothing.
    diags.error(Loc{src.name(), open, 1, {}}, msg(MsgId::story_fm_unclosed), lines.line_text(open));
    return Body(src.name(), std::string(), 1);
  }
  FrontMatter(lines, open, close, meta, diags).read();
  return Body(src.name(), std::move(text), close + 1);
}

namespace {

/// How many container markers ('>', '- ', '* ', '+ ', '1. ') open the line.
int prefix_depth(std::string_view l) {
  int depth = 0;
  std::size_t i = 0;
  for (;;) {
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    if (i >= l.size()) return depth;
    std::size_t j = i;
    if (l[i] == '>') {
      j = i + 1;
    } else if ((l[i] == '-' || l[i] == '*' || l[i] == '+') && i + 1 < l.size() &&
               (l[i + 1] == ' ' || l[i + 1] == '\t')) {
      j = i + 2;
    } else {
      while (j < l.size() && j - i < 9 && std::isdigit(static_cast<unsigned char>(l[j]))) ++j;
      if (j == i || j >= l.size() || (l[j] != '.' && l[j] != ')') || j + 1 >= l.size() ||
          (l[j + 1] != ' ' && l[j + 1] != '\t'))
        return depth;
      j += 2;
    }
    ++depth;
    i = j;
  }
}

}  // namespace

bool check_markdown_bounds(const Body& body, Diagnostics& diags) {
  const std::string& md = body.markdown();
  if (md.size() > kMaxLessonBytes) {
    diags.error(Loc{body.file()}, msg(MsgId::io_too_big, md.size(), kMaxLessonBytes));
    return false;
  }
  bool ok = true;
  int line = 1;
  for (std::size_t start = 0; start < md.size(); ++line) {
    std::size_t end = md.find('\n', start);
    if (end == std::string::npos) end = md.size();
    const std::string_view l(md.data() + start, end - start);
    const Loc at = body.loc(line, 1);
    if (const int d = prefix_depth(l); d > kMaxNesting) {
      diags.error(at, msg(MsgId::lesson_too_deep, d), body.line_text(at.line));
      ok = false;
    } else if (l.size() > kMaxLessonLine) {
      diags.error(at, msg(MsgId::story_line_too_long, l.size(), kMaxLessonLine));
      ok = false;
    } else if (const auto bars = static_cast<std::size_t>(std::count(l.begin(), l.end(), '|'));
               bars > kMaxTableColumns + 1) {
      diags.error(at, msg(MsgId::lesson_table_too_wide, bars - 1, kMaxTableColumns),
                  body.line_text(at.line));
      ok = false;
    }
    start = end + 1;
  }
  return ok;
}

std::optional<Message> check_image_src(std::string_view src) {
  // A scheme ("https:", "data:") or a network path ("//host/…") is not a local file.
  const std::size_t colon = src.find(':');
  const bool scheme = colon != std::string_view::npos && colon > 1 &&
                      std::all_of(src.begin(), src.begin() + static_cast<std::ptrdiff_t>(colon),
                                  [](char c) {
                                    return std::isalnum(static_cast<unsigned char>(c)) ||
                                           c == '+' || c == '-' || c == '.';
                                  }) &&
                      std::isalpha(static_cast<unsigned char>(src.front()));
  if (scheme || src.rfind("//", 0) == 0) return msg(MsgId::lesson_image_remote, std::string(src));
  // Only files under the lesson's folder: no absolute path, no "..", no NUL ("%00").
  const std::string decoded = percent_decode(src);
  const std::filesystem::path p(decoded);
  const bool escapes = p.is_absolute() || decoded.find('\0') != std::string::npos ||
                       std::any_of(p.begin(), p.end(), [](const auto& part) { return part == ".."; });
  if (escapes) return msg(MsgId::lesson_image_outside, std::string(src));
  const std::string name = ascii_lower(std::string_view(decoded).substr(decoded.find_last_of('/') + 1));
  const std::size_t dot = name.find_last_of('.');
  const std::string ext = dot == std::string::npos ? std::string() : name.substr(dot + 1);
  constexpr std::array<std::string_view, 4> kFormats{"png", "jpg", "jpeg", "svg"};
  if (std::find(kFormats.begin(), kFormats.end(), ext) == kFormats.end())
    return msg(MsgId::lesson_image_format, std::string(src));
  return std::nullopt;
}

std::filesystem::path resolve_image(const std::string& file, std::string_view src) {
  std::filesystem::path p(percent_decode(src));
  if (p.is_absolute()) return p.lexically_normal();
  return (std::filesystem::path(file).parent_path() / p).lexically_normal();
}

bool looks_like_language_tag(std::string_view tag) {
  std::size_t start = 0, index = 0;
  for (;;) {
    const std::size_t end = std::min(tag.find('-', start), tag.size());
    const std::string_view sub = tag.substr(start, end - start);
    if (sub.empty() || sub.size() > 8) return false;
    for (char c : sub) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x80 || !(index == 0 ? std::isalpha(u) : std::isalnum(u))) return false;
    }
    if (index == 0 && sub.size() < 2) return false;
    if (end == tag.size()) return true;
    start = end + 1;
    ++index;
  }
}

}  // namespace telar::lesson_detail
