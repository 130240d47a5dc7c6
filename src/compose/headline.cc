// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/headline.h"

#include <algorithm>
#include <set>

#include <glib.h>

#include "base/utf8.h"

namespace telar {
namespace {

// Lower-cased words of at least `min_len` letters (Unicode-aware, accents kept).
std::vector<std::string> words(std::string_view text, std::size_t min_len) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t letters = 0;
  auto flush = [&] {
    if (letters >= min_len) {
      gchar* low = g_utf8_strdown(cur.c_str(), -1);
      out.emplace_back(low);
      g_free(low);
    }
    cur.clear();
    letters = 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t cp = next_code_point(text, i);
    if (g_unichar_isalnum(static_cast<gunichar>(cp)) || g_unichar_ismark(static_cast<gunichar>(cp))) {
      cur.append(text.substr(start, i - start));
      ++letters;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

double headline_score(const Turn& h, const Story& story) {
  const std::size_t n = words(h.text, 1).size();
  double score = 0;
  if (n < 4) score -= static_cast<double>(4 - n);
  if (n > 12) score -= static_cast<double>(n - 12);

  std::set<std::string> mine;
  for (auto& w : words(h.text, 4)) mine.insert(w);
  std::set<std::string> echoed;
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns) {
      if (&t == &h) continue;
      for (auto& w : words(t.text, 4))
        if (mine.count(w)) echoed.insert(w);
    }
  score += std::min(3.0, 0.5 * static_cast<double>(echoed.size()));

  std::string_view body = h.text;
  while (!body.empty() && (body.back() == '.' || body.back() == '!' || body.back() == '?' || body.back() == ' '))
    body.remove_suffix(1);
  if (body.find(". ") == std::string_view::npos && body.find("? ") == std::string_view::npos &&
      body.find("! ") == std::string_view::npos)
    score += 1;
  return score;
}

std::optional<Headline> choose_headline(const Story& story) {
  if (!story.meta.headline.empty())
    return Headline{story.meta.headline, {}, nullptr, story.meta.headline_loc};
  const Turn* best = nullptr;
  double best_score = 0;
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns) {
      if (!t.highlight || t.text.empty()) continue;
      double s = headline_score(t, story);
      if (best == nullptr || s > best_score) {
        best = &t;
        best_score = s;
      }
    }
  if (best == nullptr) return std::nullopt;
  return Headline{best->text, best->speaker, best, best->loc};
}

std::optional<Headline> headline_from_turns(const Story& story) {
  std::optional<Headline> best;
  double best_score = 0;
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns) {
      if (t.speaker.empty()) continue;
      // Each sentence of the turn, scored as if it had been marked.
      std::size_t from = 0;
      while (from < t.text.size()) {
        std::size_t end = t.text.find_first_of(".!?", from);
        end = end == std::string::npos ? t.text.size() : end + 1;
        std::string sentence = t.text.substr(from, end - from);
        while (!sentence.empty() && sentence.front() == ' ') sentence.erase(sentence.begin());
        from = end;
        const auto words = static_cast<int>(std::count(sentence.begin(), sentence.end(), ' ')) + 1;
        if (sentence.empty() || words < 3 || words > 16) continue;
        Turn probe = t;
        probe.text = sentence;
        const double s = headline_score(probe, story);
        if (!best || s > best_score) {
          best = Headline{sentence, t.speaker, nullptr, t.loc};
          best_score = s;
        }
      }
    }
  return best;
}

}  // namespace telar
