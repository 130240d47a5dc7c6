// SPDX-License-Identifier: GPL-3.0-or-later
// Setting a PDF's /TrimBox and /BleedBox, which Cairo 1.16 cannot write, with libqpdf, in
// a module of its own (libtelar-pdf-boxes.so, base/module.h), loaded only for a PDF that
// has them (a banner on one page with its bleed). Linked into the program, libqpdf and
// GnuTLS cost every run about 13 M instructions of dynamic loading.
#pragma once

#include <cstddef>

extern "C" {

/// One page's boxes in PDF units: x0, y0, x1, y1 (origin bottom left).
struct telar_pdf_page_boxes {
  std::size_t page;  ///< 0-based
  double trim[4];
  double bleed[4];
};

/// Receives the rewritten PDF.
typedef void (*telar_pdf_bytes_fn)(void* user, const char* bytes, std::size_t size);

/// Rewrites the PDF `pdf` (`size` bytes) with the boxes set on the pages named
/// (deterministic /ID, streams kept as they are) and hands it to `out`. Returns 0, or 1
/// with why in `error` (NUL-terminated, at most `error_size` bytes).
int telar_set_pdf_boxes(const char* pdf, std::size_t size, const telar_pdf_page_boxes* boxes,
                        std::size_t count, telar_pdf_bytes_fn out, void* user, char* error,
                        std::size_t error_size);

}  // extern "C"

/// The module's file name.
inline constexpr const char* kPdfBoxesModule = "libtelar-pdf-boxes.so";
