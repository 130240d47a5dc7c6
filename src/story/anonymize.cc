// SPDX-License-Identifier: GPL-3.0-or-later
#include "story/anonymize.h"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>
#include <glib.h>

#include "base/gstring.h"
#include "base/utf8.h"

namespace telar {
namespace {

// Words that join names ("Don Héctor", "María de la Luz") and are never replaced alone.
const std::set<std::string> kParticles = {
    "da", "das", "de", "del", "der", "di", "do", "dos", "du", "la", "las", "le", "los", "van",
    "von", "y", "e", "don", "dona", "sr", "sra", "mr", "mrs", "ms", "san", "santa", "el", "al",
    "bin", "ibn", "ben", "of", "ten", "ter", "den"};

// Names that are also everyday words (name_key form). Lower-case, they are the word.
const std::set<std::string> kCommonWords = {
    // Spanish, Portuguese
    "luz", "rosa", "paz", "flor", "sol", "mar", "cruz", "pilar", "dolores", "socorro", "amparo",
    "rocio", "esperanza", "fe", "blanca", "clara", "estrella", "alba", "aurora", "violeta",
    "perla", "consuelo", "soledad", "victoria", "angeles", "reyes", "leon", "lobo", "nieves",
    "gloria", "caridad", "salud", "rey", "cielo", "paloma", "azucena", "camelia", "margarita",
    "jazmin", "celeste", "bruna", "franco", "modesto", "feliz", "inocencia", "primavera",
    // English
    "rose", "hope", "grace", "faith", "joy", "may", "june", "april", "summer", "rob", "bill",
    "mark", "will", "pat", "sue", "art", "iris", "ivy", "lily", "daisy", "dawn", "amber", "ruby",
    "jade", "sky", "river", "autumn", "honey", "sunny", "frank", "earnest", "guy", "jack",
    // Haitian Creole, French
    "espwa", "lespwa", "fleur", "pierre", "claire", "aime"};

bool is_default_ignorable(char32_t c) {
  return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 ||
         c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0xFEFF || c == 0xFFA0 || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

void append_cp(std::string& out, char32_t c) {
  char buf[6];
  out.append(buf, static_cast<std::size_t>(g_unichar_to_utf8(static_cast<gunichar>(c), buf)));
}

enum class Cls { word, digit, other };

Cls class_of(char32_t c) {
  auto u = static_cast<gunichar>(c);
  if (is_default_ignorable(c) || g_unichar_isalpha(u) || g_unichar_ismark(u)) return Cls::word;
  if (g_unichar_isdigit(u)) return Cls::digit;
  return Cls::other;
}

struct Token {
  std::string text;
  Cls cls;
};

// Runs of letters (marks and invisible characters stay inside), runs of digits, the rest.
// Apostrophes and hyphens separate: "Carmen's" is "Carmen" + "'" + "s".
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    Cls c = class_of(next_code_point(s, i));
    if (!out.empty() && out.back().cls == c)
      out.back().text.append(s.substr(start, i - start));
    else
      out.push_back({std::string(s.substr(start, i - start)), c});
  }
  return out;
}

/// Between the words of one name: spaces, a hyphen or an apostrophe ("Ana-Lucía", "D'Angelo").
bool joins_name(std::string_view sep) {
  std::string_view rest = sep;
  int hard = 0;
  for (std::size_t i = 0; i < rest.size();) {
    char32_t c = next_code_point(rest, i);
    if (c == U' ' || c == U'\u00A0' || is_default_ignorable(c)) continue;
    if (c == U'-' || c == U'\u2010' || c == U'\u2011' || c == U'\'' || c == U'\u2019') {
      ++hard;
      continue;
    }
    return false;
  }
  return hard <= 1;
}

bool starts_upper(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (g_unichar_isalpha(static_cast<gunichar>(c))) return g_unichar_isupper(static_cast<gunichar>(c));
  }
  return false;
}

bool is_arabic(std::string_view s) {
  std::size_t i = 0;
  char32_t c = next_code_point(s, i);
  return c >= 0x0600 && c <= 0x06FF;
}

// Arabic clitics written joined to the next word: "and", "so", "with", "for", "like", "the".
constexpr std::array<std::u32string_view, 12> kArabicPrefixes = {
    U"\u0648\u0627\u0644", U"\u0641\u0627\u0644", U"\u0628\u0627\u0644", U"\u0643\u0627\u0644",
    U"\u0644\u0644",       U"\u0627\u0644",       U"\u0648",             U"\u0641",
    U"\u0628",             U"\u0644",             U"\u0643",             U"\u0633"};

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && g_ascii_isxdigit(s[i + 1]) && g_ascii_isxdigit(s[i + 2])) {
      out += static_cast<char>(g_ascii_xdigit_value(s[i + 1]) * 16 + g_ascii_xdigit_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return find_invalid_utf8(out) ? std::string(s) : out;
}

std::string initials_of(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (kParticles.count(name_key(w))) continue;
    std::size_t i = 0;
    char32_t c = next_code_point(w, i);
    if (!out.empty()) out += ' ';
    append_cp(out, static_cast<char32_t>(g_unichar_toupper(static_cast<gunichar>(c))));
    out += '.';
  }
  return out.empty() ? "X." : out;
}

}  // namespace

std::string name_key(std::string_view s) {
  std::string v(s);
  if (find_invalid_utf8(v)) return v;
  std::string nfkc = take_gstring(g_utf8_normalize(v.data(), static_cast<gssize>(v.size()), G_NORMALIZE_NFKC));
  std::string visible;
  for (std::size_t i = 0; i < nfkc.size();) {
    std::size_t start = i;
    if (!is_default_ignorable(next_code_point(nfkc, i))) visible.append(nfkc, start, i - start);
  }
  std::string folded = casefold(visible);
  std::string nfd = take_gstring(g_utf8_normalize(folded.data(), static_cast<gssize>(folded.size()), G_NORMALIZE_NFD));
  std::string out;
  for (std::size_t i = 0; i < nfd.size();) {
    std::size_t start = i;
    char32_t c = next_code_point(nfd, i);
    if (!g_unichar_ismark(static_cast<gunichar>(c)) && c != 0x0640 /* tatweel */)
      out.append(nfd, start, i - start);
  }
  return out;
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

Anonymizer::Anonymizer(const std::vector<std::string>& names, const std::string& lang,
                       AnonymizeMode mode) {
  const std::string word = pseudonym_word(lang);
  std::vector<Pattern> full, parts;
  std::set<std::string> used;
  int n = 0;
  for (const std::string& name : names) {
    const std::string key = name_key(name);
    if (std::any_of(aliases_.begin(), aliases_.end(), [&](const auto& a) { return a.first == key; }))
      continue;
    std::vector<std::string> original;
    Pattern p;
    bool has_digits = false;
    for (const Token& t : tokenize(name)) {
      has_digits = has_digits || t.cls == Cls::digit;
      if (t.cls == Cls::word) {
        if (std::string k = name_key(t.text); !k.empty()) {
          p.words.push_back(k);
          original.push_back(t.text);
        }
      }
    }
    ++n;
    std::string replacement = fmt::format("{} {}", word, n);
    if (mode == AnonymizeMode::initials) {
      replacement = initials_of(original);
      for (int k = 2; used.count(replacement); ++k) replacement = fmt::format("{} {}", initials_of(original), k);
    }
    used.insert(replacement);
    aliases_.emplace_back(key, replacement);
    // "SPEAKER_00" names nobody: the word "speaker" in the text is left alone.
    if (p.words.empty() || has_digits) continue;
    p.shown = original;
    p.replacement = replacement;
    p.common = p.words.size() == 1 && kCommonWords.count(p.words[0]) > 0;
    full.push_back(p);
    if (p.words.size() > 1)
      for (std::size_t k = 0; k < p.words.size(); ++k)
        if (const std::string& w = p.words[k]; !kParticles.count(w) && count_code_points(w) >= 2)
          parts.push_back({{w}, {original[k]}, replacement, kCommonWords.count(w) > 0});
  }
  auto longer = [](const Pattern& a, const Pattern& b) { return a.words.size() > b.words.size(); };
  std::stable_sort(full.begin(), full.end(), longer);
  patterns_ = full;
  patterns_.insert(patterns_.end(), parts.begin(), parts.end());
}

std::string Anonymizer::alias(const std::string& name) const {
  const std::string key = name_key(name);
  for (const auto& [k, v] : aliases_)
    if (k == key) return v;
  return name;
}

std::string Anonymizer::apply(std::string_view text) const {
  const std::vector<Token> tokens = tokenize(text);
  std::vector<std::string> keys;
  for (const Token& t : tokens) keys.push_back(t.cls == Cls::word ? name_key(t.text) : std::string());
  auto match = [&](std::size_t i) -> const Pattern* {
    for (const Pattern& p : patterns_) {
      std::size_t k = i;
      bool ok = true;
      for (std::size_t w = 0; w < p.words.size() && ok; ++w, k += 2) {
        ok = k < tokens.size() && tokens[k].cls == Cls::word && keys[k] == p.words[w];
        if (ok && w + 1 < p.words.size())
          ok = k + 1 < tokens.size() && tokens[k + 1].cls == Cls::other && joins_name(tokens[k + 1].text);
      }
      if (ok && p.common && !starts_upper(tokens[i].text)) ok = false;
      if (ok) return &p;
    }
    return nullptr;
  };
  std::string out;
  for (std::size_t i = 0; i < tokens.size();) {
    if (tokens[i].cls != Cls::word) {
      out += tokens[i++].text;
      continue;
    }
    if (const Pattern* hit = match(i)) {
      out += hit->replacement;
      i += hit->words.size() * 2 - 1;
      // "carmen2" (a user name) -> "Voz 1", not "Voz 12".
      if (i < tokens.size() && tokens[i].cls == Cls::digit) ++i;
      continue;
    }
    if (is_arabic(tokens[i].text)) {
      // "ومحمد", "لمحمد", "المحمد": a clitic joined to the name.
      std::u32string key;
      for (std::size_t j = 0; j < keys[i].size();) key += next_code_point(keys[i], j);
      bool done = false;
      for (std::u32string_view pre : kArabicPrefixes) {
        if (key.size() <= pre.size() + 1 || key.compare(0, pre.size(), pre) != 0) continue;
        std::string rest;
        for (char32_t c : key.substr(pre.size())) append_cp(rest, c);
        for (const Pattern& p : patterns_)
          if (p.words.size() == 1 && p.words[0] == rest) {
            std::string prefix;
            for (char32_t c : pre) append_cp(prefix, c);
            out += prefix + p.replacement;
            done = true;
            break;
          }
        if (done) break;
      }
      if (done) {
        ++i;
        continue;
      }
    }
    out += tokens[i++].text;
  }
  return out;
}

std::string Anonymizer::name_inside(std::string_view text) const {
  const std::string hay = name_key(percent_decoded(text));
  for (const Pattern& p : patterns_)
    for (std::size_t k = 0; k < p.words.size(); ++k) {
      const std::string& w = p.words[k];
      if (kParticles.count(w) || count_code_points(w) < 3) continue;
      if (hay.find(w) != std::string::npos) return p.shown[k];
    }
  return {};
}

std::vector<std::string> names_of(const Story& story) {
  std::vector<std::string> names = story.speakers();
  for (const std::string& n : story.meta.private_names) names.push_back(n);
  return names;
}

std::string name_inside(const Story& story, std::string_view text) {
  return Anonymizer(names_of(story), story.meta.lang).name_inside(text);
}

Story anonymize(Story story, AnonymizeMode mode) {
  const Anonymizer anon(names_of(story), story.meta.lang, mode);
  FrontMatter& fm = story.meta;
  for (std::string* s : {&fm.title, &fm.node, &fm.headline}) *s = anon.apply(*s);
  fm.private_names.clear();
  for (Round& r : story.rounds) {
    r.question = anon.apply(r.question);
    for (Turn& t : r.turns) {
      if (!t.speaker.empty()) t.speaker = anon.alias(t.speaker);
      t.text = anon.apply(t.text);
    }
  }
  return story;
}

Story anonymize_for_output(Story story, AnonymizeMode mode,
                           const std::vector<std::pair<std::string, Loc>>& links,
                           Diagnostics& diags) {
  const Anonymizer anon(names_of(story), story.meta.lang, mode);
  for (const auto& [link, loc] : links)
    if (std::string name = anon.name_inside(link); !name.empty())
      diags.error(loc, msg(MsgId::anonymize_name_in_link, name));
  return anonymize(std::move(story), mode);
}

}  // namespace telar
