// SPDX-License-Identifier: GPL-3.0-or-later
// librsvg and gdk-pixbuf, loaded on first use (dlopen) instead of at start-up: most runs
// draw no SVG and decode no JPEG, and the two with what they pull in (gio, libxml2, …)
// were a quarter of the dynamic loader's work in every run, `--version` included.
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

namespace telar::lazy {

/// The librsvg functions telar calls, with the types of the installed headers.
struct Rsvg {
  decltype(&rsvg_handle_new_from_data) handle_new_from_data;
  decltype(&rsvg_handle_set_dpi) handle_set_dpi;
  decltype(&rsvg_handle_get_intrinsic_size_in_pixels) handle_get_intrinsic_size_in_pixels;
  decltype(&rsvg_handle_get_intrinsic_dimensions) handle_get_intrinsic_dimensions;
  decltype(&rsvg_handle_render_document) handle_render_document;
};

/// The gdk-pixbuf functions telar calls (the JPEG decoder).
struct Pixbuf {
  decltype(&gdk_pixbuf_loader_new_with_type) loader_new_with_type;
  decltype(&gdk_pixbuf_loader_write) loader_write;
  decltype(&gdk_pixbuf_loader_close) loader_close;
  decltype(&gdk_pixbuf_loader_get_pixbuf) loader_get_pixbuf;
  decltype(&gdk_pixbuf_get_option) get_option;
  decltype(&gdk_pixbuf_apply_embedded_orientation) apply_embedded_orientation;
  decltype(&gdk_pixbuf_get_width) get_width;
  decltype(&gdk_pixbuf_get_height) get_height;
  decltype(&gdk_pixbuf_get_n_channels) get_n_channels;
  decltype(&gdk_pixbuf_get_rowstride) get_rowstride;
  decltype(&gdk_pixbuf_read_pixels) read_pixels;
};

/// Loaded once per process (thread-safe). Throw Error(failure) naming the library when it
/// or one of its functions cannot be loaded.
const Rsvg& rsvg();
const Pixbuf& pixbuf();

}  // namespace telar::lazy
