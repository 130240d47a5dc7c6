// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/story_flags.h"

#include "jobs/zine.h"

namespace telar::cli {
namespace {

// The same rows the zine and the banner take (jobs/flags.h), so check reads a transcript
// exactly as they do.
constexpr auto kStoryFlags = join_flags(kAnonymizeFlags, kTranscriptFlags);

}  // namespace

void add_story_flags(po::options_description& desc, Lang l) { desc.add(flag_options(kStoryFlags, l)); }

StoryInputs story_inputs(const po::variables_map& vm) {
  return telar::story_inputs(flag_values(vm, kStoryFlags));
}

bool anonymize_flag(const po::variables_map& vm, AnonymizeMode& mode) {
  const FlagValues v = flag_values(vm, kStoryFlags);
  if (v.on("initials")) mode = AnonymizeMode::initials;
  return v.on("anonymize");
}

}  // namespace telar::cli
