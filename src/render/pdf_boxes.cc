// SPDX-License-Identifier: GPL-3.0-or-later
// TrimBox and BleedBox, which Cairo 1.16 cannot write: the PDF Cairo made is read back with
// libqpdf, the boxes set in each page dictionary, and the file written again. qpdf keeps
// the streams as they are and derives /ID from the content, so the bytes stay reproducible.
// qpdf 11: no PointerHolder in its API (std::shared_ptr throughout).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>
#include <stdexcept>

#include "base/error.h"
#include "render/output.h"

namespace telar {
namespace {

QPDFObjectHandle box(const Rect& r) {
  return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(r.x, r.y, r.right(), r.bottom()));
}

}  // namespace

std::string set_pdf_boxes(std::string_view bytes, const std::vector<PdfBoxes>& boxes) {
  if (boxes.empty()) return std::string(bytes);
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("telar.pdf", bytes.data(), bytes.size());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (const PdfBoxes& b : boxes) {
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
    std::shared_ptr<Buffer> out = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
  } catch (const std::exception& e) {
    throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, std::string("PDF boxes: ") + e.what()));
  }
}

}  // namespace telar
