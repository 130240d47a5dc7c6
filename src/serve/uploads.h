// SPDX-License-Identifier: GPL-3.0-or-later
// The files of one render request, in memory only: the job reads them through the
// SourceProvider seam (base/source.h) by the name the browser gave (a path with folders,
// such as a lesson's "img/a.svg", finds the upload of its base name). Any other path is
// refused, except telar's own shipped data (templates, motifs), read from the disk.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/source.h"

namespace telar::serve {

class Uploads final : public SourceProvider {
 public:
  /// Adds a file under its base name ("C:\\x\\a.md" and "x/a.md" both become "a.md").
  /// Throws Error(usage) for an empty name, "." or "..", a control character, or a name
  /// given twice.
  void add(const std::string& name, std::string bytes);
  /// The names, sorted.
  std::vector<std::string> names() const;

  std::optional<std::string> find(const std::filesystem::path& path) const override;
  std::optional<bool> exists(const std::filesystem::path& path) const override;

 private:
  const std::string* lookup(const std::filesystem::path& path) const;
  std::map<std::string, std::string> files_;
};

/// The base name `add` keeps, or "" when the name cannot be one.
std::string upload_name(const std::string& given);

}  // namespace telar::serve
