// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/image.h"

#include <cstdint>
#include <cstring>

#include "base/c_handles.h"
#include "base/error.h"
#include "base/image_header.h"
#include "base/source.h"
#include "layout/lazy_libs.h"
#include "layout/motif.h"

namespace telar {
namespace {

bool is_jpeg(std::string_view b) { return b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF"; }

[[noreturn]] void bad_jpeg(const std::string& name, GError* err) {
  const GErrorRef owned(err);
  const std::string why = owned ? owned->message : "unknown error";
  throw Error(Exit::data_error, Loc{name, 0, 0, {}}, msg(MsgId::image_bad_jpeg, why));
}

GRef<GdkPixbuf> decode_jpeg(const std::string& name, std::string_view bytes) {
  // The size from the header, before the decoder allocates the pixels.
  if (auto px = jpeg_size(bytes); px && !image_size_ok(*px))
    throw Error(Exit::data_error, Loc{name, 0, 0, {}},
                msg(MsgId::image_too_large, px->w, px->h, kMaxImagePixels / 1'000'000, kMaxImageSide));
  const lazy::Pixbuf& px = lazy::pixbuf();
  GError* err = nullptr;
  GRef<GdkPixbufLoader> loader =
      GRef<GdkPixbufLoader>::adopt(px.loader_new_with_type("jpeg", &err));
  if (!loader) bad_jpeg(name, err);
  const bool wrote = px.loader_write(
      loader.get(), reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &err);
  // close() must run even after a failed write (it releases the decoder).
  GError* close_err = nullptr;
  const bool closed = px.loader_close(loader.get(), wrote ? &close_err : nullptr);
  if (!wrote) bad_jpeg(name, err);
  if (!closed) bad_jpeg(name, close_err);
  GdkPixbuf* pixbuf = px.loader_get_pixbuf(loader.get());
  if (pixbuf == nullptr) bad_jpeg(name, nullptr);
  g_object_ref(pixbuf);
  return GRef<GdkPixbuf>::adopt(pixbuf);
}

void free_bytes(void* p) { g_free(p); }

Picture jpeg(const std::string& name, std::string_view bytes) {
  const lazy::Pixbuf& px = lazy::pixbuf();
  GRef<GdkPixbuf> pb = decode_jpeg(name, bytes);
  // A camera's EXIF orientation turns the pixels; the file's bytes would not be turned, so
  // such a picture goes into the PDF as the (turned) pixels instead.
  const char* orientation = px.get_option(pb.get(), "orientation");
  const bool turned = orientation != nullptr && std::strcmp(orientation, "1") != 0;
  if (turned) pb = GRef<GdkPixbuf>::adopt(px.apply_embedded_orientation(pb.get()));
  const int w = px.get_width(pb.get()), h = px.get_height(pb.get());
  const int channels = px.get_n_channels(pb.get());
  const int stride = px.get_rowstride(pb.get());
  const guchar* src = px.read_pixels(pb.get());
  SurfaceRef img = SurfaceRef::adopt(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS || w <= 0 || h <= 0)
    bad_jpeg(name, nullptr);
  cairo_surface_flush(img.get());
  unsigned char* dst = cairo_image_surface_get_data(img.get());
  const int dst_stride = cairo_image_surface_get_stride(img.get());
  for (int y = 0; y < h; ++y) {
    const guchar* s = src + static_cast<std::ptrdiff_t>(y) * stride;
    auto* d = reinterpret_cast<std::uint32_t*>(dst + static_cast<std::ptrdiff_t>(y) * dst_stride);
    for (int x = 0; x < w; ++x, s += channels)
      d[x] = (std::uint32_t{s[0]} << 16) | (std::uint32_t{s[1]} << 8) | std::uint32_t{s[2]};
  }
  cairo_surface_mark_dirty(img.get());
  if (!turned) {
    void* copy = g_memdup2(bytes.data(), bytes.size());
    cairo_surface_set_mime_data(img.get(), CAIRO_MIME_TYPE_JPEG,
                                static_cast<const unsigned char*>(copy), bytes.size(), free_bytes,
                                copy);
  }
  Picture p;
  p.art = std::move(img);
  p.natural = Size{Length::pt(w), Length::pt(h)};
  return p;
}

}  // namespace

Picture image_from_bytes(const std::string& name, std::string_view bytes, Rect box) {
  if (!is_jpeg(bytes)) return motif_from_bytes(name, bytes, box);
  Picture p = jpeg(name, bytes);
  p.box = fit_into(p.natural, box);
  return p;
}

Picture load_image(const std::filesystem::path& file, Rect box) {
  SourceText src = read_source(file);  // throws Error(no_input) naming the file
  return image_from_bytes(src.name(), src.bytes(), box);
}

bool is_raster(const Picture& p) {
  return p.art && cairo_surface_get_type(p.art.get()) == CAIRO_SURFACE_TYPE_IMAGE;
}

}  // namespace telar
