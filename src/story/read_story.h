// SPDX-License-Identifier: GPL-3.0-or-later
// The front door of the story stage: a path (or SourceText) in, a Story out, with the
// reader chosen by the file's extension and shape (.md story circle; .vtt/.srt and
// plain-text transcript exports), plus what the command line adds to the front matter.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "story/story.h"

namespace telar {

/// Front matter given on the command line (--title --node --date --lang --link) and the
/// --speakers map.yaml that renames generic labels. Empty fields are not given.
struct StoryInputs {
  std::string title, node, date, lang, link;
  std::filesystem::path speakers;
};

/// Reads `path` and parses it. Throws Error(no_input) when it is missing or unreadable;
/// bad content goes to `diags` (the caller decides when to throw_if_errors()). A
/// transcript's front matter comes from a sidecar (`talk.vtt.yaml` or `talk.yaml`), then
/// `in` overrides it; a transcript without a title is an error saying how to give one.
/// `depends`, when given, receives every file the story depends on, for `telar batch`'s
/// up-to-date check: `path`, both sidecar names of a transcript (whether they exist or not:
/// one that appears changes the story) and the --speakers map.
Story read_story(const std::filesystem::path& path, Diagnostics& diags,
                 const StoryInputs& in = {}, std::vector<std::filesystem::path>* depends = nullptr);

/// Same, for text already read: dispatches on the extension of `src.name()` and, for
/// .txt, on the text's shape. No sidecar, no title check.
Story parse_story(const SourceText& src, Diagnostics& diags);

/// A transcript rather than a story circle: .vtt, .srt, or a .txt in an export's shape.
bool is_transcript(const SourceText& src);

/// A diarization label that names nobody: "SPEAKER_00", "Speaker 1", "speaker 0", "Unknown".
bool is_generic_speaker(std::string_view label);

/// Renames speakers by `map` (label -> name; labels match ignoring case).
void rename_speakers(Story& story, const std::vector<std::pair<std::string, std::string>>& map);

}  // namespace telar
