// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace telar {

std::filesystem::path data_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("TELAR_DATA_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "telar";
    if (fs::is_directory(installed / "fonts", ec)) return installed;
  }
  return TELAR_SOURCE_DATA_DIR;
}

}  // namespace telar
