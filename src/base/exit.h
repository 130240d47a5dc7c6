// SPDX-License-Identifier: GPL-3.0-or-later
// The exit statuses of the product contract (PRODUCT.md §3), nowhere else as literals.
#pragma once

namespace telar {

enum class Exit : int {
  ok = 0,
  failure = 1,      // Cairo/Pango failure, a bug
  usage = 2,        // bad command line
  data_error = 65,  // bad story, template, manifest; text that cannot fit
  no_input = 66,    // input missing or unreadable
  cant_create = 73, // cannot create the temp file or rename it into place
};

}  // namespace telar
