// SPDX-License-Identifier: GPL-3.0-or-later
// Where pages land on paper: pure geometry plus marks. Imposition functions map Pages to
// Sheets and are unit-tested to 0.01 mm.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "base/geometry.h"
#include "base/units.h"
#include "layout/page.h"

namespace telar {

/// One page placed on a sheet. The page's trim-box coordinates are mapped through
/// `to_sheet`; painting is clipped to `clip` (sheet coordinates) when it is non-empty.
struct Placement {
  std::size_t page = 0;
  Affine to_sheet;
  Rect clip;
};

/// One side of paper as it goes through the printer (or the single big banner page).
struct Sheet {
  Size paper;
  std::vector<Placement> placements;
  std::vector<Item> marks;  ///< fold/cut/crop/alignment marks and labels, sheet coordinates
  /// For a print shop (the one-sheet banner): the finished size and the art's extent past
  /// it, sheet coordinates; the PDF declares them as TrimBox and BleedBox.
  std::optional<Rect> trim_box, bleed_box;
};

/// Every page on a sheet of its own trim size (plus bleed), in order: reader layout.
std::vector<Sheet> impose_reader(const std::vector<Page>& pages);

}  // namespace telar
