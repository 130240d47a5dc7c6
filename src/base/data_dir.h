// SPDX-License-Identifier: GPL-3.0-or-later
// Where telar's shipped data (fonts/, templates/) lives.
#pragma once

#include <filesystem>

namespace telar {

/// The folder that holds fonts/ and templates/: $TELAR_DATA_DIR when set, else
/// <exe>/../share/telar when installed, else the source tree the binary was built from.
std::filesystem::path data_dir();

}  // namespace telar
