// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/messages.h"
#include "base/spell.h"
#include "cli/flags.h"

namespace telar::cli {
namespace {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table = [] {
    std::vector<Command> t;
    for (const Artifact& a : artifacts()) t.push_back({a.name, a.summary, nullptr, &a});
    t.push_back({"batch", "run every job of a manifest: many nodes' manuals, zines and banners", run_batch});
    t.push_back({"decode", "read --qr-offline story cards (PNG or PDF) back into a story file", run_decode});
    t.push_back({"check", "validate story, lesson, template and manifest files without rendering", run_check});
    t.push_back({"templates", "list the shipped templates", run_templates});
    t.push_back({"fonts", "list the bundled fonts", run_fonts});
    t.push_back({"serve", "a local page in your browser that makes zines, banners and manuals", run_serve});
    return t;
  }();
  return table;
}

void print_usage(const Env& env) {
  std::string text = fmt::format("telar {} — {}\n\n{}: telar <{}> [{}]\n\n{}:\n", TELAR_VERSION,
                                 tr("print-ready zines, banners and field manuals from story circles", env.lang),
                                 tr("usage", env.lang), tr("command", env.lang), tr("options", env.lang),
                                 tr("commands", env.lang));
  for (const Command& c : command_table())
    text += fmt::format("  {:<10} {}\n", c.name, tr(c.summary, env.lang));
  text += "\n" + tr("'telar COMMAND --help' shows a command's options.", env.lang) + "\n";
  std::fputs(text.c_str(), env.out);
}

}  // namespace

std::span<const Command> commands() { return command_table(); }

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> names(candidates.begin(), candidates.end());
  return std::string(closest_name(word, names).value_or(std::string_view{}));
}

Exit run(int argc, char** argv, Lang lang) {
  Env env;
  env.lang = lang;
  Args args(argv + 1, argv + argc);
  if (args.empty()) throw Error::usage(msg(MsgId::usage_no_command));
  const std::string& name = args.front();
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(env);
    return Exit::ok;
  }
  if (name == "--version" || name == "-V") {
    std::fputs(fmt::format("telar {}\n", TELAR_VERSION).c_str(), env.out);
    return Exit::ok;
  }
  for (const Command& c : command_table()) {
    if (c.name != name) continue;
    const Args rest(args.begin() + 1, args.end());
    return c.artifact ? run_artifact(*c.artifact, rest, env) : c.run(rest, env);
  }
  std::vector<std::string> names;
  for (const Command& c : command_table()) names.emplace_back(c.name);
  std::string near = closest(name, names);
  throw Error::usage(near.empty() ? msg(MsgId::usage_unknown_command, name)
                                  : msg(MsgId::usage_did_you_mean, name, near));
}

void print(std::FILE* f, std::span<const Diagnostic> diags, Lang lang) {
  for (const Diagnostic& d : diags) {
    std::string text = format_diagnostic(d, lang);
    if (d.loc.file.empty() && d.loc.line == 0) text = "telar: " + text;
    std::fputs(text.c_str(), f);
  }
}

void print(std::FILE* f, const Error& e, Lang lang) { print(f, e.diagnostics(), lang); }

void print_internal(std::FILE* f, const char* what, Lang lang) {
  std::fputs(("telar: " + translate(msg(MsgId::internal_error, what), lang) + "\n").c_str(), f);
}

}  // namespace telar::cli
