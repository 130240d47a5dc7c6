// SPDX-License-Identifier: GPL-3.0-or-later
// Pictures in lessons: PNG and SVG as motifs are (layout/motif.h), plus JPEG, which stays
// JPEG inside a PDF (the file's own bytes are attached to the decoded pixels).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "layout/page.h"

namespace telar {

/// Reads `file` (PNG, JPEG or SVG, told apart by their bytes) and fits it into `box`.
/// Throws Error(no_input) when the file cannot be read, Error(data_error) naming the file
/// when it is not a usable image.
Picture load_image(const std::filesystem::path& file, Rect box);

/// The same from bytes; `name` is what messages call the file.
Picture image_from_bytes(const std::string& name, std::string_view bytes, Rect box);

/// True for pixel images (PNG, JPEG), false for vectors (SVG).
bool is_raster(const Picture& p);

}  // namespace telar
