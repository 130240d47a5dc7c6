// SPDX-License-Identifier: GPL-3.0-or-later
// Between the `telar` program (cli/launcher.cc) and the rest of telar, which it loads from
// libtelar-cli.so (cli/main.cc): the one symbol that module, and libtelar-serve.so, export.
#pragma once

extern "C" {

/// Runs telar's command line, as main would; returns the exit status (base/exit.h).
__attribute__((visibility("default"))) int telar_main(int argc, char** argv);

}  // extern "C"

/// The modules' file names: every command but `serve`, and `serve`
/// (cli/run_serve_module.cc hands its command line over).
inline constexpr const char* kCliModule = "libtelar-cli.so";
inline constexpr const char* kServeModule = "libtelar-serve.so";
