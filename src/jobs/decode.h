// SPDX-License-Identifier: GPL-3.0-or-later
// `telar decode`: photos, scans or the PDF of --qr-offline cards -> the story-circle file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diag.h"

namespace telar {

struct DecodeJob {
  std::vector<std::filesystem::path> inputs;  ///< .png images or .pdf files, any order
  std::filesystem::path out;                  ///< -o; empty: the story goes to `story`
};

/// Reads every QR code in the inputs (PDF pages rasterised at 200 dpi), reassembles the
/// cards and writes the story-circle file atomically to `job.out` (when given); returns
/// its text. A missing card is an error naming it ("missing 3/6"), exit 65, no file.
std::string decode_story(const DecodeJob& job, Diagnostics& diags);

}  // namespace telar
