// SPDX-License-Identifier: GPL-3.0-or-later
// One render of the page: an artifact name, its flags as text and the uploaded files ->
// the same job runner (jobs/runner.h) the CLI calls, with the uploads read from memory
// and the output kept in memory. Errors come back as the CLI prints them.
#pragma once

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "base/atomic_file.h"
#include "base/diag.h"
#include "base/exit.h"
#include "base/lang.h"
#include "jobs/artifact.h"

namespace telar::serve {

struct Upload {
  std::string name;   ///< as the browser gave it; only its base name is kept
  std::string bytes;
};

struct RenderRequest {
  std::string artifact;                          ///< "zine", "banner" or "manual"
  std::string format = "pdf";                    ///< "pdf", "svg" or "png"
  std::map<std::string, std::string> options;    ///< flag name -> value ("true" for a switch)
  std::vector<Upload> files;
};

struct RenderReply {
  Exit code = Exit::ok;
  std::vector<FileBytes> files;  ///< named as the CLI would name them
  std::string messages;          ///< warnings and errors, exactly as the CLI prints them
};

/// Runs the request through run_job. Story files (.md .markdown .txt .vtt .srt .circle)
/// are the inputs (for the manual: every .md, by name); the other files are there to be
/// read by name (a sidecar, pictures, an uploaded template). Never throws: a usage or
/// data error, or an internal one, becomes the reply's code and messages in `lang`.
RenderReply render(const RenderRequest& request, const JobEnv& env, Lang lang);

/// The text the CLI prints on stderr for these diagnostics ("telar: " before a message
/// that names no file).
std::string cli_text(std::span<const Diagnostic> diags, Lang lang);

/// "application/pdf", "image/svg+xml" or "image/png" by the name's extension.
std::string mime_type(const std::filesystem::path& name);

}  // namespace telar::serve
