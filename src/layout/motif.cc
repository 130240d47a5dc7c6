// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/motif.h"

#include <cairo.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "base/c_handles.h"
#include "base/error.h"
#include "base/image_header.h"
#include "base/source.h"
#include "layout/lazy_libs.h"

namespace telar {
namespace {

constexpr double kCssPxToPt = 72.0 / 96.0;

/// The librsvg handle an SVG motif's recording came from, kept on the recording surface so
/// that an SVG sheet can draw the motif straight from it (draw_svg_motif).
const cairo_user_data_key_t kRsvgHandleKey{};

void unref_handle(void* handle) { g_object_unref(handle); }

constexpr std::size_t kMaxSvgUses = 24;

[[noreturn]] void bad(const std::string& name, Message m) {
  throw Error(Exit::data_error, Loc{name, 0, 0, {}}, std::move(m));
}

bool is_png(std::string_view b) { return b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n"; }

bool looks_like_svg(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  const std::size_t first = b.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && b[first] == '<' &&
         b.substr(0, 4096).find("<svg") != std::string_view::npos;
}

std::string take_message(GError* e) {
  GErrorRef owned(e);
  return owned ? owned->message : "unknown error";
}

/// Counts "<use" elements: each may repeat a group that itself repeats others, so a few
/// hundred bytes can ask for billions of shapes (a "use bomb"). See docs/limits.md.
std::size_t count_uses(std::string_view b) {
  std::size_t n = 0;
  for (std::size_t i = b.find("<use"); i != std::string_view::npos; i = b.find("<use", i + 4)) ++n;
  return n;
}

Picture svg(const std::string& name, std::string_view bytes) {
  if (std::size_t uses = count_uses(bytes); uses > kMaxSvgUses)
    bad(name, msg(MsgId::motif_too_many_uses, uses, kMaxSvgUses));
  const lazy::Rsvg& rsvg = lazy::rsvg();
  GError* err = nullptr;
  // From data, with no base file: an SVG cannot pull in other files (privacy).
  GRef<RsvgHandle> h = GRef<RsvgHandle>::adopt(
      rsvg.handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &err));
  if (!h) bad(name, msg(MsgId::motif_bad_svg, take_message(err)));
  rsvg.handle_set_dpi(h.get(), 96);
  double w = 0, hgt = 0;
  if (!rsvg.handle_get_intrinsic_size_in_pixels(h.get(), &w, &hgt)) {
    gboolean has_w, has_h, has_vb;
    RsvgLength lw, lh;
    RsvgRectangle vb;
    rsvg.handle_get_intrinsic_dimensions(h.get(), &has_w, &lw, &has_h, &lh, &has_vb, &vb);
    if (!has_vb) bad(name, msg(MsgId::motif_no_size));
    w = vb.width;
    hgt = vb.height;
  }
  if (!(w > 0) || !(hgt > 0)) bad(name, msg(MsgId::motif_no_size));
  w *= kCssPxToPt;
  hgt *= kCssPxToPt;

  const cairo_rectangle_t extents{0, 0, w, hgt};
  SurfaceRef rec =
      SurfaceRef::adopt(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  {
    Cairo cr(cairo_create(rec.get()));
    const RsvgRectangle viewport{0, 0, w, hgt};
    if (!rsvg.handle_render_document(h.get(), cr.get(), &viewport, &err))
      bad(name, msg(MsgId::motif_bad_svg, take_message(err)));
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      bad(name, msg(MsgId::motif_bad_svg, cairo_status_to_string(cairo_status(cr.get()))));
  }
  g_object_ref(h.get());
  if (cairo_surface_set_user_data(rec.get(), &kRsvgHandleKey, h.get(), unref_handle) !=
      CAIRO_STATUS_SUCCESS) {
    g_object_unref(h.get());
    bad(name, msg(MsgId::motif_bad_svg, cairo_status_to_string(CAIRO_STATUS_NO_MEMORY)));
  }
  Picture p;
  p.art = std::move(rec);
  p.natural = Size{Length::pt(w), Length::pt(hgt)};
  return p;
}

struct PngReader {
  std::string_view data;
  std::size_t pos = 0;
};

cairo_status_t read_png(void* closure, unsigned char* out, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->data.size() - r->pos < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(out, r->data.data() + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

Picture png(const std::string& name, std::string_view bytes) {
  if (auto px = png_size(bytes); px && !image_size_ok(*px))
    bad(name, msg(MsgId::image_too_large, px->w, px->h, kMaxImagePixels / 1'000'000, kMaxImageSide));
  PngReader reader{bytes};
  SurfaceRef img = SurfaceRef::adopt(cairo_image_surface_create_from_png_stream(read_png, &reader));
  if (cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS) bad(name, msg(MsgId::motif_bad_png));
  const int w = cairo_image_surface_get_width(img.get()),
            h = cairo_image_surface_get_height(img.get());
  if (w <= 0 || h <= 0) bad(name, msg(MsgId::motif_bad_png));
  Picture p;
  p.art = std::move(img);
  p.natural = Size{Length::pt(w), Length::pt(h)};
  return p;
}

}  // namespace

Rect fit_into(Size natural, Rect box) {
  if (natural.w.pt() <= 0 || natural.h.pt() <= 0) return {box.x, box.y, 0, 0};
  const double s = std::min(box.w / natural.w.pt(), box.h / natural.h.pt());
  const double w = natural.w.pt() * s, h = natural.h.pt() * s;
  return {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

Picture motif_from_bytes(const std::string& name, std::string_view bytes, Rect box) {
  Picture p;
  if (is_png(bytes))
    p = png(name, bytes);
  else if (looks_like_svg(bytes))
    p = svg(name, bytes);
  else
    bad(name, msg(MsgId::motif_unknown_type));
  p.box = fit_into(p.natural, box);
  return p;
}

bool draw_svg_motif(cairo_t* cr, cairo_surface_t* art) {
  auto* handle = static_cast<RsvgHandle*>(cairo_surface_get_user_data(art, &kRsvgHandleKey));
  if (handle == nullptr) return false;
  cairo_rectangle_t extents;
  if (!cairo_recording_surface_get_extents(art, &extents)) return false;
  const RsvgRectangle viewport{0, 0, extents.width, extents.height};
  // Drawn before (when loading), so it cannot fail now for a reason of its own.
  return lazy::rsvg().handle_render_document(handle, cr, &viewport, nullptr) != FALSE;
}

Picture load_motif(const std::filesystem::path& file, Rect box) {
  SourceText src = read_source(file);  // throws Error(no_input) naming the file
  return motif_from_bytes(src.name(), src.bytes(), box);
}

}  // namespace telar
