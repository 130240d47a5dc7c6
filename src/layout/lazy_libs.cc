// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/lazy_libs.h"

#include <dlfcn.h>

#include <string>

#include "base/error.h"

namespace telar::lazy {
namespace {

[[noreturn]] void unavailable(const char* library, const char* why) {
  throw Error(Exit::failure, Loc{}, msg(MsgId::render_failed, std::string(library) + ": " + (why ? why : "?")));
}

/// Opens `library` (never closed: its functions live as long as the process).
void* open(const char* library) {
  void* h = ::dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (h == nullptr) unavailable(library, ::dlerror());
  return h;
}

template <class F>
void bind(void* handle, const char* library, const char* name, F& out) {
  void* f = ::dlsym(handle, name);
  if (f == nullptr) unavailable(library, ::dlerror());
  out = reinterpret_cast<F>(f);
}

}  // namespace

const Rsvg& rsvg() {
  static const Rsvg fns = [] {
    constexpr const char* kLib = "librsvg-2.so.2";
    void* h = open(kLib);
    Rsvg r{};
    bind(h, kLib, "rsvg_handle_new_from_data", r.handle_new_from_data);
    bind(h, kLib, "rsvg_handle_set_dpi", r.handle_set_dpi);
    bind(h, kLib, "rsvg_handle_get_intrinsic_size_in_pixels", r.handle_get_intrinsic_size_in_pixels);
    bind(h, kLib, "rsvg_handle_get_intrinsic_dimensions", r.handle_get_intrinsic_dimensions);
    bind(h, kLib, "rsvg_handle_render_document", r.handle_render_document);
    return r;
  }();
  return fns;
}

const Pixbuf& pixbuf() {
  static const Pixbuf fns = [] {
    constexpr const char* kLib = "libgdk_pixbuf-2.0.so.0";
    void* h = open(kLib);
    Pixbuf p{};
    bind(h, kLib, "gdk_pixbuf_loader_new_with_type", p.loader_new_with_type);
    bind(h, kLib, "gdk_pixbuf_loader_write", p.loader_write);
    bind(h, kLib, "gdk_pixbuf_loader_close", p.loader_close);
    bind(h, kLib, "gdk_pixbuf_loader_get_pixbuf", p.loader_get_pixbuf);
    bind(h, kLib, "gdk_pixbuf_get_option", p.get_option);
    bind(h, kLib, "gdk_pixbuf_apply_embedded_orientation", p.apply_embedded_orientation);
    bind(h, kLib, "gdk_pixbuf_get_width", p.get_width);
    bind(h, kLib, "gdk_pixbuf_get_height", p.get_height);
    bind(h, kLib, "gdk_pixbuf_get_n_channels", p.get_n_channels);
    bind(h, kLib, "gdk_pixbuf_get_rowstride", p.get_rowstride);
    bind(h, kLib, "gdk_pixbuf_read_pixels", p.read_pixels);
    return p;
  }();
  return fns;
}

}  // namespace telar::lazy
