// SPDX-License-Identifier: GPL-3.0-or-later
// The last step of every job: encode the sheets in memory, then commit the file(s).
#pragma once

#include <filesystem>
#include <vector>

#include "impose/sheet.h"
#include "layout/page.h"
#include "render/output.h"

namespace telar {

/// Encodes `sheets` as `format` and names the files after `out` (numbered when there are
/// several), in memory.
std::vector<FileBytes> encode_outputs(const std::filesystem::path& out, Format format,
                                      const std::vector<Sheet>& sheets,
                                      const std::vector<Page>& pages, const EncodeOptions& enc);

/// Encodes `sheets` as `format`, names the files after `out` (numbered when there are
/// several) and writes them atomically. Returns the paths written.
std::vector<std::filesystem::path> write_outputs(const std::filesystem::path& out, Format format,
                                                 const std::vector<Sheet>& sheets,
                                                 const std::vector<Page>& pages,
                                                 const EncodeOptions& enc);

}  // namespace telar
