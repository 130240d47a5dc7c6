// SPDX-License-Identifier: GPL-3.0-or-later
// One line of a story body: heading, `> ` highlight, `[hh:mm:ss]` timestamp, `Name:` turn,
// or narration. The name rules here are the ones docs/story-format.md describes.
#include <algorithm>
#include <array>

#include <glib.h>

#include "base/utf8.h"
#include "story/story_text.h"

namespace telar::story_detail {
namespace {

constexpr int kMaxNameWords = 6;
constexpr std::size_t kMaxNameChars = 40;

/// Sentence punctuation and symbols that never appear in a speaker's name.
constexpr std::u32string_view kNotInNames =
    U".,;:!?\u00BF\u00A1\u00AB\u00BB\"\u201C\u201D\u201E\u2018\u201A\u2039\u203A()[]{}<>/\\@#=*_`|"
    U"\u2026\u060C\u061B\u061F\u3001\u3002\uFF0C\uFF01\uFF1F\uFF1A\uFF1B";

/// URL schemes: "https: //…" or "mailto: …" is never a speaker.
constexpr std::array<std::string_view, 9> kSchemes = {"http", "https", "mailto", "ftp", "tel",
                                                      "sms",  "geo",   "file",   "www"};

/// Small joining words that may stay lower-case inside a name ("María de la Luz").
constexpr std::array<std::string_view, 26> kParticles = {
    "de", "del", "la", "las", "los", "le",  "les", "y",   "e",   "da",  "das", "do", "dos",
    "di", "du",  "van", "von", "der", "den", "ten", "ter", "bin", "ibn", "al",  "el", "of"};

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = skip_space(s, 0);
  while (i < s.size()) {
    std::size_t end = i;
    while (end < s.size() && space_len(s, end) == 0) ++end;
    out.push_back(s.substr(i, end - i));
    i = skip_space(s, end);
  }
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// A word "written like a name": its first letter is not lower-case (scripts without case
/// pass), or it is a joining particle.
bool capitalised(std::string_view word) {
  if (std::find(kParticles.begin(), kParticles.end(), lower_ascii(word)) != kParticles.end())
    return true;
  for (std::size_t i = 0; i < word.size();) {
    char32_t c = next_code_point(word, i);
    if (g_unichar_isalpha(c)) return !g_unichar_islower(c);
  }
  return true;
}

/// [hh:mm:ss] or [mm:ss] at s[i]. Sets `end` past ']' when the shape matches; returns the
/// seconds, or nullopt with `end` set when a field is out of range.
std::optional<int> timestamp(std::string_view s, std::size_t i, std::size_t& end) {
  end = 0;
  std::array<int, 3> fields{};
  std::size_t count = 0;
  std::size_t p = i + 1;
  bool in_range = true;
  for (;;) {
    std::size_t digits = 0;
    int v = 0;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
      if (++digits <= 6) v = v * 10 + (s[p] - '0');
      ++p;
    }
    if (digits == 0 || count == fields.size()) return std::nullopt;
    if (digits > 6 || (count > 0 && digits > 2)) in_range = false;
    fields[count++] = v;
    if (p < s.size() && s[p] == ':') ++p;
    else break;
  }
  if (count < 2 || p >= s.size() || s[p] != ']') return std::nullopt;
  end = p + 1;
  // The last two fields are minutes and seconds; hours (if any) are unbounded.
  if (fields[count - 1] >= 60 || fields[count - 2] >= 60 || !in_range) return std::nullopt;
  return count == 3 ? fields[0] * 3600 + fields[1] * 60 + fields[2] : fields[0] * 60 + fields[1];
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (std::string_view w : words(s)) {
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  return out;
}

}  // namespace

bool looks_like_name(std::string_view candidate, bool in_narration) {
  candidate = trim(candidate);
  if (candidate.empty()) return false;
  bool has_letter = false;
  std::size_t i = 0;
  char32_t first = next_code_point(candidate, i);
  if (!g_unichar_isalnum(first)) return false;
  for (i = 0; i < candidate.size();) {
    char32_t c = next_code_point(candidate, i);
    if (kNotInNames.find(c) != std::u32string_view::npos) return false;
    has_letter = has_letter || g_unichar_isalpha(c);
  }
  auto ws = words(candidate);
  if (!has_letter || ws.size() > static_cast<std::size_t>(kMaxNameWords)) return false;
  if (std::find(kSchemes.begin(), kSchemes.end(), lower_ascii(candidate)) != kSchemes.end())
    return false;
  if (in_narration && !std::all_of(ws.begin(), ws.end(), capitalised)) return false;
  return true;
}

LineParse parse_line(const Line& line, const std::string& file, bool in_narration,
                     Diagnostics& diags) {
  const std::string& s = line.text;
  LineParse out;
  std::size_t i = skip_space(s, 0);
  if (i == s.size()) {
    out.kind = LineParse::Kind::blank;
    return out;
  }
  if (s[i] == '#') {
    std::size_t n = s.find_first_not_of('#', i);
    if (n == std::string::npos || space_len(s, n) > 0) {
      out.kind = LineParse::Kind::heading;
      out.level = static_cast<int>((n == std::string::npos ? s.size() : n) - i);
      std::string_view q = trim(std::string_view(s).substr(std::min(n, s.size())));
      // An optional closing run of '#' (Markdown ATX) is not part of the question.
      std::size_t close = q.find_last_not_of('#');
      if (close == std::string_view::npos) q = {};
      else if (close + 1 < q.size() && space_len(q, close) > 0) q = trim(q.substr(0, close + 1));
      out.text = std::string(q);
      return out;
    }
  }
  std::string_view rest = trim(std::string_view(s).substr(i));
  if (rest.size() >= 3 && rest.find_first_not_of("-* _") == std::string_view::npos &&
      std::count(rest.begin(), rest.end(), rest[0]) >= 3) {
    out.kind = LineParse::Kind::blank;  // a thematic break (---, ***, ___) ends a paragraph
    return out;
  }
  if (s[i] == '>') {
    out.highlight = true;
    i = skip_space(s, i + 1);
    if (i == s.size()) {
      out.kind = LineParse::Kind::blank;  // a bare '>' separates quoted paragraphs
      return out;
    }
  }
  auto narration = [&](std::size_t from) {
    out.kind = out.highlight ? LineParse::Kind::turn : LineParse::Kind::narration;
    out.text = std::string(trim(std::string_view(s).substr(from)));
    out.column = column_of(s, skip_space(s, from));
    return out;
  };
  if (s[i] == '\\') return narration(i + 1);  // documented escape: never a name
  bool stamped = false;
  if (s[i] == '[') {
    std::size_t end = 0;
    out.at_seconds = timestamp(s, i, end);
    if (end > 0) {
      stamped = true;
      if (!out.at_seconds)
        diags.error(loc_at(file, line, i), msg(MsgId::story_bad_timestamp, s.substr(i, end - i)),
                    s);
      i = skip_space(s, end);
      if (i < s.size() && s[i] == '\\') return narration(i + 1);
      // "[00:03:10] : text": a stamped turn whose name is missing would lose its speaker.
      if (i < s.size() && s[i] == ':') {
        diags.error(loc_at(file, line, i), msg(MsgId::story_stamp_no_name), s);
        return narration(skip_space(s, i + 1));
      }
    }
  }
  // The name ends at the first ':' followed by whitespace or the end of the line, or at a
  // full-width colon (U+FF1A, as Chinese and Japanese write "小梅：一起…", no space after).
  std::size_t colon = i;
  while ((colon = s.find(':', colon)) != std::string::npos && colon + 1 < s.size() &&
         space_len(s, colon + 1) == 0)
    ++colon;
  constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";
  std::size_t colon_len = 1;
  if (std::size_t wide = s.find(kFullWidthColon, i); wide != std::string::npos && wide < colon) {
    colon = wide;
    colon_len = kFullWidthColon.size();
  }
  if (colon == std::string::npos) return narration(i);
  std::string_view candidate(s.data() + i, colon - i);
  std::size_t after = skip_space(s, colon + colon_len);
  // Only a plain line can be a lazy continuation of narration; '>' and timestamps cannot.
  bool lazy = in_narration && !out.highlight && !stamped;
  if (s.compare(after, 2, "//") == 0 || !looks_like_name(candidate, lazy))
    return narration(i);

  out.kind = LineParse::Kind::turn;
  out.speaker = nfc(collapse_spaces(candidate));
  out.column = column_of(s, i);
  out.text = std::string(trim(std::string_view(s).substr(after)));
  if (std::size_t n = count_code_points(out.speaker); n > kMaxNameChars)
    diags.error(loc_at(file, line, i), msg(MsgId::story_name_too_long, n), s);
  return out;
}

}  // namespace telar::story_detail
