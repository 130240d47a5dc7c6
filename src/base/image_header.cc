// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/image_header.h"

namespace telar {
namespace {

std::uint32_t be16(std::string_view b, std::size_t i) {
  return (std::uint32_t{static_cast<unsigned char>(b[i])} << 8) | static_cast<unsigned char>(b[i + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }

}  // namespace

std::optional<PixelSize> png_size(std::string_view b) {
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4).
  if (b.size() < 24 || b.substr(0, 8) != "\x89PNG\r\n\x1a\n" || b.substr(12, 4) != "IHDR")
    return std::nullopt;
  return PixelSize{be32(b, 16), be32(b, 20)};
}

std::optional<PixelSize> jpeg_size(std::string_view b) {
  if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF ||
      static_cast<unsigned char>(b[1]) != 0xD8)
    return std::nullopt;
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
    const auto marker = static_cast<unsigned char>(b[i + 1]);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      i += 2;  // no length
      continue;
    }
    const std::uint32_t len = be16(b, i + 2);
    if (len < 2) return std::nullopt;
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                     marker != 0xCC;
    if (sof) {
      if (i + 9 > b.size()) return std::nullopt;
      return PixelSize{be16(b, i + 7), be16(b, i + 5)};
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end, or scan before a frame
    i += 2 + len;
  }
  return std::nullopt;
}

bool image_size_ok(PixelSize s) {
  return s.w <= kMaxImageSide && s.h <= kMaxImageSide &&
         std::uint64_t{s.w} * s.h <= kMaxImagePixels;
}

}  // namespace telar
