// SPDX-License-Identifier: GPL-3.0-or-later
// Verify before write: the photocopy really degrades, a too-small code fails, a good one
// passes, and a failure names the page and the slot. Also fit_qr's capacity choices.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cairo.h>
#include <cmath>

#include "base/c_handles.h"

#include "base/error.h"
#include "base/messages.h"
#include "layout/cairo_path.h"
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

namespace {

/// Whether the point (module units, from the symbol's top-left) is inside `path`'s fill.
bool inked(const Path& path, const Rect& box, int width, double mx, double my) {
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1));
  Cairo cr(cairo_create(surface.get()));
  append_path(cr.get(), path);
  cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_WINDING);
  const double m = box.w / (width + 2 * kQrQuietModules);
  return cairo_in_fill(cr.get(), box.x + (kQrQuietModules + mx) * m,
                       box.y + (kQrQuietModules + my) * m) != 0;
}

Template styled(QrStyle style) {
  Template t;
  t.qr_style = style;
  t.loc = Loc{"styled.yaml"};
  return t;
}

}  // namespace

TEST_CASE("every style inks each dark module's centre, no light one, nothing in the quiet zone", "[qr][style]") {
  const QrSymbol sym = encode_qr("1/3 La batería compartida\nCarmen: ñandú, kuḻa", 'M');
  const Rect box{10, 20, 200, 200};
  const double m = box.w / (sym.width + 2 * kQrQuietModules);
  for (QrStyle style : {QrStyle::square, QrStyle::rounded, QrStyle::dots}) {
    INFO("style " << kQrStyleNames[static_cast<int>(style)]);
    const Path path = qr_path(sym, box, style);
    int wrong = 0;
    for (int y = 0; y < sym.width; ++y)
      for (int x = 0; x < sym.width; ++x)
        wrong += inked(path, box, sym.width, x + 0.5, y + 0.5) != sym.is_dark(x, y);
    CHECK(wrong == 0);
    const Rect b = path.bounds();
    CHECK(b.x >= box.x + kQrQuietModules * m - 1e-9);
    CHECK(b.y >= box.y + kQrQuietModules * m - 1e-9);
    CHECK(b.right() <= box.right() - kQrQuietModules * m + 1e-9);
    CHECK(b.bottom() <= box.bottom() - kQrQuietModules * m + 1e-9);
  }
  // Rounded: a module's outer corner outside the finders is cut; the finders stay square.
  const Path rounded = qr_path(sym, box, QrStyle::rounded);
  const Path squared = qr_path(sym, box, QrStyle::square);
  int corners = 0, cut = 0;
  for (int y = 8; y < sym.width - 8; ++y)
    for (int x = 8; x < sym.width - 8; ++x)
      if (sym.is_dark(x, y) && !sym.is_dark(x - 1, y) && !sym.is_dark(x, y - 1)) {
        ++corners;
        cut += !inked(rounded, box, sym.width, x + 0.05, y + 0.05);
        CHECK(inked(squared, box, sym.width, x + 0.05, y + 0.05));
      }
  REQUIRE(corners > 10);
  CHECK(cut == corners);
  CHECK(inked(rounded, box, sym.width, 0.05, 0.05));  // the top-left finder's corner
  // Dots: the gap between two dark neighbours is paper; the finder stays solid.
  const Path dots = qr_path(sym, box, QrStyle::dots);
  int pairs = 0, gaps = 0;
  for (int y = 8; y < sym.width - 8; ++y)
    for (int x = 8; x + 1 < sym.width - 8; ++x)
      if (sym.is_dark(x, y) && sym.is_dark(x + 1, y)) {
        ++pairs;
        gaps += !inked(dots, box, sym.width, x + 1.0, y + 0.5);
      }
  REQUIRE(pairs > 10);
  CHECK(gaps == pairs);
  CHECK(inked(dots, box, sym.width, 1.0, 0.5));  // the finder's ring: solid between modules
  CHECK(inked(dots, box, sym.width, 0.05, 0.05));
}

TEST_CASE("rounded and dot codes read back where their modules are large enough", "[qr][style][verify]") {
  const std::string text = "1/3 La batería compartida\nCarmen: ñandú, kuḻa";
  const QrSymbol sym = encode_qr(text, 'M');
  auto scans = [&](QrStyle style, double mm) {
    const double side = qr_min_side(sym, Length::mm(mm)).pt();
    const Rect box{10, 20, side, side};
    return qr_scans_as(qr_path(sym, box, style), box, text);
  };
  for (double mm : {0.5, 0.8, 1.2, 2.0}) {
    INFO(mm << " mm");
    CHECK(scans(QrStyle::rounded, mm));
    CHECK(scans(QrStyle::dots, mm + 0.3));
  }
  CHECK_FALSE(scans(QrStyle::dots, 0.3));
}

TEST_CASE("a style that does not read back is drawn square, with a warning", "[qr][style][verify]") {
  const std::string text = "1/3 La batería compartida\nCarmen: ñandú, kuḻa";
  const QrSymbol sym = encode_qr(text, 'M');
  for (double mm : {0.3, 1.0}) {
    INFO(mm << " mm modules");
    const double side = qr_min_side(sym, Length::mm(mm)).pt();
    const Rect box{10, 20, side, side};
    std::vector<Item> items;
    Diagnostics diags;
    add_qr_code(items, sym, box, text, styled(QrStyle::dots), "qr", diags);
    REQUIRE(items.size() == 2);
    const auto& white = std::get<Shape>(items[0]);
    CHECK(white.qr_text.empty());
    const auto& code = std::get<Shape>(items[1]);
    CHECK(code.qr_text == text);
    CHECK(code.slot == "qr");
    const bool curves = std::any_of(code.path.segments.begin(), code.path.segments.end(),
                                    [](const Path::Segment& s) { return s.op == Path::Op::curve; });
    if (mm < 0.5) {
      CHECK_FALSE(curves);
      REQUIRE(diags.all().size() == 1);
      CHECK(diags.all()[0].severity == Severity::warning);
      CHECK(diags.all()[0].message.id == MsgId::qr_style_fallback);
      CHECK(diags.all()[0].loc.file == "styled.yaml");
    } else {
      CHECK(curves);
      CHECK(diags.all().empty());
    }
  }
}
