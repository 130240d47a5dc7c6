// SPDX-License-Identifier: GPL-3.0-or-later
// The commands: argv -> Options -> a library call -> warnings on stderr, an exit status.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/flags.h"
#include "jobs/check.h"
#include "jobs/decode.h"
#include "jobs/zine.h"
#include "layout/fonts.h"
#include "template/template.h"

namespace telar::cli {
namespace {

std::string input_of(const po::variables_map& vm, std::string_view command) {
  if (!vm.count("input")) throw Error::usage(msg(MsgId::usage_missing_input));
  (void)command;
  return vm["input"].as<std::string>();
}

}  // namespace

Exit run_zine(const Args& args, const Env& env) {
  const Lang l = env.lang;
  po::options_description desc;
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::string>());
  desc.add_options()
      ("template,t", po::value<std::string>(), tr("template name (see 'telar templates') or a .yaml file", l).c_str())
      ("output,o", po::value<std::string>(), tr("output file: .pdf, .svg (one file per page) or .png", l).c_str())
      ("paper", po::value<std::string>(), tr("sheet: a4 or letter (default: the template's)", l).c_str())
      ("layout", po::value<std::string>()->default_value("print"), tr("print: the imposed sheet; reader: the 8 pages in order", l).c_str())
      ("qr", po::value<std::string>(), tr("link for the back cover's QR code (default: the story's link)", l).c_str())
      ("qr-offline", po::bool_switch(), tr("put the story text itself into QR codes", l).c_str())
      ("anonymize", po::bool_switch(), tr("replace speakers' names by stable pseudonyms", l).c_str())
      ("no-verify", po::bool_switch(), tr("do not read the QR codes back before writing (faster)", l).c_str())
      ("dpi", po::value<std::string>()->default_value("150"), tr("resolution of PNG output", l).c_str());
  po::positional_options_description pos;
  pos.add("input", 1);
  auto vm = parse_flags("zine", "STORY [-t TEMPLATE] [-o OUT] [--paper a4|letter] [--layout print|reader] [--qr URL | --qr-offline]", args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;
  ZineJob job;
  job.story = input_of(*vm, "zine");
  if (vm->count("template")) job.template_name = (*vm)["template"].as<std::string>();
  if (vm->count("output")) job.out = (*vm)["output"].as<std::string>();
  if (vm->count("paper")) job.paper = paper_flag((*vm)["paper"].as<std::string>());
  job.reader_layout = choice_flag("layout", (*vm)["layout"].as<std::string>(), {"print", "reader"}) == "reader";
  if (vm->count("qr")) job.qr_url = (*vm)["qr"].as<std::string>();
  job.qr_offline = (*vm)["qr-offline"].as<bool>();
  job.anonymize = (*vm)["anonymize"].as<bool>();
  job.verify = !(*vm)["no-verify"].as<bool>();
  if (!job.qr_url.empty() && job.qr_offline) throw Error::usage(msg(MsgId::usage_conflict, "qr", "qr-offline"));
  job.dpi = dpi_flag((*vm)["dpi"].as<std::string>());
  Diagnostics diags;
  make_zine(job, diags);
  print(env.err, diags.all(), l);
  return Exit::ok;
}

Exit run_decode(const Args& args, const Env& env) {
  const Lang l = env.lang;
  po::options_description desc, hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>());
  desc.add_options()
      ("output,o", po::value<std::string>(), tr("the story-circle file to write (default: standard output)", l).c_str());
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
  print(env.err, diags.all(), l);
  if (job.out.empty()) std::fputs(story.c_str(), env.out);
  return Exit::ok;
}

Exit run_check(const Args& args, const Env& env) {
  po::options_description desc, hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>());
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse_flags("check", "FILE...", args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;
  if (!vm->count("input")) throw Error::usage(msg(MsgId::usage_missing_input));
  CheckJob job;
  for (const auto& f : (*vm)["input"].as<std::vector<std::string>>()) job.files.emplace_back(f);
  Diagnostics diags;
  check_files(job, diags);
  print(env.err, diags.all(), env.lang);
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
