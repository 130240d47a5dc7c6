// SPDX-License-Identifier: GPL-3.0-or-later
// Strings that GLib or Pango allocate for the caller: copied and freed in one step.
#pragma once

#include <glib.h>

#include <memory>
#include <string>

namespace telar {

/// Copies `p`, a string the caller owns (GLib's "transfer full": g_utf8_strdown,
/// pango_font_description_to_string…), and frees it with g_free, even when the copy
/// throws. nullptr gives "".
inline std::string take_gstring(gchar* p) {
  const std::unique_ptr<gchar, void (*)(gpointer)> owned(p, g_free);
  return p != nullptr ? std::string(p) : std::string();
}

}  // namespace telar
