// SPDX-License-Identifier: GPL-3.0-or-later
// QR codes: encode, draw as one path, rasterise with Cairo, read back with ZXing and zbar.
#define ZX_USE_UTF8 1  // ZXing 1.4: Result::text() returns UTF-8

#include "layout/qr.h"

#include <ZXing/ReadBarcode.h>
#include <cairo.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/error.h"
#include "base/utf8.h"

using namespace telar;

namespace {

const std::string kUrl = "https://example.org/nodos/villa-francia";
const std::string kBateria = "batería compartida — ñandú ḻ";

/// A Spanish text of exactly `chars` code points (accents, ñ, ¿¡, a Mapudungun ḻ).
std::string spanish_text(std::size_t chars) {
  const std::string base =
      "¿Qué significa prestar una batería? Prestar una batería es prestar la voz. Cuando se "
      "corta la luz, el barrio sigue hablando; la red no se apaga si la cuidamos entre todas. "
      "¡Nadie se queda sin señal! Ñuke, lamngen, kuḻa: así se cuida el nodo de la población. ";
  std::string out;
  std::size_t i = 0, count = 0;
  while (count < chars) {
    if (i == base.size()) i = 0;
    std::size_t start = i;
    next_code_point(base, i);
    out.append(base, start, i - start);
    ++count;
  }
  return out;
}

/// A white RGB24 image with the path filled black (nonzero winding), `scale` px per point.
struct Image {
  CairoSurface surface;
  int w = 0, h = 0;
  const unsigned char* data() const { return cairo_image_surface_get_data(surface.get()); }
  int stride() const { return cairo_image_surface_get_stride(surface.get()); }
  /// Green channel of pixel (x, y): 0 = black, 255 = white.
  int at(int x, int y) const { return data()[y * stride() + x * 4 + 1]; }
};

Image render(const Path& path, double side_pt, double scale) {
  Image img;
  img.w = img.h = static_cast<int>(std::ceil(side_pt * scale - 1e-9));
  img.surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, img.w, img.h));
  Cairo cr(cairo_create(img.surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  for (const auto& s : path.segments) {
    switch (s.op) {
      case Path::Op::move:
        cairo_move_to(cr.get(), s.p[0].x, s.p[0].y);
        break;
      case Path::Op::line:
        cairo_line_to(cr.get(), s.p[0].x, s.p[0].y);
        break;
      case Path::Op::curve:
        cairo_curve_to(cr.get(), s.p[0].x, s.p[0].y, s.p[1].x, s.p[1].y, s.p[2].x, s.p[2].y);
        break;
      case Path::Op::close:
        cairo_close_path(cr.get());
        break;
    }
  }
  cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  cairo_fill(cr.get());
  REQUIRE(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(img.surface.get());
  return img;
}

/// The symbol drawn at `module` per module, rasterised at `dpi`.
Image render(const QrSymbol& sym, Length module, double dpi) {
  const double side = qr_min_side(sym, module).pt();
  return render(qr_path(sym, Rect{0, 0, side, side}), side, dpi / 72.0);
}

ZXing::Result read_zxing(const Image& img) {
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  ZXing::ImageView view(img.data(), img.w, img.h, ZXing::ImageFormat::BGRX, img.stride());
  return ZXing::ReadBarcode(view, hints);
}

std::filesystem::path temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "telar-qr-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  return tmpl;
}

bool have_zbarimg() { return std::system("command -v zbarimg >/dev/null 2>&1") == 0; }

/// What `zbarimg --raw -q` reads from the image saved as PNG (one trailing newline removed).
std::string read_zbar(const Image& img) {
  const auto dir = temp_dir();
  const auto png = dir / "qr.png";
  REQUIRE(cairo_surface_write_to_png(img.surface.get(), png.c_str()) == CAIRO_STATUS_SUCCESS);
  std::string out;
  if (FILE* p = popen(("zbarimg --raw -q '" + png.string() + "'").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove_all(dir);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

constexpr Length k4px = Length::pt(4);  // with 72 dpi: 4 px per module
constexpr double kPrintDpi = 150;
constexpr Length kPrintModule = Length::mm(0.45);  // 2.66 px per module at 150 dpi

}  // namespace

TEST_CASE("a URL encodes without ECI and reads back exactly", "[qr]") {
  QrSymbol sym = encode_qr(kUrl, 'M');
  CHECK_FALSE(sym.eci);
  CHECK(sym.ec == 'M');
  CHECK(sym.width == 17 + 4 * sym.version);
  CHECK(sym.dark.size() == static_cast<std::size_t>(sym.width * sym.width));
  for (double dpi : {72.0, kPrintDpi}) {
    INFO("dpi " << dpi);
    auto r = read_zxing(render(sym, dpi == 72.0 ? k4px : kPrintModule, dpi));
    REQUIRE(r.isValid());
    CHECK(r.text() == kUrl);
    CHECK(r.ecLevel() == "M");
    CHECK_FALSE(r.hasECI());
  }
}

TEST_CASE("non-ASCII text carries ECI 26 and reads back as exact UTF-8", "[qr]") {
  QrSymbol sym = encode_qr(kBateria, 'M');
  CHECK(sym.eci);
  for (double dpi : {72.0, kPrintDpi}) {
    INFO("dpi " << dpi);
    auto r = read_zxing(render(sym, dpi == 72.0 ? k4px : kPrintModule, dpi));
    REQUIRE(r.isValid());
    CHECK(r.hasECI());
    CHECK(r.text() == kBateria);
  }
}

TEST_CASE("a 1000-character Spanish text reads back exactly", "[qr]") {
  const std::string text = spanish_text(1000);
  REQUIRE(count_code_points(text) == 1000);
  QrSymbol sym = encode_qr(text, 'M');
  CHECK(sym.eci);
  CHECK(sym.version > 20);
  for (double dpi : {72.0, kPrintDpi}) {
    INFO("dpi " << dpi);
    auto r = read_zxing(render(sym, dpi == 72.0 ? k4px : kPrintModule, dpi));
    REQUIRE(r.isValid());
    CHECK(r.text() == text);
  }
}

TEST_CASE("zbarimg reads the printed codes exactly", "[qr]") {
  INFO("zbarimg is not installed (scripts/setup-debian.sh --tests installs zbar-tools)");
  REQUIRE(have_zbarimg());
  for (const std::string& text : {kUrl, kBateria, spanish_text(1000)}) {
    INFO(text.substr(0, 40));
    CHECK(read_zbar(render(encode_qr(text, 'M'), k4px, 72)) == text);
  }
  CHECK(read_zbar(render(encode_qr(kBateria, 'Q'), kPrintModule, kPrintDpi)) == kBateria);
}

TEST_CASE("the quiet zone is 4 white modules on every side", "[qr]") {
  QrSymbol sym = encode_qr(kBateria, 'M');
  Image img = render(sym, k4px, 72);
  const int q = 4 * 4, inner = sym.width * 4;
  REQUIRE(img.w == inner + 2 * q);
  int dark_in_margin = 0;
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      bool margin = x < q || y < q || x >= q + inner || y >= q + inner;
      if (margin && img.at(x, y) != 255) ++dark_in_margin;
    }
  CHECK(dark_in_margin == 0);
  // The finder patterns touch the quiet zone: the symbol starts exactly 4 modules in.
  CHECK(img.at(q, q) == 0);
  CHECK(img.at(q + inner - 1, q) == 0);
  CHECK(img.at(q, q + inner - 1) == 0);
  CHECK(img.at(q + 7 * 4 + 1, q + 1) == 255);  // the light separator beside the finder
}

TEST_CASE("qr_path fills a non-square box with square centred modules", "[qr]") {
  QrSymbol sym = encode_qr(kUrl, 'L');
  const double m = 2.0, side = m * (sym.width + 8);
  Path p = qr_path(sym, Rect{10, 20, side + 30, side});  // 30 pt wider than needed
  double min_x = 1e9, min_y = 1e9, max_x = -1e9, max_y = -1e9;
  for (const auto& s : p.segments) {
    if (s.op == Path::Op::close) continue;
    min_x = std::min(min_x, s.p[0].x), max_x = std::max(max_x, s.p[0].x);
    min_y = std::min(min_y, s.p[0].y), max_y = std::max(max_y, s.p[0].y);
  }
  CHECK(min_x == Approx(10 + 15 + 4 * m));
  CHECK(max_x == Approx(10 + 15 + 4 * m + sym.width * m));
  CHECK(min_y == Approx(20 + 4 * m));
  CHECK(max_y == Approx(20 + 4 * m + sym.width * m));
}

TEST_CASE("qr_min_side keeps modules at 0.4 mm with the quiet zone", "[qr]") {
  for (const std::string& text : {kUrl, spanish_text(1000)}) {
    QrSymbol sym = encode_qr(text, 'M');
    CHECK(qr_min_side(sym).mm() == Approx((sym.width + 8) * 0.4));
    CHECK(qr_min_side(sym) >= Length::mm(0.4) * (sym.width + 8));
    CHECK(qr_min_side(sym, Length::mm(1)).mm() == Approx(sym.width + 8));
  }
}

TEST_CASE("a stronger error correction needs a bigger symbol for the same text", "[qr]") {
  const std::string text = spanish_text(200);
  int previous = 0;
  for (char ec : {'L', 'M', 'Q', 'H'}) {
    INFO(ec);
    QrSymbol sym = encode_qr(text, ec);
    CHECK(sym.ec == ec);
    CHECK(sym.version > previous);
    previous = sym.version;
    auto r = read_zxing(render(sym, k4px, 72));
    REQUIRE(r.isValid());
    CHECK(r.ecLevel() == std::string(1, ec));
    CHECK(r.text() == text);
  }
}

TEST_CASE("qr_path is one set of closed axis-aligned outlines covering the dark modules", "[qr]") {
  QrSymbol sym = encode_qr(spanish_text(300), 'M');
  const double m = 3.0;
  Path p = qr_path(sym, Rect{0, 0, m * (sym.width + 8), m * (sym.width + 8)});
  long dark = 0;
  for (auto d : sym.dark) dark += d;
  // Shoelace area of every loop: holes run the other way, so the sum is the dark area.
  double area = 0;
  std::size_t loops = 0, lines = 0, straight = 0;
  std::vector<Point> loop;
  auto end_loop = [&] {  // every vertex is a corner: no collinear runs left unmerged
    for (std::size_t i = 0; i < loop.size(); ++i) {
      Point a = loop[(i + loop.size() - 1) % loop.size()], b = loop[i],
            c = loop[(i + 1) % loop.size()];
      CHECK((a.x == b.x || a.y == b.y));  // axis-aligned
      if ((a.x == b.x && b.x == c.x) || (a.y == b.y && b.y == c.y)) ++straight;
      area += a.x * b.y - b.x * a.y;
    }
    loop.clear();
  };
  bool open = false;
  for (const auto& s : p.segments) {
    REQUIRE(s.op != Path::Op::curve);
    if (s.op == Path::Op::move) {
      REQUIRE_FALSE(open);
      open = true;
      ++loops;
      loop.push_back(s.p[0]);
    } else if (s.op == Path::Op::line) {
      REQUIRE(open);
      loop.push_back(s.p[0]);
      ++lines;
    } else {
      REQUIRE(open);
      open = false;
      end_loop();
    }
  }
  CHECK_FALSE(open);
  CHECK(area / 2 == Approx(dark * m * m));  // clockwise on paper (y down) is positive
  CHECK(straight == 0);
  CHECK(loops > 10);
  CHECK(loops < static_cast<std::size_t>(dark) / 2);  // outlines of regions, not modules
  CHECK(lines + loops < 4 * static_cast<std::size_t>(dark));
}

TEST_CASE("no seams between modules at a non-integer print scale", "[qr]") {
  QrSymbol sym = encode_qr(kBateria, 'H');
  const double side = qr_min_side(sym, kPrintModule).pt(), scale = kPrintDpi / 72.0;
  const double px = kPrintModule.pt() * scale;  // 2.657 px per module
  auto count_seams = [&](const Image& img) {
    int checked = 0, seams = 0;
    auto probe = [&](double ex, double ey) {  // the pixel straddling a shared edge
      ++checked;
      if (img.at(static_cast<int>(ex * px), static_cast<int>(ey * px)) != 0) ++seams;
    };
    for (int y = 0; y < sym.width; ++y)
      for (int x = 0; x < sym.width; ++x) {
        if (!sym.is_dark(x, y)) continue;
        if (x + 1 < sym.width && sym.is_dark(x + 1, y)) probe(x + 5, y + 4.5);
        if (y + 1 < sym.width && sym.is_dark(x, y + 1)) probe(x + 4.5, y + 5);
      }
    CHECK(checked > 100);
    return seams;
  };
  CHECK(count_seams(render(qr_path(sym, Rect{0, 0, side, side}), side, scale)) == 0);

  // Control: the probe does see seams when each module is filled on its own.
  Image separate;
  separate.w = separate.h = static_cast<int>(std::ceil(side * scale));
  separate.surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, separate.w, separate.h));
  Cairo cr(cairo_create(separate.surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  const double m = kPrintModule.pt();
  for (int y = 0; y < sym.width; ++y)
    for (int x = 0; x < sym.width; ++x)
      if (sym.is_dark(x, y)) {
        cairo_rectangle(cr.get(), (x + 4) * m, (y + 4) * m, m, m);
        cairo_fill(cr.get());
      }
  cairo_surface_flush(separate.surface.get());
  CHECK(count_seams(separate) > 0);
}

TEST_CASE("QR capacities match ISO/IEC 18004", "[qr]") {
  CHECK(qr_capacity_bytes(1, 'L', false) == 17);
  CHECK(qr_capacity_bytes(1, 'H', false) == 7);
  CHECK(qr_capacity_bytes(10, 'M', false) == 213);
  CHECK(qr_capacity_bytes(40, 'L', false) == 2953);
  CHECK(qr_capacity_bytes(40, 'H', false) == 1273);
  // libqrencode sizes the ECI header generously; whatever it needs, the limit must hold.
  const int eci_max = qr_capacity_bytes(40, 'H', true);
  CHECK(eci_max < 1273);
  CHECK(eci_max >= 1268);
  CHECK(encode_qr(std::string(static_cast<std::size_t>(eci_max - 2), 'x') + "ñ", 'H').version ==
        40);
  CHECK_THROWS_AS(encode_qr(std::string(static_cast<std::size_t>(eci_max - 1), 'x') + "ñ", 'H'),
                  Error);
  const int eci_15 = qr_capacity_bytes(15, 'M', true);
  CHECK(encode_qr(std::string(static_cast<std::size_t>(eci_15 - 2), 'x') + "ñ", 'M').version == 15);
  CHECK(encode_qr(std::string(static_cast<std::size_t>(eci_15 - 1), 'x') + "ñ", 'M').version == 16);
  const std::string fits(qr_capacity_bytes(10, 'M', false), 'x');
  CHECK(encode_qr(fits, 'M').version == 10);
  CHECK(encode_qr(fits + "x", 'M').version == 11);
}

TEST_CASE("text that fits no QR version is a data error with a message", "[qr]") {
  const std::string text = spanish_text(1400);  // more bytes than version 40-H holds
  const int max = qr_capacity_bytes(40, 'H', true);
  try {
    encode_qr(text, 'H');
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data_error);
    REQUIRE(e.diagnostics().size() == 1);
    const Message& m = e.diagnostics()[0].message;
    CHECK(
        translate(m, Lang::en) ==
        fmt::format("the QR code text is too long: {} bytes, at most {} fit at error correction H",
                    text.size(), max));
    CHECK(
        translate(m, Lang::es) ==
        fmt::format("el texto del código QR es demasiado largo: {} bytes; caben como máximo {} con "
                    "corrección de errores H",
                    text.size(), max));
  }
  CHECK_NOTHROW(encode_qr(text, 'L'));
  CHECK_THROWS_AS(encode_qr("", 'M'), Error);
}

TEST_CASE("the capacity arithmetic is libqrencode's own, for every version and level", "[qr]") {
  // qr_capacity_bytes() is a table and a formula; libqrencode decides. For each version,
  // level and with or without ECI: the capacity encodes at that very version, and one
  // byte more needs the next (or fits nothing past version 40).
  for (char ec : {'L', 'M', 'Q', 'H'}) {
    for (bool eci : {false, true}) {
      for (int v = 1; v <= 40; ++v) {
        INFO("version " << v << "-" << ec << (eci ? " with ECI" : ""));
        const int n = qr_capacity_bytes(v, ec, eci);
        auto text = [eci](int bytes) {
          return eci ? std::string(static_cast<std::size_t>(bytes - 2), 'x') + "\u00F1"
                     : std::string(static_cast<std::size_t>(bytes), 'x');
        };
        CHECK(qr_version_for(n, ec, eci) == v);
        CHECK(encode_qr(text(n), ec).version == v);
        if (v < 40) {
          CHECK(qr_version_for(n + 1, ec, eci) == v + 1);
          CHECK(encode_qr(text(n + 1), ec).version == v + 1);
        } else {
          CHECK(qr_version_for(n + 1, ec, eci) == 0);
          CHECK_THROWS_AS(encode_qr(text(n + 1), ec), Error);
        }
      }
    }
  }
}
