// SPDX-License-Identifier: GPL-3.0-or-later
// The one job pipeline every artifact goes through: read -> template and kind check ->
// anonymize -> fonts (with CJK fallback) -> compose -> layout -> impose -> glyph check ->
// QR codes read back (verify before write) -> encode -> commit. Warnings stay in the
// caller's Diagnostics; an Error thrown by any step carries every diagnostic before it.
#pragma once

#include <filesystem>
#include <map>
#include <utility>
#include <vector>

#include "base/diag.h"
#include "base/error.h"
#include "base/source.h"
#include "jobs/artifact.h"

namespace telar {

struct JobResult {
  std::vector<std::filesystem::path> files;  ///< written (or kept in memory), in order
  std::size_t pages = 0;                     ///< laid-out pages
  std::vector<FileBytes> in_memory;          ///< the files, when JobIo::in_memory was set
};

/// Where a job reads and writes, when not the disk: `telar serve` reads uploads from
/// memory and keeps the encoded files in memory; the CLI leaves both unset.
struct JobIo {
  const SourceProvider* sources = nullptr;  ///< in front of the disk for every file read
  bool in_memory = false;  ///< true: the files go to JobResult::in_memory, not to the disk
};

/// What many jobs can share, loaded once (`telar batch` loads them before it forks).
struct JobShared {
  FontSet* fonts = nullptr;  ///< a job whose text needs CJK gets a set of its own
  /// Loaded templates by (name as the job gives it, kind).
  const std::map<std::pair<std::string, ArtifactKind>, Template>* templates = nullptr;
};

/// Runs `stages` to the end and writes the output atomically (or keeps it in memory, by
/// `io`). Throws Error before touching the disk when anything is wrong; warnings stay in
/// `diags`.
JobResult run_job(const Artifact& artifact, ArtifactStages& stages, Diagnostics& diags,
                  const JobShared& shared = {}, const JobIo& io = {});

/// Reads and loads the template `name` (or the kind's default) and checks that it is a
/// template of `kind`. Problems go to `diags`; throws (with every diagnostic) on errors.
Template load_kind_template(const std::string& name, ArtifactKind kind, Diagnostics& diags);

/// Every character of laid-out text (pages, and text among sheet marks) that no loaded
/// font has is an error (a warning when `allow`: --allow-missing-glyphs) naming the
/// character, its code point and the slot, at the first place in `files` (the inputs, then
/// the template) where it stands, else at `source`. Each character is reported once.
void check_glyphs(const std::vector<Page>& pages, const std::vector<Sheet>& sheets,
                  const std::vector<std::filesystem::path>& files, const std::string& source,
                  bool allow, Diagnostics& diags);

/// `e` with the diagnostics of `diags` that it does not carry yet put first: a step that
/// throws a fresh Error does not lose the warnings recorded before it.
Error with_earlier(const Error& e, const Diagnostics& diags);

}  // namespace telar
