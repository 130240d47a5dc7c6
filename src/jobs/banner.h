// SPDX-License-Identifier: GPL-3.0-or-later
// `telar banner`: a story file (or a headline alone) in, one big banner page out, or the
// banner tiled over home-printer pages with an assembly map. The pipeline, I/O at the ends.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/units.h"
#include "story/anonymize.h"
#include "story/read_story.h"

namespace telar {

struct BannerJob {
  std::filesystem::path story;   ///< empty with --headline alone
  std::string headline;          ///< --headline: overrides the story's
  std::string template_name;     ///< empty: the default banner template
  std::filesystem::path out;     ///< empty: <story stem>-banner.pdf, or banner.pdf
  std::string size;              ///< --size: WxH or a preset's name; empty: the template's
  std::optional<bool> portrait;  ///< --portrait (true) or --landscape (false)
  std::string tile;              ///< --tile: a4, letter or a3; empty: one page
  std::optional<Length> overlap; ///< --overlap; default: the template's, else 10 mm
  std::optional<Length> bleed;   ///< --bleed; default: the template's (none when tiling)
  double dpi = 150;              ///< PNG only
  int png_compression = 1;       ///< PNG only: zlib level, --png-compression
  bool anonymize = false;        ///< --anonymize
  AnonymizeMode anonymize_mode = AnonymizeMode::pseudonyms;  ///< --initials
  StoryInputs inputs;            ///< --title --node --date --lang --link --speakers
  bool verify = true;            ///< false with --no-verify: the QR code is not read back
  std::string lang = "en";       ///< the labels' language with --headline alone (the UI's)
  std::function<void(double)> progress;  ///< PNG: fraction done (the CLI draws it on a TTY)
  bool braid = false;            ///< --braid: the braid panel where the quotes would go
};

/// Tiles above this many pages are refused (print such a banner at a shop).
inline constexpr std::size_t kMaxTiles = 2000;

/// Renders the banner and writes it atomically. Returns the files written. Throws Error
/// (with every diagnostic) before touching the disk when anything is wrong.
std::vector<std::filesystem::path> make_banner(const BannerJob& job, Diagnostics& diags);

}  // namespace telar
