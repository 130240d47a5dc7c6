// SPDX-License-Identifier: GPL-3.0-or-later
#define ZX_USE_UTF8 1  // ZXing 1.4: Result::text() returns UTF-8

#include "layout/qr_verify.h"

#include <ZXing/ReadBarcode.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/c_handles.h"
#include "base/error.h"
#include "base/messages.h"
#include "layout/cairo_path.h"

namespace telar {
namespace {

// The photocopy: toner at 22 % grey, paper at 82 %, a blur of about one 150 dpi pixel,
// noise of ±4 % from a fixed seed. Calibrated on URLs, short texts and a 1.4 kB text at
// four sub-pixel offsets: every code at 0.4 mm modules (2.4 px) reads back, a third of
// those at 0.35 mm do, none at 0.3 mm or less.
constexpr double kInk = 56, kPaper = 210;
constexpr int kNoise = 10;
constexpr std::uint32_t kSeed = 0x7E1A5u;

/// Separable blur with the kernel 1-2-1 (about a pixel of spread, as a copier's optics).
void blur(GreyImage& img) {
  std::vector<std::uint8_t> tmp(img.px.size());
  auto at = [&](const std::vector<std::uint8_t>& v, int x, int y) {
    x = std::clamp(x, 0, img.w - 1);
    y = std::clamp(y, 0, img.h - 1);
    return static_cast<int>(v[static_cast<std::size_t>(y * img.w + x)]);
  };
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x)
      tmp[static_cast<std::size_t>(y * img.w + x)] = static_cast<std::uint8_t>(
          (at(img.px, x - 1, y) + 2 * at(img.px, x, y) + at(img.px, x + 1, y) + 2) / 4);
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x)
      img.px[static_cast<std::size_t>(y * img.w + x)] = static_cast<std::uint8_t>(
          (at(tmp, x, y - 1) + 2 * at(tmp, x, y) + at(tmp, x, y + 1) + 2) / 4);
}

}  // namespace

GreyImage photocopy(const Path& path, const Rect& box, double dpi) {
  const double scale = dpi / 72.0;
  GreyImage img;
  img.w = std::max(1, static_cast<int>(std::ceil(box.w * scale)));
  img.h = std::max(1, static_cast<int>(std::ceil(box.h * scale)));
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, img.w, img.h));
  Cairo cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), scale, scale);
  cairo_translate(cr.get(), -box.x, -box.y);
  append_path(cr.get(), path);
  cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr.get());
  cairo_surface_flush(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw Error(Exit::failure, Loc{},
                msg(MsgId::render_failed, cairo_status_to_string(cairo_surface_status(surface.get()))));
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  img.px.resize(static_cast<std::size_t>(img.w) * static_cast<std::size_t>(img.h));
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x)  // A8: alpha of the ink; 255 - alpha is the white page
      img.px[static_cast<std::size_t>(y * img.w + x)] =
          static_cast<std::uint8_t>(255 - data[y * stride + x]);
  blur(img);
  std::uint32_t state = kSeed;
  for (std::uint8_t& p : img.px) {
    state = state * 1664525u + 1013904223u;  // Numerical Recipes' LCG: same noise everywhere
    const int noise = static_cast<int>((state >> 16) % (2 * kNoise + 1)) - kNoise;
    const double v = kInk + (kPaper - kInk) * p / 255.0 + noise;
    p = static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
  }
  return img;
}

std::vector<QrReading> read_qr_codes(const GreyImage& img) {
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  ZXing::ImageView view(img.px.data(), img.w, img.h, ZXing::ImageFormat::Lum);
  std::vector<QrReading> out;
  for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints)) {
    if (!r.isValid()) continue;
    out.push_back({r.text(), r.sequenceIndex(), r.sequenceSize()});
  }
  return out;
}

bool qr_scans_as(const Path& path, const Rect& box, const std::string& expected,
                 std::string* found) {
  std::vector<QrReading> got = read_qr_codes(photocopy(path, box));
  if (found) *found = got.empty() ? std::string() : got.front().text;
  return got.size() == 1 && got.front().text == expected;
}

void verify_qr_codes(std::span<const Page> pages, const Loc& where, Diagnostics& diags,
                     std::span<const std::string> page_labels) {
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::vector<Item>& items = pages[i].items;
    for (std::size_t k = 0; k < items.size(); ++k) {
      const auto* shape = std::get_if<Shape>(&items[k]);
      if (!shape || shape->qr_text.empty()) continue;
      std::string found;
      if (qr_scans_as(shape->path, shape->qr_box, shape->qr_text, &found)) continue;
      const std::string page =
          i < page_labels.size() ? page_labels[i] : fmt::format("{}", i + 1);
      if (found.empty())
        diags.error(where, msg(MsgId::qr_verify_unreadable, page, shape->slot,
                               fmt::format("{:.2f}", Length::pt(shape->qr_box.w).mm())));
      else
        diags.error(where, msg(MsgId::qr_verify_mismatch, page, shape->slot));
    }
  }
}

void add_qr_code(std::vector<Item>& items, const QrSymbol& symbol, const Rect& box,
                 const std::string& text, const Template& tpl, const std::string& slot,
                 Diagnostics& diags) {
  items.push_back(filled(box, Rgba{1, 1, 1, 1}, "qr"));  // the quiet zone on any paper
  Shape qr;
  qr.path = qr_path(symbol, box, tpl.qr_style);
  if (tpl.qr_style != QrStyle::square && !qr_scans_as(qr.path, box, text)) {
    const double module = std::min(box.w, box.h) / (symbol.width + 2 * kQrQuietModules);
    diags.warning(tpl.loc, msg(MsgId::qr_style_fallback, slot,
                               kQrStyleNames[static_cast<std::size_t>(tpl.qr_style)],
                               fmt::format("{:.2f}", Length::pt(module).mm())));
    qr.path = qr_path(symbol, box, QrStyle::square);
  }
  qr.fill = Rgba{0, 0, 0, 1};
  qr.slot = slot;
  qr.qr_text = text;
  qr.qr_box = box;
  items.push_back(std::move(qr));
}

}  // namespace telar
