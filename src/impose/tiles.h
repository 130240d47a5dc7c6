// SPDX-License-Identifier: GPL-3.0-or-later
// Tiling a banner over home-printer pages: which part of the banner each page carries
// (pure arithmetic, unit-tested), then the tile sheets with their glue bands, alignment
// marks and labels, and a first sheet with the assembly map (tile_sheets.cc).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/geometry.h"
#include "base/units.h"
#include "impose/sheet.h"
#include "layout/fonts.h"
#include "layout/page.h"

namespace telar {

struct Tile {
  std::string name;  ///< row letter and column number, "B3"
  int row = 0, col = 0;  ///< 0-based
  Rect area;         ///< the part of the banner sheet it carries (points, banner sheet
                     ///< coordinates); the last row and column may run past the banner
  Size paper;        ///< the printer page as it is turned for this tile (landscape: w > h)
  Rect printable;    ///< where `area` lands on `paper`: the page less the unprintable margin
};

/// The tiles of one banner. Seams are straight across the banner in one direction: either
/// rows of tiles (each row all portrait or all landscape pages) or columns. In `tiles`
/// order a later tile goes on top of the earlier ones it overlaps: right over left, lower
/// over upper, so that the glue bands (the overlaps) are on the earlier tile.
struct TilePlan {
  std::vector<Tile> tiles;
  Size banner;            ///< the sheet being tiled (trim plus bleed)
  Length margin, overlap;
  bool in_columns = false;  ///< false: rows of tiles across the banner; true: columns
  int rows = 0, cols = 0;   ///< the most tiles down / across
};

/// Tiles of printable length `printable` that overlap by `overlap` and together cover
/// `length`: 1 when one is enough, else ceil((length - overlap) / (printable - overlap)).
/// 0 when printable <= overlap (they would never get anywhere).
int tiles_along(double length, double printable, double overlap);

/// "A1" for row 0, column 0; rows past Z go on as AA, AB….
std::string tile_name(int row, int col);

/// The plan with the fewest tiles for `banner` on `paper` (either way round), the printer
/// unable to print the outer `margin` of the page, neighbours overlapping by `overlap`.
/// Tries rows and columns, each row (column) on portrait or landscape pages, whichever
/// mix needs fewest pages; ties go to less glue, then less paper past the banner's edge.
/// nullopt when the printable part of the page is not 20 mm larger than the overlap.
/// `keep` (banner sheet coordinates), when given, is a part no seam may cross (the QR
/// code): a seam that would is moved back before it, widening that glue band.
std::optional<TilePlan> plan_tiles(Size banner, Size paper, Length margin, Length overlap,
                                   std::optional<Rect> keep = std::nullopt);

/// Where tile `i` is under later tiles: the overlaps with every tile after it (banner sheet
/// coordinates), which is where its glue goes and its label can hide.
std::vector<Rect> glue_bands(const TilePlan& plan, std::size_t i);

/// The words printed on the tiles and the assembly map (the template's labels).
struct TileLabels {
  std::string glue;      ///< "glue here"
  std::string on_top;    ///< "on top: {tiles}" ({tiles} becomes "A2" or "B1 B2")
  std::string assembly;  ///< the assembly map's title
  std::string sheets;    ///< "{count} sheets, overlapping {overlap}"
  std::string steps;     ///< how to put it together, printed under the map
  std::string unit = "m";  ///< the banner's size on the map: "m", "cm", "mm" or "in"
};

struct TileLook {
  std::string lang;       ///< BCP 47, for the labels' shaping
  std::string font;       ///< a Pango face without size, e.g. "Noto Sans"
  std::string bold_font;  ///< for tile names and the title
  Rgba ink{0, 0, 0, 1};
  Rgba glue{1, 0.84, 0.2, 0.35};  ///< the glue-here tint laid over the art
};

/// Rect a ∩ b (w or h 0 when they do not meet).
Rect intersect(const Rect& a, const Rect& b);

/// The sheets for a tiled banner: first the assembly map, then one sheet per tile in plan
/// order. `banner` is the one-sheet banner (impose_banner_sheet); its placements and marks
/// are carried onto every tile, clipped to the printable part of the page.
std::vector<Sheet> impose_tiles(const TilePlan& plan, const Sheet& banner, const FontSet& fonts,
                                const TileLook& look, const TileLabels& labels);

/// Crop marks: how far past the bleed's edge they start, and how long they are.
inline constexpr Length kCropGap = Length::mm(2), kCropLength = Length::mm(6);

/// The banner page alone on a sheet: its trim plus bleed, and with a bleed a margin past
/// it (kCropGap + kCropLength + kCropGap) holding crop marks on the trim's lines, outside
/// the bleed. Declares the trim and bleed boxes (the PDF's TrimBox and BleedBox).
Sheet impose_banner_sheet(const Page& page, std::size_t index = 0);

}  // namespace telar
