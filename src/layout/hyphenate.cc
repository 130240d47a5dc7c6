// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/hyphenate.h"

#include <glib.h>
#include <hyphen.h>

#include <algorithm>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "base/utf8.h"

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

// Fragments a break must not leave standing on a line of their own, per language: the
// words a reader would see first ("cír- / culo.").
constexpr std::string_view kEs[] = {"culo", "cula", "pene", "puta", "puto", "caca", "mierda",
                                    "teta", "cago", "coño", "pedo", "mear"};
constexpr std::string_view kPt[] = {"cu", "puta", "puto", "merda", "caca", "pica", "rola", "peido"};
constexpr std::string_view kEn[] = {"shit", "piss", "cock", "cum", "arse", "anal", "rape", "tit"};
constexpr std::string_view kFr[] = {"cul", "con", "pute", "merde", "bite"};
struct Exceptions {
  std::string_view lang;
  std::span<const std::string_view> fragments;
};
constexpr Exceptions kExceptions[] = {{"es", kEs}, {"pt", kPt}, {"en", kEn}, {"fr", kFr}};

// Letters that only Mapudungun's Unified alphabet uses (precomposed, or the combining
// line below): a capitalised word holding one is a Mapudungun name.
bool mapudungun_letter(gunichar c) {
  return c == 0x1E3A || c == 0x1E3B || c == 0x1E48 || c == 0x1E49 || c == 0x1E6E || c == 0x1E6F ||
         c == 0x0331 || c == 0x0332;
}

}  // namespace

bool Hyphenator::unfortunate_break(std::string_view lang, std::string_view before, std::string_view after) {
  const std::string primary(lang.substr(0, lang.find_first_of("-_")));
  for (const Exceptions& e : kExceptions) {
    if (e.lang != primary) continue;
    for (std::string_view f : e.fragments) {
      if (before == f) return true;
      if (after.starts_with(f) && after.size() - f.size() <= 2) return true;  // "culo", "culos"
    }
  }
  return false;
}

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
      h.lang_ = primary;
      return h;
    }
  }
  return {};
}

std::string Hyphenator::hyphenate(std::string_view text, bool ends_paragraph) const {
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
    bool mapudungun = false;
    const bool capitalised = g_unichar_isupper(c);
    while (i < text.size() && word_char(c = at(text, i))) {
      if (g_unichar_isupper(c)) ++capitals;
      mapudungun = mapudungun || mapudungun_letter(c);
      i = next(text, i);
      ends.push_back(i);
    }
    const std::string_view word = text.substr(start, i - start);
    const gunichar after = i < text.size() ? at(text, i) : 0;
    const int n = static_cast<int>(ends.size());
    // The paragraph's last word: nothing but punctuation and space after it.
    bool last_word = ends_paragraph;
    for (std::size_t j = i; last_word && j < text.size(); j = next(text, j))
      if (word_char(at(text, j))) last_word = false;
    const bool proper_name = capitalised && (lang_ == "arn" || mapudungun);
    if (n < kMinWord || capitals > 1 || glue_char(before) || glue_char(after) || last_word || proper_name) {
      out.append(word);
      continue;
    }
    const std::string low = to_lower(word);
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
      const std::size_t low_cut = static_cast<std::size_t>(g_utf8_offset_to_pointer(low.data(), k + 1) - low.data());
      if (unfortunate_break(lang_, std::string_view(low).substr(0, low_cut), std::string_view(low).substr(low_cut)))
        continue;
      out.append(text.substr(from, end - from));
      out.append(kSoftHyphen);
      from = end;
    }
    out.append(text.substr(from, i - from));
  }
  return out;
}

}  // namespace telar
