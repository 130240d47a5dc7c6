// SPDX-License-Identifier: GPL-3.0-or-later
// QR codes: text -> one symbol (libqrencode; one 8-bit segment, behind ECI 26 when it is
// UTF-8 beyond ASCII) at the smallest version that fits, the capacity arithmetic that
// chooses versions and error correction without trial encodes (fit_qr), and the symbol
// -> one seamless vector Path (square, rounded or dot modules) inside its 4-module quiet
// zone. Reading codes back is qr_verify.h; --qr-offline's cards are qr_cards.h (each card
// its own symbol: no structured append, see docs/qr-offline.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>  // c_handles.h (via page.h) uses std::exchange without it
#include <vector>

#include "base/geometry.h"
#include "base/units.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar {

/// Modules of one QR symbol, without the quiet zone.
struct QrSymbol {
  int width = 0;                   ///< modules per side (21 for version 1 … 177 for 40)
  std::vector<std::uint8_t> dark;  ///< row-major width*width; 1 = dark module
  int version = 0;                 ///< 1..40
  char ec = 'M';                   ///< error correction: 'L', 'M', 'Q' or 'H'
  bool eci = false;                ///< carries an ECI 26 (UTF-8) header

  bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)] != 0; }
};

/// Modules of quiet zone on every side (ISO/IEC 18004 asks for 4).
inline constexpr int kQrQuietModules = 4;
/// The smallest module that prints and scans reliably (PRODUCT.md §4).
inline constexpr Length kQrMinModule = Length::mm(0.4);

/// Encodes `utf8` as one symbol of the smallest version that fits at error correction `ec`
/// ('L', 'M', 'Q', 'H'). The bytes go in one 8-bit segment; when any byte is non-ASCII an
/// ECI 26 header comes first so readers decode UTF-8 (without it zbar shows "bater穩a").
/// Throws Error(data_error) when the text is empty or does not fit in version 40.
QrSymbol encode_qr(std::string_view utf8, char ec);

/// Bytes of text one symbol of `version` holds at `ec` (one 8-bit segment, plus the ECI
/// header when `eci`): 17 for 1-L, 213 for 10-M, 2953 for 40-L. Arithmetic on ISO/IEC
/// 18004's table of data codewords, as libqrencode counts (a test checks every entry
/// against libqrencode itself), so it costs nothing.
int qr_capacity_bytes(int version, char ec, bool eci);

/// The smallest version whose symbol holds `bytes` at `ec` (0: none, past version 40):
/// the version encode_qr() gives.
int qr_version_for(int bytes, char ec, bool eci);

/// The outcome of fit_qr(): a symbol that prints within the room, or the numbers of why not.
struct QrFit {
  std::optional<QrSymbol> symbol;  ///< empty: it does not fit
  int bytes = 0;                   ///< the text's length
  int largest_version = 0;         ///< the largest version that fits the room at 0.4 mm (0: none)
  int largest_bytes = 0;           ///< what that version holds at error correction L
  Length module_needed;            ///< the module this text's smallest code would have there
};

/// The most robust code for `utf8` whose side with quiet zone at 0.4 mm modules is within
/// `max_side`: error correction `preferred` first, then each lower level down to L.
QrFit fit_qr(std::string_view utf8, char preferred, Length max_side);

/// Side of the printed code, quiet zone included, at `module` per module.
Length qr_min_side(const QrSymbol& symbol, Length module = kQrMinModule);

/// The dark modules as one path to be filled with the nonzero rule. `box` (points) includes
/// the quiet zone; modules are square, side min(w, h)/(width + 8), and the code is centred
/// in `box`. square: closed axis-aligned outlines (holes wound the other way), no seams
/// between modules. rounded: the same outlines with every outer corner a quarter circle of
/// half a module (inner corners stay sharp). dots: each module a dot of 0.9 module. In
/// both, the three finder patterns stay square (readers find the code by them).
Path qr_path(const QrSymbol& symbol, const Rect& box, QrStyle style = QrStyle::square);

}  // namespace telar
