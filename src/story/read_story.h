// SPDX-License-Identifier: GPL-3.0-or-later
// The front door of the story stage: a path (or SourceText) in, a Story out, with the
// reader chosen by the file's extension (.md story circle; .vtt/.srt transcripts).
#pragma once

#include <filesystem>

#include "base/diag.h"
#include "base/source.h"
#include "story/story.h"

namespace telar {

/// Reads `path` and parses it. Throws Error(no_input) when it is missing or unreadable;
/// bad content goes to `diags` (the caller decides when to throw_if_errors()).
Story read_story(const std::filesystem::path& path, Diagnostics& diags);

/// Same, for text already read: dispatches on the extension of `src.name()`.
Story parse_story(const SourceText& src, Diagnostics& diags);

}  // namespace telar
