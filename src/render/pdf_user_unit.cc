// SPDX-License-Identifier: GPL-3.0-or-later
// Pages larger than PDF viewers accept (14,400 units a side, about 5.08 m at 1 unit = 1 pt):
// written at 1/k size with /UserUnit k (PDF 1.6), which conforming readers multiply back.
// Cairo 1.16 cannot set UserUnit, so its output is patched: the key goes into each page
// dictionary, and the cross-reference offsets after it move by the bytes added.
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "base/error.h"
#include "render/output.h"

namespace telar {
namespace {

[[noreturn]] void unexpected(const char* what) {
  throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, fmt::format("unexpected PDF layout: {}", what)));
}

std::size_t read_number(std::string_view s, std::size_t at, std::size_t& value) {
  auto [end, ec] = std::from_chars(s.data() + at, s.data() + s.size(), value);
  if (ec != std::errc{}) unexpected("a number");
  return static_cast<std::size_t>(end - s.data());
}

}  // namespace

int pdf_user_unit(Size page) {
  const double side = std::max(page.w.pt(), page.h.pt());
  return side <= kPdfMaxUnits ? 1 : static_cast<int>(std::ceil(side / kPdfMaxUnits));
}

std::string set_pdf_user_units(std::string_view pdf, const std::vector<int>& units) {
  static constexpr std::string_view kPage = "<< /Type /Page %", kHeader = "%PDF-1.";
  struct Insert {
    std::size_t at;
    std::string text;
  };
  std::vector<Insert> inserts;
  std::size_t page = 0;
  for (std::size_t at = pdf.find(kPage); at != std::string_view::npos; at = pdf.find(kPage, at + 1)) {
    if (page < units.size() && units[page] > 1)
      inserts.push_back({at + kPage.size() - 2, fmt::format(" /UserUnit {}", units[page])});
    ++page;
  }
  if (page != units.size()) unexpected("page count");
  if (inserts.empty()) return std::string(pdf);
  if (pdf.substr(0, kHeader.size()) != kHeader) unexpected("header");

  auto shift = [&](std::size_t offset) {
    std::size_t added = 0;
    for (const Insert& i : inserts)
      if (i.at < offset) added += i.text.size();
    return offset + added;
  };
  const std::size_t xref = pdf.rfind("\nxref\n");
  const std::size_t startxref = pdf.rfind("startxref\n");
  if (xref == std::string_view::npos || startxref == std::string_view::npos || startxref < xref)
    unexpected("cross-reference table");

  std::string out;
  out.reserve(pdf.size() + 64 * inserts.size());
  std::size_t from = 0;
  for (const Insert& i : inserts) {
    out.append(pdf.substr(from, i.at - from));
    out += i.text;
    from = i.at;
  }
  // Up to the table's first entry unchanged; then every in-use entry's offset shifted.
  std::size_t at = xref + 6, first = 0, count = 0;
  at = read_number(pdf, at, first);
  at = read_number(pdf, at + 1, count);
  if (pdf.substr(at, 1) != "\n") unexpected("xref subsection");
  ++at;
  out.append(pdf.substr(from, at - from));
  for (std::size_t e = 0; e < count; ++e, at += 20) {
    const std::string_view entry = pdf.substr(at, 20);
    if (entry.size() != 20 || (entry[17] != 'n' && entry[17] != 'f')) unexpected("xref entry");
    std::size_t offset = 0;
    read_number(pdf, at, offset);
    if (entry[17] == 'n') offset = shift(offset);
    out += fmt::format("{:010}", offset);
    out.append(entry.substr(10));
  }
  out.append(pdf.substr(at, startxref + 10 - at));
  std::size_t old_xref = 0;
  const std::size_t after = read_number(pdf, startxref + 10, old_xref);
  out += fmt::format("{}", shift(old_xref));
  out.append(pdf.substr(after));
  out[kHeader.size()] = std::max(out[kHeader.size()], '6');  // UserUnit is PDF 1.6
  return out;
}

}  // namespace telar
