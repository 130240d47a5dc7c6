// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/hyphenate.h"

#include <glib.h>
#include <hyphen.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace telar {
namespace {

constexpr int kMinWord = 6;   // code points
constexpr int kMinLeft = 2;   // letters before a break (TeX's lefthyphenmin)
constexpr int kMinRight = 3;  // and after it (righthyphenmin): no "lu-gar."

bool word_char(gunichar c) { return g_unichar_isalpha(c) || g_unichar_ismark(c); }

// Characters next to which a run of letters is not a word but part of a name, path or
// number: "v2", "a/b", "user@host", "snake_case".
bool glue_char(gunichar c) {
  return g_unichar_isdigit(c) || c == '/' || c == '@' || c == '_' || c == '\\' || c == 0xAD;
}

gunichar at(std::string_view s, std::size_t i) {
  return g_utf8_get_char_validated(s.data() + i, static_cast<gssize>(s.size() - i));
}

std::size_t next(std::string_view s, std::size_t i) {
  return static_cast<std::size_t>(g_utf8_next_char(s.data() + i) - s.data());
}

struct HyphenFree {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};

void free_rep(char** rep, int* pos, int* cut, std::size_t n) {
  if (rep != nullptr) {
    for (std::size_t i = 0; i < n; ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
}

}  // namespace

Hyphenator Hyphenator::load(std::string_view lang, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::string tag(lang);
  std::replace(tag.begin(), tag.end(), '-', '_');
  const std::string primary = tag.substr(0, tag.find('_'));
  std::vector<fs::path> candidates;
  if (primary.size() < 2) return {};
  if (tag != primary) candidates.push_back(dir / ("hyph_" + tag + ".dic"));
  candidates.push_back(dir / ("hyph_" + primary + ".dic"));
  std::error_code ec;
  std::vector<fs::path> regional;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("hyph_" + primary + "_") && name.ends_with(".dic"))
      regional.push_back(it->path());
  }
  std::sort(regional.begin(), regional.end());
  candidates.insert(candidates.end(), regional.begin(), regional.end());
  for (const fs::path& p : candidates) {
    if (!fs::is_regular_file(p, ec)) continue;
    if (HyphenDict* d = hnj_hyphen_load(p.c_str())) {
      Hyphenator h;
      h.dict_ = std::shared_ptr<HyphenDict>(d, HyphenFree{});
      return h;
    }
  }
  return {};
}

std::string Hyphenator::hyphenate(std::string_view text) const {
  if (!dict_ || !g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr))
    return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  gunichar before = 0;
  while (i < text.size()) {
    gunichar c = at(text, i);
    if (!word_char(c) || g_unichar_ismark(c)) {
      const std::size_t n = next(text, i);
      out.append(text.substr(i, n - i));
      before = c;
      i = n;
      continue;
    }
    // A word: letters and combining marks.
    const std::size_t start = i;
    std::vector<std::size_t> ends;  // byte end of each code point
    int capitals = 0;
    while (i < text.size() && word_char(c = at(text, i))) {
      if (g_unichar_isupper(c)) ++capitals;
      i = next(text, i);
      ends.push_back(i);
    }
    const std::string_view word = text.substr(start, i - start);
    const gunichar after = i < text.size() ? at(text, i) : 0;
    const int n = static_cast<int>(ends.size());
    if (n < kMinWord || capitals > 1 || glue_char(before) || glue_char(after)) {
      out.append(word);
      continue;
    }
    gchar* lower = g_utf8_strdown(word.data(), static_cast<gssize>(word.size()));
    const std::string low(lower);
    g_free(lower);
    if (static_cast<int>(g_utf8_strlen(low.data(), static_cast<gssize>(low.size()))) != n) {
      out.append(word);
      continue;
    }
    std::vector<char> hy(low.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed =
        hnj_hyphen_hyphenate3(dict_.get(), low.data(), static_cast<int>(low.size()), hy.data(),
                              nullptr, &rep, &pos, &cut, kMinLeft, kMinRight, kMinLeft, kMinRight);
    free_rep(rep, pos, cut, low.size());
    std::size_t from = start;
    // libhyphen numbers positions in code points for UTF-8 dictionaries.
    for (int k = kMinLeft - 1; failed == 0 && k < n - kMinRight; ++k) {
      const std::size_t end = ends[static_cast<std::size_t>(k)];
      if ((hy[static_cast<std::size_t>(k)] & 1) == 0 || g_unichar_ismark(at(text, end))) continue;
      out.append(text.substr(from, end - from));
      out.append(kSoftHyphen);
      from = end;
    }
    out.append(text.substr(from, i - from));
  }
  return out;
}

}  // namespace telar
