// SPDX-License-Identifier: GPL-3.0-or-later
// `telar check`: validate story, lesson, template and batch manifest files without
// rendering anything.
#pragma once

#include "base/diag.h"
#include "jobs/options.h"

namespace telar {

/// Checks every file, collecting every problem into `diags` (parsers keep going after an
/// error). Missing files throw Error(no_input) only after the others were checked.
/// Stories are also checked for characters that no bundled font has.
void check_files(const CheckJob& job, Diagnostics& diags);

}  // namespace telar
