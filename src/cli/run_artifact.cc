// SPDX-License-Identifier: GPL-3.0-or-later
// `telar zine|banner|manual`: argv -> the artifact's flag table (Boost.Program_options
// built from it) -> FlagValues -> the artifact's options -> the job runner -> warnings on
// stderr. Today's date (the default --cycle) is read here, the one impure input.
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/flags.h"
#include "jobs/runner.h"
#include "render/output.h"

namespace telar::cli {

Date today() {
  std::time_t now = std::time(nullptr);
  if (auto sde = parse_source_date_epoch(std::getenv("SOURCE_DATE_EPOCH")))
    now = static_cast<std::time_t>(*sde);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

namespace {

}  // namespace

po::options_description flag_options(std::span<const FlagSpec> flags, Lang lang) {
  po::options_description desc;
  for (const FlagSpec& f : flags) {
    const std::string name = f.short_name != 0 ? fmt::format("{},{}", f.name, f.short_name)
                                               : std::string(f.name);
    const std::string help = tr(f.help, lang);
    if (f.type == FlagType::boolean)
      desc.add_options()(name.c_str(), po::bool_switch(), help.c_str());
    else if (!f.default_value.empty())
      desc.add_options()(name.c_str(), po::value<std::string>()->default_value(std::string(f.default_value)),
                         help.c_str());
    else
      desc.add_options()(name.c_str(), po::value<std::string>(), help.c_str());
  }
  return desc;
}

FlagValues flag_values(const po::variables_map& vm, std::span<const FlagSpec> flags) {
  FlagValues v;
  for (const FlagSpec& f : flags) {
    const std::string name(f.name);
    if (!vm.count(name)) continue;
    if (f.type == FlagType::boolean) {
      if (vm[name].as<bool>()) v.set(name, "true");
    } else {
      v.set(name, vm[name].as<std::string>());
    }
  }
  if (vm.count("input")) {
    if (const auto* many = boost::any_cast<std::vector<std::string>>(&vm["input"].value()))
      v.inputs = *many;
    else
      v.inputs.push_back(vm["input"].as<std::string>());
  }
  v.fill_defaults(flags);
  return v;
}

Exit run_artifact(const Artifact& artifact, const Args& args, const Env& env) {
  po::options_description desc = flag_options(artifact.flags, env.lang), hidden;
  if (artifact.max_inputs == 1)
    hidden.add_options()("input", po::value<std::string>());
  else
    hidden.add_options()("input", po::value<std::vector<std::string>>());
  po::positional_options_description pos;
  pos.add("input", artifact.max_inputs);
  auto vm = parse_flags(artifact.name, artifact.usage, args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;

  JobEnv jenv;
  jenv.ui_lang = env.lang;
  jenv.today = today();
  bool drew = false;
  if (isatty(fileno(env.err)) != 0) {
    jenv.progress = [&env, &drew](double done) {
      std::fputs(fmt::format("\rtelar: PNG {:3.0f} %", done * 100).c_str(), env.err);
      drew = true;
    };
  }
  std::unique_ptr<ArtifactStages> stages = artifact.configure(flag_values(*vm, artifact.flags), jenv);
  Diagnostics diags;
  run_job(artifact, *stages, diags);
  if (drew) std::fputs("\n", env.err);
  print(env.err, diags.all(), env.lang);
  return Exit::ok;
}

}  // namespace telar::cli
