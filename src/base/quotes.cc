// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/quotes.h"

#include <algorithm>
#include <array>

namespace telar {
namespace {

std::string primary(std::string_view tag) {
  std::string p(tag.substr(0, tag.find_first_of("-_.@")));
  std::ranges::transform(p, p.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
  return p;
}

bool one_of(const std::string& p, std::initializer_list<std::string_view> list) {
  return std::ranges::find(list, std::string_view(p)) != list.end();
}

constexpr QuoteMarks kCurly{"\u201C", "\u201D"};
constexpr QuoteMarks kGuillemets{"\u00AB", "\u00BB"};
constexpr std::string_view kNarrowNbsp = "\u202F";
constexpr std::string_view kNbsp = "\u00A0";

}  // namespace

QuoteMarks quote_marks(std::string_view lang, std::string_view style) {
  const std::string p = primary(lang);
  // Languages with one convention keep it whatever the template says.
  if (one_of(p, {"fr", "ht"})) return {"\u00AB", "\u00BB", true};
  if (one_of(p, {"ar", "ur", "he", "iw", "yi", "ps", "sd", "ug"})) return {"\u201D", "\u201C"};
  if (one_of(p, {"de", "cs", "sk", "bg", "lt", "et"})) return {"\u201E", "\u201C"};
  if (p == "ja") return {"\u300C", "\u300D"};
  // Where both are at home (Spanish, Portuguese, …), the template may choose.
  if (style == "curly") return kCurly;
  if (style == "guillemets") return kGuillemets;
  if (one_of(p, {"es", "arn", "qu", "ay", "gn", "ca", "it", "ru", "uk", "be", "fa", "el", "nb", "no"}))
    return kGuillemets;
  return kCurly;
}

std::string quoted(std::string_view text, std::string_view lang, std::string_view style) {
  const QuoteMarks q = quote_marks(lang, style);
  std::string out(q.open);
  if (q.spaced) out += kNarrowNbsp;
  out += text;
  if (q.spaced) out += kNarrowNbsp;
  out += q.close;
  return out;
}

bool spaces_high_punctuation(std::string_view lang) { return one_of(primary(lang), {"fr", "ht"}); }

std::string space_high_punctuation(std::string_view text, std::string_view lang) {
  if (!spaces_high_punctuation(lang)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool high = c == ';' || c == '!' || c == '?' || c == ':';
    // Not in a link or a time ("https://", "10:30"): the mark must follow a word and be
    // followed by a space or the end.
    const bool after_word = i > 0 && text[i - 1] != ' ' && text[i - 1] != c &&
                            !(text[i - 1] >= '0' && text[i - 1] <= '9' && c == ':');
    const bool before_end = i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '"';
    const bool spaced_already = i > 0 && text[i - 1] == ' ';
    if (high && (spaced_already || (after_word && before_end))) {
      if (spaced_already) out.pop_back();  // the plain space becomes a no-break one
      if (!out.ends_with(kNarrowNbsp) && !out.ends_with(kNbsp)) out += c == ':' ? kNbsp : kNarrowNbsp;
    }
    out += c;
  }
  return out;
}

}  // namespace telar
