// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing the circle's headline: the front matter's `headline`, else the best highlight.
#pragma once

#include <optional>
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

}  // namespace telar
