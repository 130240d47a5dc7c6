// SPDX-License-Identifier: GPL-3.0-or-later
// The one exception type: an exit status plus the diagnostics that explain it. Thrown at
// stage boundaries and by I/O helpers; caught only in cli/main.cc.
#pragma once

#include <exception>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/exit.h"

namespace telar {

class Error : public std::exception {
 public:
  Error(Exit code, std::vector<Diagnostic> diags);
  Error(Exit code, Loc where, Message what);
  static Error usage(Message what);
  /// An I/O failure on `path` (as the user typed it) with errno `err`.
  static Error from_errno(Exit code, const std::filesystem::path& path, int err);

  Exit code() const noexcept { return code_; }
  std::span<const Diagnostic> diagnostics() const noexcept { return diags_; }
  const char* what() const noexcept override { return what_.c_str(); }  // English

 private:
  Exit code_;
  std::vector<Diagnostic> diags_;
  std::string what_;
};

}  // namespace telar
