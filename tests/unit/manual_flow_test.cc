// SPDX-License-Identifier: GPL-3.0-or-later
// The field manual's page flow judged on its own: widows and orphans, headings kept with
// what follows, tables moved whole or split between rows with the header repeated, new
// pages for lessons; plus hyphenation and the rich-text pieces a split paragraph is made of.
#include "layout/manual_flow.h"

#include <catch2/catch.hpp>
#include <string>

#include "layout/fonts.h"
#include "layout/hyphenate.h"
#include "layout/text.h"

using namespace telar;

namespace {

const FontSet& fonts() {
  static FontSet f(bundled_fonts_dir());
  return f;
}

constexpr double kWidth = 300;

/// A paragraph of exactly `lines` lines (hard breaks), tagged `slot`.
Chunk para(int lines, std::string slot, double space = 0) {
  Chunk c;
  c.width = kWidth;
  c.style.font = "Charis SIL";
  c.style.size = 10;
  std::string text;
  for (int i = 0; i < lines; ++i) text += (i ? "\n" : "") + slot + " line " + std::to_string(i + 1);
  c.rich.append(text, RichRun{});
  c.slot = std::move(slot);
  c.space_before = space;
  return c;
}

double line_height() {
  static const double h = [] {
    Chunk c = para(10, "probe");
    return layout_height(chunk_layout(c, fonts(), "en", 0, c.rich.text.size()).get()) / 10;
  }();
  return h;
}

/// Flows into pages `lines` body lines tall (plus a hair, so exact fits fit).
FlowResult flow(const std::vector<Chunk>& chunks, double lines) {
  return flow_manual(chunks, fonts(), "en", 0, line_height() * lines + 0.05);
}

/// Lines of every text run of `slot` on page `p`, in order.
std::vector<int> runs(const FlowResult& r, std::size_t p, const std::string& slot) {
  std::vector<int> out;
  for (const Item& it : r.pages.at(p).items)
    if (const auto* t = std::get_if<TextRun>(&it); t && t->slot == slot)
      out.push_back(line_count(t->layout.get()));
  return out;
}

std::size_t count(const FlowResult& r, std::size_t p, const std::string& slot) {
  std::size_t n = 0;
  for (const Item& it : r.pages.at(p).items)
    std::visit(
        [&](const auto& x) {
          if constexpr (requires { x.slot; }) n += x.slot == slot;
        },
        it);
  return n;
}

Chunk table(int rows, double row_h, double head_h) {
  Chunk c;
  c.kind = Chunk::Kind::table;
  c.width = kWidth;
  auto row = [&](const std::string& slot, double h) {
    TableRow r;
    Shape s;
    s.path.rect({0, 0, kWidth, h});
    s.slot = slot;
    r.items.push_back(s);
    r.height = h;
    return r;
  };
  c.header = row("head", head_h);
  for (int i = 0; i < rows; ++i) c.rows.push_back(row("row", row_h));
  return c;
}

}  // namespace

TEST_CASE("a paragraph never leaves its first line alone at the foot of a page", "[manual-flow]") {
  FlowResult r = flow({para(9, "a"), para(6, "b")}, 10);
  REQUIRE(r.pages.size() == 2);
  CHECK(runs(r, 0, "a") == std::vector<int>{9});
  CHECK(runs(r, 0, "b").empty());
  CHECK(runs(r, 1, "b") == std::vector<int>{6});
}

TEST_CASE("nor its last line alone at the head of the next page", "[manual-flow]") {
  FlowResult r = flow({para(5, "a"), para(6, "b")}, 10);
  REQUIRE(r.pages.size() == 2);
  CHECK(runs(r, 0, "b") == std::vector<int>{4});  // 5 would fit, but would leave a widow
  CHECK(runs(r, 1, "b") == std::vector<int>{2});
}

TEST_CASE("a paragraph split where it can is split at the page's foot", "[manual-flow]") {
  FlowResult r = flow({para(5, "a"), para(9, "b")}, 10);
  REQUIRE(r.pages.size() == 2);
  CHECK(runs(r, 0, "b") == std::vector<int>{5});
  CHECK(runs(r, 1, "b") == std::vector<int>{4});
}

TEST_CASE("short paragraphs (three lines) move whole rather than split", "[manual-flow]") {
  FlowResult r = flow({para(8, "a"), para(3, "b")}, 10);
  REQUIRE(r.pages.size() == 2);
  CHECK(runs(r, 0, "b").empty());
  CHECK(runs(r, 1, "b") == std::vector<int>{3});
}

TEST_CASE("the pieces of a split paragraph keep all of its text", "[manual-flow]") {
  FlowResult r = flow({para(23, "b")}, 10);
  std::string joined;
  for (std::size_t p = 0; p < r.pages.size(); ++p)
    for (const Item& it : r.pages[p].items)
      if (const auto* t = std::get_if<TextRun>(&it))
        joined += pango_layout_get_text(t->layout.get());
  std::string whole = para(23, "b").rich.text;
  // Each piece is its own layout: the hard breaks where the page broke are not repeated.
  std::erase(joined, '\n');
  std::erase(whole, '\n');
  CHECK(joined == whole);
  CHECK(r.pages.size() == 3);
}

TEST_CASE("a heading is kept with the first two lines of what follows", "[manual-flow]") {
  Chunk h = para(1, "h");
  h.keep_with_next = true;
  SECTION("no room for the heading and two lines: it moves") {
    FlowResult r = flow({para(8, "a"), h, para(6, "b")}, 10);
    CHECK(runs(r, 0, "h").empty());
    CHECK(runs(r, 1, "h") == std::vector<int>{1});
  }
  SECTION("room for three lines: it stays, with two lines") {
    FlowResult r = flow({para(7, "a"), h, para(6, "b")}, 10);
    CHECK(runs(r, 0, "h") == std::vector<int>{1});
    CHECK(runs(r, 0, "b") == std::vector<int>{2});
    CHECK(runs(r, 1, "b") == std::vector<int>{4});
  }
  SECTION("a heading before a heading keeps both with the text") {
    Chunk h2 = para(1, "h2");
    h2.keep_with_next = true;
    FlowResult r = flow({para(7, "a"), h, h2, para(6, "b")}, 10);
    CHECK(runs(r, 0, "h").empty());
    CHECK(runs(r, 1, "h").size() == 1);
    CHECK(runs(r, 1, "h2").size() == 1);
  }
}

TEST_CASE("a table that fits a page is never split: it moves whole", "[manual-flow]") {
  const double L = line_height();
  FlowResult r = flow({para(5, "a"), table(4, L, L)}, 10);  // exactly fills the page
  REQUIRE(r.pages.size() == 1);
  FlowResult moved = flow({para(6, "a"), table(4, L, L)}, 10);
  REQUIRE(moved.pages.size() == 2);
  CHECK(count(moved, 0, "row") == 0);
  CHECK(count(moved, 1, "head") == 1);
  CHECK(count(moved, 1, "row") == 4);
}

TEST_CASE("a table taller than a page splits between rows and repeats its header",
          "[manual-flow]") {
  const double L = line_height();
  FlowResult r = flow({table(30, L, L)}, 10);  // 9 rows under the header on each page
  REQUIRE(r.pages.size() == 4);
  std::size_t rows = 0;
  for (std::size_t p = 0; p < r.pages.size(); ++p) {
    CHECK(count(r, p, "head") == 1);
    rows += count(r, p, "row");
    // The header comes first on the page.
    const auto* s = std::get_if<Shape>(&r.pages[p].items.front());
    REQUIRE(s != nullptr);
    CHECK(s->slot == "head");
  }
  CHECK(rows == 30);
  CHECK(count(r, 0, "row") == 9);
  CHECK(count(r, 3, "row") == 3);
  CHECK(r.overfull.empty());
}

TEST_CASE("a lesson opens on a new page and its anchor records the page", "[manual-flow]") {
  Chunk open = para(1, "t");
  open.new_page = true;
  open.anchor = Anchor{"lesson-2", "Second", 1};
  open.lesson = 1;
  Chunk first = para(2, "a");
  first.anchor = Anchor{"lesson-1", "First", 1};
  Chunk second = para(2, "b");
  second.lesson = 1;
  FlowResult r = flow({first, open, second}, 10);
  REQUIRE(r.pages.size() == 2);
  REQUIRE(r.entries.size() == 2);
  CHECK(r.entries[0].page == 0);
  CHECK(r.entries[1].page == 1);
  CHECK(r.pages[1].opens_lesson);
  CHECK(r.pages[1].lesson == 1);
  REQUIRE(r.pages[1].outline.size() == 1);
  CHECK(r.pages[1].outline[0].dest == "lesson-2");
  CHECK(count(r, 1, "t") == 1);
}

TEST_CASE("a soft hyphen where a piece ends prints as a hyphen", "[manual-flow]") {
  RichText t;
  t.append("bi\u00ADblio\u00ADte\u00ADca nueva", RichRun{});
  const std::size_t cut = std::string("bi\u00ADblio\u00AD").size();
  CHECK(t.markup(0, cut, "Mono 8", {}) == "bi\u00ADblio-");
  CHECK(t.markup(cut, t.text.size(), "Mono 8", {}) == "te\u00ADca nueva");
  RichRun strong;
  strong.strong = true;
  t.append(" <x>", strong);
  CHECK(t.markup(0, t.text.size(), "Mono 8", {}).ends_with("nueva<b> &lt;x&gt;</b>"));
}

TEST_CASE("hyphenation inserts soft hyphens from the language's dictionary", "[manual-flow]") {
  Hyphenator es = Hyphenator::load("es");
  INFO("no Spanish hyphenation dictionary (scripts/setup-debian.sh installs hyphen-es)");
  REQUIRE_FALSE(es.empty());
  const std::string sh(kSoftHyphen);
  CHECK(es.hyphenate("biblioteca") == "bi" + sh + "blio" + sh + "teca");  // "-ca": too short
  CHECK(es.hyphenate("Electricidad.") == "Elec" + sh + "tri" + sh + "ci" + sh + "dad.");
  CHECK(es.hyphenate("mañana") == "ma" + sh + "ñana");            // code points, not bytes
  CHECK(es.hyphenate("lugar") == "lugar");                        // five letters: left whole
  CHECK(es.hyphenate("CONCENTRADOR USB") == "CONCENTRADOR USB");  // capitals: acronyms
  CHECK(es.hyphenate("v2batería /baterias/") == "v2batería /baterias/");
  CHECK(Hyphenator::load("es-CL").hyphenate("cuadrilla") == "cua" + sh + "dri" + sh + "lla");
  CHECK(Hyphenator::load("xx").empty());
  CHECK(Hyphenator().hyphenate("biblioteca") == "biblioteca");
}

TEST_CASE("link areas cover the linked text, line by line", "[manual-flow]") {
  Chunk c = para(1, "x");
  c.rich = RichText{};
  c.rich.append("see ", RichRun{});
  RichRun link;
  link.link = "https://example.org";
  c.rich.append("this page", link);
  GRef<PangoLayout> l = chunk_layout(c, fonts(), "en", 0, c.rich.text.size());
  auto areas = text_areas(l.get(), 4, static_cast<int>(c.rich.text.size()));
  REQUIRE(areas.size() == 1);
  CHECK(areas[0].x > 5);
  CHECK(areas[0].right() == Catch::Detail::Approx(layout_width(l.get())).margin(0.5));
}
