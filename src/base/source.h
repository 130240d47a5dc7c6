// SPDX-License-Identifier: GPL-3.0-or-later
// SourceText: a name (as the user typed it) and the bytes of a file, with a line index.
// Stages take SourceText, never a path: tests feed strings and check exact messages.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/loc.h"

namespace telar {

class SourceText {
 public:
  SourceText(std::string name, std::string bytes);

  const std::string& name() const { return name_; }
  const std::string& bytes() const { return bytes_; }

  /// 1-based line and code-point column of byte offset `off`.
  Loc loc_at(std::size_t offset) const;
  /// The text of 1-based line `line`, without its line ending.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

 private:
  std::string name_;
  std::string bytes_;
  std::vector<std::size_t> line_starts_;
};

/// The largest file telar reads (stories, lessons, templates, motifs, images): 16 MiB.
/// docs/limits.md lists it with every other limit.
inline constexpr std::size_t kMaxSourceBytes = std::size_t{16} << 20;

/// Reads a whole file, the only way telar reads one (through this thread's SourceProvider
/// first, when one is set: the size limit holds for its bytes too). Throws Error(no_input)
/// naming `path` as given when it is missing or unreadable, or not a regular file (a folder, a FIFO, a
/// device, a socket: opened without blocking, refused before a byte is read), and
/// Error(data_error) when it holds more than `max_bytes` (the read stops there: /proc
/// files and files that grow are bounded too). Every file read is remembered (device
/// and inode), so that an output can refuse to replace an input (was_read_as_input()).
SourceText read_source(const std::filesystem::path& path, std::size_t max_bytes = kMaxSourceBytes);

/// Where read_source() looks before the disk: `telar serve` keeps its uploads in memory
/// and puts a provider in front of the disk for the job it runs; the CLI sets none.
class SourceProvider {
 public:
  virtual ~SourceProvider() = default;
  /// The bytes of `path`, or nullopt to read it from the disk. May throw Error (no_input)
  /// to refuse a path that neither it nor the disk may give.
  virtual std::optional<std::string> find(const std::filesystem::path& path) const = 0;
  /// Whether `path` exists for this provider (nullopt: ask the disk).
  virtual std::optional<bool> exists(const std::filesystem::path& path) const = 0;
};

/// Puts `provider` (null: none, the disk alone) in front of the disk for read_source() and
/// source_exists() on this thread while it lives; the previous one comes back after.
class ScopedSourceProvider {
 public:
  explicit ScopedSourceProvider(const SourceProvider* provider);
  ~ScopedSourceProvider();
  ScopedSourceProvider(const ScopedSourceProvider&) = delete;
  ScopedSourceProvider& operator=(const ScopedSourceProvider&) = delete;

 private:
  const SourceProvider* previous_;
};

/// Whether read_source(`path`) would find a file: the provider's answer, else the disk's.
bool source_exists(const std::filesystem::path& path);

/// True when the file at `path` (followed if a symlink) is one that read_source() read in
/// this process: compared by device and inode, not by name.
bool was_read_as_input(const std::filesystem::path& path);

/// Tests only: forgets the inputs read so far (a test that deletes its input frees the
/// inode for a later test's output, which would then be refused as that input).
void forget_inputs_for_tests();

}  // namespace telar
