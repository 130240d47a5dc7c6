// SPDX-License-Identifier: GPL-3.0-or-later
// libtelar-pdf-boxes.so: render/pdf_boxes_module.h's function on libqpdf. Built as a module
// (CMake MODULE) and loaded by render/pdf_boxes.cc; it knows nothing else of telar.
// The PDF Cairo made is read back, the boxes set in each page dictionary, and the file
// written again. qpdf keeps the streams as they are and derives /ID from the content, so
// the bytes stay reproducible. qpdf 11: no PointerHolder in its API (CMake defines
// POINTERHOLDER_TRANSITION=4: std::shared_ptr throughout).
#include "render/pdf_boxes_module.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <exception>
#include <memory>
#include <stdexcept>
#include <vector>

namespace {

QPDFObjectHandle box(const double (&r)[4]) {
  return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(r[0], r[1], r[2], r[3]));
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int telar_set_pdf_boxes(
    const char* bytes, std::size_t size, const telar_pdf_page_boxes* boxes, std::size_t count,
    telar_pdf_bytes_fn out, void* user, char* error, std::size_t error_size) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("telar.pdf", bytes, size);
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (std::size_t i = 0; i < count; ++i) {
      const telar_pdf_page_boxes& b = boxes[i];
      if (b.page >= pages.size()) throw std::runtime_error("page count");
      QPDFObjectHandle dict = pages[b.page].getObjectHandle();
      dict.replaceKey("/BleedBox", box(b.bleed));
      dict.replaceKey("/TrimBox", box(b.trim));
    }
    QPDFWriter w(pdf);
    w.setOutputMemory();
    w.setDeterministicID(true);
    w.setStreamDataMode(qpdf_s_preserve);
    w.write();
    std::shared_ptr<Buffer> buf = w.getBufferSharedPointer();
    out(user, reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    return 0;
  } catch (const std::exception& e) {
    if (error_size > 0 && std::snprintf(error, error_size, "%s", e.what()) >= static_cast<int>(error_size))
      error[error_size - 1] = '\0';
    return 1;
  }
}
