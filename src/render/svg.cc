// SPDX-License-Identifier: GPL-3.0-or-later
// SVG: one document per sheet, SVG 1.1 in points. Cairo 1.16 numbers its ids from
// process-wide counters, so every id is renumbered in order of first appearance.
#include <cairo-svg.h>

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "render/output.h"
#include "render/paint.h"

namespace telar {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

std::string_view letters_prefix(std::string_view id) {
  std::size_t n = 0;
  while (n < id.size() && ((id[n] >= 'a' && id[n] <= 'z') || (id[n] >= 'A' && id[n] <= 'Z'))) ++n;
  return n == 0 ? std::string_view("id") : id.substr(0, n);
}

}  // namespace

std::string renumber_svg_ids(std::string_view svg) {
  static constexpr std::string_view kId = " id=\"";
  std::unordered_set<std::string_view> defined;
  for (std::size_t pos = svg.find(kId); pos != std::string_view::npos; pos = svg.find(kId, pos)) {
    pos += kId.size();
    const std::size_t end = svg.find('"', pos);
    if (end == std::string_view::npos) break;
    defined.insert(svg.substr(pos, end - pos));
  }

  std::unordered_map<std::string_view, std::string> renamed;
  std::map<std::string_view, int> counters;
  auto rename = [&](std::string_view old) -> const std::string& {
    auto it = renamed.find(old);
    if (it != renamed.end()) return it->second;
    const std::string_view prefix = letters_prefix(old);
    std::string fresh = std::string(prefix) + std::to_string(++counters[prefix]);
    return renamed.emplace(old, std::move(fresh)).first->second;
  };

  std::string out;
  out.reserve(svg.size());
  std::size_t i = 0;
  while (i < svg.size()) {
    std::size_t name_at = std::string_view::npos, name_end = 0;
    if (svg.compare(i, kId.size(), kId) == 0) {
      name_at = i + kId.size();
      name_end = svg.find('"', name_at);
      if (name_end == std::string_view::npos) name_at = std::string_view::npos;
    } else if (svg[i] == '#' && i > 0 && (svg[i - 1] == '"' || svg[i - 1] == '(')) {
      name_at = i + 1;
      name_end = name_at;
      while (name_end < svg.size() && is_name_char(svg[name_end])) ++name_end;
    }
    if (name_at != std::string_view::npos) {
      const std::string_view name = svg.substr(name_at, name_end - name_at);
      if (defined.count(name) != 0) {
        out.append(svg.substr(i, name_at - i));
        out += rename(name);
        i = name_end;
        continue;
      }
    }
    out += svg[i++];
  }
  return out;
}

Blob encode_svg(const Sheet& sheet, const std::vector<Page>& pages) {
  std::string raw;
  CairoSurface surface(cairo_svg_surface_create_for_stream(append_to_string, &raw,
                                                           sheet.paper.w.pt(), sheet.paper.h.pt()));
  cairo_surface_t* s = surface.get();
  check_cairo(cairo_surface_status(s));
  cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
  Cairo cr(cairo_create(s));
  paint_sheet(cr.get(), sheet, pages);
  check_cairo(cairo_status(cr.get()));
  cr.reset();
  cairo_surface_finish(s);
  check_cairo(cairo_surface_status(s));
  return Blob{renumber_svg_ids(raw)};
}

}  // namespace telar
