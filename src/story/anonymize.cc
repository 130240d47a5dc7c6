// SPDX-License-Identifier: GPL-3.0-or-later
#include "story/anonymize.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <glib.h>

#include "base/utf8.h"

namespace telar {
namespace {

// Words that join names ("Don Héctor", "María de la Luz") and must not be replaced alone.
const std::set<std::string> kParticles = {
    "da", "das", "de", "del", "der", "di", "do", "dos", "du", "la", "las", "le", "los",
    "van", "von", "y", "e", "don", "doña", "dona", "sr", "sra", "mr", "mrs", "ms", "san", "santa"};

std::string fold(std::string_view s) {
  gchar* f = g_utf8_casefold(s.data(), static_cast<gssize>(s.size()));
  std::string out(f);
  g_free(f);
  return out;
}

bool is_word_char(char32_t cp) {
  auto c = static_cast<gunichar>(cp);
  return g_unichar_isalnum(c) || g_unichar_ismark(c) || cp == U'\'' || cp == U'\u2019' || cp == U'-';
}

struct Token {
  std::string text;
  bool word;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    bool word = is_word_char(next_code_point(s, i));
    if (!out.empty() && out.back().word == word)
      out.back().text.append(s.substr(start, i - start));
    else
      out.push_back({std::string(s.substr(start, i - start)), word});
  }
  return out;
}

// A name as a sequence of folded words, and what replaces it.
struct Pattern {
  std::vector<std::string> words;
  std::string replacement;
};

class Replacer {
 public:
  void add(const std::string& name, const std::string& replacement) {
    Pattern p;
    for (const Token& t : tokenize(name))
      if (t.word) p.words.push_back(fold(t.text));
    if (p.words.empty()) return;
    p.replacement = replacement;
    full_.push_back(p);
    for (const std::string& w : p.words)
      if (!kParticles.count(w) && count_code_points(w) >= 2) parts_.push_back({{w}, replacement});
  }

  // Longest patterns first, so "Ana Lucía" wins over "Ana".
  void finish() {
    auto longer = [](const Pattern& a, const Pattern& b) { return a.words.size() > b.words.size(); };
    std::stable_sort(full_.begin(), full_.end(), longer);
    patterns_ = full_;
    patterns_.insert(patterns_.end(), parts_.begin(), parts_.end());
  }

  std::string apply(std::string_view text) const {
    std::vector<Token> tokens = tokenize(text);
    std::string out;
    for (std::size_t i = 0; i < tokens.size();) {
      const Pattern* hit = tokens[i].word ? match(tokens, i) : nullptr;
      if (hit == nullptr) {
        out += tokens[i++].text;
        continue;
      }
      out += hit->replacement;
      i += hit->words.size() * 2 - 1;  // words with one separator between each
    }
    return out;
  }

 private:
  const Pattern* match(const std::vector<Token>& tokens, std::size_t i) const {
    for (const Pattern& p : patterns_) {
      std::size_t k = i;
      bool ok = true;
      for (std::size_t w = 0; w < p.words.size() && ok; ++w, k += 2) {
        if (k >= tokens.size() || !tokens[k].word || fold(tokens[k].text) != p.words[w]) ok = false;
        // Between the words of a name only spaces count ("Ana Lucía", not "Ana. Lucía").
        if (ok && w + 1 < p.words.size() &&
            (k + 1 >= tokens.size() || tokens[k + 1].text.find_first_not_of(' ') != std::string::npos))
          ok = false;
      }
      if (ok) return &p;
    }
    return nullptr;
  }

  std::vector<Pattern> full_, parts_, patterns_;
};

}  // namespace

std::string name_inside(const Story& story, std::string_view text) {
  const std::string hay = fold(text);
  for (const std::string& name : story.speakers())
    for (const Token& t : tokenize(name)) {
      if (!t.word) continue;
      std::string w = fold(t.text);
      if (kParticles.count(w) || count_code_points(w) < 3) continue;
      if (hay.find(w) != std::string::npos) return t.text;
    }
  return {};
}

std::string pseudonym_word(const std::string& lang) {
  auto is = [&](std::string_view base) {
    return lang.rfind(base, 0) == 0 && (lang.size() == base.size() || lang[base.size()] == '-');
  };
  if (is("es") || is("arn") || is("qu") || is("ay") || is("pt") || is("gn")) return "Voz";
  if (is("ht")) return "Vwa";
  if (is("fr")) return "Voix";
  return "Voice";
}

Story anonymize(Story story) {
  const std::string word = pseudonym_word(story.meta.lang);
  std::map<std::string, std::string> alias;
  Replacer replace;
  int n = 0;
  for (const std::string& name : story.speakers()) {
    std::string p = fmt::format("{} {}", word, ++n);
    alias[name] = p;
    replace.add(name, p);
  }
  replace.finish();
  FrontMatter& fm = story.meta;
  for (std::string* s : {&fm.title, &fm.node, &fm.headline}) *s = replace.apply(*s);
  for (Round& r : story.rounds) {
    r.question = replace.apply(r.question);
    for (Turn& t : r.turns) {
      if (!t.speaker.empty()) t.speaker = alias.at(t.speaker);
      t.text = replace.apply(t.text);
    }
  }
  return story;
}

}  // namespace telar
