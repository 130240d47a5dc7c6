// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/explain.h"

#include <fmt/format.h>

#include "compose/headline.h"
#include "compose/weave_draft.h"
#include "story/read_story.h"

namespace telar {
namespace {

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

}  // namespace

std::string explain_story(const Story& story_in, const std::string& file, Lang ui,
                          Diagnostics& diags, const SharedWords* shared) {
  auto L = [ui](std::string_view english) { return std::string(label(english, ui)); };
  const Story story = with_highlights(story_in);
  std::string out = fmt::format("{}\n", file);
  const std::vector<std::string> speakers = story.speakers();
  std::string names;
  for (const std::string& s : speakers) names += (names.empty() ? "" : ", ") + s;
  out += fmt::format("  {} ({}): {}\n", L("speakers"), speakers.size(), names);
  std::size_t turns = 0;
  for (const Round& r : story.rounds) turns += r.turns.size();
  out += fmt::format("  {}: {}, {}: {}\n", L("rounds"), story.rounds.size(), L("turns"), turns);
  for (std::size_t i = 0; i < story.rounds.size(); ++i) {
    const Round& r = story.rounds[i];
    out += fmt::format("    {} {}: \"{}\" ({} {})\n", L("round"), i + 1, r.question, r.turns.size(), L("turns"));
    if (r.turns.empty()) diags.warning(r.loc, msg(MsgId::explain_empty_round, r.question));
    for (const Turn& t : r.turns)
      if (std::size_t n = word_count(t.text); n > kLongTurnWords)
        diags.warning(t.loc, msg(MsgId::explain_long_turn, t.speaker.empty() ? L("narration") : t.speaker, n));
  }
  for (const std::string& s : speakers)
    if (is_generic_speaker(s)) diags.warning(Loc{file}, msg(MsgId::explain_generic_speaker, s));

  bool marked = false;
  for (const Round& r : story_in.rounds)
    for (const Turn& t : r.turns) marked = marked || t.highlight;
  if (auto h = choose_headline(story)) {
    std::string why = !story.meta.headline.empty() ? L("from the front matter")
                      : fmt::format("{} {:g}", L("score"), h->source ? headline_score(*h->source, story) : 0.0);
    out += fmt::format("  {}: \"{}\"{} ({})\n", L("headline"), h->text,
                       h->speaker.empty() ? "" : " \u2014 " + h->speaker, why);
  } else {
    out += fmt::format("  {}: {}\n", L("headline"), L("none"));
  }
  out += fmt::format("  {}: {}\n", L("highlights"), marked ? L("marked in the file") : L("chosen by telar"));
  if (!marked) {
    std::size_t shown = 0;
    for (const HighlightCandidate& c : highlight_candidates(story_in)) {
      if (shown++ == 5) break;
      std::string echoed;
      for (const std::string& w : c.echoed) echoed += (echoed.empty() ? "" : ", ") + w;
      const Turn& t = story_in.rounds[c.round].turns[c.turn];
      out += fmt::format("    {:+.1f}  \"{}\" \u2014 {} ({}: {}; {} {})\n", c.score, c.text, t.speaker,
                         L("echoed"), echoed.empty() ? L("none") : echoed, c.echo_speakers,
                         L("other speakers"));
    }
  }
  if (shared) {
    out += fmt::format("  {} ({}):{}\n", L("shared words"), shared->words.size(), shared->words.empty() ? " " + L("none") : "");
    for (const SharedWord& w : shared->words) {
      std::string who;
      for (std::size_t v : w.voices) who += (who.empty() ? "" : ", ") + shared->voices[v];
      out += fmt::format("    {} \u2014 {} {} ({}\u00d7)\n", w.word, L("said by"), who, w.uses);
    }
    out += fmt::format("  {}: {}\n", L("motif"), draft_fingerprint(weave_draft(motif_seed(*shared))));
  }
  return out;
}

}  // namespace telar
