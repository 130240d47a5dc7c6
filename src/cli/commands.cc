// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/messages.h"
#include "cli/flags.h"

namespace telar::cli {
namespace {

constexpr Command kCommands[] = {
    {"zine", "make an 8-page QR-zine on one sheet from a story circle", run_zine},
    {"check", "validate story and template files without rendering", run_check},
    {"templates", "list the shipped templates", run_templates},
    {"fonts", "list the bundled fonts", run_fonts},
};

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t prev = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

void print_usage(const Env& env) {
  std::string text = fmt::format("telar {} — {}\n\n{}: telar <{}> [{}]\n\n{}:\n", TELAR_VERSION,
                                 tr("print-ready zines, banners and field manuals from story circles", env.lang),
                                 tr("usage", env.lang), tr("command", env.lang), tr("options", env.lang),
                                 tr("commands", env.lang));
  for (const Command& c : kCommands)
    text += fmt::format("  {:<10} {}\n", c.name, tr(c.summary, env.lang));
  text += "\n" + tr("'telar COMMAND --help' shows a command's options.", env.lang) + "\n";
  std::fputs(text.c_str(), env.out);
}

}  // namespace

std::span<const Command> commands() { return kCommands; }

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
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
  for (const Command& c : kCommands)
    if (c.name == name) return c.run(Args(args.begin() + 1, args.end()), env);
  std::vector<std::string> names;
  for (const Command& c : kCommands) names.emplace_back(c.name);
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
