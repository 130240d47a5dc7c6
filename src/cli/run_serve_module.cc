// SPDX-License-Identifier: GPL-3.0-or-later
// `telar serve` in libtelar-cli.so: the command line goes, as it came, to libtelar-serve.so
// (the same program with the server and cpp-httplib, cli/run_serve.cc), so that no other
// command loads the server's libraries (OpenSSL among them).
#include <string>
#include <vector>

#include "base/module.h"
#include "cli/commands.h"
#include "cli/entry.h"

namespace telar::cli {

Exit run_serve(const Args& args, const Env&) {
  static const auto serve_main = reinterpret_cast<decltype(&telar_main)>(module_symbol(kServeModule, "telar_main"));
  std::vector<std::string> words{"telar", "serve"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  return static_cast<Exit>(serve_main(static_cast<int>(words.size()), argv.data()));
}

}  // namespace telar::cli
