// SPDX-License-Identifier: GPL-3.0-or-later
// --anonymize: every speaker becomes a stable pseudonym ("Voz 1", "Voice 1"), in turns,
// highlights and wherever the name is mentioned, before any later stage sees a name.
#pragma once

#include <string>
#include <vector>

#include "story/story.h"

namespace telar {

/// "Voz" (es, arn, qu, ay, pt), "Vwa" (ht), "Voix" (fr), "Voice" otherwise.
std::string pseudonym_word(const std::string& lang);

/// Speakers are numbered in order of first appearance. Mentions are replaced as whole
/// words, ignoring case and accents' composition (text is NFC): the full name first
/// ("Ana Lucía"), then each part of it that is a name rather than a particle ("Lucía",
/// not "de"); in the title, node, headline, round questions and every turn.
Story anonymize(Story story);

/// The first speaker name (or name part) that `text` contains anywhere, ignoring case,
/// e.g. inside a URL ("…/carmen-y-julian"), or empty. Links cannot be rewritten, so the
/// caller refuses them.
std::string name_inside(const Story& story, std::string_view text);

}  // namespace telar
