// SPDX-License-Identifier: GPL-3.0-or-later
#include "serve/render.h"

#include <algorithm>
#include <exception>

#include "base/error.h"
#include "jobs/runner.h"
#include "serve/uploads.h"

namespace telar::serve {
namespace {

bool story_file(const std::string& name, ArtifactKind kind) {
  const std::string ext = std::filesystem::path(name).extension().string();
  if (kind == ArtifactKind::manual) return ext == ".md" || ext == ".markdown";
  for (const char* e : {".md", ".markdown", ".txt", ".vtt", ".srt", ".circle"})
    if (ext == e) return true;
  return false;
}

FlagValues flag_values(const Artifact& artifact, const RenderRequest& req,
                       const Uploads& uploads) {
  FlagValues values;
  for (const auto& [name, value] : req.options) {
    const FlagSpec* spec = find_flag(artifact.flags, name);
    // -o is the server's: the output stays in memory and is named as the CLI names it.
    if (!spec || name == "output")
      throw Error::usage(msg(MsgId::usage_unknown_option, "--" + name, std::string(artifact.name)));
    if (spec->type == FlagType::boolean) {
      if (value == "true") values.set(name, "true");
      continue;
    }
    check_flag_value(*spec, value);
    values.set(name, value);
  }
  for (const std::string& name : uploads.names())
    if (story_file(name, artifact.kind)) values.inputs.push_back(name);
  if (values.inputs.empty()) throw Error::usage(msg(MsgId::usage_missing_input));
  if (artifact.max_inputs == 1 && values.inputs.size() > 1)
    throw Error::usage(msg(MsgId::usage_too_many_inputs, std::string(artifact.name)));
  values.fill_defaults(artifact.flags);
  return values;
}

}  // namespace

std::string cli_text(std::span<const Diagnostic> diags, Lang lang) {
  std::string text;
  for (const Diagnostic& d : diags) {
    std::string one = format_diagnostic(d, lang);
    if (d.loc.file.empty() && d.loc.line == 0) one = "telar: " + one;
    text += one;
  }
  return text;
}

std::string mime_type(const std::filesystem::path& name) {
  const std::string ext = name.extension().string();
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  return "application/pdf";
}

RenderReply render(const RenderRequest& req, const JobEnv& env, Lang lang) {
  RenderReply reply;
  Diagnostics diags;
  try {
    const Artifact* artifact = find_artifact(req.artifact);
    if (!artifact) throw Error::usage(msg(MsgId::usage_unknown_command, req.artifact));
    if (req.format != "pdf" && req.format != "svg" && req.format != "png")
      throw Error::usage(msg(MsgId::usage_bad_format, "." + req.format));
    Uploads uploads;
    for (const Upload& f : req.files) uploads.add(f.name, f.bytes);
    FlagValues values = flag_values(*artifact, req, uploads);
    // The CLI's default name (the story's, or "anonymous-…"), with the format asked for.
    std::filesystem::path out = artifact->configure(values, env)->output();
    out.replace_extension("." + req.format);
    values.set("output", out.string());
    std::unique_ptr<ArtifactStages> stages = artifact->configure(values, env);
    JobResult result = run_job(*artifact, *stages, diags, {}, JobIo{&uploads, true});
    reply.files = std::move(result.in_memory);
    reply.messages = cli_text(diags.all(), lang);
  } catch (const Error& e) {
    reply.code = e.code();
    reply.messages = cli_text(with_earlier(e, diags).diagnostics(), lang);
  } catch (const std::exception& e) {
    reply.code = Exit::failure;
    reply.messages = "telar: " + translate(msg(MsgId::internal_error, e.what()), lang) + "\n";
  }
  return reply;
}

}  // namespace telar::serve
