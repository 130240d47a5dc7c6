// SPDX-License-Identifier: GPL-3.0-or-later
// Assertions on the zine's display lists, laid out with the bundled fonts and the shipped
// templates: everything inside its page and margins, sizes within the template's ranges,
// short and long circles both handled, text that cannot fit refused with the slot named.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "base/error.h"
#include "compose/zine.h"
#include "impose/zine8.h"
#include "jobs/zine.h"
#include "layout/fonts.h"
#include "layout/text.h"
#include "layout/zine.h"
#include "story/read_story.h"
#include "support.h"
#include "template/template.h"

using namespace telar;
using Approx = Catch::Detail::Approx;
namespace fs = std::filesystem;

namespace {

const fs::path kExamples = test::examples_dir();
using test::fonts;
using test::slurp;

Template zine_template(const std::string& name) {
  return test::shipped_template(name, ArtifactKind::zine);
}

struct Laid {
  std::vector<Page> pages;
  ZineLayoutInfo info;
};

Laid lay_out(const std::string& story_text, const std::string& tpl_name, Diagnostics& d) {
  Story s = parse_story(SourceText("story.md", story_text), d);
  Template t = zine_template(tpl_name);
  ZineDoc doc = compose_zine(s, "story.md", t, {}, d);
  Laid l;
  l.pages = layout_zine(doc, t, fonts(), zine8_page_size(*paper_size("a4")), d, &l.info);
  return l;
}

}  // namespace

TEST_CASE("every example zine keeps its text inside the margins", "[layout]") {
  for (const char* example : {"la-bateria.circle.md", "witral.circle.md", "caravan.circle.md"}) {
    for (const char* tpl : {"fotocopia", "semilla"}) {
      INFO(example << " with " << tpl);
      Diagnostics d;
      Laid l = lay_out(slurp(kExamples / example), tpl, d);
      REQUIRE(l.pages.size() == 8);
      Template t = zine_template(tpl);
      CHECK(l.info.body_size >= t.size("body").min.pt());
      CHECK(l.info.body_size <= t.size("body").max.pt());
      CHECK(l.info.flow_pages + l.info.quote_pages + l.info.notes_pages + 1 == 6);
      const Size trim = l.pages[0].trim;
      const Rect content = inset(Rect{0, 0, trim.w.pt(), trim.h.pt()}, t.margins);
      for (std::size_t i = 0; i < l.pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK_FALSE(l.pages[i].items.empty());
        for (const Item& it : l.pages[i].items) {
          if (std::holds_alternative<Link>(it) || std::holds_alternative<Dest>(it)) continue;
          Rect b = test::item_bounds(it);
          CHECK(content.contains(b, 0.5));
        }
      }
    }
  }
}

TEST_CASE("a long link inside a turn breaks instead of crossing the margin", "[layout]") {
  const std::string url = "https://example.org/" + std::string(150, 'a');
  Diagnostics d;
  Laid l = lay_out("---\ntitle: Enlace\nlang: es\n---\n\n## R\n\nAna: Miren " + url + " hoy.\n",
                   "fotocopia", d);
  const Size trim = l.pages[0].trim;
  const Rect content = inset(Rect{0, 0, trim.w.pt(), trim.h.pt()}, zine_template("fotocopia").margins);
  int turns = 0;
  for (const Page& p : l.pages)
    for (const Item& it : p.items)
      if (const auto* t = std::get_if<TextRun>(&it); t && t->slot == "turn") {
        ++turns;
        CHECK(content.contains(test::item_bounds(it), 0.5));
      }
  CHECK(turns == 1);
}

TEST_CASE("the cover has the title, the back cover the QR code", "[layout]") {
  Diagnostics d;
  Laid l = lay_out(slurp(kExamples / "la-bateria.circle.md"), "fotocopia", d);
  auto has_slot = [](const Page& p, const std::string& slot) {
    for (const Item& it : p.items) {
      if (const auto* t = std::get_if<TextRun>(&it); t && t->slot == slot) return true;
      if (const auto* s = std::get_if<Shape>(&it); s && s->slot == slot) return true;
      if (const auto* m = std::get_if<Picture>(&it); m && m->slot == slot) return true;
    }
    return false;
  };
  CHECK(has_slot(l.pages[0], "title"));
  // fotocopia weaves the node's motif (motif: woven) under its cover band.
  bool woven = false;
  for (const Item& it : l.pages[0].items)
    if (const auto* s = std::get_if<Shape>(&it); s && s->slot.starts_with("woven:")) woven = true;
  CHECK(woven);
  CHECK(has_slot(l.pages[1], "headline"));
  CHECK(has_slot(l.pages[7], "qr"));
  CHECK(has_slot(l.pages[7], "colophon"));
  for (int p = 2; p <= 6; ++p) CHECK_FALSE(has_slot(l.pages[static_cast<std::size_t>(p)], "qr"));
}

TEST_CASE("a short circle gets whole-page quotes and notes, not empty pages", "[layout]") {
  const std::string story =
      "---\ntitle: Poco\nlang: es\n---\n\n## ¿Qué?\n\nAna: Una sola frase.\n"
      "> Luis: La primera cita del círculo.\n> Ana: La segunda cita del círculo, más larga que la otra.\n"
      "> Luis: Y una tercera para la portada.\n";
  Diagnostics d;
  Laid l = lay_out(story, "semilla", d);
  CHECK(l.info.body_size == Approx(9.5));
  CHECK(l.info.flow_pages == 1);
  CHECK(l.info.quote_pages >= 2);  // the best highlight is the headline; the other two get pages
  CHECK(l.info.notes_pages <= 1);  // a thin circle is not a notebook
}

TEST_CASE("a long circle shrinks the body text before giving up", "[layout]") {
  std::string story = "---\ntitle: Largo\nlang: es\n---\n\n";
  for (int r = 0; r < 3; ++r) {
    story += "## Ronda\n\n";
    for (int t = 0; t < 12; ++t)
      story += "Ana: Prestar una batería es prestar la voz; cuando no hay luz el teléfono nos une.\n";
  }
  Diagnostics d;
  Laid l = lay_out(story, "fotocopia", d);
  CHECK(l.info.body_size < zine_template("fotocopia").size("body").max.pt());
  CHECK(l.info.notes_pages == 0);
}

TEST_CASE("text that cannot fit is refused, naming the slot", "[layout]") {
  std::string story = "---\ntitle: Demasiado\nlang: en\n---\n\n## Round\n\n";
  for (int t = 0; t < 120; ++t)
    story += "Ana: The caravan means I can stand on the picket line without checking my phone.\n";
  Diagnostics d;
  try {
    lay_out(story, "fotocopia", d);
    FAIL("a 120-turn circle fitted in a mini zine");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data_error);
    CHECK(std::string(e.what()).find("too long for the zine") != std::string::npos);
    CHECK(std::string(e.what()).find("story.md:6:1") != std::string::npos);
  }
  std::string title(400, 'x');
  Diagnostics d2;
  try {
    lay_out("---\ntitle: " + title + "\n---\n\n## R\n\nAna: hola.\n", "semilla", d2);
    FAIL("a 400-letter word fitted on the cover");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("story.md:2:8: error: the text for 'title' does not fit") !=
          std::string::npos);
  }
}

TEST_CASE("balanced lines: the last line is not a lone word", "[layout]") {
  TextStyle st;
  st.font = "Noto Sans Bold";
  st.size = 20;
  auto l = make_layout(fonts(), "es", st, "Cuando se corta la luz, el barrio sigue hablando", 200);
  const int greedy_lines = line_count(l.get());
  balance_lines(l.get(), 200);
  CHECK(line_count(l.get()) == greedy_lines);
  PangoRectangle ink, first, last;
  pango_layout_line_get_extents(pango_layout_get_line_readonly(l.get(), 0), &ink, &first);
  pango_layout_line_get_extents(pango_layout_get_line_readonly(l.get(), greedy_lines - 1), &ink, &last);
  CHECK(last.width > first.width * 0.6);
}

TEST_CASE("zine output is byte-identical across runs in one process", "[layout][render]") {
  const fs::path dir = fs::temp_directory_path() / ("telar-repro-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const char* ext : {"pdf", "svg", "png"}) {
    INFO(ext);
    std::string bytes[2];
    for (int run = 0; run < 2; ++run) {
      ZineJob job;
      job.story = kExamples / "witral.circle.md";
      job.template_name = "semilla";
      job.reader_layout = std::string(ext) == "svg";
      job.out = dir / (std::string("z.") + ext);
      Diagnostics d;
      auto written = make_zine(job, d);
      REQUIRE_FALSE(written.empty());
      for (const auto& f : written) bytes[run] += slurp(f);
    }
    CHECK(bytes[0].size() > 1000);
    CHECK(bytes[0] == bytes[1]);
  }
  fs::remove_all(dir);
}
