// SPDX-License-Identifier: GPL-3.0-or-later
// The `telar` program: answers `--version` by itself and loads the rest of telar
// (libtelar-cli.so, cli/entry.h) for everything else. Linked with the program, Pango, Cairo,
// fontconfig, HarfBuzz, libqpdf, cpp-httplib with OpenSSL and the others (65 libraries)
// cost every run about 40 M instructions of dynamic loading before main, 15–20 ms of a
// `--version` that needs none of them. Only the C library here, on purpose.
#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "cli/entry.h"

namespace {

/// True when the interface language the environment asks for first is Spanish. The only
/// message here says that telar's own installation is broken, so there is no catalogue to
/// ask; base/lang.cc reads the same variables in the same order for everything else.
bool spanish() {
  static const char* const names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
  for (const char* name : names) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') continue;
    return std::strncmp(v, "es", 2) == 0;
  }
  return false;
}

/// Tries `dir/name`; `why` keeps the loader's complaint about a file that exists.
void* open_module(const char* dir, const char* name, char* why, size_t why_size) {
  char path[PATH_MAX + 64];
  if (std::snprintf(path, sizeof path, "%s/%s", dir, name) >= static_cast<int>(sizeof path)) return nullptr;
  if (::access(path, F_OK) != 0) return nullptr;
  void* h = ::dlopen(path, RTLD_LAZY | RTLD_LOCAL);
  if (h == nullptr && std::snprintf(why, why_size, "%s", ::dlerror()) >= static_cast<int>(why_size))
    why[why_size - 1] = '\0';
  return h;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)) {
    std::fputs("telar " TELAR_VERSION "\n", stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
  }
  // Beside the program (the build folder), then ../lib/telar (an installed tree), as
  // base/module.cc looks for the other modules.
  char exe[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  char* slash = std::strrchr(exe, '/');
  if (slash != nullptr) *slash = '\0';
  char why[512] = "";
  void* h = open_module(exe, kCliModule, why, sizeof why);
  if (h == nullptr && why[0] == '\0') {
    char lib[PATH_MAX + 16];
    if (std::snprintf(lib, sizeof lib, "%s/../lib/telar", exe) < static_cast<int>(sizeof lib))
      h = open_module(lib, kCliModule, why, sizeof why);
  }
  auto* entry = h != nullptr ? reinterpret_cast<decltype(&telar_main)>(::dlsym(h, "telar_main")) : nullptr;
  if (entry == nullptr) {
    if (why[0] == '\0' && std::snprintf(why, sizeof why, "not found beside %s", exe) >= static_cast<int>(sizeof why))
      why[sizeof why - 1] = '\0';
    std::fprintf(stderr,
                 spanish() ? "telar: la instalación está incompleta: no se puede cargar %s (%s)\n"
                           : "telar: the installation is incomplete: cannot load %s (%s)\n",
                 kCliModule, why);
    return 1;  // Exit::failure (base/exit.h)
  }
  return entry(argc, argv);
}
