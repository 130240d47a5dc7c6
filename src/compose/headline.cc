// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/headline.h"

#include <algorithm>
#include <map>
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
    if (letters >= min_len) out.emplace_back(to_lower(cur));
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

const std::set<std::string> kFunctionWords = {
    "para", "pero", "como", "porque", "cuando", "esto", "este", "esta", "estos", "estas", "eso",
    "todo", "toda", "todos", "todas", "nada", "algo", "también", "tambien", "muy", "más", "donde",
    "entonces", "hasta", "desde", "sobre", "cada", "sino", "aquí", "ahí", "allí", "pues", "that",
    "this", "with", "have", "from", "they", "there", "what", "when", "then", "were", "your",
    "will", "would", "could", "about", "which", "their", "them", "been", "just", "some", "very",
    "kote", "pou", "yon", "sou", "paske", "epi"};

const std::set<std::string> kConnectives = {
    "y", "e", "o", "u", "pero", "porque", "entonces", "que", "eso", "esto", "también", "tambien",
    "pues", "sino", "and", "but", "so", "because", "then", "or", "that", "this", "it", "also",
    "epi", "men", "paske", "donk", "et", "mais", "alors"};

// [begin, end) byte ranges of the sentences of `text`.
std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  auto push = [&](std::size_t end) {
    while (begin < end && text[begin] == ' ') ++begin;
    std::size_t e = end;
    while (e > begin && text[e - 1] == ' ') --e;
    if (e > begin) out.emplace_back(begin, e);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool stop = c == '.' || c == '!' || c == '?';
    if (!stop && text.compare(i, 3, "\u2026") == 0) {  // …
      i += 2;
      stop = true;
    }
    if (!stop) continue;
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == '"' || text[j] == ')' || text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    if (j == text.size() || text[j] == ' ') {
      push(j);
      begin = j;
      i = j;
    }
  }
  push(text.size());
  return out;
}

std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> out;
  for (std::string& w : words(text, 4))
    if (!kFunctionWords.count(w) && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  return out;
}

}  // namespace

std::vector<HighlightCandidate> highlight_candidates(const Story& story) {
  // Who said each content word.
  std::map<std::string, std::set<std::string>> said_by;
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns)
      if (!t.speaker.empty())
        for (const std::string& w : content_words(t.text)) said_by[w].insert(t.speaker);
  std::vector<HighlightCandidate> out;
  for (std::size_t ri = 0; ri < story.rounds.size(); ++ri)
    for (std::size_t ti = 0; ti < story.rounds[ri].turns.size(); ++ti) {
      const Turn& t = story.rounds[ri].turns[ti];
      if (t.speaker.empty()) continue;
      for (auto [b, e] : sentences(t.text)) {
        const std::string_view sv = std::string_view(t.text).substr(b, e - b);
        const std::vector<std::string> all = words(sv, 1);
        if (all.size() < 4 || all.size() > 16 || kConnectives.count(all.front())) continue;
        // A link or a very long word is not something to read from across a room.
        if (sv.find("://") != std::string_view::npos ||
            std::any_of(all.begin(), all.end(), [](const std::string& w) { return w.size() > 30; }))
          continue;
        HighlightCandidate c{ri, ti, b, e, std::string(sv), 0, {}, 0};
        std::set<std::string> others;
        double echo = 0;
        for (const std::string& w : content_words(sv)) {
          std::size_t n = said_by[w].size() - (said_by[w].count(t.speaker) ? 1 : 0);
          if (n == 0) continue;
          c.echoed.push_back(w);
          echo += 0.5 * static_cast<double>(std::min<std::size_t>(n, 3));
          for (const std::string& sp : said_by[w])
            if (sp != t.speaker) others.insert(sp);
        }
        c.echo_speakers = others.size();
        c.score = std::min(echo, 4.0);
        const double n = static_cast<double>(all.size());
        if (n < 5) c.score -= 5 - n;
        if (n > 14) c.score -= n - 14;
        const char last = sv.back();
        if (last == '.' || last == '!' || last == '?') c.score += 0.5;
        out.push_back(std::move(c));
      }
    }
  std::stable_sort(out.begin(), out.end(),
                   [](const HighlightCandidate& a, const HighlightCandidate& b) { return a.score > b.score; });
  return out;
}

Story with_highlights(Story story, std::size_t max) {
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns)
      if (t.highlight) return story;
  std::vector<HighlightCandidate> chosen;
  for (const HighlightCandidate& c : highlight_candidates(story)) {
    if (chosen.size() == max) break;
    bool same_turn = false;
    for (const HighlightCandidate& o : chosen) same_turn = same_turn || (o.round == c.round && o.turn == c.turn);
    if (!same_turn) chosen.push_back(c);
  }
  // Split from the last turn backwards so the indexes stay valid.
  std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) {
    return a.round != b.round ? a.round > b.round : a.turn > b.turn;
  });
  for (const HighlightCandidate& c : chosen) {
    std::vector<Turn>& turns = story.rounds[c.round].turns;
    const Turn t = turns[c.turn];
    std::vector<Turn> parts;
    auto piece = [&](std::size_t b, std::size_t e, bool highlight) {
      std::string_view sv = std::string_view(t.text).substr(b, e - b);
      while (!sv.empty() && sv.front() == ' ') sv.remove_prefix(1);
      while (!sv.empty() && sv.back() == ' ') sv.remove_suffix(1);
      if (sv.empty()) return;
      Turn p = t;
      p.text = std::string(sv);
      p.highlight = highlight;
      if (!parts.empty()) p.at_seconds.reset();
      parts.push_back(std::move(p));
    };
    piece(0, c.begin, false);
    piece(c.begin, c.end, true);
    piece(c.end, t.text.size(), false);
    turns.erase(turns.begin() + static_cast<std::ptrdiff_t>(c.turn));
    turns.insert(turns.begin() + static_cast<std::ptrdiff_t>(c.turn), parts.begin(), parts.end());
  }
  return story;
}

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

std::vector<std::string> quotable_pieces(std::string_view text, bool clauses) {
  static constexpr std::string_view kEnds[] = {".", "!", "?", "\u061F"};
  static constexpr std::string_view kPauses[] = {";", ":", ",", "\u060C", "\u061B"};
  std::vector<std::string> out;
  std::size_t from = 0;
  auto cut = [&](std::size_t end, std::size_t mark) {
    std::string piece(text.substr(from, end - from));
    from = end + mark;
    const std::size_t first = piece.find_first_not_of(' ');
    if (first != std::string::npos) out.push_back(piece.substr(first));
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool done = false;
    for (std::string_view e : kEnds)
      if (text.substr(i, e.size()) == e) {
        cut(i + e.size(), 0);  // the full stop stays
        i += e.size() - 1;
        done = true;
        break;
      }
    if (done || !clauses) continue;
    for (std::string_view p : kPauses)
      if (text.substr(i, p.size()) == p) {
        cut(i, p.size());  // the comma goes
        i += p.size() - 1;
        break;
      }
  }
  if (from < text.size()) cut(text.size(), 0);
  return out;
}

std::optional<Headline> headline_from_turns(const Story& story) {
  std::optional<Headline> best;
  double best_score = 0;
  // Each sentence of a turn, scored as if it had been marked; when no sentence is short
  // enough (every turn one long sentence), each clause.
  for (const bool clauses : {false, true}) {
    for (const Round& r : story.rounds)
      for (const Turn& t : r.turns) {
        if (t.speaker.empty()) continue;
        for (std::string& sentence : quotable_pieces(t.text, clauses)) {
          const auto words = static_cast<int>(std::count(sentence.begin(), sentence.end(), ' ')) + 1;
          if (words < 3 || words > 16) continue;
          Turn probe = t;
          probe.text = sentence;
          const double s = headline_score(probe, story);
          if (!best || s > best_score) {
            best = Headline{std::move(sentence), t.speaker, nullptr, t.loc};
            best_score = s;
          }
        }
      }
    if (best) break;
  }
  return best;
}

}  // namespace telar
