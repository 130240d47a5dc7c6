// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/qr.h"

#include <qrencode.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <string>

#include "base/c_handles.h"
#include "base/error.h"
#include "base/messages.h"

namespace telar {
namespace {

using QrInput = std::unique_ptr<QRinput, Free<QRinput_free>>;
using QrCode = std::unique_ptr<QRcode, Free<QRcode_free>>;

constexpr int kMaxVersion = 40;
constexpr unsigned kEciUtf8 = 26;  // ECI assignment number of UTF-8

// Data codewords of each version at L, M, Q, H (ISO/IEC 18004:2015 Table 7).
constexpr std::array<std::array<short, 4>, kMaxVersion> kDataCodewords = {{
    {19, 16, 13, 9},         {34, 28, 22, 16},        {55, 44, 34, 26},
    {80, 64, 48, 36},        {108, 86, 62, 46},       {136, 108, 76, 60},
    {156, 124, 88, 66},      {194, 154, 110, 86},     {232, 182, 132, 100},
    {274, 216, 154, 122},    {324, 254, 180, 140},    {370, 290, 206, 158},
    {428, 334, 244, 180},    {461, 365, 261, 197},    {523, 415, 295, 223},
    {589, 453, 325, 253},    {647, 507, 367, 283},    {721, 563, 397, 313},
    {795, 627, 445, 341},    {861, 669, 485, 385},    {932, 714, 512, 406},
    {1006, 782, 568, 442},   {1094, 860, 614, 464},   {1174, 914, 664, 514},
    {1276, 1000, 718, 538},  {1370, 1062, 754, 596},  {1468, 1128, 808, 628},
    {1531, 1193, 871, 661},  {1631, 1267, 911, 701},  {1735, 1373, 985, 745},
    {1843, 1455, 1033, 793}, {1955, 1541, 1115, 845}, {2071, 1631, 1171, 901},
    {2191, 1725, 1231, 961}, {2306, 1812, 1286, 986}, {2434, 1914, 1354, 1054},
    {2566, 1992, 1426, 1096}, {2702, 2102, 1502, 1142}, {2812, 2216, 1582, 1222},
    {2956, 2334, 1666, 1276},
}};

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

int level_index(QRecLevel level) {
  switch (level) {
    case QR_ECLEVEL_L:
      return 0;
    case QR_ECLEVEL_M:
      return 1;
    case QR_ECLEVEL_Q:
      return 2;
    default:
      return 3;
  }
}

/// Bytes of one 8-bit segment that fit `version` as libqrencode encodes them: 4 bits of
/// mode, the count (8 bits to version 9, 16 after), 8 per byte; with `eci`, the header
/// as libqrencode's version choice counts it: 28 bits (it writes 12 — mode and one byte —
/// but its estimate adds 4 bits for each of the header's 4 stored bytes), and a symbol it
/// estimates too full is encoded at a larger version. Past version 40 there is none to
/// move to, and only the 12 bits it writes count.
int byte_capacity(int version, QRecLevel level, bool eci) {
  const int bits = 8 * kDataCodewords[static_cast<std::size_t>(version - 1)]
                                     [static_cast<std::size_t>(level_index(level))];
  const int eci_bits = !eci ? 0 : version == kMaxVersion ? 12 : 28;
  const int header = 4 + (version <= 9 ? 8 : 16) + eci_bits;
  return std::max(0, (bits - header) / 8);
}

[[noreturn]] void fail_too_long(std::string_view text, char ec, bool eci) {
  throw Error(Exit::data_error, Loc{},
              msg(MsgId::qr_too_long, text.size(),
                  byte_capacity(kMaxVersion, ec_level(ec), eci), ec));
}

void check_not_empty(std::string_view text) {
  if (text.empty()) throw Error(Exit::data_error, Loc{}, msg(MsgId::qr_empty));
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
    if (static_cast<int>(utf8.size()) > byte_capacity(kMaxVersion, level, eci))
      fail_too_long(utf8, ec, eci);
    fail_internal(std::strerror(err));
  }
  return to_symbol(*code, ec, eci);
}

int qr_capacity_bytes(int version, char ec, bool eci) {
  if (version < 1 || version > kMaxVersion) fail_internal(fmt::format("QR version {}", version));
  return byte_capacity(version, ec_level(ec), eci);
}

int qr_version_for(int bytes, char ec, bool eci) {
  const QRecLevel level = ec_level(ec);
  for (int v = 1; v <= kMaxVersion; ++v)
    if (bytes <= byte_capacity(v, level, eci)) return v;
  return 0;
}

QrFit fit_qr(std::string_view utf8, char preferred, Length max_side) {
  QrFit fit;
  fit.bytes = static_cast<int>(utf8.size());
  check_not_empty(utf8);
  const bool eci = has_non_ascii(utf8);
  // The versions come from the capacity arithmetic; only the chosen symbol is encoded.
  constexpr std::string_view kLevels = "HQML";
  int smallest = 0;
  for (std::size_t i = kLevels.find(preferred); i < kLevels.size(); ++i) {
    const int version = qr_version_for(fit.bytes, kLevels[i], eci);
    if (version == 0) {
      if (kLevels[i] == 'L') fail_too_long(utf8, 'L', eci);  // that message says so
      continue;
    }
    smallest = version;
    if (kQrMinModule * static_cast<double>(17 + 4 * version + 2 * kQrQuietModules) <= max_side) {
      fit.symbol = encode_qr(utf8, kLevels[i]);
      if (fit.symbol->version != version)  // the capacity arithmetic is wrong: a bug
        fail_internal(fmt::format("QR version {} instead of {}", fit.symbol->version, version));
      return fit;
    }
  }
  const int modules = static_cast<int>(std::floor(max_side.pt() / kQrMinModule.pt() + 1e-9)) -
                      2 * kQrQuietModules;
  fit.largest_version = std::clamp((modules - 17) / 4, 0, kMaxVersion);
  if (modules < 21) fit.largest_version = 0;
  fit.largest_bytes =
      fit.largest_version > 0 ? byte_capacity(fit.largest_version, QR_ECLEVEL_L, eci) : 0;
  if (smallest > 0)
    fit.module_needed = Length::pt(max_side.pt() / (17 + 4 * smallest + 2 * kQrQuietModules));
  return fit;
}

Length qr_min_side(const QrSymbol& symbol, Length module) {
  return module * static_cast<double>(symbol.width + 2 * kQrQuietModules);
}

namespace {

/// One closed outline of the dark region: its corners in order, in module units.
using Outline = std::vector<std::array<int, 2>>;

/// The outlines of the modules where `dark(x, y)` (a w x w grid): directed boundary
/// edges, dark on the right of travel (clockwise on paper, y down); edges shared by two
/// dark modules cancel out. Then the edges are linked into loops: outer outlines run
/// clockwise, holes anticlockwise, so nonzero winding is 1 on dark modules and 0
/// elsewhere, however the loops are cut at the saddle points. Each outline starts at its
/// top-left corner.
template <typename Dark>
std::vector<Outline> trace_outlines(int w, Dark dark) {
  const int n = w + 1;  // vertices per side
  enum Dir : int { east, south, west, north };
  constexpr int dx[4] = {1, 0, -1, 0}, dy[4] = {0, 1, 0, -1};
  std::vector<std::uint8_t> out(static_cast<std::size_t>(n * n), 0);  // bit d: edge leaving in d
  auto vtx = [n](int x, int y) { return static_cast<std::size_t>(y * n + x); };
  auto on = [&](int x, int y) { return x >= 0 && y >= 0 && x < w && y < w && dark(x, y); };
  for (int y = 0; y < w; ++y) {
    for (int x = 0; x < w; ++x) {
      if (!on(x, y)) continue;
      if (!on(x, y - 1)) out[vtx(x, y)] |= 1 << east;
      if (!on(x + 1, y)) out[vtx(x + 1, y)] |= 1 << south;
      if (!on(x, y + 1)) out[vtx(x + 1, y + 1)] |= 1 << west;
      if (!on(x - 1, y)) out[vtx(x, y + 1)] |= 1 << north;
    }
  }
  std::vector<Outline> outlines;
  for (int sy = 0; sy < n; ++sy) {
    for (int sx = 0; sx < n; ++sx) {
      while (out[vtx(sx, sy)] != 0) {
        int dir = std::countr_zero(static_cast<unsigned>(out[vtx(sx, sy)]));
        out[vtx(sx, sy)] &= static_cast<std::uint8_t>(~(1 << dir));
        Outline loop;
        loop.push_back({sx, sy});
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
          if (next != dir) loop.push_back({x, y});
          dir = next;
          x += dx[dir];
          y += dy[dir];
        }
        outlines.push_back(std::move(loop));
      }
    }
  }
  return outlines;
}

constexpr double kKappa = 0.5522847498307936;  // quarter circle as one cubic Bézier
constexpr double kDot = 0.9;                   // a dot's diameter, in modules

/// `loop` with each corner where the outline turns right (an outer corner of the dark
/// region) rounded to a quarter circle of radius `r` (in modules, at most half of one).
void rounded_outline(Path& path, const Outline& loop, const std::function<Point(double, double)>& at,
                     double r) {
  const std::size_t n = loop.size();
  struct Corner {
    Point a, b, ca, cb;  // arc from a to b, control points ca, cb
    bool round;
  };
  std::vector<Corner> corners(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = loop[i];
    const auto& prev = loop[(i + n - 1) % n];
    const auto& next = loop[(i + 1) % n];
    const double ix = (p[0] > prev[0]) - (p[0] < prev[0]), iy = (p[1] > prev[1]) - (p[1] < prev[1]);
    const double ox = (next[0] > p[0]) - (next[0] < p[0]), oy = (next[1] > p[1]) - (next[1] < p[1]);
    const bool right = ix * oy - iy * ox > 0;  // y down: clockwise on paper
    const double rr = right ? r : 0;
    Corner& c = corners[i];
    c.round = right;
    c.a = at(p[0] - ix * rr, p[1] - iy * rr);
    c.b = at(p[0] + ox * rr, p[1] + oy * rr);
    c.ca = at(p[0] - ix * rr * (1 - kKappa), p[1] - iy * rr * (1 - kKappa));
    c.cb = at(p[0] + ox * rr * (1 - kKappa), p[1] + oy * rr * (1 - kKappa));
  }
  path.move_to(corners[0].b);
  for (std::size_t k = 1; k <= n; ++k) {
    const Corner& c = corners[k % n];
    path.line_to(c.a);
    if (c.round) path.curve_to(c.ca, c.cb, c.b);
  }
  path.close();
}

/// A dot of diameter `d` (points) centred on `c`, clockwise on paper like the outlines.
void dot(Path& path, Point c, double d) {
  const double r = d / 2, k = r * kKappa;
  path.move_to({c.x + r, c.y});
  path.curve_to({c.x + r, c.y + k}, {c.x + k, c.y + r}, {c.x, c.y + r});
  path.curve_to({c.x - k, c.y + r}, {c.x - r, c.y + k}, {c.x - r, c.y});
  path.curve_to({c.x - r, c.y - k}, {c.x - k, c.y - r}, {c.x, c.y - r});
  path.curve_to({c.x + k, c.y - r}, {c.x + r, c.y - k}, {c.x + r, c.y});
  path.close();
}

}  // namespace

Path qr_path(const QrSymbol& symbol, const Rect& box, QrStyle style) {
  const int w = symbol.width;
  const double module = std::min(box.w, box.h) / (w + 2 * kQrQuietModules);
  const double ox =
      box.x + (box.w - module * (w + 2 * kQrQuietModules)) / 2 + kQrQuietModules * module;
  const double oy =
      box.y + (box.h - module * (w + 2 * kQrQuietModules)) / 2 + kQrQuietModules * module;
  const std::function<Point(double, double)> at = [&](double x, double y) {
    return Point{ox + x * module, oy + y * module};
  };
  auto dark = [&](int x, int y) { return symbol.is_dark(x, y); };
  // The three 7 x 7 finder patterns: top left, top right, bottom left.
  auto finder = [w](int x, int y) { return (x < 7 || x >= w - 7) && (y < 7 || y >= w - 7) && (x < 7 || y < 7); };

  auto square = [&](Path& path, const std::vector<Outline>& outlines) {
    for (const Outline& loop : outlines) {
      path.move_to(at(loop[0][0], loop[0][1]));
      for (std::size_t i = 1; i < loop.size(); ++i) path.line_to(at(loop[i][0], loop[i][1]));
      path.close();
    }
  };
  Path path;
  if (style == QrStyle::square) {
    square(path, trace_outlines(w, dark));
    return path;
  }
  // The finder patterns keep their square corners in every style: readers find the code
  // by the 1:1:3:1:1 runs across them, diagonals included, and rounded finders at 1 mm
  // modules and more fail ZXing's diagonal check after a photocopy. The white separator
  // around each finder keeps its outlines apart from the rest.
  square(path, trace_outlines(w, [&](int x, int y) { return finder(x, y) && dark(x, y); }));
  if (style == QrStyle::rounded) {
    for (const Outline& loop :
         trace_outlines(w, [&](int x, int y) { return !finder(x, y) && dark(x, y); }))
      rounded_outline(path, loop, at, 0.5);
  } else {
    for (int y = 0; y < w; ++y)
      for (int x = 0; x < w; ++x)
        if (dark(x, y) && !finder(x, y)) dot(path, at(x + 0.5, y + 0.5), module * kDot);
  }
  return path;
}

}  // namespace telar
