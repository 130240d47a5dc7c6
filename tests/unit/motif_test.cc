// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/motif.h"

#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <string>

#include "base/c_handles.h"
#include "base/data_dir.h"
#include "base/error.h"

using namespace telar;
using Approx = Catch::Detail::Approx;

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

/// A 40x20 px PNG with a red square in it.
std::string tiny_png() {
  CairoSurface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 20));
  Cairo cr(cairo_create(s.get()));
  cairo_set_source_rgb(cr.get(), 1, 0, 0);
  cairo_rectangle(cr.get(), 5, 5, 10, 10);
  cairo_fill(cr.get());
  std::string out;
  cairo_surface_write_to_png_stream(s.get(), append, &out);
  return out;
}

Exit code_of(const std::string& name, const std::string& bytes) {
  try {
    motif_from_bytes(name, bytes, Rect{0, 0, 100, 100});
  } catch (const Error& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].loc.file == name);
    return e.code();
  }
  return Exit::ok;
}

}  // namespace

TEST_CASE("the semilla motif loads as vectors at its natural size", "[template][motif]") {
  const auto svg = data_dir() / "templates" / "zine" / "semilla-motif.svg";
  // 60 x 40 mm; fitted into a 170 x 170 pt box it keeps its 3:2 shape, centred.
  Picture p = load_motif(svg, Rect{10, 20, 170, 170});
  CHECK(p.natural.w.mm() == Approx(60));
  CHECK(p.natural.h.mm() == Approx(40));
  CHECK(p.box.w == Approx(170));
  CHECK(p.box.h == Approx(170 * 40.0 / 60.0));
  CHECK(p.box.x == Approx(10));
  CHECK(p.box.y == Approx(20 + (170 - p.box.h) / 2));
  REQUIRE(p.art);
  CHECK(cairo_surface_get_type(p.art.get()) == CAIRO_SURFACE_TYPE_RECORDING);
  double x, y, w, h;
  cairo_recording_surface_ink_extents(p.art.get(), &x, &y, &w, &h);
  CHECK(w > p.natural.w.pt() * 0.9);  // the loom spans the whole picture
  CHECK(h > p.natural.h.pt() * 0.9);
}

TEST_CASE("an SVG with only a viewBox takes its size from it", "[template][motif]") {
  Picture p = motif_from_bytes("v.svg",
                               "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 96 48'><rect "
                               "width='10' height='10'/></svg>",
                               Rect{0, 0, 30, 30});
  CHECK(p.natural.w.pt() == Approx(72));  // 96 CSS px = 1 in
  CHECK(p.natural.h.pt() == Approx(36));
  CHECK(p.box.w == Approx(30));
  CHECK(p.box.h == Approx(15));
}

TEST_CASE("PNG motifs load from their pixels", "[template][motif]") {
  Picture p = motif_from_bytes("p.png", tiny_png(), Rect{0, 0, 20, 20});
  CHECK(p.natural.w.pt() == Approx(40));
  CHECK(p.natural.h.pt() == Approx(20));
  CHECK(cairo_surface_get_type(p.art.get()) == CAIRO_SURFACE_TYPE_IMAGE);
  CHECK(p.box.h == Approx(10));
  CHECK(p.box.y == Approx(5));
}

TEST_CASE("broken or missing motifs name the file", "[template][motif]") {
  CHECK(code_of("bad.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10'") ==
        Exit::data_error);
  CHECK(code_of("bad.png", tiny_png().substr(0, 40)) == Exit::data_error);
  CHECK(code_of("bad.gif", "GIF89a") == Exit::data_error);
  CHECK(code_of("nosize.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>") == Exit::data_error);
  try {
    load_motif("no/such/motif.svg", Rect{0, 0, 10, 10});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::no_input);
    CHECK(std::string(e.what()) == "no/such/motif.svg: error: no such file");
  }
}

TEST_CASE("an SVG motif draws straight from librsvg, other art does not", "[template][motif]") {
  const std::string svg =
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">)"
      R"(<rect x="4" y="4" width="12" height="8" fill="#ff0000"/></svg>)";
  const Picture vector_art = motif_from_bytes("v.svg", svg, Rect{0, 0, 100, 100});
  const Picture pixels = motif_from_bytes("p.png", tiny_png(), Rect{0, 0, 100, 100});

  CairoSurface target(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 20));
  Cairo cr(cairo_create(target.get()));
  CHECK_FALSE(draw_svg_motif(cr.get(), pixels.art.get()));
  cairo_rectangle_t extents{0, 0, 10, 10};
  CairoSurface plain(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  CHECK_FALSE(draw_svg_motif(cr.get(), plain.get()));

  REQUIRE(draw_svg_motif(cr.get(), vector_art.art.get()));
  cairo_surface_flush(target.get());
  // The red rectangle, drawn in the art's own units (CSS px 4..16 -> pt 3..12).
  auto pixel = [&](int x, int y) {
    const unsigned char* row =
        cairo_image_surface_get_data(target.get()) + y * cairo_image_surface_get_stride(target.get());
    std::uint32_t v;
    std::memcpy(&v, row + 4 * x, 4);
    return v;
  };
  CHECK(pixel(6, 6) == 0xffff0000u);
  CHECK(pixel(1, 1) == 0u);
  CHECK(pixel(14, 6) == 0u);
}
