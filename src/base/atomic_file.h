// SPDX-License-Identifier: GPL-3.0-or-later
// Writing outputs without ever leaving half a file: every file is written to a temporary
// file beside its target, flushed, then renamed into place.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace telar {

struct FileBytes {
  std::filesystem::path path;  ///< target, as the user gave it (relative stays relative)
  std::string bytes;
};

/// Writes every file to a temp file beside its target, and only when all of them were
/// written renames them into place (so a multi-page SVG set never ends up half old, half
/// new because the disk filled up). Throws Error(cant_create) naming the target; on any
/// failure no temp file is left behind.
void commit_files(const std::vector<FileBytes>& files);

}  // namespace telar
