// SPDX-License-Identifier: GPL-3.0-or-later
#include "support.h"

#include <fstream>
#include <iterator>

#include <catch2/catch.hpp>

namespace telar::test {

std::filesystem::path examples_dir() { return std::filesystem::path(TELAR_TEST_DIR) / ".." / "examples"; }

const FontSet& fonts() {
  static FontSet f(bundled_fonts_dir());
  return f;
}

Template shipped_template(const std::string& name, ArtifactKind kind) {
  Diagnostics d;
  Template t = load_template(read_source(resolve_template(name, kind)), d);
  REQUIRE_FALSE(d.has_errors());
  return t;
}

Rect item_bounds(const Item& it) {
  if (const auto* t = std::get_if<TextRun>(&it)) {
    PangoRectangle ink, logical;
    pango_layout_get_extents(t->layout.get(), &ink, &logical);
    const double x = logical.x / double(PANGO_SCALE), y = logical.y / double(PANGO_SCALE);
    const double w = logical.width / double(PANGO_SCALE), h = logical.height / double(PANGO_SCALE);
    if (t->rotation_deg == 270) return {t->origin.x, t->origin.y - w, h, w};
    return {t->origin.x + x, t->origin.y + y, w, h};
  }
  if (const auto* p = std::get_if<Picture>(&it)) return p->box;
  if (const auto* s = std::get_if<Shape>(&it)) return s->path.bounds();
  if (const auto* l = std::get_if<Link>(&it)) return l->area;
  return {};
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace telar::test
