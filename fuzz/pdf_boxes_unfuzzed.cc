// SPDX-License-Identifier: GPL-3.0-or-later
// In the fuzz build only, in place of src/render/pdf_boxes.cc: clang 14 cannot compile
// qpdf 11's <qpdf/JSON.hh> in C++20 with libstdc++ 12 (a defaulted destructor of a vector of
// an incomplete type is instantiated too early; fixed in clang 16). The manifest fuzzer
// loads manifests and never writes a PDF, so nothing here is reached.
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "render/output.h"

namespace telar {

std::string set_pdf_boxes(std::string_view /*pdf*/, const std::vector<PdfBoxes>& /*boxes*/) {
  throw Error(Exit::failure, Loc{}, msg(MsgId::internal_error, "PDF boxes in a fuzz build"));
}

}  // namespace telar
