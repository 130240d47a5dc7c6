// SPDX-License-Identifier: GPL-3.0-or-later
// Writing outputs without ever leaving half a file: every file is written to a temporary
// file beside its target, flushed, then renamed into place.
#pragma once

#include <cstddef>
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
/// and every target is as it was: a rename that fails midway (a folder appeared at r-3.svg)
/// puts back the files renamed before it (each old target is kept as a hard link beside it
/// until the whole set is in place). Safe to call from several threads at once.
void commit_files(const std::vector<FileBytes>& files,
                  const std::filesystem::path& numbered_set = {});

/// Installs a handler for SIGTERM, SIGINT and SIGHUP that undoes every commit_files() in
/// progress (removes its temps, puts back targets already replaced) and exits with
/// 128 + the signal. Async-signal-safe: a fixed table of paths, unlink, rename, _exit.
/// SIGKILL cannot be caught: the next run that writes the same target removes the temp.
void install_signal_cleanup();

namespace testing {
/// Tests only: called before commit_files() renames file `index` of a set into place.
extern void (*before_rename)(std::size_t index);
}  // namespace testing

/// The temp name's prefix for `target`'s file name: ".NAME.telar-tmp-".
std::string temp_prefix(const std::filesystem::path& target);

}  // namespace telar
