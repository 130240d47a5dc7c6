// SPDX-License-Identifier: GPL-3.0-or-later
// Motifs: a template's SVG (kept as vectors in a Cairo recording surface) or PNG artwork,
// loaded once and fitted into a box as a Picture for the display list.
#pragma once

#include <cairo.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "base/geometry.h"
#include "base/units.h"
#include "layout/page.h"

namespace telar {

/// Reads `file` and fits it into `box`, keeping its aspect ratio, centred. Picture::natural
/// is the art surface's own extent: points for SVG (its intrinsic size or viewBox, CSS px
/// = 0.75 pt), pixels for PNG. Throws Error(no_input) when the file is missing or
/// unreadable, Error(data_error) when it is not a usable SVG or PNG; both name the file.
Picture load_motif(const std::filesystem::path& file, Rect box);

/// The same from bytes already in memory; `name` is what messages call the file.
Picture motif_from_bytes(const std::string& name, std::string_view bytes, Rect box);

/// Draws an SVG motif's art (a Picture::art that motif_from_bytes made from SVG) straight
/// from its librsvg handle into `cr`, in the art's own units, and returns true; false for
/// any other surface (nothing drawn). For SVG sheets: Cairo 1.16's SVG surface leaks every
/// recording surface painted into it as a source after the first one in a process (a
/// reference cycle; shown by a 40-line C program), and a long `telar serve` renders many.
bool draw_svg_motif(cairo_t* cr, cairo_surface_t* art);

/// The largest rectangle with the aspect ratio of `natural` inside `box`, centred.
Rect fit_into(Size natural, Rect box);

}  // namespace telar
