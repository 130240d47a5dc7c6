// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/shared_words.h"

#include <algorithm>
#include <map>
#include <set>

#include "compose/words.h"

namespace telar {
namespace {

struct Tally {
  std::string key;
  std::set<std::size_t> voices;
  std::map<std::string, std::size_t> forms;  ///< lower-cased written form -> uses
  std::vector<std::string> form_order;       ///< forms in order of first use (ties)
  std::size_t uses = 0, order = 0;
  bool ever_lower = false;
  Loc first;
};

}  // namespace

SharedWords find_shared_words(const std::vector<Said>& said, std::string_view lang,
                              const std::vector<std::string>& names) {
  // Every part of a name is left out, in any case; but a pseudonym ("Voz 3", "Voice 1":
  // a word and a number, what --anonymize writes) only where it is written capitalised, so
  // that "voz" said in a turn counts in the anonymized circle as in the named one.
  std::set<std::string> name_parts, pseudonym_parts;
  for (const std::string& n : names) {
    const std::vector<Token> parts = tokenize(n);
    const bool pseudonym = parts.size() == 2 && !parts[0].has_digit && parts[1].has_digit &&
                           std::all_of(parts[1].text.begin(), parts[1].text.end(), [](char c) { return c >= '0' && c <= '9'; });
    for (const Token& t : parts) (pseudonym ? pseudonym_parts : name_parts).insert(lemma(t.text, "und"));
  }

  SharedWords out;
  std::map<std::string, Tally> tally;
  for (const Said& s : said) {
    if (s.voice.empty()) continue;
    auto v = std::find(out.voices.begin(), out.voices.end(), s.voice);
    const auto voice = static_cast<std::size_t>(v - out.voices.begin());
    if (v == out.voices.end()) out.voices.push_back(s.voice);
    for (const Token& t : tokenize(s.text)) {
      const std::string low = lemma(t.text, "und");
      if (t.has_digit || t.letters < kMinSharedLetters || name_parts.count(low) || is_stop_word(low) ||
          (t.capitalised && pseudonym_parts.count(low)))
        continue;
      const std::string key = lemma(t.text, lang);
      if (is_stop_word(key)) continue;
      Tally& w = tally[key];
      if (w.uses == 0) {
        w.key = key;
        w.order = tally.size();
        w.first = s.loc;
      }
      ++w.uses;
      w.voices.insert(voice);
      w.ever_lower = w.ever_lower || !t.capitalised;
      const std::string form = low;
      if (w.forms[form]++ == 0) w.form_order.push_back(form);
    }
  }
  std::vector<const Tally*> kept;
  for (const auto& [key, w] : tally)
    if (w.voices.size() >= 2 && w.ever_lower) kept.push_back(&w);
  std::sort(kept.begin(), kept.end(), [](const Tally* a, const Tally* b) {
    if (a->voices.size() != b->voices.size()) return a->voices.size() > b->voices.size();
    if (a->uses != b->uses) return a->uses > b->uses;
    return a->order < b->order;
  });
  if (kept.size() > kMaxSharedWords) kept.resize(kMaxSharedWords);
  for (const Tally* w : kept) {
    SharedWord sw;
    sw.key = w->key;
    std::size_t best = 0;
    for (const std::string& f : w->form_order)
      if (w->forms.at(f) > best) best = w->forms.at(f), sw.word = f;
    sw.voices.assign(w->voices.begin(), w->voices.end());
    sw.uses = w->uses;
    sw.first = w->first;
    out.words.push_back(std::move(sw));
  }
  return out;
}

SharedWords shared_words(const Story& story) {
  std::vector<Said> said;
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns)
      if (!t.speaker.empty()) said.push_back({t.speaker, t.text, t.loc});
  std::vector<std::string> names = story.speakers();
  names.insert(names.end(), story.meta.private_names.begin(), story.meta.private_names.end());
  return find_shared_words(said, story.meta.lang, names);
}

std::uint64_t motif_seed(const SharedWords& shared) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (const SharedWord& w : shared.words) {
    for (char c : w.key) mix(static_cast<unsigned char>(c));
    mix(0);
  }
  return h;
}

}  // namespace telar
