// SPDX-License-Identifier: GPL-3.0-or-later
// The batch manifest: a YAML file of jobs, each a command line written as keys (the long
// flag names, read through the same flag table as argv). Loading validates everything
// before anything renders and reports every problem at once, with file:line.
#pragma once

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "jobs/artifact.h"

namespace telar {

/// One job of a manifest, ready to run.
struct BatchJob {
  std::size_t index = 0;             ///< in manifest order, after generation
  const Artifact* artifact = nullptr;
  Loc loc;                           ///< the job's entry in the manifest
  std::string node;                  ///< the node, for jobs generated per node
  FlagValues values;                 ///< inputs and paths resolved against the manifest
  std::filesystem::path output;      ///< the file the job writes (as its first file)
  /// "manual out/n01/manual.pdf": how progress lines and the summary name the job.
  std::string label() const;
};

struct Manifest {
  std::string name;                  ///< the manifest file, as given
  std::vector<BatchJob> jobs;
  double timeout_s = 300;            ///< per job (`timeout:`)
};

struct ManifestOptions {
  std::filesystem::path out_dir;     ///< --out-dir; empty: outputs are relative to the manifest
  JobEnv env;                        ///< today's date, the UI language
};

/// Parses and validates `src`: the commands, every key against its command's flag table,
/// every value with its kind's parser, each command's own rules, inputs and globs
/// (relative to the manifest), variables, templates (loaded and kind-checked), and that no
/// two jobs write the same output. Every problem goes to `diags`; throws Error(data_error)
/// carrying them all when there is any.
Manifest load_manifest(const SourceText& src, const ManifestOptions& opt, Diagnostics& diags);

/// True when `src` reads as a manifest rather than a template: a YAML mapping with `jobs`
/// or `nodes` at the top.
bool is_manifest(const SourceText& src);

/// Replaces each `{name}` in `text` by vars[name]. Returns false and sets `unknown` to the
/// first name that is not in `vars` ("{nod}").
bool expand_variables(std::string& text, const std::map<std::string, std::string>& vars,
                      std::string& unknown);

/// The jobs of shard `index` (1-based) of `count`: jobs sorted by output path and dealt
/// round-robin, so every job is in exactly one shard whatever the machine. Indices into
/// `jobs`, in manifest order.
std::vector<std::size_t> shard_jobs(std::span<const BatchJob> jobs, int index, int count);

}  // namespace telar
