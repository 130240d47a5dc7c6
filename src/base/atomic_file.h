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

/// Writes a set of files as one transaction:
/// 1. refuses (Error(cant_create), nothing written) a target that is one of this process's
///    inputs (same device and inode, see was_read_as_input()) or a folder;
/// 2. removes temp files that a killed telar left beside the targets (".NAME.telar-tmp-PID-…"
///    whose process no longer runs);
/// 3. writes every file to a temp beside its target (mode 0666 minus the umask, read once at
///    start-up), fsyncs it, and only when all are written renames them into place. A target
///    that is a symlink is replaced by the file, never followed;
/// 4. when `numbered_set` is given (the -o path of a numbered multi-file output), removes
///    the files "STEM-DIGITS.EXT" beside it that the new set does not contain (a stale set
///    of an earlier, longer run).
/// Throws Error(cant_create) naming the target; on any failure no temp file is left behind
/// and no target is renamed.
void commit_files(const std::vector<FileBytes>& files,
                  const std::filesystem::path& numbered_set = {});

/// The temp name's prefix for `target`'s file name: ".NAME.telar-tmp-".
std::string temp_prefix(const std::filesystem::path& target);

}  // namespace telar
