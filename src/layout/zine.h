// SPDX-License-Identifier: GPL-3.0-or-later
// The eight pages of a QR-zine, laid out: cover, headline, the flowing body (with pull
// quotes, whole-page quotes and a notes page when there is room), back cover with QR code.
#pragma once

#include <vector>

#include "base/diag.h"
#include "compose/zine.h"
#include "layout/fonts.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar {

/// What the layout decided, for tests and for `--verbose` style reporting.
struct ZineLayoutInfo {
  double body_size = 0;  ///< points
  double leading = 0;    ///< body baseline to baseline, a multiple of body_size
  bool round_breaks = false;
  int flow_pages = 0, quote_pages = 0, notes_pages = 0;
  bool braid_page = false;  ///< a spare page holds the braid of shared words
};

/// Lays out the 8 pages (reading order) at mini-page size `page`. Text that does not fit
/// even at the template's minimum sizes is an error naming the slot (exit 65).
std::vector<Page> layout_zine(const ZineDoc& doc, const Template& tpl, const FontSet& fonts,
                              Size page, Diagnostics& diags, ZineLayoutInfo* info = nullptr);

/// Page 8 alone, exactly as layout_zine() lays it out, for a `doc` with a QR payload (a
/// back cover with a code depends on nothing inside): --qr-offline tries the whole story
/// on it without laying out the body. Throws as layout_zine() does when the code has no
/// room there.
Page layout_zine_back_cover(const ZineDoc& doc, const Template& tpl, const FontSet& fonts,
                            Size page, Diagnostics& diags);

}  // namespace telar
