// SPDX-License-Identifier: GPL-3.0-or-later
// telar's own modules: parts that link heavy libraries only some runs need, loaded with
// dlopen on first use so that every other run never pays for loading those libraries
// (docs/architecture.md, "Libraries loaded when needed"): libtelar-pdf-raster.so
// (poppler, `telar decode` of a PDF), libtelar-pdf-boxes.so (libqpdf, a PDF's trim and
// bleed boxes) and libtelar-serve.so (cpp-httplib with OpenSSL, `telar serve`).
#pragma once

namespace telar {

/// `symbol` of the module `file` (e.g. "libtelar-pdf-boxes.so"), looked for beside the
/// program, in ../lib/telar (an installed tree), then one folder up (the test binary in
/// build/tests). Each module is opened once per process. Throws Error (Exit::failure,
/// render_failed) naming the file and why when it cannot be found or loaded.
void* module_symbol(const char* file, const char* symbol);

}  // namespace telar
