// SPDX-License-Identifier: GPL-3.0-or-later
// The YAML front matter of a story file: `---` lines around title/node/date/lang/headline/
// link. yaml-cpp's Marks (0-based, byte columns) become file line:column in code points.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include <yaml-cpp/yaml.h>

#include "base/utf8.h"
#include "base/spell.h"
#include "story/story_text.h"

namespace telar::story_detail {
namespace {

constexpr std::array<std::string_view, 7> kKeys = {"title", "node",     "date",   "lang",
                                                    "headline", "link", "private"};

/// Words people write instead of our keys (Spanish first: most circles are in Spanish).
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kAliases = {{
    {"titulo", "title"}, {"título", "title"}, {"nodo", "node"}, {"fecha", "date"},
    {"idioma", "lang"}, {"lengua", "lang"}, {"language", "lang"}, {"titular", "headline"},
    {"enlace", "link"}, {"url", "link"}, {"enlaces", "link"},
}};

bool is_fence(std::string_view text, bool closing) {
  std::string_view t = trim(text);
  return t == "---" || (closing && t == "...");
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The known key `key` was probably meant as, or empty.
std::string_view suggestion(std::string_view key) {
  std::string lower = ascii_lower(key);
  for (auto [alias, known] : kAliases)
    if (lower == alias) return known;
  return closest_name(lower, kKeys).value_or(std::string_view{});
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool is_calendar_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  int days = kDays[static_cast<std::size_t>(m - 1)] + (m == 2 && is_leap(y) ? 1 : 0);
  return d <= days;
}

/// BCP 47 shape: a 2-8 letter language (or x-/i- private use), then 1-8 letter/digit subtags.
bool is_bcp47(std::string_view s) {
  if (s.empty()) return false;
  std::size_t index = 0;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = std::min(s.find('-', start), s.size());
    std::string_view sub = s.substr(start, end - start);
    if (sub.empty() || sub.size() > 8) return false;
    for (char c : sub) {
      auto u = static_cast<unsigned char>(c);
      bool ok = index == 0 ? std::isalpha(u) != 0 : std::isalnum(u) != 0;
      if (!ok || u >= 0x80) return false;
    }
    if (index == 0 && sub.size() == 1 && sub != "x" && sub != "i" && sub != "X" && sub != "I")
      return false;
    if (end == s.size()) return index > 0 || sub.size() >= 2;
    start = end + 1;
    ++index;
  }
}

/// BCP 47's conventional case: "ES-cl" -> "es-CL", "sr-latn" -> "sr-Latn" (tags are
/// case-insensitive; later stages compare them as written).
std::string canonical_bcp47(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t index = 0; start <= s.size(); ++index) {
    std::size_t end = std::min(s.find('-', start), s.size());
    std::string sub = ascii_lower(s.substr(start, end - start));
    if (index > 0 && sub.size() == 2) {
      for (char& c : sub) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (index > 0 && sub.size() == 4) {
      sub[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sub[0])));
    }
    out += (index > 0 ? "-" : "") + sub;
    start = end + 1;
  }
  return out;
}


class FrontMatterReader {
 public:
  FrontMatterReader(const std::vector<Line>& lines, std::size_t open, std::size_t close,
                    const std::string& file, Diagnostics& diags, bool need_title = true)
      : lines_(lines), open_(open), close_(close), file_(file), diags_(diags),
        need_title_(need_title) {}

  FrontMatter read() {
    std::string yaml;
    for (std::size_t i = open_ + 1; i < close_; ++i) yaml += lines_[i].text + "\n";
    YAML::Node root;
    try {
      root = YAML::Load(yaml);
    } catch (const YAML::ParserException& e) {
      error(loc(e.mark), msg(MsgId::story_fm_yaml, e.msg));
      return meta_;
    } catch (const YAML::Exception& e) {
      error(opening(), msg(MsgId::story_fm_yaml, e.msg));
      return meta_;
    }
    if (root.IsMap()) {
      for (const auto& kv : root) entry(kv.first, kv.second);
    } else if (!root.IsNull()) {
      error(loc(root.Mark()), msg(MsgId::story_fm_not_map));
    }
    if (need_title_ && !seen_.count("title")) error(opening(), msg(MsgId::story_fm_no_title));
    return meta_;
  }

 private:
  void entry(const YAML::Node& key, const YAML::Node& value) {
    if (!key.IsScalar()) {
      error(loc(key.Mark()), msg(MsgId::story_fm_not_map));
      return;
    }
    const std::string name = key.Scalar();
    Loc key_loc = loc(key.Mark());
    if (std::find(kKeys.begin(), kKeys.end(), name) == kKeys.end()) {
      std::string_view hint = suggestion(name);
      Message m = hint.empty() ? msg(MsgId::story_fm_unknown_key, name)
                               : msg(MsgId::story_fm_unknown_key_hint, name, hint);
      warning(key_loc, std::move(m));
      return;
    }
    if (!seen_.insert(name).second) warning(key_loc, msg(MsgId::story_fm_duplicate_key, name));
    if (name == "private") {
      // Names to remove under --anonymize.
      std::vector<YAML::Node> bad;
      for (std::string& n : read_private_names(value, bad)) meta_.private_names.push_back(std::move(n));
      for (const YAML::Node& item : bad)
        error(item.is(value) ? key_loc : loc(item.Mark()),
              msg(MsgId::story_fm_not_scalar, name));
      return;
    }
    if (!value.IsNull() && !value.IsScalar()) {
      error(key_loc, msg(MsgId::story_fm_not_scalar, name));
      return;
    }
    Loc at = value.IsNull() ? key_loc : loc(value.Mark());
    std::string text = value.IsNull() ? std::string() : nfc(valid_utf8(trim(value.Scalar())));
    assign(name, std::move(text), at);
  }

  void assign(const std::string& name, std::string text, const Loc& at) {
    if (auto m = set_front_matter_key(meta_, name, std::move(text), at)) error(at, std::move(*m));
  }

  /// yaml-cpp counts lines from the first line after `---`, and columns in bytes.
  Loc loc(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return opening();
    std::size_t index = std::min(open_ + 1 + static_cast<std::size_t>(mark.line), close_);
    const Line& line = lines_[index];
    std::size_t byte = std::min(static_cast<std::size_t>(std::max(mark.column, 0)), line.text.size());
    return loc_at(file_, line, byte);
  }
  Loc opening() const { return Loc{file_, lines_[open_].number, 1, {}}; }

  std::string line_text(const Loc& at) const {
    for (std::size_t i = open_; i <= close_; ++i)
      if (lines_[i].number == at.line) return lines_[i].text;
    return {};
  }
  void error(const Loc& at, Message m) { diags_.error(at, std::move(m), line_text(at)); }
  void warning(const Loc& at, Message m) { diags_.warning(at, std::move(m), line_text(at)); }

  const std::vector<Line>& lines_;
  std::size_t open_, close_;
  const std::string& file_;
  Diagnostics& diags_;
  FrontMatter meta_;
  std::set<std::string> seen_;
  bool need_title_ = true;
};

}  // namespace

std::optional<Message> set_front_matter_key(FrontMatter& meta, const std::string& name,
                                            std::string text, const Loc& at) {
  std::optional<Message> bad;
  if (name == "title") {
    if (text.empty()) bad = msg(MsgId::story_fm_empty_title);
    meta.title = std::move(text);
    meta.title_loc = at;
    return bad;
  }
  if (text.empty()) return bad;  // an optional key left blank means "not given"
  if (name == "node") {
    meta.node = std::move(text);
  } else if (name == "date") {
    if (!is_calendar_date(text)) bad = msg(MsgId::story_fm_bad_date, text);
    meta.date = std::move(text);
  } else if (name == "lang") {
    if (is_bcp47(text)) meta.lang = canonical_bcp47(text);
    else bad = msg(MsgId::story_fm_bad_lang, text);
  } else if (name == "headline") {
    meta.headline = std::move(text);
    meta.headline_loc = at;
  } else if (name == "link") {
    if (!is_web_link(text)) bad = msg(MsgId::story_fm_bad_link, text);
    meta.link = std::move(text);
    meta.link_loc = at;
  }
  return bad;
}

std::vector<std::string> read_private_names(const YAML::Node& value, std::vector<YAML::Node>& bad) {
  std::vector<std::string> names;
  if (value.IsSequence()) {
    for (const auto& item : value)
      if (item.IsScalar()) names.push_back(item.Scalar());
      else bad.push_back(item);
  } else if (value.IsScalar()) {
    names = split_names(value.Scalar());
  } else if (!value.IsNull()) {
    bad.push_back(value);
  }
  std::vector<std::string> out;
  for (const std::string& n : names)
    if (std::string t = nfc(valid_utf8(trim(n))); !t.empty()) out.push_back(std::move(t));
  return out;
}

FrontMatter parse_sidecar(const SourceText& src, Diagnostics& diags) {
  // The sidecar is front matter without its fences: read it as if they were there.
  std::vector<Line> lines = decode_lines(src, diags);
  lines.insert(lines.begin(), Line{1, "---"});
  lines.push_back(Line{lines.back().number + 1, "---"});
  return FrontMatterReader(lines, 0, lines.size() - 1, src.name(), diags, false).read();
}

FrontMatterResult parse_front_matter(const std::vector<Line>& lines, const std::string& file,
                                     Diagnostics& diags) {
  FrontMatterResult out;
  std::size_t open = 0;
  while (open < lines.size() && is_blank(lines[open].text)) ++open;  // phone editors add these
  if (open == lines.size() || !is_fence(lines[open].text, false)) {
    // No front matter: report it once, and read the whole file as the body.
    int line = open < lines.size() ? lines[open].number : 1;
    std::string text = open < lines.size() ? lines[open].text : std::string();
    diags.error(Loc{file, line, 1, {}}, msg(MsgId::story_fm_missing), std::move(text));
    return out;
  }
  std::size_t close = open + 1;
  while (close < lines.size() && !is_fence(lines[close].text, true)) ++close;
  if (close == lines.size()) {
    diags.error(Loc{file, lines[open].number, 1, {}}, msg(MsgId::story_fm_unclosed),
                lines[open].text);
    out.body_ok = false;
    return out;
  }
  out.meta = FrontMatterReader(lines, open, close, file, diags).read();
  out.body_begin = close + 1;
  return out;
}

}  // namespace telar::story_detail

namespace telar {

bool is_web_link(std::string_view s) {
  std::string lower = story_detail::ascii_lower(s.substr(0, 8));
  std::size_t scheme = lower.rfind("https://", 0) == 0 ? 8 : lower.rfind("http://", 0) == 0 ? 7 : 0;
  if (scheme == 0 || s.size() <= scheme || s.size() > kMaxLinkBytes) return false;
  // No space and no control character (a newline would go into the QR payload).
  return std::none_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F;
  });
}

}  // namespace telar
