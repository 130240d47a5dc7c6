// SPDX-License-Identifier: GPL-3.0-or-later
// What `telar batch` remembers between runs, as ninja keeps .ninja_log: per output, a
// content hash of everything that went into it (telar's version, the command and its
// options, the inputs and every file they pulled in, the template, the fonts) and the
// files it wrote. A job whose hash is unchanged and whose files are all there is skipped.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/manifest.h"

namespace telar {

/// The log's file name, in the folder the outputs are relative to.
inline constexpr std::string_view kBatchLogName = ".telar-batch.log";

struct LogEntry {
  std::string hash;
  std::vector<std::filesystem::path> deps;   ///< files read (inputs, images)
  std::vector<std::filesystem::path> files;  ///< files written
};

class BatchLog {
 public:
  /// Reads `path`; a missing or unreadable log is an empty one (everything reruns).
  static BatchLog read(const std::filesystem::path& path);
  /// The log as text (entries sorted by output: the same log for the same results).
  std::string text() const;
  const LogEntry* find(const std::filesystem::path& output) const;
  void set(const std::filesystem::path& output, LogEntry e) { entries_[output.string()] = std::move(e); }

 private:
  std::map<std::string, LogEntry> entries_;
};

/// SHA-256 of `bytes`, in hex.
std::string sha256(std::string_view bytes);

/// Digest of a template (its YAML and motif file), named as a job names it.
std::string template_digest(const std::string& name, ArtifactKind kind);
/// Digest of the bundled fonts folder (file names, sizes and fonts.conf).
std::string fonts_digest();

/// The job's hash over `deps` as they are now; one that cannot be read (a transcript's
/// sidecar not written yet) is hashed as absent, so that its appearing changes the hash.
std::string job_hash(const BatchJob& job, const std::vector<std::filesystem::path>& deps,
                                    const std::string& template_digest, const std::string& fonts_digest);

/// Whether `job` can be skipped: the log has its output, every file it wrote exists, and
/// the hash over the files it read then is the same now.
bool up_to_date(const BatchJob& job, const BatchLog& log, const std::string& template_digest,
                const std::string& fonts_digest);

}  // namespace telar
