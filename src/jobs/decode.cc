// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/decode.h"

#include <cairo.h>

#include <fstream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/messages.h"
#include "base/module.h"
#include "compose/qr_payload.h"
#include "jobs/pdf_raster.h"
#include "layout/qr_verify.h"

namespace telar {
namespace {

constexpr double kPdfDpi = 200;

[[noreturn]] void unreadable(const std::filesystem::path& p) {
  if (!std::filesystem::exists(p)) throw Error(Exit::no_input, Loc{p.string()}, msg(MsgId::io_not_found));
  throw Error(Exit::data_error, Loc{p.string()}, msg(MsgId::decode_bad_image));
}

/// Luminance of a 32-bit xRGB/ARGB pixel row (alpha over white).
void grey_rows(const unsigned char* data, int w, int h, int stride, GreyImage& img) {
  img.w = w;
  img.h = h;
  img.px.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const std::uint32_t p = row[x];
      const unsigned a = p >> 24, r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
      unsigned v = (r * 299 + g * 587 + b * 114) / 1000;
      v = v * a / 255 + (255 - a);  // premultiplied: transparent is white paper
      img.px[static_cast<std::size_t>(y * w + x)] = static_cast<std::uint8_t>(std::min(v, 255u));
    }
  }
}

GreyImage read_png(const std::filesystem::path& p) {
  CairoSurface s(cairo_image_surface_create_from_png(p.c_str()));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) unreadable(p);
  cairo_surface_flush(s.get());
  GreyImage img;
  const cairo_format_t f = cairo_image_surface_get_format(s.get());
  if (f != CAIRO_FORMAT_ARGB32 && f != CAIRO_FORMAT_RGB24) {  // grey or 16-bit PNGs: convert
    CairoSurface rgb(cairo_image_surface_create(CAIRO_FORMAT_RGB24, cairo_image_surface_get_width(s.get()),
                                                cairo_image_surface_get_height(s.get())));
    Cairo cr(cairo_create(rgb.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_set_source_surface(cr.get(), s.get(), 0, 0);
    cairo_paint(cr.get());
    cairo_surface_flush(rgb.get());
    s = std::move(rgb);
  }
  const bool opaque = cairo_image_surface_get_format(s.get()) == CAIRO_FORMAT_RGB24;
  grey_rows(cairo_image_surface_get_data(s.get()), cairo_image_surface_get_width(s.get()),
            cairo_image_surface_get_height(s.get()), cairo_image_surface_get_stride(s.get()), img);
  if (opaque) {  // RGB24's top byte is undefined: redo without alpha
    const unsigned char* d = cairo_image_surface_get_data(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    for (int y = 0; y < img.h; ++y) {
      const auto* row = reinterpret_cast<const std::uint32_t*>(d + static_cast<std::ptrdiff_t>(y) * stride);
      for (int x = 0; x < img.w; ++x) {
        const std::uint32_t q = row[x];
        img.px[static_cast<std::size_t>(y * img.w + x)] =
            static_cast<std::uint8_t>((((q >> 16) & 255) * 299 + ((q >> 8) & 255) * 587 + (q & 255) * 114) / 1000);
      }
    }
  }
  return img;
}

/// telar_rasterise_pdf from its module (base/module.h). Loaded once.
decltype(&telar_rasterise_pdf) rasteriser() {
  static const auto fn = reinterpret_cast<decltype(&telar_rasterise_pdf)>(
      module_symbol(kPdfRasterModule, "telar_rasterise_pdf"));
  return fn;
}

std::vector<GreyImage> read_pdf(const std::filesystem::path& p) {
  std::vector<GreyImage> out;
  auto on_page = [](void* user, const unsigned char* argb, int w, int h, int stride) {
    GreyImage g;
    grey_rows(argb, w, h, stride, g);
    static_cast<std::vector<GreyImage>*>(user)->push_back(std::move(g));
  };
  if (rasteriser()(p.c_str(), kPdfDpi, on_page, &out) != 0) unreadable(p);
  return out;
}

bool has_ext(const std::filesystem::path& p, std::string_view ext) {
  std::string e = p.extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e == ext;
}

}  // namespace

std::string decode_story(const DecodeJob& job, Diagnostics& diags) {
  if (job.inputs.empty()) throw Error::usage(msg(MsgId::usage_missing_input));
  std::vector<std::string> texts;
  for (const std::filesystem::path& in : job.inputs) {
    std::ifstream probe(in, std::ios::binary);
    if (!probe) throw Error(Exit::no_input, Loc{in.string()}, msg(MsgId::io_not_found));
    std::vector<GreyImage> images;
    if (has_ext(in, ".pdf"))
      images = read_pdf(in);
    else if (has_ext(in, ".png"))
      images.push_back(read_png(in));
    else
      unreadable(in);
    for (const GreyImage& img : images)
      for (QrReading& r : read_qr_codes(img)) texts.push_back(std::move(r.text));
  }
  Reassembled story = reassemble_cards(texts);
  if (story.count == 0) diags.fail(Loc{job.inputs.front().string()}, msg(MsgId::decode_no_cards));
  if (!story.missing.empty()) {
    std::string names;
    for (int k : story.missing) names += fmt::format("{}{}/{}", names.empty() ? "" : ", ", k, story.count);
    diags.fail(Loc{job.inputs.front().string()}, msg(MsgId::decode_missing, story.count, names));
  }
  if (!job.out.empty()) commit_files({FileBytes{job.out, story.circle}});
  return story.circle;
}

}  // namespace telar
