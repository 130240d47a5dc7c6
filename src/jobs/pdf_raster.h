// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF rasteriser of `telar decode`: poppler-cpp, in a module of its own
// (libtelar-pdf-raster.so beside the program), loaded only when a PDF is decoded. Linked
// into the program, poppler and the libraries it pulls in (NSS, lcms2, OpenJPEG, libtiff…)
// cost every run 19 M instructions of dynamic loading, `--version` included.
#pragma once

extern "C" {

/// Receives one rendered page: premultiplied ARGB32 rows, `stride` bytes apart.
typedef void (*telar_raster_page_fn)(void* user, const unsigned char* argb, int w, int h, int stride);

/// Renders every page of the PDF at `path` at `dpi`, antialiased, in order, to `page`.
/// Returns 0, or 1 when the file is not a readable, unlocked PDF or a page fails to render.
int telar_rasterise_pdf(const char* path, double dpi, telar_raster_page_fn page, void* user);

}  // extern "C"

/// The module's file name.
inline constexpr const char* kPdfRasterModule = "libtelar-pdf-raster.so";
