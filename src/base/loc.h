// SPDX-License-Identifier: GPL-3.0-or-later
// Where a diagnostic points: a file as the user typed it, a line, a column, a key path.
#pragma once

#include <string>

namespace telar {

struct Loc {
  std::string file;  ///< as the user typed it; never made absolute (privacy, reproducibility)
  int line = 0;      ///< 1-based; 0 = not known
  int column = 0;    ///< 1-based, in Unicode code points (what a phone editor shows)
  std::string key;   ///< template/manifest key path, e.g. "slots.headline.min_size"
};

}  // namespace telar
