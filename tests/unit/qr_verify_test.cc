// SPDX-License-Identifier: GPL-3.0-or-later
// Verify before write: the photocopy really degrades, a too-small code fails, a good one
// passes, and a failure names the page and the slot. Also fit_qr's capacity choices.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cairo.h>
#include <cmath>

#include "base/c_handles.h"

#include "base/error.h"
#include "layout/qr.h"
#include "layout/qr_verify.h"

using namespace telar;

namespace {

const std::string kUrl = "https://example.org/nodos/villa-francia";

struct Drawn {
  Path path;
  Rect box;
};

Drawn draw(const std::string& text, Length module, char ec = 'M') {
  QrSymbol sym = encode_qr(text, ec);
  const double side = qr_min_side(sym, module).pt();
  Rect box{10, 20, side, side};
  return {qr_path(sym, box), box};
}

Page page_with(const Drawn& d, const std::string& text) {
  Page p;
  p.trim = Size{Length::mm(100), Length::mm(100)};
  Shape s;
  s.path = d.path;
  s.fill = Rgba{0, 0, 0, 1};
  s.slot = "qr";
  s.qr_text = text;
  s.qr_box = d.box;
  p.items.push_back(std::move(s));
  return p;
}

}  // namespace

TEST_CASE("the photocopy is deterministic and has neither pure black nor pure white", "[qr][verify]") {
  Drawn d = draw(kUrl, Length::mm(0.5));
  GreyImage a = photocopy(d.path, d.box), b = photocopy(d.path, d.box);
  REQUIRE(a.px == b.px);
  CHECK(a.w == static_cast<int>(std::ceil(d.box.w * 150 / 72)));
  const auto [lo, hi] = std::minmax_element(a.px.begin(), a.px.end());
  CHECK(*lo > 20);   // toner is grey, not black (contrast loss), even with the noise
  CHECK(*hi < 240);  // and the paper is grey too
  // Noise: the quiet zone's pixels are not all one value.
  std::vector<std::uint8_t> corner(a.px.begin(), a.px.begin() + 5);
  CHECK(std::adjacent_find(corner.begin(), corner.end(), std::not_equal_to<>()) != corner.end());
}

TEST_CASE("a code at 0.4 mm modules reads back from its photocopy", "[qr][verify]") {
  for (const std::string& text : {kUrl, std::string("1/3 La batería compartida\nCarmen: ñandú, kuḻa")}) {
    Drawn d = draw(text, Length::mm(0.4));
    std::string found;
    CHECK(qr_scans_as(d.path, d.box, text, &found));
    CHECK(found == text);
  }
}

TEST_CASE("a too-small code fails verification", "[qr][verify]") {
  for (double mm : {0.2, 0.3}) {
    INFO(mm << " mm");
    Drawn d = draw(kUrl, Length::mm(mm));
    std::string found = "x";
    CHECK_FALSE(qr_scans_as(d.path, d.box, kUrl, &found));
    CHECK(found.empty());
  }
  // The same 0.3 mm code rasterised cleanly at 150 dpi does read: it is the photocopy's
  // damage that rejects it, not a broken drawing.
  Drawn d = draw(kUrl, Length::mm(0.3));
  const double scale = 150.0 / 72;
  GreyImage clean;
  clean.w = clean.h = static_cast<int>(std::ceil(d.box.w * scale));
  CairoSurface s(cairo_image_surface_create(CAIRO_FORMAT_A8, clean.w, clean.h));
  Cairo cr(cairo_create(s.get()));
  cairo_scale(cr.get(), scale, scale);
  cairo_translate(cr.get(), -d.box.x, -d.box.y);
  for (const auto& seg : d.path.segments) {
    if (seg.op == Path::Op::move) cairo_move_to(cr.get(), seg.p[0].x, seg.p[0].y);
    if (seg.op == Path::Op::line) cairo_line_to(cr.get(), seg.p[0].x, seg.p[0].y);
    if (seg.op == Path::Op::close) cairo_close_path(cr.get());
  }
  cairo_fill(cr.get());
  cairo_surface_flush(s.get());
  const unsigned char* px = cairo_image_surface_get_data(s.get());
  for (int y = 0; y < clean.h; ++y)
    for (int x = 0; x < clean.w; ++x)
      clean.px.push_back(static_cast<std::uint8_t>(255 - px[y * cairo_image_surface_get_stride(s.get()) + x]));
  auto got = read_qr_codes(clean);
  REQUIRE(got.size() == 1);
  CHECK(got[0].text == kUrl);
}

TEST_CASE("a failing code is an error naming the page and the slot", "[qr][verify]") {
  Drawn small = draw(kUrl, Length::mm(0.2)), good = draw(kUrl, Length::mm(0.5));
  std::vector<Page> pages{page_with(good, kUrl), page_with(small, kUrl)};
  Diagnostics diags;
  verify_qr_codes(pages, Loc{"story.md"}, diags);
  REQUIRE(diags.all().size() == 1);
  const Message& m = diags.all()[0].message;
  CHECK(m.id == MsgId::qr_verify_unreadable);
  CHECK(diags.all()[0].loc.file == "story.md");
  CHECK(translate(m, Lang::en).find("page 2, slot 'qr'") != std::string::npos);
}

TEST_CASE("a code that reads as other bytes is an error", "[qr][verify]") {
  Drawn d = draw(kUrl, Length::mm(0.5));
  std::vector<Page> pages{page_with(d, kUrl + "/otra")};
  Diagnostics diags;
  verify_qr_codes(pages, Loc{"s.md"}, diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message.id == MsgId::qr_verify_mismatch);
}

TEST_CASE("fit_qr keeps the template's error correction when the code fits", "[qr][capacity]") {
  QrFit fit = fit_qr(kUrl, 'Q', Length::mm(40));
  REQUIRE(fit.symbol);
  CHECK(fit.symbol->ec == 'Q');
}

TEST_CASE("fit_qr lowers the error correction before it gives up", "[qr][capacity]") {
  const std::string text(300, 'a');
  // 300 bytes: version 10 at M (57 modules), version 9 at L (53): 61 x 0.4 = 24.4 mm.
  const Length room = qr_min_side(encode_qr(text, 'L'));
  CHECK(qr_min_side(encode_qr(text, 'M')) > room);
  QrFit fit = fit_qr(text, 'M', room);
  REQUIRE(fit.symbol);
  CHECK(fit.symbol->ec == 'L');
}

TEST_CASE("fit_qr fails with the bytes, the largest version and the module it would need", "[qr][capacity]") {
  const std::string text(500, 'a');
  QrFit fit = fit_qr(text, 'M', Length::mm(20));  // 50 modules of 0.4 mm: 42 + quiet zone
  CHECK_FALSE(fit.symbol);
  CHECK(fit.bytes == 500);
  CHECK(fit.largest_version == 6);  // 41 modules
  CHECK(fit.largest_bytes == qr_capacity_bytes(6, 'L', false));
  // 500 bytes need version 15 at L (77 modules): 20 mm / 85 = 0.24 mm.
  CHECK(fit.module_needed.mm() == Approx(20.0 / 85).epsilon(0.01));
}
