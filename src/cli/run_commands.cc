// SPDX-License-Identifier: GPL-3.0-or-later
// The commands that make no artifact: check, decode, templates, fonts.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/story_flags.h"
#include "jobs/check.h"
#include "jobs/decode.h"
#include "layout/fonts.h"
#include "template/template.h"

namespace telar::cli {
Exit run_check(const Args& args, const Env& env) {
  po::options_description desc, hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>());
  desc.add_options()("explain", po::bool_switch(), tr("show what telar understood: speakers, rounds, turns, the headline and quotes, and why", env.lang).c_str());
  add_story_flags(desc, env.lang);
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse_flags("check", "FILE... [--explain] [--anonymize]", args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;
  if (!vm->count("input")) throw Error::usage(msg(MsgId::usage_missing_input));
  CheckJob job;
  for (const auto& f : (*vm)["input"].as<std::vector<std::string>>()) job.files.emplace_back(f);
  job.ui = env.lang;
  job.anonymize = anonymize_flag(*vm, job.anonymize_mode);
  job.inputs = story_inputs(*vm);
  if ((*vm)["explain"].as<bool>()) job.explain = [&env](const std::string& text) { std::fputs(text.c_str(), env.out); };
  Diagnostics diags;
  check_files(job, diags);
  print(env.err, diags.all(), env.lang);
  return Exit::ok;
}

Exit run_decode(const Args& args, const Env& env) {
  po::options_description desc, hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>());
  desc.add_options()("output,o", po::value<std::string>(),
                     tr("the story-circle file to write (default: standard output)", env.lang).c_str());
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse_flags("decode", "IMAGE|PDF... [-o STORY.md]", args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;
  if (!vm->count("input")) throw Error::usage(msg(MsgId::usage_missing_input));
  DecodeJob job;
  for (const auto& f : (*vm)["input"].as<std::vector<std::string>>()) job.inputs.emplace_back(f);
  if (vm->count("output")) job.out = (*vm)["output"].as<std::string>();
  Diagnostics diags;
  const std::string story = decode_story(job, diags);
  print(env.err, diags.all(), env.lang);
  if (job.out.empty()) std::fputs(story.c_str(), env.out);
  return Exit::ok;
}

Exit run_templates(const Args& args, const Env& env) {
  po::options_description desc;
  po::positional_options_description pos;
  if (!parse_flags("templates", "", args, desc, po::options_description(), pos, env)) return Exit::ok;
  for (const TemplateInfo& t : list_templates(env.lang))
    std::fputs(fmt::format("{:<8} {:<14} {}\n", kind_name(t.kind), t.name, t.description).c_str(), env.out);
  return Exit::ok;
}

Exit run_fonts(const Args& args, const Env& env) {
  po::options_description desc;
  po::positional_options_description pos;
  if (!parse_flags("fonts", "", args, desc, po::options_description(), pos, env)) return Exit::ok;
  FontSet fonts(bundled_fonts_dir());
  for (const FaceInfo& f : fonts.faces())
    std::fputs(fmt::format("{:<28} {:<24} {}\n", f.family, f.style, f.file).c_str(), env.out);
  // CJK comes from the system (too large to bundle): say which faces, since output in
  // those scripts is reproducible only where the same files are installed.
  fonts.add_system_cjk();
  for (const FaceInfo& f : fonts.system_cjk_faces())
    std::fputs(fmt::format("{:<28} {:<24} {} ({})\n", f.family, f.style, f.file, tr("system, for CJK", env.lang)).c_str(), env.out);
  return Exit::ok;
}

}  // namespace telar::cli
