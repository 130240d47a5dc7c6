// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <charconv>
#include <sstream>

#include "base/error.h"
#include "render/output.h"
#include "render/paint_cache.h"

using namespace telar;

namespace {

std::vector<Page> one_page(Size trim) {
  Page p;
  p.trim = trim;
  p.paper = {0.9, 0.9, 0.8, 1};
  Shape s;
  s.path.rect({10, 10, 100, 50});
  s.fill = Rgba{1, 0, 0, 1};
  p.items.push_back(s);
  p.items.push_back(Link{{10, 10, 100, 50}, "https://example.org/x", {}});
  return {p};
}

Sheet sheet_of(Size paper) {
  Sheet s;
  s.paper = paper;
  s.placements.push_back({0, {}, {}});
  return s;
}

/// Every in-use xref entry points at "N 0 obj"; startxref points at "xref".
void check_xref(const std::string& pdf) {
  const std::size_t start = pdf.rfind("startxref\n");
  REQUIRE(start != std::string::npos);
  std::size_t xref = 0;
  std::from_chars(pdf.data() + start + 10, pdf.data() + pdf.size(), xref);
  REQUIRE(pdf.compare(xref, 5, "xref\n") == 0);
  std::size_t at = pdf.find('\n', pdf.find('\n', xref) + 1) + 1;  // after "0 N"
  int object = 0;
  for (; pdf.compare(at, 7, "trailer") != 0; at += 20, ++object) {
    if (pdf[at + 17] != 'n') continue;
    std::size_t offset = 0;
    std::from_chars(pdf.data() + at, pdf.data() + at + 10, offset);
    INFO("object " << object);
    CHECK(pdf.compare(offset, std::to_string(object).size() + 6, std::to_string(object) + " 0 obj") == 0);
  }
  CHECK(object > 3);
}

}  // namespace

TEST_CASE("pages past 14,400 pt get /UserUnit and a page 1/k the size", "[render]") {
  CHECK(pdf_user_unit({Length::m(5), Length::m(1)}) == 1);   // 14,173 pt
  CHECK(pdf_user_unit({Length::m(6), Length::m(1)}) == 2);   // 17,008 pt
  CHECK(pdf_user_unit({Length::m(1), Length::m(11)}) == 3);
  const Size six{Length::m(6), Length::m(1.5)};
  std::vector<Page> pages = one_page(six);
  pages.push_back(pages[0]);
  pages[1].trim = {Length::mm(210), Length::mm(297)};
  pages[1].items.pop_back();
  std::vector<Sheet> sheets{sheet_of(six), sheet_of(pages[1].trim)};
  sheets[1].placements[0].page = 1;
  const std::string pdf = encode(sheets, pages, Format::pdf, {}).at(0).bytes;
  CHECK(pdf.rfind("%PDF-1.6", 0) == 0);
  CHECK(pdf.find("<< /Type /Page /UserUnit 2 % 1") != std::string::npos);
  CHECK(pdf.find("/UserUnit", pdf.find("/UserUnit") + 1) == std::string::npos);  // page 2 is A4
  const std::size_t box = pdf.find("/MediaBox [ 0 0 ");
  REQUIRE(box != std::string::npos);
  std::istringstream numbers(pdf.substr(box + 16, 40));
  double w = 0, h = 0;
  std::string close;
  REQUIRE(numbers >> w >> h >> close);
  CHECK(close == "]");
  CHECK(w * 2 == Approx(six.w.pt()).margin(0.01));
  CHECK(h * 2 == Approx(six.h.pt()).margin(0.01));
  check_xref(pdf);
  // A page within the limit is left alone.
  const std::string plain = encode({sheet_of({Length::m(2), Length::m(1)})}, one_page({Length::m(2), Length::m(1)}),
                                   Format::pdf, {}).at(0).bytes;
  CHECK(plain.find("/UserUnit") == std::string::npos);
  CHECK(set_pdf_user_units(plain, {1}) == plain);
  CHECK_THROWS_AS(set_pdf_user_units(plain, {2, 2}), Error);  // one page, two units
}

TEST_CASE("a page placed on many sheets is painted once into a recording", "[render]") {
  std::vector<Page> pages = one_page({Length::m(1), Length::m(1)});
  pages[0].items.pop_back();  // no link: Cairo 1.16 damages multi-page PDFs with links and no text
  std::vector<Sheet> sheets;
  for (int i = 0; i < 6; ++i) {
    Sheet s = sheet_of({Length::mm(210), Length::mm(297)});
    s.placements[0].to_sheet = Affine::translate(-500.0 * i, 0);
    s.placements[0].clip = {0, 0, 595, 842};
    sheets.push_back(s);
  }
  CHECK(PaintCache(sheets, pages).size() == 1);
  CHECK(PaintCache({sheets[0]}, pages).size() == 0);
  // One form XObject for the page, whatever the number of sheets.
  auto forms = [](const std::string& pdf) {
    std::size_t n = 0;
    for (std::size_t at = pdf.find("/Subtype /Form"); at != std::string::npos; at = pdf.find("/Subtype /Form", at + 1)) ++n;
    return n;
  };
  CHECK(forms(encode(sheets, pages, Format::pdf, {}).at(0).bytes) == 1);
  // Recordings carry process-wide ids: the bytes must not.
  for (Format f : {Format::pdf, Format::svg, Format::png})
    CHECK(encode(sheets, pages, f, {}) == encode(sheets, pages, f, {}));
  CHECK(forms(encode({sheets[0]}, pages, Format::pdf, {}).at(0).bytes) == 0);
}
