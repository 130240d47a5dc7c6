// SPDX-License-Identifier: GPL-3.0-or-later
// Image dimensions read from a PNG or JPEG header, before anything is decoded: a small
// file can claim 30,000 x 30,000 pixels (a decompression bomb) and cost gigabytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace telar {

struct PixelSize {
  std::uint32_t w = 0, h = 0;
};

/// The largest picture telar decodes: 40 megapixels (160 MB as 32-bit pixels), at most
/// 20,000 pixels a side (docs/limits.md).
inline constexpr std::uint64_t kMaxImagePixels = 40'000'000;
inline constexpr std::uint32_t kMaxImageSide = 20'000;

/// Width and height from a PNG's IHDR, or nullopt when the bytes are not a PNG header.
std::optional<PixelSize> png_size(std::string_view bytes);
/// Width and height from a JPEG's first SOFn segment, or nullopt when none is found.
std::optional<PixelSize> jpeg_size(std::string_view bytes);
/// True when `s` is within kMaxImagePixels and kMaxImageSide.
bool image_size_ok(PixelSize s);

}  // namespace telar
