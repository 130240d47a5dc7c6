// SPDX-License-Identifier: GPL-3.0-or-later
// A display-list Path as Cairo's current path: the one replay that the painter
// (render/paint.cc) and the QR verifier's raster (qr_verify.cc) share, so the code that
// is read back is the code that is printed.
#pragma once

#include <cairo.h>

#include "layout/page.h"

namespace telar {

/// Clears `cr`'s current path, then appends `path`'s segments (in user space).
void append_path(cairo_t* cr, const Path& path);

}  // namespace telar
