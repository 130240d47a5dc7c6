// SPDX-License-Identifier: GPL-3.0-or-later
// Painting the display list with Cairo: pages, sheets (placements + marks), and the bits of
// Cairo plumbing the PDF, SVG and PNG encoders share (in-memory writer, status checks).
#pragma once

#include <cairo.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "impose/sheet.h"
#include "layout/page.h"

namespace telar {

/// Paints one item in the current user space (points, y down). Links and Dests become PDF
/// tags (ignored by other surfaces). A Dest whose name is already in `dests_seen` is
/// skipped (a page replayed on several sheets defines its destinations once).
void paint_item(cairo_t* cr, const Item& item, std::set<std::string>* dests_seen = nullptr);

/// Paints the page's items in order, in the page's own coordinates (origin at the trim
/// box's top-left). The paper colour is not painted here (see paint_sheet).
void paint_page(cairo_t* cr, const Page& page, std::set<std::string>* dests_seen = nullptr);

class PaintCache;

/// For each placement: clip (when non-empty), transform, paint the paper colour over trim +
/// bleed unless it is white, paint the page; then the sheet's marks. A page that `cache`
/// recorded is replayed from its recording (its links and destinations painted directly).
/// Throws std::out_of_range when a placement names a page that does not exist (a bug).
void paint_sheet(cairo_t* cr, const Sheet& sheet, const std::vector<Page>& pages,
                 std::set<std::string>* dests_seen = nullptr, const PaintCache* cache = nullptr);

/// Escapes a string for a Cairo tag attribute: 'text' with \ and ' backslash-escaped.
std::string tag_string(const std::string& s);

/// Cairo 1.16 writes link URIs and destination names into PDF strings unescaped, so
/// percent-encode every byte that could break them: for a URI, bytes outside 0x21..0x7e
/// and ( ) \; for a destination name, everything but A-Z a-z 0-9 . _ : -.
std::string pdf_safe(std::string_view s, bool uri);

/// A cairo_write_func_t that appends to the std::string passed as closure.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

/// Throws Error(failure, render_failed) when `status` is not CAIRO_STATUS_SUCCESS.
void check_cairo(cairo_status_t status);

}  // namespace telar
