// SPDX-License-Identifier: GPL-3.0-or-later
// The command table (one table drives dispatch, help and "did you mean") and the printing
// of diagnostics. The only place that knows argv, stderr and terminals.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/error.h"
#include "base/exit.h"
#include "base/lang.h"
#include "jobs/artifact.h"

namespace telar::cli {

/// Today in UTC (the default --cycle); SOURCE_DATE_EPOCH, when set, stands for "now", so
/// that builds and tests are reproducible. The one place telar asks for the date.
Date today();

struct Env {
  Lang lang = Lang::en;
  std::FILE* out = stdout;
  std::FILE* err = stderr;
};

using Args = std::vector<std::string>;

struct Command {
  std::string_view name;
  std::string_view summary;  ///< English; translated through po/<lang>.po
  Exit (*run)(const Args& args, const Env& env);  ///< null for an artifact: run_artifact
  const Artifact* artifact = nullptr;              ///< the artifact row (zine, banner, manual)
};

/// The artifacts (jobs/artifact.h) first, then check, templates, fonts.
std::span<const Command> commands();

Exit run(int argc, char** argv, Lang lang);

void print(std::FILE* f, std::span<const Diagnostic> diags, Lang lang);
void print(std::FILE* f, const Error& e, Lang lang);
void print_internal(std::FILE* f, const char* what, Lang lang);

/// The closest name (base/spell.h closest_name), or empty: for "did you mean".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// Commands (cli/run_*.cc).
Exit run_artifact(const Artifact& artifact, const Args& args, const Env& env);
Exit run_batch(const Args& args, const Env& env);
Exit run_check(const Args& args, const Env& env);
Exit run_decode(const Args& args, const Env& env);
Exit run_templates(const Args& args, const Env& env);
Exit run_fonts(const Args& args, const Env& env);
Exit run_serve(const Args& args, const Env& env);

}  // namespace telar::cli
