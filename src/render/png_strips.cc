// SPDX-License-Identifier: GPL-3.0-or-later
// PNG in strips: the sheet is painted once into a recording surface, then replayed into a
// small image, a band of rows (and, past Cairo's 32,767-pixel limit, a piece of a band) at
// a time, and libpng compresses each band as it comes. A 3 x 1 m banner at 300 dpi (35,433
// x 11,811 px, 1.7 GB as one image) is written with a few tens of megabytes of pixels.
#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstring>

#include "base/error.h"
#include "render/output.h"
#include "render/paint.h"

namespace telar {
namespace {

constexpr int kStripRows = 64;    ///< rows rendered and compressed at a time
constexpr int kPieceCols = 4096;  ///< widest image Cairo is asked for

/// libpng's write state, destroyed on every path; errors come back through longjmp.
struct PngWriter {
  png_structp png = nullptr;
  png_infop info = nullptr;
  std::string bytes;
  std::string error;
  PngWriter() = default;
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;
  ~PngWriter() { png_destroy_write_struct(&png, &info); }
};

[[noreturn]] void on_error(png_structp png, png_const_charp what) {
  static_cast<PngWriter*>(png_get_error_ptr(png))->error = what;
  png_longjmp(png, 1);
}
void on_warning(png_structp, png_const_charp) {}

void on_write(png_structp png, png_bytep data, png_size_t n) {
  auto* w = static_cast<PngWriter*>(png_get_io_ptr(png));
  bool ok = true;
  try {
    w->bytes.append(reinterpret_cast<const char*>(data), n);
  } catch (...) {
    ok = false;
  }
  if (!ok) png_error(png, "out of memory");
}
void on_flush(png_structp) {}

/// Runs libpng calls; false when libpng reported an error. Nothing with a destructor may
/// live inside `calls` (libpng leaves by longjmp).
template <class F>
bool guarded(PngWriter& w, F&& calls) {
  if (setjmp(png_jmpbuf(w.png))) return false;
  calls();
  return true;
}

[[noreturn]] void png_failed(const PngWriter& w) {
  throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, "PNG: " + w.error));
}

int pixels(Length l, double dpi) { return static_cast<int>(std::lround(l.in() * dpi)); }

}  // namespace

Blob encode_png_strips(const Sheet& sheet, const std::vector<Page>& pages, double dpi, int compression,
                       const std::function<void(double)>& progress) {
  if (!(dpi > 0) || !std::isfinite(dpi))
    throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, "invalid dpi"));
  const int w = std::max(1, pixels(sheet.paper.w, dpi)), h = std::max(1, pixels(sheet.paper.h, dpi));

  const cairo_rectangle_t extents{0, 0, sheet.paper.w.pt(), sheet.paper.h.pt()};
  SurfaceRef rec = SurfaceRef::adopt(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  check_cairo(cairo_surface_status(rec.get()));
  {
    Cairo cr(cairo_create(rec.get()));
    paint_sheet(cr.get(), sheet, pages);
    check_cairo(cairo_status(cr.get()));
  }

  PngWriter out;
  out.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &out, on_error, on_warning);
  if (out.png == nullptr) throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, "PNG: no memory"));
  out.info = png_create_info_struct(out.png);
  if (out.info == nullptr) throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, "PNG: no memory"));
  const auto ppm = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
  if (!guarded(out, [&] {
        png_set_write_fn(out.png, &out, on_write, on_flush);
        png_set_IHDR(out.png, out.info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8,
                     PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                     PNG_FILTER_TYPE_DEFAULT);
        png_set_pHYs(out.png, out.info, ppm, ppm, PNG_RESOLUTION_METER);
        // Trying all five filters on every row (libpng's default) was half the time of a
        // big banner; "up" alone suits flat colour and big type, for a file ~10 % larger.
        png_set_filter(out.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
        // zlib's level: at its default (6) deflate was 74 % of a banner's instructions;
        // level 1 is about three times faster for a file a little larger (--png-compression).
        png_set_compression_level(out.png, std::clamp(compression, 0, 9));
        png_write_info(out.png, out.info);
      }))
    png_failed(out);

  const int piece_w = std::min(kPieceCols, w), strip_h = std::min(kStripRows, h);
  CairoSurface piece(cairo_image_surface_create(CAIRO_FORMAT_RGB24, piece_w, strip_h));
  check_cairo(cairo_surface_status(piece.get()));
  const double sx = w / sheet.paper.w.pt(), sy = h / sheet.paper.h.pt();
  const std::size_t row_bytes = static_cast<std::size_t>(w) * 3;
  std::vector<unsigned char> rows(row_bytes * static_cast<std::size_t>(strip_h));

  for (int y0 = 0; y0 < h; y0 += strip_h) {
    const int n = std::min(strip_h, h - y0);
    for (int x0 = 0; x0 < w; x0 += piece_w) {
      const int m = std::min(piece_w, w - x0);
      Cairo cr(cairo_create(piece.get()));
      cairo_set_source_rgb(cr.get(), 1, 1, 1);
      cairo_paint(cr.get());
      cairo_translate(cr.get(), -x0, -y0);
      cairo_scale(cr.get(), sx, sy);
      cairo_set_source_surface(cr.get(), rec.get(), 0, 0);
      cairo_paint(cr.get());
      check_cairo(cairo_status(cr.get()));
      cr.reset();
      cairo_surface_flush(piece.get());
      const unsigned char* data = cairo_image_surface_get_data(piece.get());
      const int stride = cairo_image_surface_get_stride(piece.get());
      for (int r = 0; r < n; ++r) {
        const unsigned char* src = data + static_cast<std::ptrdiff_t>(r) * stride;
        unsigned char* dst = rows.data() + static_cast<std::size_t>(r) * row_bytes + static_cast<std::size_t>(x0) * 3;
        for (int c = 0; c < m; ++c, src += 4, dst += 3) {
          std::uint32_t px;
          std::memcpy(&px, src, 4);
          dst[0] = static_cast<unsigned char>(px >> 16);
          dst[1] = static_cast<unsigned char>(px >> 8);
          dst[2] = static_cast<unsigned char>(px);
        }
      }
    }
    unsigned char* const base = rows.data();
    if (!guarded(out, [&] {
          for (int r = 0; r < n; ++r) png_write_row(out.png, base + static_cast<std::size_t>(r) * row_bytes);
        }))
      png_failed(out);
    if (progress) progress(static_cast<double>(y0 + n) / h);
  }
  if (!guarded(out, [&] { png_write_end(out.png, out.info); })) png_failed(out);
  return Blob{std::move(out.bytes)};
}

}  // namespace telar
