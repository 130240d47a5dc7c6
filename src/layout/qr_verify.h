// SPDX-License-Identifier: GPL-3.0-or-later
// Verify before write: every QR code in a display list is rasterised at its printed size,
// degraded like a photocopy (blur, contrast loss, seeded noise), read back with ZXing and
// compared byte for byte with what it must say. Also the reader `telar decode` uses, and
// the one place a laid-out QR code is made (add_qr_code: the template's style, checked).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/diag.h"
#include "layout/page.h"
#include "layout/qr.h"
#include "template/template.h"

namespace telar {

/// A grey image, one byte per pixel (0 = black, 255 = white), rows without padding.
struct GreyImage {
  int w = 0, h = 0;
  std::vector<std::uint8_t> px;
};

/// One code read from an image: its text (UTF-8 after ECI) and its structured-append place.
struct QrReading {
  std::string text;
  int sequence_index = -1;  ///< 0-based; -1 when not part of a structured-append set
  int sequence_size = -1;
};

/// The verification raster's resolution: a cheap phone photographing a photocopy.
inline constexpr double kQrVerifyDpi = 150;

/// `path` (points) filled black on white at `dpi`, cropped to `box` (the code with its
/// quiet zone), then degraded deterministically: 1 px blur, toner grey and paper grey
/// closer together, seeded noise. The same inputs give the same pixels.
GreyImage photocopy(const Path& path, const Rect& box, double dpi = kQrVerifyDpi);

/// Every QR code ZXing finds in `img`.
std::vector<QrReading> read_qr_codes(const GreyImage& img);

/// Whether the code drawn as `path` in `box` reads back as exactly `expected` from its
/// photocopy at 150 dpi. `found` gets what was read (empty: nothing).
bool qr_scans_as(const Path& path, const Rect& box, const std::string& expected,
                 std::string* found = nullptr);

/// Checks every Shape that carries `qr_text` on every page; a code that does not read back
/// is an error naming `page_label(i)` (1-based page numbers when empty) and the slot.
void verify_qr_codes(std::span<const Page> pages, const Loc& where, Diagnostics& diags,
                     std::span<const std::string> page_labels = {});

/// A QR code for `text` in `box` (points, quiet zone included) appended to `items`: a white
/// square (slot "qr": the quiet zone on any paper colour), then the code in the template's
/// qr.style (slot `slot`). A style other than square that does not read back from its
/// photocopy is drawn square instead, with a warning; that check runs with --no-verify
/// too, so the output never depends on the flag.
void add_qr_code(std::vector<Item>& items, const QrSymbol& symbol, const Rect& box,
                 const std::string& text, const Template& tpl, const std::string& slot,
                 Diagnostics& diags);

}  // namespace telar
