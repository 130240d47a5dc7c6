// SPDX-License-Identifier: GPL-3.0-or-later
// PNG: one image per sheet at the requested dpi on white, with a pHYs chunk so that the
// dpi travels with the file (Cairo writes none).
#include <algorithm>
#include <cmath>

#include "base/error.h"
#include "render/output.h"
#include "render/paint.h"

namespace telar {
namespace {

void put_u32(std::string& s, std::uint32_t v) {
  s += static_cast<char>(v >> 24);
  s += static_cast<char>((v >> 16) & 0xff);
  s += static_cast<char>((v >> 8) & 0xff);
  s += static_cast<char>(v & 0xff);
}

int pixels(Length l, double dpi) { return static_cast<int>(std::lround(l.in() * dpi)); }

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t c = 0xffffffffu;
  for (unsigned char b : bytes) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xedb88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xffffffffu;
}

std::string add_png_phys(std::string_view png, double dpi) {
  // 8-byte signature, then IHDR: length (13), "IHDR", 13 bytes, CRC = 33 bytes in all.
  constexpr std::size_t kAfterIhdr = 8 + 4 + 4 + 13 + 4;
  if (png.size() < kAfterIhdr || png.substr(12, 4) != "IHDR")
    throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, "unexpected PNG layout"));
  const auto ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
  std::string body = "pHYs";
  put_u32(body, ppm);
  put_u32(body, ppm);
  body += '\x01';  // unit: metre
  std::string chunk;
  put_u32(chunk, 9);
  chunk += body;
  put_u32(chunk, crc32(body));
  std::string out;
  out.reserve(png.size() + chunk.size());
  out.append(png.substr(0, kAfterIhdr));
  out += chunk;
  out.append(png.substr(kAfterIhdr));
  return out;
}

Blob encode_png(const Sheet& sheet, const std::vector<Page>& pages, double dpi) {
  if (!(dpi > 0) || !std::isfinite(dpi))
    throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, "invalid dpi"));
  const int w = std::max(1, pixels(sheet.paper.w, dpi)),
            h = std::max(1, pixels(sheet.paper.h, dpi));
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  cairo_surface_t* s = surface.get();
  check_cairo(cairo_surface_status(s));
  Cairo cr(cairo_create(s));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), w / sheet.paper.w.pt(), h / sheet.paper.h.pt());
  paint_sheet(cr.get(), sheet, pages);
  check_cairo(cairo_status(cr.get()));
  cr.reset();
  cairo_surface_flush(s);
  std::string raw;
  check_cairo(cairo_surface_write_to_png_stream(s, append_to_string, &raw));
  return Blob{add_png_phys(raw, dpi)};
}

}  // namespace telar
