// SPDX-License-Identifier: GPL-3.0-or-later
// What each command is asked to do, as plain data: the library's front door. The CLI
// (and later the batch manifest) fills these; jobs never see argv.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/lang.h"
#include "base/units.h"
#include "story/anonymize.h"
#include "story/read_story.h"

namespace telar {

struct ZineJob {
  std::filesystem::path story;
  std::string template_name;         ///< empty: the default zine template
  std::filesystem::path out;         ///< empty: <story stem>-zine.pdf beside the working dir
  std::optional<Size> paper;         ///< --paper; default: the template's, else A4
  bool reader_layout = false;        ///< --layout reader
  std::string qr_url;                ///< --qr
  bool qr_offline = false;           ///< --qr-offline
  bool anonymize = false;            ///< --anonymize
  AnonymizeMode anonymize_mode = AnonymizeMode::pseudonyms;  ///< --initials
  StoryInputs inputs;                ///< --title --node --date --lang --link --speakers
  bool verify = true;                ///< false with --no-verify: QR codes are not read back
  double dpi = 150;                  ///< PNG only
  int png_compression = 1;           ///< PNG only: zlib level, --png-compression
  bool braid = false;                ///< --braid
};

struct CheckJob {
  std::vector<std::filesystem::path> files;
  /// --explain: receives, for each story or transcript, what telar understood of it.
  std::function<void(const std::string&)> explain;
  Lang ui = Lang::en;                ///< the language of the explanation's labels
  bool anonymize = false;            ///< --anonymize: the explanation shows no names
  AnonymizeMode anonymize_mode = AnonymizeMode::pseudonyms;
  StoryInputs inputs;                ///< --title … for transcripts, as the commands take them
};

/// The default output path for a story: "stories/la-bateria.circle.md" -> "la-bateria-zine.pdf";
/// under --anonymize a neutral "anonymous-zine.pdf" (the file's name may be a person's).
std::filesystem::path default_output(const std::filesystem::path& input, const std::string& suffix,
                                     bool anonymous = false);

}  // namespace telar
