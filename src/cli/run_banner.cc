// SPDX-License-Identifier: GPL-3.0-or-later
// `telar banner`: argv -> BannerJob -> make_banner; a progress line on stderr for big PNGs
// when stderr is a terminal.
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/flags.h"
#include "jobs/banner.h"
#include "jobs/banner_size.h"
#include "template/schema.h"

namespace telar::cli {
namespace {

Length length_flag(std::string_view option, const std::string& value) {
  auto l = parse_template_length(value);
  if (!l) throw Error::usage(msg(MsgId::usage_bad_value, option, value, ui_word("a length such as 5mm")));
  return *l;
}

}  // namespace

Exit run_banner(const Args& args, const Env& env) {
  const Lang l = env.lang;
  po::options_description desc, hidden;
  hidden.add_options()("input", po::value<std::string>());
  desc.add_options()
      ("headline", po::value<std::string>(), tr("the headline (default: the story's)", l).c_str())
      ("template,t", po::value<std::string>(), tr("template name (see 'telar templates') or a .yaml file", l).c_str())
      ("output,o", po::value<std::string>(), tr("output file: .pdf, .svg (one file per page) or .png", l).c_str())
      ("size", po::value<std::string>(), tr("banner size: 3x1m, 300x100cm, 120x36in, 2000x700mm or a preset of the template", l).c_str())
      ("portrait", po::bool_switch(), tr("turn the size so that it is taller than wide", l).c_str())
      ("landscape", po::bool_switch(), tr("turn the size so that it is wider than tall", l).c_str())
      ("tile", po::value<std::string>(), tr("split over home-printer pages: a4, letter or a3", l).c_str())
      ("overlap", po::value<std::string>(), tr("how far tiles overlap (default: the template's, 10mm)", l).c_str())
      ("bleed", po::value<std::string>(), tr("art past the trim, with crop marks (default: the template's)", l).c_str())
      ("anonymize", po::bool_switch(), tr("replace speakers' names by stable pseudonyms", l).c_str())
      ("no-verify", po::bool_switch(), tr("do not read the QR code back before writing (faster)", l).c_str())
      ("dpi", po::value<std::string>()->default_value("150"), tr("resolution of PNG output", l).c_str());
  po::positional_options_description pos;
  pos.add("input", 1);
  auto vm = parse_flags("banner", "STORY | --headline TEXT [-t TEMPLATE] [-o OUT] [--size 3x1m] [--tile a4|letter|a3 [--overlap 10mm]] [--bleed 5mm]",
                        args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;
  BannerJob job;
  if (vm->count("input")) job.story = (*vm)["input"].as<std::string>();
  if (vm->count("headline")) job.headline = (*vm)["headline"].as<std::string>();
  if (job.story.empty() && job.headline.empty()) throw Error::usage(msg(MsgId::banner_needs_input));
  if (vm->count("template")) job.template_name = (*vm)["template"].as<std::string>();
  if (vm->count("output")) job.out = (*vm)["output"].as<std::string>();
  if (vm->count("size")) {
    job.size = (*vm)["size"].as<std::string>();
    if (!is_size_preset_name(job.size)) parse_banner_size(job.size);  // a usage error now
  }
  const bool portrait = (*vm)["portrait"].as<bool>(), landscape = (*vm)["landscape"].as<bool>();
  if (portrait && landscape) throw Error::usage(msg(MsgId::usage_conflict, "portrait", "landscape"));
  if (portrait || landscape) job.portrait = portrait;
  if (vm->count("tile")) job.tile = choice_flag("tile", (*vm)["tile"].as<std::string>(), {"a4", "letter", "a3"});
  if (vm->count("overlap")) {
    if (job.tile.empty()) throw Error::usage(msg(MsgId::usage_needs, "overlap", "tile"));
    job.overlap = length_flag("overlap", (*vm)["overlap"].as<std::string>());
  }
  if (vm->count("bleed")) job.bleed = length_flag("bleed", (*vm)["bleed"].as<std::string>());
  job.anonymize = (*vm)["anonymize"].as<bool>();
  job.verify = !(*vm)["no-verify"].as<bool>();
  job.dpi = dpi_flag((*vm)["dpi"].as<std::string>());
  job.lang = l == Lang::es ? "es" : "en";
  bool drew = false;
  if (isatty(fileno(env.err)) != 0) {
    job.progress = [&env, &drew](double done) {
      std::fputs(fmt::format("\rtelar: PNG {:3.0f} %", done * 100).c_str(), env.err);
      drew = true;
    };
  }
  Diagnostics diags;
  make_banner(job, diags);
  if (drew) std::fputs("\n", env.err);
  print(env.err, diags.all(), l);
  return Exit::ok;
}

}  // namespace telar::cli
