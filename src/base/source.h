// SPDX-License-Identifier: GPL-3.0-or-later
// SourceText: a name (as the user typed it) and the bytes of a file, with a line index.
// Stages take SourceText, never a path: tests feed strings and check exact messages.
#pragma once

#include <filesystem>
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

/// Reads a whole file. Throws Error(no_input) naming `path` as given when it is missing
/// or unreadable (a directory counts as unreadable).
SourceText read_source(const std::filesystem::path& path);

}  // namespace telar
