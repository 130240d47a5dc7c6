// SPDX-License-Identifier: GPL-3.0-or-later
// The flags every story-reading command shares: a transcript's front matter
// (--title --node --date --lang --link), --speakers map.yaml, --anonymize and --initials
// (the rows kAnonymizeFlags and kTranscriptFlags of jobs/flags.h, which the zine and the
// banner take too).
#pragma once

#include "cli/flags.h"
#include "story/anonymize.h"
#include "story/read_story.h"

namespace telar::cli {

void add_story_flags(po::options_description& desc, Lang lang);
StoryInputs story_inputs(const po::variables_map& vm);
/// --anonymize (with --initials: initials); false when not given.
bool anonymize_flag(const po::variables_map& vm, AnonymizeMode& mode);

}  // namespace telar::cli
