// SPDX-License-Identifier: GPL-3.0-or-later
// `telar check --explain`: what telar understood of a story or transcript — speakers,
// rounds, turns, the headline and quotes it would choose and why — plus warnings about
// what looks wrong (a very long turn, an empty round, a generic speaker label).
#pragma once

#include <string>

#include "base/diag.h"
#include "base/lang.h"
#include "compose/shared_words.h"
#include "story/story.h"

namespace telar {

/// A turn longer than this many words gets a warning: the zine sets it on one page at best.
inline constexpr std::size_t kLongTurnWords = 250;

/// The explanation as plain text in `ui` (labels translated); warnings go to `diags`.
/// With `shared`, also the circle's shared words, who said each (as `shared` names them:
/// pseudonyms under --anonymize) and the fingerprint of the woven motif they seed.
std::string explain_story(const Story& story, const std::string& file, Lang ui,
                          Diagnostics& diags, const SharedWords* shared = nullptr);

}  // namespace telar
