// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing the circle's headline: the front matter's `headline`, else the best highlight.
#pragma once

#include <optional>
#include <string_view>
#include <vector>
#include <string>

#include "base/loc.h"
#include "story/story.h"

namespace telar {

struct Headline {
  std::string text;
  std::string speaker;          ///< empty when it came from the front matter
  const Turn* source = nullptr; ///< the highlight it came from, if any
  Loc loc;
};

/// Scores a highlight as a headline. Higher is better. What makes a good headline:
///  - length: 4 to 12 words reads at a glance (a banner, a zine's opening page); every word
///    outside that range costs a point;
///  - echo: each content word (4+ letters) the highlight shares with the *other* turns of
///    the circle adds half a point, up to 3: the line the circle kept coming back to;
///  - a highlight that is one sentence gains a point (no ". " inside).
/// Ties go to the earlier highlight.
double headline_score(const Turn& highlight, const Story& story);

/// The front matter's headline, else the best highlight, else nullopt.
std::optional<Headline> choose_headline(const Story& story);

/// For a circle with no highlight: its best sentence said by someone (3 to 16 words,
/// scored as a highlight would be), else nullopt. The zine's headline page uses it; the
/// turn stays in the body as it was said.
std::optional<Headline> headline_from_turns(const Story& story);

/// The sentences of `text` (cut after . ! ? and the Arabic ؟), or with `clauses` its
/// clauses too (cut after ; : , and the Arabic ، ؛ as well, that mark dropped): for a
/// circle whose turns are each one long sentence, the pieces a headline or a quote page
/// can still take. Leading spaces trimmed, empty pieces left out.
std::vector<std::string> quotable_pieces(std::string_view text, bool clauses);

/// A sentence of a turn that could be a highlight (for circles that mark none: always the
/// case for a transcript), and why it scored as it did.
struct HighlightCandidate {
  std::size_t round = 0, turn = 0;  ///< indexes into story.rounds / round.turns
  std::size_t begin = 0, end = 0;   ///< byte range of the sentence in the turn's text
  std::string text;
  double score = 0;
  std::vector<std::string> echoed;  ///< its words that other speakers said too
  std::size_t echo_speakers = 0;    ///< how many other speakers said one of them
};

/// Every self-contained sentence (4 to 16 words, not opening with a connective such as
/// "y", "pero", "and", "so", "eso"; no link, no word over 30 bytes) of a turn with a
/// speaker, best first. Score: each
/// content word (4+ letters, not a common function word) said by other speakers adds half a
/// point per speaker (up to 3 speakers), at most 4 in all: the circle's "shared myth"; each
/// word outside 5..14 costs a point; a sentence that ends in . ! or ? gains half a point.
/// Ties go to the earlier sentence. Deterministic.
std::vector<HighlightCandidate> highlight_candidates(const Story& story);

/// `story` unchanged when it marks a highlight; otherwise its best `max` candidates (at
/// most one per turn) become highlights: the turn is split around the sentence, which
/// becomes a highlight of the same speaker, so the text still reads in order.
Story with_highlights(Story story, std::size_t max = 3);

}  // namespace telar
