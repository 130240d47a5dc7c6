// SPDX-License-Identifier: GPL-3.0-or-later
// Owners for C handles (Cairo, Pango, GLib, fontconfig): every handle has one.
#pragma once

#include <memory>
#include <utility>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>

namespace telar {

template <auto Fn>
struct Free {
  template <class T>
  void operator()(T* p) const {
    if (p != nullptr) Fn(p);
  }
};

using CairoSurface = std::unique_ptr<cairo_surface_t, Free<cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Free<cairo_destroy>>;
using CairoPath = std::unique_ptr<cairo_path_t, Free<cairo_path_destroy>>;
using FontDescription = std::unique_ptr<PangoFontDescription, Free<pango_font_description_free>>;
using FcConfigRef = std::unique_ptr<FcConfig, Free<FcConfigDestroy>>;
using LayoutIter = std::unique_ptr<PangoLayoutIter, Free<pango_layout_iter_free>>;
using AttrList = std::unique_ptr<PangoAttrList, Free<pango_attr_list_unref>>;
using TabArray = std::unique_ptr<PangoTabArray, Free<pango_tab_array_free>>;
using GErrorRef = std::unique_ptr<GError, Free<g_error_free>>;
/// Memory that GLib allocated (g_utf8_casefold, pango_layout_line_get_x_ranges…).
template <class T>
using GMem = std::unique_ptr<T, Free<g_free>>;

/// A shared, reference-counted GObject (PangoLayout, PangoContext, PangoFontMap…).
template <class T>
class GRef {
 public:
  GRef() = default;
  /// Takes ownership of a reference the caller owns ("transfer full").
  static GRef adopt(T* p) { GRef r; r.p_ = p; return r; }
  GRef(const GRef& o) : p_(o.p_) { if (p_) g_object_ref(p_); }
  GRef(GRef&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  GRef& operator=(GRef o) noexcept { std::swap(p_, o.p_); return *this; }
  ~GRef() { if (p_) g_object_unref(p_); }
  T* get() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

/// A shared Cairo surface (recording surfaces replayed on many sheets).
class SurfaceRef {
 public:
  SurfaceRef() = default;
  static SurfaceRef adopt(cairo_surface_t* s) { SurfaceRef r; r.s_ = s; return r; }
  SurfaceRef(const SurfaceRef& o) : s_(o.s_ ? cairo_surface_reference(o.s_) : nullptr) {}
  SurfaceRef(SurfaceRef&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  SurfaceRef& operator=(SurfaceRef o) noexcept { std::swap(s_, o.s_); return *this; }
  ~SurfaceRef() { if (s_) cairo_surface_destroy(s_); }
  cairo_surface_t* get() const { return s_; }
  explicit operator bool() const { return s_ != nullptr; }

 private:
  cairo_surface_t* s_ = nullptr;
};

}  // namespace telar
