// SPDX-License-Identifier: GPL-3.0-or-later
// `telar zine`: story file in, QR-zine file(s) out. The whole pipeline, I/O at both ends.
#pragma once

#include <filesystem>
#include <vector>

#include "base/diag.h"
#include "jobs/options.h"
#include "story/story.h"

namespace telar {

/// Renders the zine and writes it atomically. Returns the files written. Throws Error
/// (with every diagnostic) before touching the disk when anything is wrong; warnings stay
/// in `diags`.
std::vector<std::filesystem::path> make_zine(const ZineJob& job, Diagnostics& diags);

/// Every text of a story (title, node, headline, questions, names, turns): what the fonts
/// must cover.
std::string story_text(const Story& story);

}  // namespace telar
