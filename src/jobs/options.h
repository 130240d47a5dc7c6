// SPDX-License-Identifier: GPL-3.0-or-later
// What each command is asked to do, as plain data: the library's front door. The CLI
// (and later the batch manifest) fills these; jobs never see argv.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/lang.h"
#include "base/units.h"

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
  bool verify = true;                ///< false with --no-verify: QR codes are not read back
  double dpi = 150;                  ///< PNG only
};

struct CheckJob {
  std::vector<std::filesystem::path> files;
};

/// The default output path for a story: "stories/la-bateria.circle.md" -> "la-bateria-zine.pdf".
std::filesystem::path default_output(const std::filesystem::path& input, const std::string& suffix);

}  // namespace telar
