// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/module.h"

#include <dlfcn.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "base/error.h"
#include "base/messages.h"

namespace telar {

void* module_symbol(const char* file, const char* symbol) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  std::string why = "not found beside " + dir.string();
  for (const fs::path& d : {dir, dir.parent_path() / "lib" / "telar", dir.parent_path()}) {
    const fs::path lib = d / file;
    if (!fs::exists(lib, ec)) continue;
    // dlopen counts: a module opened before is found again, not loaded twice.
    if (void* h = ::dlopen(lib.c_str(), RTLD_LAZY | RTLD_LOCAL)) {
      if (void* f = ::dlsym(h, symbol)) return f;
    }
    const char* e = ::dlerror();
    why = e != nullptr ? e : lib.string();
    break;
  }
  throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, std::string(file) + ": " + why));
}

}  // namespace telar
