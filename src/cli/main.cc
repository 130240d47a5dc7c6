// SPDX-License-Identifier: GPL-3.0-or-later
// The whole of main: run the command, turn an Error into stderr text and an exit status.
// It lives in libtelar-cli.so, which the `telar` program loads (cli/launcher.cc).
#include <cstdio>
#include <exception>

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/lang.h"
#include "cli/commands.h"
#include "cli/entry.h"

int telar_main(int argc, char** argv) {
  telar::install_signal_cleanup();  // TERM/INT/HUP remove this run's temp files
  const telar::Lang lang = telar::ui_language_from_env();
  try {
    return static_cast<int>(telar::cli::run(argc, argv, lang));
  } catch (const telar::Error& e) {
    telar::cli::print(stderr, e, lang);
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    telar::cli::print_internal(stderr, e.what(), lang);
    return static_cast<int>(telar::Exit::failure);
  }
}
