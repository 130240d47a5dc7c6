// SPDX-License-Identifier: GPL-3.0-or-later
// The banner, laid out on one page of its trim size: the headline as large as the space
// allows in balanced lines, optically centred; the quotes under it; the node, the date,
// the motif and the QR code along the foot; the border or bar running into the bleed.
#pragma once

#include <string>
#include <vector>

#include "base/diag.h"
#include "compose/banner.h"
#include "layout/fonts.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar {

/// What the layout decided, for tests and reports.
struct BannerLayoutInfo {
  double scale = 1;          ///< template lengths were multiplied by this (short side / 1 m)
  double headline_size = 0;  ///< points
  std::vector<std::string> headline_lines;
  Rect headline_room;        ///< where the headline could go
  Rect headline_ink;         ///< where its ink is
  Rect qr_box;               ///< the QR code with its quiet zone; empty without one
  double qr_module = 0;      ///< points
};

/// A banner's template lengths (margins, gap, sizes) are for a 1 m short side.
double banner_scale(Size trim);

/// Lays out the banner on a page of `trim`, art running `bleed` past it. Text that does
/// not fit even at the template's (scaled) minimum sizes is an error naming the slot.
Page layout_banner(const BannerDoc& doc, const Template& tpl, const FontSet& fonts, Size trim,
                   Length bleed, Diagnostics& diags, BannerLayoutInfo* info = nullptr);

/// Splits text into words at spaces (runs of spaces count once).
std::vector<std::string> split_words(std::string_view text);

}  // namespace telar
