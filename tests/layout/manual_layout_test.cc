// SPDX-License-Identifier: GPL-3.0-or-later
// Assertions on the field manual's display lists, laid out with the bundled fonts and the
// shipped templates: page count and size, the contents pointing where headings really
// are, running heads and folios on the right side, check boxes, pictures (JPEG kept as
// JPEG), the rotation calendar, the duplex test sheet.
#include <cairo.h>

#include <catch2/catch.hpp>

#include "support.h"
#include <filesystem>
#include <fstream>

#include "compose/manual.h"
#include "layout/fonts.h"
#include "layout/hyphenate.h"
#include "layout/manual.h"
#include "layout/text.h"
#include "template/template.h"

using namespace telar;
using Approx = Catch::Detail::Approx;
namespace fs = std::filesystem;

namespace {

using test::fonts;

Template manual_template(const std::string& name) {
  return test::shipped_template(name, ArtifactKind::manual);
}

Lesson lesson(const fs::path& file, Diagnostics& d) { return parse_lesson(read_source(file), d); }

const fs::path kFixtures = fs::path(TELAR_TEST_DIR) / "fixtures";

struct Laid {
  ManualDoc doc;
  ManualPages pages;
};

Laid lay_out(const std::vector<fs::path>& files, const std::string& tpl_name, Diagnostics& d) {
  std::vector<Lesson> lessons;
  for (const auto& f : files) lessons.push_back(lesson(f, d));
  Template tpl = manual_template(tpl_name);
  ManualOptions opt;
  opt.crew = "Ana, Rodrigo";
  opt.node = "Biblioteca de baterías";
  opt.cycle = Date{2026, 11, 20};
  Laid out;
  out.doc = compose_manual(std::move(lessons), tpl, opt);
  ManualLayoutOptions lopt;
  lopt.page = *paper_size("a5");
  out.pages = layout_manual(out.doc, tpl, fonts(), Hyphenator::load(out.doc.lang), lopt, d);
  return out;
}

std::vector<fs::path> corpus() {
  return {kFixtures / "lessons/01-antes-de-abrir.md", kFixtures / "lessons/02-cuidar-el-litio.md"};
}

template <class T, class F>
std::size_t count_items(const Page& p, F pred) {
  std::size_t n = 0;
  for (const Item& it : p.items)
    if (const auto* x = std::get_if<T>(&it); x && pred(*x)) ++n;
  return n;
}

const TextRun* run(const Page& p, const std::string& slot) {
  for (const Item& it : p.items)
    if (const auto* t = std::get_if<TextRun>(&it); t && t->slot == slot) return t;
  return nullptr;
}

}  // namespace

TEST_CASE("the sample manual: A5 pages, a multiple of four, nothing past the trim",
          "[manual-layout]") {
  for (const char* tpl : {"cuaderno", "brigada"}) {
    INFO(tpl);
    Diagnostics d;
    Laid m = lay_out(corpus(), tpl, d);
    CHECK_FALSE(d.has_errors());
    const auto& pages = m.pages.pages;
    CHECK(pages.size() % 4 == 0);
    CHECK(pages.size() >= 8);
    const Rect trim{0, 0, paper_size("a5")->w.pt(), paper_size("a5")->h.pt()};
    for (std::size_t i = 0; i < pages.size(); ++i) {
      CHECK(pages[i].trim.w.mm() == Approx(148).margin(0.01));
      CHECK(pages[i].trim.h.mm() == Approx(210).margin(0.01));
      for (const Item& it : pages[i].items) {
        if (std::holds_alternative<Link>(it) || std::holds_alternative<Dest>(it)) continue;
        INFO("page " << i + 1);
        CHECK(trim.contains(test::item_bounds(it), 0.5));
      }
    }
  }
}

TEST_CASE("the contents point at the pages where the headings are", "[manual-layout]") {
  Diagnostics d;
  Laid m = lay_out(corpus(), "cuaderno", d);
  const auto& toc = m.pages.toc;
  REQUIRE(toc.size() == 8);  // two lessons, six sections
  CHECK(toc[0].title == "Antes de abrir la biblioteca");
  CHECK(toc[0].level == 1);
  for (const TocItem& e : toc) {
    INFO(e.title);
    const Page& p = m.pages.pages.at(static_cast<std::size_t>(e.page - 1));
    CHECK(count_items<Dest>(p, [&](const Dest& x) { return x.name == e.dest; }) == 1);
    bool outlined = false;
    for (const OutlineEntry& o : p.outline) outlined |= o.dest == e.dest && o.title == e.title;
    CHECK(outlined);
  }
  // Every contents line is a link to its heading.
  const Page& contents = m.pages.pages.at(1);
  for (const TocItem& e : toc)
    CHECK(count_items<Link>(contents, [&](const Link& l) { return l.dest == e.dest; }) == 1);
}

TEST_CASE("lessons open on a new page with no running head: folios sit at the outer corner",
          "[manual-layout]") {
  Diagnostics d;
  Laid m = lay_out(corpus(), "cuaderno", d);
  const auto& pages = m.pages.pages;
  const double mid = pages[0].trim.w.pt() / 2;
  CHECK(run(pages[0], "folio") == nullptr);      // cover
  CHECK(run(pages.back(), "folio") == nullptr);  // back cover
  for (std::size_t i = 1; i + 1 < pages.size(); ++i) {
    INFO("page " << i + 1);
    const TextRun* folio = run(pages[i], "folio");
    REQUIRE(folio != nullptr);
    CHECK(std::string(pango_layout_get_text(folio->layout.get())) == std::to_string(i + 1));
    PangoRectangle ink;
    pango_layout_get_pixel_extents(folio->layout.get(), &ink, nullptr);
    const double x = folio->origin.x + ink.x + ink.width / 2.0;
    if ((i + 1) % 2 == 1)
      CHECK(x > mid * 1.6);  // right-hand page: the outer corner is on the right
    else
      CHECK(x < mid * 0.4);
  }
  for (const TocItem& e : m.pages.toc) {
    if (e.level != 1) continue;
    CHECK(run(pages.at(static_cast<std::size_t>(e.page - 1)), "running-head") == nullptr);
  }
  // A page in the middle of a lesson carries the head.
  CHECK(run(pages.at(3), "running-head") != nullptr);
}

TEST_CASE("task items get printed check boxes, ticked when done", "[manual-layout]") {
  Diagnostics d;
  Laid m = lay_out({kFixtures / "lessons/01-antes-de-abrir.md"}, "brigada", d);
  std::size_t boxes = 0, ticks = 0;
  for (const Page& p : m.pages.pages)
    for (const Item& it : p.items)
      if (const auto* s = std::get_if<Shape>(&it); s && s->slot == "task")
        (s->path.segments.back().op == Path::Op::close ? boxes : ticks)++;
  CHECK(boxes == 4);
  CHECK(ticks == 1);
}

TEST_CASE("the back cover is the rotation calendar: 13 new moons from the cycle",
          "[manual-layout]") {
  Diagnostics d;
  Laid m = lay_out(corpus(), "cuaderno", d);
  CHECK(m.doc.cycle_start == Date{2026, 11, 9});
  CHECK(m.doc.cycle_end == Date{2026, 12, 9});
  const Page& back = m.pages.pages.back();
  std::vector<std::string> dates;
  for (const Item& it : back.items)
    if (const auto* t = std::get_if<TextRun>(&it); t && t->slot == "calendar-date")
      dates.emplace_back(pango_layout_get_text(t->layout.get()));
  REQUIRE(dates.size() == 13);
  CHECK(dates.front() == "mié 9 dic 2026");
  CHECK(dates[1] == "jue 7 ene 2027");
  CHECK(dates.back() == "dom 28 nov 2027");
}

TEST_CASE("pictures: JPEG keeps its bytes for the PDF, PNG and SVG load too", "[manual-layout]") {
  Diagnostics d;
  Laid m = lay_out({kFixtures / "manual/pictures.md"}, "cuaderno", d);
  INFO((d.all().empty() ? std::string() : format_diagnostic(d.all().front(), Lang::en)));
  REQUIRE_FALSE(d.has_errors());
  std::vector<const Picture*> pics;
  for (const Page& p : m.pages.pages)
    for (const Item& it : p.items)
      if (const auto* x = std::get_if<Picture>(&it); x && x->slot == "image") pics.push_back(x);
  REQUIRE(pics.size() == 3);
  const unsigned char* data = nullptr;
  unsigned long length = 0;
  cairo_surface_get_mime_data(pics[0]->art.get(), CAIRO_MIME_TYPE_JPEG, &data, &length);
  CHECK(length == fs::file_size(kFixtures / "manual/img/photo.jpg"));
  CHECK(pics[0]->natural.w.pt() == 70);
  cairo_surface_get_mime_data(pics[1]->art.get(), CAIRO_MIME_TYPE_JPEG, &data, &length);
  CHECK(data == nullptr);
  CHECK(cairo_surface_get_type(pics[2]->art.get()) == CAIRO_SURFACE_TYPE_RECORDING);
}

TEST_CASE("a missing picture is an error at the lesson's line", "[manual-layout]") {
  Diagnostics d;
  lay_out({kFixtures / "manual/missing-image.md"}, "cuaderno", d);
  REQUIRE(d.has_errors());
  const Diagnostic& e = d.all().front();
  CHECK(e.loc.line == 8);
  CHECK(e.message.id == MsgId::manual_image_bad);
  CHECK(e.message.args.at(0) == "img/nowhere.png");
}

TEST_CASE("the duplex test sheet: front and back, the long-edge answer upside down",
          "[manual-layout]") {
  Template tpl = manual_template("cuaderno");
  std::vector<Page> pages = calibration_pages(tpl, fonts(), "es", *paper_size("a4"));
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].trim.w.mm() == Approx(297).margin(0.01));
  CHECK(pages[0].trim.h.mm() == Approx(210).margin(0.01));
  std::vector<std::pair<std::string, double>> texts;
  for (const Item& it : pages[1].items)
    if (const auto* t = std::get_if<TextRun>(&it))
      texts.emplace_back(pango_layout_get_text(t->layout.get()), t->rotation_deg);
  REQUIRE(texts.size() == 2);
  CHECK(texts[0].first.find("--duplex short") != std::string::npos);
  CHECK(texts[0].second == 0);
  CHECK(texts[1].first.find("--duplex long") != std::string::npos);
  CHECK(texts[1].second == 180);
}

TEST_CASE("the duplex note fits the width it is given", "[manual-layout]") {
  Template tpl = manual_template("brigada");
  TextRun note = duplex_note(tpl.label("duplex_short", "es"), tpl, fonts(), "es", 300);
  CHECK(layout_width(note.layout.get()) <= 300.5);
  CHECK(line_count(note.layout.get()) == 1);
}

TEST_CASE("calendar dates and spans in the manual's language", "[manual-layout]") {
  CHECK(weekday(Date{2026, 12, 9}) == 2);  // a Wednesday
  CHECK(calendar_date(Date{2026, 12, 9}, "es-CL", true) == "mié 9 dic 2026");
  CHECK(calendar_date(Date{2026, 12, 9}, "en", true) == "Wed 9 Dec 2026");
  CHECK(calendar_date(Date{2026, 12, 9}, "arn", false) == "2026-12-09");
  CHECK(date_span(Date{2026, 11, 9}, Date{2026, 12, 9}, "es") == "9 nov – 9 dic 2026");
  CHECK(date_span(Date{2026, 12, 9}, Date{2027, 1, 7}, "pt") == "9 dez 2026 – 7 jan 2027");
  CHECK(split_crew(" Ana, Rodrigo ,, Marisol ") ==
        std::vector<std::string>{"Ana", "Rodrigo", "Marisol"});
}

TEST_CASE("a lead-in line never stands alone at the foot of a page", "[manual-layout][typography]") {
  // A paragraph that ends on a colon introduces the list under it: however much text comes
  // before it, it is never the last thing on a page with its list on the next.
  const std::string filler =
      "La batería de litio se guarda a media carga, lejos del sol y de la humedad de la sede. ";
  for (const char* tpl : {"brigada", "cuaderno"})
    for (int k = 8; k <= 60; k += 1) {
      std::string text = "# Antes de abrir\n\n";
      for (int s = 0; s < k; ++s) text += filler + (s % 5 == 4 ? "\n\n" : "");
      text += "\n\nAntes de abrir la sede, revisa estas tres cosas:\n\n"
              "- que cada batería tenga su color;\n- que ninguna esté hinchada;\n- que el cuaderno esté al día.\n\n";
      text += filler + filler + "\n";
      Diagnostics d;
      std::vector<Lesson> lessons{parse_lesson(SourceText("lead.md", text), d)};
      Template t = manual_template(tpl);
      ManualOptions opt;
      opt.cycle = Date{2026, 11, 20};
      ManualDoc doc = compose_manual(std::move(lessons), t, opt);
      ManualLayoutOptions lopt;
      lopt.page = *paper_size("a5");
      ManualPages m = layout_manual(doc, t, fonts(), Hyphenator::load(doc.lang), lopt, d);
      REQUIRE_FALSE(d.has_errors());
      for (std::size_t i = 0; i < m.pages.size(); ++i) {
        // The lowest body text on the page.
        const TextRun* last = nullptr;
        double bottom = -1;
        for (const Item& it : m.pages[i].items)
          if (const auto* r = std::get_if<TextRun>(&it); r && (r->slot == "body" || r->slot == "marker")) {
            const Rect b = test::item_bounds(it);
            if (b.bottom() > bottom) bottom = b.bottom(), last = r;
          }
        if (!last) continue;
        std::string s = pango_layout_get_text(last->layout.get());
        while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
        INFO(tpl << ": " << k << " sentences, page " << i + 1 << " ends on '" << s << "'");
        CHECK_FALSE((!s.empty() && s.back() == ':'));
      }
    }
}

TEST_CASE("no page of a lesson is left mostly blank: a lesson's short last page is ruled for notes",
          "[manual-layout][typography]") {
  const fs::path lessons = test::examples_dir() / "lessons";
  for (const char* tpl : {"cuaderno", "brigada"}) {
    Diagnostics d;
    Laid m = lay_out({lessons / "01-antes-de-abrir.md", lessons / "02-cuidar-el-litio.md", lessons / "03-la-red.md"}, tpl, d);
    REQUIRE_FALSE(d.has_errors());
    const Template t = manual_template(tpl);
    const double top = t.margins.top.pt(), height = m.pages.pages[0].trim.h.pt() - top - t.margins.bottom.pt();
    int checked = 0;
    for (std::size_t i = 0; i < m.pages.pages.size(); ++i) {
      const Page& p = m.pages.pages[i];
      bool lesson_text = false;
      double bottom = 0;
      for (const Item& it : p.items) {
        const std::string slot = std::visit([](const auto& x) {
          if constexpr (requires { x.slot; }) return x.slot; else return std::string();
        }, it);
        if (slot == "body" || slot == "heading") lesson_text = true;
        if (slot == "folio" || slot == "running-head" || slot == "head" || slot.empty()) continue;
        bottom = std::max(bottom, test::item_bounds(it).bottom());
      }
      if (!lesson_text) continue;
      ++checked;
      INFO(tpl << " page " << i + 1 << ": used down to " << (bottom - top) / height * 100 << " % of the text area");
      // Before: cuaderno's lesson ends took 20 % of their page, the rest blank.
      CHECK(bottom - top >= height * 0.5);
    }
    CHECK(checked >= 4);
  }
}

namespace {
// Horizontal ink extent of a run, in page points.
std::pair<double, double> ink_x(const TextRun& t) {
  PangoRectangle ink;
  pango_layout_get_extents(t.layout.get(), &ink, nullptr);
  return {t.origin.x + ink.x / double(PANGO_SCALE), t.origin.x + (ink.x + ink.width) / double(PANGO_SCALE)};
}
std::vector<const TextRun*> runs(const Page& p, const std::string& slot) {
  std::vector<const TextRun*> out;
  for (const Item& it : p.items)
    if (const auto* t = std::get_if<TextRun>(&it); t && t->slot == slot) out.push_back(t);
  return out;
}
std::vector<const Shape*> shapes(const Page& p, const std::string& slot) {
  std::vector<const Shape*> out;
  for (const Item& it : p.items)
    if (const auto* s = std::get_if<Shape>(&it); s && s->slot == slot) out.push_back(s);
  return out;
}
}  // namespace

TEST_CASE("a right-to-left manual is mirrored: contents, calendar, cover moons, folios, heads",
          "[manual-layout][i18n]") {
  const fs::path ar = kFixtures / "i18n/lessons-ar";
  for (const char* tpl : {"cuaderno", "brigada"}) {
    INFO(tpl);
    Diagnostics d;
    Laid m = lay_out({ar / "01-quwwa.md", ar / "02-shabaka.md"}, tpl, d);
    REQUIRE(m.doc.lang == "ar");
    const auto& pages = m.pages.pages;
    const double mid = pages[0].trim.w.pt() / 2;
    const double outer = manual_template(tpl).margins.right.pt();
    REQUIRE(outer != Approx(manual_template(tpl).margins.left.pt()).margin(5));

    // Contents: titles hang from the right, page numbers at the left, the leader between.
    const Page& contents = pages.at(1);
    const auto numbers = runs(contents, "toc-page");
    REQUIRE(numbers.size() == m.pages.toc.size());
    double numbers_right = 0;
    for (const TextRun* n : numbers) {
      CHECK(ink_x(*n).second < mid * 0.5);
      numbers_right = std::max(numbers_right, ink_x(*n).second);
    }
    std::size_t titles = 0;
    for (const TextRun* t : runs(contents, "toc")) {
      CHECK(ink_x(*t).second > mid * 1.5);  // the heading and every title end at the right
      ++titles;
    }
    CHECK(titles == m.pages.toc.size() + 1);
    const auto leaders = shapes(contents, "toc");
    REQUIRE_FALSE(leaders.empty());
    for (const Shape* s : leaders) {
      const Rect b = s->path.bounds();
      CHECK(b.x > numbers_right);
      CHECK(b.right() < mid * 1.9);
    }

    // Folios and running heads at the outer corner of a book stapled on the right: odd
    // (recto) pages are left-hand pages.
    for (std::size_t i = 1; i + 1 < pages.size(); ++i) {
      INFO("page " << i + 1);
      const TextRun* folio = run(pages[i], "folio");
      REQUIRE(folio != nullptr);
      const auto [l, r] = ink_x(*folio);
      // ... with the outer margin there (the template's `right`), the inner at the staples.
      if ((i + 1) % 2 == 1)
        CHECK(l == Approx(outer).margin(2.5));
      else
        CHECK(r == Approx(2 * mid - outer).margin(2.5));
      if (const TextRun* head = run(pages[i], "running-head"))
        CHECK(((i + 1) % 2 == 1 ? ink_x(*head).first < mid * 0.3 : ink_x(*head).second > mid * 1.7));
    }

    // Calendar: the disc at the right, then the date, then the line to write the crew on.
    const Page& back = pages.back();
    const auto dates = runs(back, "calendar-date");
    REQUIRE(dates.size() == 13);
    const auto discs = shapes(back, "moon");
    REQUIRE(discs.size() == 13);
    for (std::size_t k = 0; k < dates.size(); ++k) {
      CHECK(discs[k]->path.bounds().x > ink_x(*dates[k]).second);
      CHECK(ink_x(*dates[k]).second > mid);
    }
    const auto lines = shapes(back, "calendar");
    REQUIRE(lines.size() == 1);
    for (const auto& seg : lines[0]->path.segments) CHECK(seg.p[0].x < ink_x(*dates[0]).first);

    // Lesson pages: list markers, quote bars and the opener's rule stand at the right, the
    // items' text is indented from the right.
    std::size_t markers = 0, bars = 0;
    for (std::size_t i = 2; i + 1 < pages.size(); ++i) {
      INFO("page " << i + 1);
      const double text_right = 2 * mid - ((i + 1) % 2 == 1 ? manual_template(tpl).margins.left.pt() : outer);
      for (const TextRun* mk : runs(pages[i], "marker")) {
        CHECK(ink_x(*mk).first > mid);
        CHECK(ink_x(*mk).second <= text_right + 1);
        ++markers;
      }
      for (const Shape* q : shapes(pages[i], "quote")) {
        CHECK(q->path.bounds().right() == Approx(text_right).margin(1.5));
        ++bars;
      }
      for (const Shape* r : shapes(pages[i], "lesson"))
        CHECK(r->path.bounds().right() == Approx(text_right).margin(0.5));
    }
    CHECK(markers >= 3);
    CHECK(bars >= 1);

    // The cover's row of moons runs right to left: the first (new moon, or the next handover)
    // is the rightmost.
    std::vector<double> cover_x;
    for (const Shape* s : shapes(pages[0], "moon")) cover_x.push_back(s->path.bounds().x);
    REQUIRE(cover_x.size() >= 2);
    CHECK(cover_x.front() > cover_x.back());
  }
}

TEST_CASE("a right-to-left manual's table runs its columns from the right", "[manual-layout][i18n]") {
  const fs::path dir = fs::temp_directory_path() / "telar-rtl-table-test";
  fs::create_directories(dir);
  const fs::path file = dir / "jadwal.md";
  {
    std::ofstream out(file);
    out << "---\ntitle: جدول\nlang: ar\n---\n\n# جدول\n\n| الاسم | العدد | المكان |\n|---|---|---|\n"
           "| بطارية | 3 | الرف |\n| مصباح | 12 | الصندوق |\n";
  }
  Diagnostics d;
  Laid m = lay_out({file}, "cuaderno", d);
  fs::remove_all(dir);
  std::vector<const TextRun*> head;
  for (const Page& p : m.pages.pages)
    for (const TextRun* t : runs(p, "table-head")) head.push_back(t);
  REQUIRE(head.size() == 3);
  // The first column (الاسم) is the rightmost, the last the leftmost.
  CHECK(ink_x(*head[0]).first > ink_x(*head[1]).second);
  CHECK(ink_x(*head[1]).first > ink_x(*head[2]).second);
}
