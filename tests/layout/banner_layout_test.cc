// SPDX-License-Identifier: GPL-3.0-or-later
// Assertions on the banner's display list, laid out with the bundled fonts and the shipped
// templates: everything inside trim plus bleed, the headline as large as its room allows in
// balanced lines, a QR code big enough to scan from metres away, text that cannot fit
// refused with the slot named; and the tiled sheets: labels on every tile, no path.
#include <filesystem>

#include <catch2/catch.hpp>

#include "compose/node_mark.h"

#include "base/error.h"
#include "compose/banner.h"
#include "impose/tiles.h"
#include "layout/banner.h"
#include "layout/fonts.h"
#include "layout/line_balance.h"
#include "story/read_story.h"
#include "support.h"
#include "template/template.h"

using namespace telar;
using Approx = Catch::Detail::Approx;
namespace fs = std::filesystem;

namespace {

const fs::path kExamples = test::examples_dir();
using test::fonts;

Template banner_template(const std::string& name) {
  return test::shipped_template(name, ArtifactKind::banner);
}

struct Laid {
  Page page;
  BannerLayoutInfo info;
};

Laid lay_out(const std::string& story_file, const std::string& tpl_name, Size trim, Length bleed,
             const std::string& headline = {}) {
  Diagnostics d;
  std::optional<Story> s;
  if (!story_file.empty()) s = read_story(kExamples / story_file, d);
  Template t = banner_template(tpl_name);
  BannerDoc doc = compose_banner(s ? &*s : nullptr, story_file, headline, "es", t, d);
  // As jobs/banner.cc does: the circle's shared words weave the motif (motif: woven).
  const SharedWords shared = s ? shared_words(*s) : SharedWords{};
  doc.mark = node_mark(&shared, t, false);
  Laid out;
  out.page = layout_banner(doc, t, fonts(), trim, bleed, d, &out.info);
  REQUIRE_FALSE(d.has_errors());
  return out;
}

Size metres(double w, double h) { return {Length::m(w), Length::m(h)}; }

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : " ") + l;
  return out;
}

}  // namespace

TEST_CASE("a 3 x 1 m banner: headline large and balanced, all inside trim plus bleed", "[banner]") {
  for (const std::string tpl : {"tejido", "pancarta"}) {
    INFO(tpl);
    const Length bleed = Length::mm(5);
    Laid b = lay_out("la-bateria.circle.md", tpl, metres(3, 1), bleed);
    const Rect sheet{-bleed.pt(), -bleed.pt(), Length::m(3).pt() + 2 * bleed.pt(), Length::m(1).pt() + 2 * bleed.pt()};
    const Rect trim{0, 0, Length::m(3).pt(), Length::m(1).pt()};
    bool art_in_bleed = false;
    for (const Item& it : b.page.items) {
      const Rect r = test::item_bounds(it);
      CHECK(sheet.contains(r, 0.01));
      if (std::holds_alternative<TextRun>(it)) CHECK(trim.contains(r, 0.01));  // words never in the bleed
      art_in_bleed = art_in_bleed || r.x < -0.1 || r.bottom() > trim.bottom() + 0.1;
    }
    CHECK(art_in_bleed);  // the border or bar runs into the bleed: no white sliver after trimming
    CHECK(b.info.scale == Approx(1));
    // The best highlight, in balanced lines with no lone last word.
    const std::string expected = tpl == "pancarta" ? "SIN NOMBRES, CON COLORES: ASÍ NADIE PUEDE HACER UNA LISTA DE NOSOTROS."
                                                   : "Sin nombres, con colores: así nadie puede hacer una lista de nosotros.";
    CHECK(join(b.info.headline_lines) == expected);
    REQUIRE(b.info.headline_lines.size() >= 2);
    CHECK(split_words(b.info.headline_lines.back()).size() >= 2);
    // As large as the room allows: the ink fills its width or its height.
    const Rect& room = b.info.headline_room, &ink = b.info.headline_ink;
    CHECK(room.contains(ink, 1));
    CHECK((ink.w >= room.w * 0.85 || ink.h >= room.h * 0.7));
    CHECK(b.info.headline_size > 300);
    // Optically centred: the ink's middle at or a little above the room's middle.
    CHECK(ink.center().x == Approx(room.center().x).margin(room.w * 0.02));
    CHECK(ink.center().y <= room.center().y + 1);
    // A QR code for the story's link, scannable from a few metres.
    REQUIRE(b.info.qr_box.w > 0);
    CHECK(b.info.qr_box.w >= 0.08 * Length::m(1).pt());
    CHECK(Length::pt(b.info.qr_module).mm() >= 0.4);
  }
}

TEST_CASE("banner sizes scale the type: a 6 m banner is twice a 3 m one", "[banner]") {
  Laid small = lay_out("la-bateria.circle.md", "tejido", metres(3, 1), Length{});
  Laid big = lay_out("la-bateria.circle.md", "tejido", metres(6, 2), Length{});
  CHECK(big.info.scale == Approx(2));
  CHECK(big.info.headline_size == Approx(small.info.headline_size * 2).epsilon(0.03));
  CHECK(big.info.headline_lines == small.info.headline_lines);
}

TEST_CASE("a tall banner stacks its lines: the motif crowns the headline", "[banner]") {
  Laid b = lay_out("caravan.circle.md", "tejido", metres(1, 2), Length{});
  CHECK(b.info.headline_lines.size() >= 3);
  // tejido's motif is the node's woven one: a band of it above the headline (the border's
  // bands run the full height along the long edges).
  bool motif_on_top = false;
  for (const Item& it : b.page.items)
    if (const auto* s = std::get_if<Shape>(&it); s && s->slot.starts_with("woven:"))
      motif_on_top = motif_on_top || s->path.bounds().bottom() <= b.info.headline_room.y;
  CHECK(motif_on_top);
}

TEST_CASE("a headline alone: no QR code, no node, no quotes", "[banner]") {
  Laid b = lay_out("", "pancarta", metres(2, 1), Length{}, "Nadie se queda sin señal");
  CHECK(join(b.info.headline_lines) == "NADIE SE QUEDA SIN SEÑAL");
  CHECK(b.info.qr_box.w == 0);
  for (const Item& it : b.page.items)
    if (const auto* t = std::get_if<TextRun>(&it)) CHECK(t->slot == "headline");
}

TEST_CASE("a headline that cannot fit is refused, naming the slot", "[banner]") {
  std::string endless;
  for (int i = 0; i < 3000; ++i) endless += "palabra ";
  Diagnostics d;
  Template t = banner_template("tejido");
  BannerDoc doc = compose_banner(nullptr, "", endless, "es", t, d);
  try {
    layout_banner(doc, t, fonts(), metres(1, 0.3), Length{}, d);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data_error);
    CHECK(translate(e.diagnostics()[0].message, Lang::en).rfind("the text for 'headline' does not fit", 0) == 0);
  }
  Diagnostics none;
  compose_banner(nullptr, "x.md", "", "en", t, none);
  REQUIRE(none.has_errors());
  CHECK(none.all()[0].message.id == MsgId::banner_no_headline);
}

TEST_CASE("tiles: every tile is labelled, marks stay on the printable part, no path", "[banner]") {
  Laid b = lay_out("la-bateria.circle.md", "pancarta", metres(2, 1), Length{});
  std::vector<Page> pages{b.page};
  const Sheet banner = impose_banner_sheet(pages[0]);
  auto plan = plan_tiles(banner.paper, {Length::mm(210), Length::mm(297)}, Length::mm(5), Length::mm(10));
  REQUIRE(plan);
  TileLook look;
  look.font = "Noto Sans";
  look.bold_font = "Noto Sans Bold";
  TileLabels labels{"glue here", "{tiles} on top", "How it goes together", "{count} sheets, {overlap}", "Steps."};
  std::vector<Sheet> sheets = impose_tiles(*plan, banner, fonts(), look, labels);
  REQUIRE(sheets.size() == plan->tiles.size() + 1);
  for (std::size_t i = 0; i < plan->tiles.size(); ++i) {
    const Tile& t = plan->tiles[i];
    const Sheet& s = sheets[i + 1];
    INFO(t.name);
    CHECK(s.paper == t.paper);
    REQUIRE(s.placements.size() == 1);
    CHECK(t.printable.contains(s.placements[0].clip, 0.01));
    bool named = false;
    for (const Item& m : s.marks) {
      CHECK(Rect({0, 0, s.paper.w.pt(), s.paper.h.pt()}).contains(test::item_bounds(m), 0.5));
      if (const auto* run = std::get_if<TextRun>(&m)) {
        const std::string text = pango_layout_get_text(run->layout.get());
        named = named || text.rfind(t.name, 0) == 0;
        CHECK(text.find('/') == std::string::npos);
        CHECK(text.find(".md") == std::string::npos);
        // Inside the printable part of the page: the printer's margin stays empty.
        CHECK(t.printable.contains(test::item_bounds(m), 0.5));
      }
    }
    CHECK(named);
  }
  // The map: the whole banner in miniature (whole or strip by strip), a name for each cell.
  const Sheet& map = sheets[0];
  REQUIRE_FALSE(map.placements.empty());
  for (const Placement& p : map.placements) CHECK(p.to_sheet.xx == Approx(map.placements[0].to_sheet.xx));
  CHECK(map.placements[0].to_sheet.xx < 0.2);
  std::size_t names = 0;
  for (const Item& m : map.marks)
    if (const auto* run = std::get_if<TextRun>(&m); run && run->slot == "grid") ++names;
  CHECK(names == plan->tiles.size());
}

TEST_CASE("the tile map fills its page, its names off the art, in the unit asked in", "[banner][typography]") {
  struct Case {
    Size size;
    Size paper;
    std::string unit;
  };
  const Case cases[] = {{metres(2, 1), {Length::mm(210), Length::mm(297)}, "m"},
                        {{Length::in(120), Length::in(36)}, {Length::in(8.5), Length::in(11)}, "in"},
                        {metres(3, 1), {Length::mm(210), Length::mm(297)}, "m"},
                        {metres(1, 3), {Length::mm(210), Length::mm(297)}, "m"}};
  for (const Case& c : cases) {
    Laid b = lay_out("la-bateria.circle.md", "tejido", c.size, Length{});
    const Sheet banner = impose_banner_sheet(b.page);
    auto plan = plan_tiles(banner.paper, c.paper, Length::mm(5), Length::mm(10));
    REQUIRE(plan);
    TileLook look;
    look.font = "Noto Sans";
    look.bold_font = "Noto Sans Bold";
    TileLabels labels{"glue here", "{tiles} on top", "How it goes together", "{count} sheets, {overlap}", "Steps.", c.unit};
    const Sheet map = impose_tiles(*plan, banner, fonts(), look, labels).front();
    INFO(c.size.w.mm() << " x " << c.size.h.mm() << " mm on " << c.paper.w.mm() << " mm paper");
    // Everything drawn: the marks and the art.
    Rect all = test::item_bounds(map.marks.front());
    auto grow = [&](const Rect& r) {
      const double x0 = std::min(all.x, r.x), y0 = std::min(all.y, r.y);
      all = {x0, y0, std::max(all.right(), r.right()) - x0, std::max(all.bottom(), r.bottom()) - y0};
    };
    for (const Item& m : map.marks) grow(test::item_bounds(m));
    for (const Placement& p : map.placements) grow(p.clip);
    const double pw = map.paper.w.pt(), ph = map.paper.h.pt();
    INFO("drawn " << all.w / pw * 100 << " % of the width, " << all.h / ph * 100 << " % of the height");
    // Before: a 120 x 36 in map on letter used 40 % of its page (the foot blank).
    CHECK(std::max(all.w / pw, all.h / ph) >= 0.85);
    CHECK(all.w * all.h >= pw * ph * 0.6);
    CHECK(Rect({0, 0, pw, ph}).contains(all, 0.5));
    // No name on the art: every name is outside every part of the miniature.
    std::size_t names = 0;
    std::string size_line;
    for (const Item& m : map.marks)
      if (const auto* run = std::get_if<TextRun>(&m)) {
        const std::string text = pango_layout_get_text(run->layout.get());
        if (text.find(" \u00D7 ") != std::string::npos) size_line = text;
        if (run->slot != "grid") continue;
        ++names;
        const Rect r = test::item_bounds(m);
        for (const Placement& p : map.placements) {
          const Rect o = intersect(r, p.clip);
          INFO(text);
          CHECK((o.w < 0.5 || o.h < 0.5));
        }
      }
    CHECK(names == plan->tiles.size());
    CHECK(size_line.find(" " + c.unit + " ") != std::string::npos);
  }
}
