// SPDX-License-Identifier: GPL-3.0-or-later
// set_pdf_boxes(): libqpdf's work, done in libtelar-pdf-boxes.so (render/pdf_boxes_module.h).
#include <string>
#include <vector>

#include "base/error.h"
#include "base/module.h"
#include "render/output.h"
#include "render/pdf_boxes_module.h"

namespace telar {
namespace {

void corners(const Rect& r, double (&out)[4]) {
  out[0] = r.x;
  out[1] = r.y;
  out[2] = r.right();
  out[3] = r.bottom();
}

}  // namespace

std::string set_pdf_boxes(std::string_view bytes, const std::vector<PdfBoxes>& boxes) {
  if (boxes.empty()) return std::string(bytes);
  static const auto set_boxes = reinterpret_cast<decltype(&telar_set_pdf_boxes)>(
      module_symbol(kPdfBoxesModule, "telar_set_pdf_boxes"));
  std::vector<telar_pdf_page_boxes> pages(boxes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    pages[i].page = boxes[i].page;
    corners(boxes[i].trim, pages[i].trim);
    corners(boxes[i].bleed, pages[i].bleed);
  }
  std::string out;
  char why[256] = "";
  auto take = [](void* user, const char* b, std::size_t n) { static_cast<std::string*>(user)->assign(b, n); };
  if (set_boxes(bytes.data(), bytes.size(), pages.data(), pages.size(), take, &out, why, sizeof why) != 0)
    throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, std::string("PDF boxes: ") + why));
  return out;
}

}  // namespace telar
