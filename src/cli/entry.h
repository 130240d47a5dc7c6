// SPDX-License-Identifier: GPL-3.0-or-later
// Between the `telar` program (cli/launcher.cc) and the rest of telar, which it loads from
// libtelar-cli.so (cli/main.cc): the one symbol that module exports.
#pragma once

extern "C" {

/// Runs telar's command line, as main would; returns the exit status (base/exit.h).
__attribute__((visibility("default"))) int telar_main(int argc, char** argv);

}  // extern "C"

/// The module's file name.
inline constexpr const char* kCliModule = "libtelar-cli.so";
