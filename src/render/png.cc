// SPDX-License-Identifier: GPL-3.0-or-later
// PNG: one image per sheet at the requested dpi on white, with a pHYs chunk so that the
// dpi travels with the file (Cairo writes none). The image is written in strips by libpng
// (png_strips.cc); add_png_phys serves PNGs that Cairo wrote.
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
  return encode_png_strips(sheet, pages, dpi, EncodeOptions{}.png_compression);  // png_strips.cc: any size in little memory
}

}  // namespace telar
