// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/qr.h"

#include <qrencode.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "base/c_handles.h"
#include "base/error.h"
#include "base/messages.h"

namespace telar {
namespace {

using QrInput = std::unique_ptr<QRinput, Free<QRinput_free>>;
using QrInputStruct = std::unique_ptr<QRinput_Struct, Free<QRinput_Struct_free>>;
using QrCode = std::unique_ptr<QRcode, Free<QRcode_free>>;
using QrCodeList = std::unique_ptr<QRcode_List, Free<QRcode_List_free>>;

constexpr int kMaxVersion = 40;
constexpr int kMaxLinked = 16;     // structured append holds at most 16 symbols
constexpr unsigned kEciUtf8 = 26;  // ECI assignment number of UTF-8

[[noreturn]] void fail_internal(const std::string& what) {
  throw Error(Exit::failure, Loc{}, msg(MsgId::internal_error, what));
}

QRecLevel ec_level(char ec) {
  switch (ec) {
    case 'L':
      return QR_ECLEVEL_L;
    case 'M':
      return QR_ECLEVEL_M;
    case 'Q':
      return QR_ECLEVEL_Q;
    case 'H':
      return QR_ECLEVEL_H;
    default:
      fail_internal(fmt::format("QR error correction level '{}'", ec));
  }
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
}

/// One QRinput: optional ECI 26 header, then the bytes as one 8-bit segment. `version` is
/// a minimum: libqrencode raises it when the data needs more room.
QrInput make_input(std::string_view bytes, int version, QRecLevel level, bool eci) {
  QrInput in(QRinput_new2(version, level));
  if (!in) fail_internal(std::strerror(errno));
  if (eci && QRinput_appendECIheader(in.get(), kEciUtf8) != 0) fail_internal(std::strerror(errno));
  if (QRinput_append(in.get(), QR_MODE_8, static_cast<int>(bytes.size()),
                     reinterpret_cast<const unsigned char*>(bytes.data())) != 0)
    fail_internal(std::strerror(errno));
  return in;
}

QrSymbol to_symbol(const QRcode& code, char ec, bool eci) {
  QrSymbol s;
  s.width = code.width;
  s.version = code.version;
  s.ec = ec;
  s.eci = eci;
  const std::size_t n = static_cast<std::size_t>(code.width) * static_cast<std::size_t>(code.width);
  s.dark.resize(n);
  for (std::size_t i = 0; i < n; ++i) s.dark[i] = code.data[i] & 1;  // bit 0 = dark
  return s;
}

/// Whether `n` filler bytes fit `version` as libqrencode encodes them: as one symbol, or as
/// the first of a linked pair (the structured append header costs 20 bits).
bool fits(int n, int version, QRecLevel level, bool eci, bool linked) {
  const std::string filler(static_cast<std::size_t>(n), 'a');
  if (!linked) {
    QrCode code(QRcode_encodeInput(make_input(filler, version, level, eci).get()));
    return code && code->version == version;
  }
  QrInputStruct set(QRinput_Struct_new());
  if (!set) fail_internal(std::strerror(errno));
  for (std::string_view piece : {std::string_view(filler), std::string_view("a")}) {
    QrInput in = make_input(piece, version, level, eci);
    if (QRinput_Struct_appendInput(set.get(), in.get()) < 0) fail_internal(std::strerror(errno));
    in.release();
  }
  if (QRinput_Struct_insertStructuredAppendHeaders(set.get()) != 0)
    fail_internal(std::strerror(errno));
  QrCodeList list(QRcode_encodeInputStructured(set.get()));
  return list && list->code->version == version;
}

/// Bytes of one 8-bit segment that fit `version`, found by asking libqrencode itself (no
/// copied capacity table): its version choice also counts an ECI header 16 bits too long,
/// and only an encode says exactly where it stops.
int byte_capacity(int version, QRecLevel level, bool eci, bool linked) {
  static std::mutex mutex;
  static std::array<int, (kMaxVersion + 1) * 4 * 4> cache{};  // 0 = not probed yet
  std::lock_guard lock(mutex);
  int& slot = cache[static_cast<std::size_t>(((version * 4 + level) * 2 + eci) * 2 + linked)];
  if (slot != 0) return slot;
  int lo = 0, hi = 3000;  // v40-L holds 2953 bytes
  while (lo < hi) {
    int mid = lo + (hi - lo + 1) / 2;
    if (fits(mid, version, level, eci, linked))
      lo = mid;
    else
      hi = mid - 1;
  }
  slot = lo;
  return slot;
}

[[noreturn]] void fail_too_long(std::string_view text, char ec, bool eci) {
  throw Error(Exit::data_error, Loc{},
              msg(MsgId::qr_too_long, text.size(),
                  byte_capacity(kMaxVersion, ec_level(ec), eci, false), ec));
}

void check_not_empty(std::string_view text) {
  if (text.empty()) throw Error(Exit::data_error, Loc{}, msg(MsgId::qr_empty));
}

/// Cuts `text` into pieces of at most `max_bytes`, never inside a UTF-8 sequence.
std::vector<std::string_view> split_utf8(std::string_view text, std::size_t max_bytes) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(text.size(), pos + max_bytes);
    while (end > pos && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      --end;
    if (end == pos) end = std::min(text.size(), pos + max_bytes);  // invalid UTF-8: cut anyway
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

}  // namespace

QrSymbol encode_qr(std::string_view utf8, char ec) {
  check_not_empty(utf8);
  const QRecLevel level = ec_level(ec);
  const bool eci = has_non_ascii(utf8);
  QrInput input = make_input(utf8, 0, level, eci);
  QrCode code(QRcode_encodeInput(input.get()));
  if (!code) {
    const int err = errno;
    if (static_cast<int>(utf8.size()) > byte_capacity(kMaxVersion, level, eci, false))
      fail_too_long(utf8, ec, eci);
    fail_internal(std::strerror(err));
  }
  return to_symbol(*code, ec, eci);
}

std::vector<QrSymbol> encode_qr_structured(std::string_view utf8, char ec, int max_version) {
  check_not_empty(utf8);
  const QRecLevel level = ec_level(ec);
  if (max_version < 1 || max_version > kMaxVersion)
    fail_internal(fmt::format("QR version {}", max_version));
  const bool eci = has_non_ascii(utf8);
  if (static_cast<int>(utf8.size()) <= byte_capacity(max_version, level, eci, false))
    return {encode_qr(utf8, ec)};

  const int per_symbol = byte_capacity(max_version, level, eci, true);
  auto pieces = split_utf8(utf8, static_cast<std::size_t>(std::max(per_symbol, 4)));
  if (per_symbol < 4 || pieces.size() > static_cast<std::size_t>(kMaxLinked))
    throw Error(Exit::data_error, Loc{},
                msg(MsgId::qr_too_long_linked, utf8.size(), kMaxLinked, max_version, ec));

  QrInputStruct set(QRinput_Struct_new());
  if (!set) fail_internal(std::strerror(errno));
  for (std::string_view piece : pieces) {
    QrInput in = make_input(piece, max_version, level, eci);
    if (QRinput_Struct_appendInput(set.get(), in.get()) < 0) fail_internal(std::strerror(errno));
    in.release();  // the set owns it now
  }
  // Parity over the message's data bytes (ISO/IEC 18004 §7.4.2); computed here so the ECI
  // headers never enter it.
  unsigned char parity = 0;
  for (char c : utf8) parity ^= static_cast<unsigned char>(c);
  QRinput_Struct_setParity(set.get(), parity);
  if (QRinput_Struct_insertStructuredAppendHeaders(set.get()) != 0)
    fail_internal(std::strerror(errno));

  QrCodeList list(QRcode_encodeInputStructured(set.get()));
  if (!list) fail_internal(std::strerror(errno));
  std::vector<QrSymbol> out;
  for (const QRcode_List* node = list.get(); node != nullptr; node = node->next) {
    if (node->code->version != max_version)  // the capacity arithmetic is wrong: a bug
      fail_internal(fmt::format("QR symbol grew to version {}", node->code->version));
    out.push_back(to_symbol(*node->code, ec, eci));
  }
  if (out.size() != pieces.size()) fail_internal("QR structured append count");
  return out;
}

int qr_capacity_bytes(int version, char ec, bool eci) {
  if (version < 1 || version > kMaxVersion) fail_internal(fmt::format("QR version {}", version));
  return byte_capacity(version, ec_level(ec), eci, false);
}

QrFit fit_qr(std::string_view utf8, char preferred, Length max_side) {
  QrFit fit;
  fit.bytes = static_cast<int>(utf8.size());
  constexpr std::string_view kLevels = "HQML";
  std::optional<QrSymbol> smallest;
  for (std::size_t i = kLevels.find(preferred); i < kLevels.size(); ++i) {
    try {
      QrSymbol sym = encode_qr(utf8, kLevels[i]);
      if (qr_min_side(sym) <= max_side) {
        fit.symbol = std::move(sym);
        return fit;
      }
      smallest = std::move(sym);
    } catch (const Error&) {
      if (kLevels[i] == 'L') throw;  // too long for any version: that message says so
    }
  }
  const int modules = static_cast<int>(std::floor(max_side.pt() / kQrMinModule.pt() + 1e-9)) -
                      2 * kQrQuietModules;
  fit.largest_version = std::clamp((modules - 17) / 4, 0, kMaxVersion);
  if (modules < 21) fit.largest_version = 0;
  fit.largest_bytes = fit.largest_version > 0
                          ? byte_capacity(fit.largest_version, QR_ECLEVEL_L, has_non_ascii(utf8), false)
                          : 0;
  if (smallest)
    fit.module_needed = Length::pt(max_side.pt() / (smallest->width + 2 * kQrQuietModules));
  return fit;
}

Length qr_min_side(const QrSymbol& symbol, Length module) {
  return module * static_cast<double>(symbol.width + 2 * kQrQuietModules);
}

Path qr_path(const QrSymbol& symbol, const Rect& box) {
  // Directed boundary edges of the dark region, dark on the right of travel (clockwise on
  // paper, y down); edges shared by two dark modules cancel out. Then the edges are linked
  // into loops: outer outlines run clockwise, holes anticlockwise, so nonzero winding is 1
  // on dark modules and 0 elsewhere, however the loops are cut at the saddle points.
  const int w = symbol.width;
  const int n = w + 1;  // vertices per side
  enum Dir : int { east, south, west, north };
  constexpr int dx[4] = {1, 0, -1, 0}, dy[4] = {0, 1, 0, -1};
  std::vector<std::uint8_t> out(static_cast<std::size_t>(n * n), 0);  // bit d: edge leaving in d
  auto vtx = [n](int x, int y) { return static_cast<std::size_t>(y * n + x); };
  auto dark = [&](int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < w && symbol.is_dark(x, y);
  };
  for (int y = 0; y < w; ++y) {
    for (int x = 0; x < w; ++x) {
      if (!dark(x, y)) continue;
      if (!dark(x, y - 1)) out[vtx(x, y)] |= 1 << east;
      if (!dark(x + 1, y)) out[vtx(x + 1, y)] |= 1 << south;
      if (!dark(x, y + 1)) out[vtx(x + 1, y + 1)] |= 1 << west;
      if (!dark(x - 1, y)) out[vtx(x, y + 1)] |= 1 << north;
    }
  }

  const double module = std::min(box.w, box.h) / (w + 2 * kQrQuietModules);
  const double ox =
      box.x + (box.w - module * (w + 2 * kQrQuietModules)) / 2 + kQrQuietModules * module;
  const double oy =
      box.y + (box.h - module * (w + 2 * kQrQuietModules)) / 2 + kQrQuietModules * module;
  auto point = [&](int x, int y) { return Point{ox + x * module, oy + y * module}; };

  Path path;
  for (int sy = 0; sy < n; ++sy) {
    for (int sx = 0; sx < n; ++sx) {
      while (out[vtx(sx, sy)] != 0) {
        int dir = std::countr_zero(static_cast<unsigned>(out[vtx(sx, sy)]));
        out[vtx(sx, sy)] &= static_cast<std::uint8_t>(~(1 << dir));
        path.move_to(point(sx, sy));
        int x = sx + dx[dir], y = sy + dy[dir];
        while (x != sx || y != sy) {
          const std::uint8_t here = out[vtx(x, y)];
          // Prefer a right turn at a saddle (two modules touching at a corner): each loop
          // then goes round one module's corner and never crosses itself.
          int next = -1;
          for (int turn : {1, 0, 3}) {
            int d = (dir + turn) % 4;
            if (here & (1 << d)) {
              next = d;
              break;
            }
          }
          if (next < 0) fail_internal("QR outline is not closed");
          out[vtx(x, y)] &= static_cast<std::uint8_t>(~(1 << next));
          if (next != dir) path.line_to(point(x, y));
          dir = next;
          x += dx[dir];
          y += dy[dir];
        }
        path.close();
      }
    }
  }
  return path;
}

}  // namespace telar
