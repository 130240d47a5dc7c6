// SPDX-License-Identifier: GPL-3.0-or-later
// Typography measured on the display lists: the zine's leading for every script, its
// minimum sizes, last lines, pull quotes in order; the banner's even headline lines, no
// text twice, print-shop boxes and crop marks outside the bleed.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "compose/banner.h"
#include "compose/zine.h"
#include "impose/tiles.h"
#include "impose/zine8.h"
#include "layout/banner.h"
#include "layout/line_balance.h"
#include "layout/text.h"
#include "layout/zine.h"
#include "layout/zine_flow.h"
#include "story/read_story.h"
#include "support.h"

using namespace telar;
namespace fs = std::filesystem;

namespace {

using test::fonts;
using test::slurp;

struct Zine {
  std::vector<Page> pages;
  ZineLayoutInfo info;
};

Zine zine(const std::string& story_text, const std::string& tpl_name) {
  Diagnostics d;
  Story s = parse_story(SourceText("story.md", story_text), d);
  Template t = test::shipped_template(tpl_name, ArtifactKind::zine);
  ZineDoc doc = compose_zine(s, "story.md", t, {}, d);
  Zine z;
  z.pages = layout_zine(doc, t, fonts(), zine8_page_size(*paper_size("a4")), d, &z.info);
  REQUIRE_FALSE(d.has_errors());
  return z;
}

/// Where a run's lines are painted: its own baselines when it sets them, else Pango's.
std::vector<double> painted_baselines(const TextRun& r) {
  if (!r.baselines.empty()) return r.baselines;
  std::vector<double> out;
  PangoLayoutIter* it = pango_layout_get_iter(r.layout.get());
  do out.push_back(pango_layout_iter_get_baseline(it) / double(PANGO_SCALE));
  while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

/// Baseline-to-baseline distances of a run's painted lines, points.
std::vector<double> baseline_steps(const TextRun& r) {
  const std::vector<double> b = painted_baselines(r);
  std::vector<double> out;
  for (std::size_t i = 1; i < b.size(); ++i) out.push_back(b[i] - b[i - 1]);
  return out;
}

/// The smallest font size set anywhere in the layout's attributes (its own font included).
double smallest_size(PangoLayout* l) {
  double least = pango_font_description_get_size(pango_layout_get_font_description(l)) / double(PANGO_SCALE);
  PangoAttrList* attrs = pango_layout_get_attributes(l);
  if (!attrs) return least;
  PangoAttrIterator* it = pango_attr_list_get_iterator(attrs);
  do {
    if (PangoAttribute* a = pango_attr_iterator_get(it, PANGO_ATTR_FONT_DESC)) {
      const PangoFontDescription* d = reinterpret_cast<PangoAttrFontDesc*>(a)->desc;
      if (pango_font_description_get_set_fields(d) & PANGO_FONT_MASK_SIZE)
        least = std::min(least, pango_font_description_get_size(d) / double(PANGO_SCALE));
    }
  } while (pango_attr_iterator_next(it));
  pango_attr_iterator_destroy(it);
  return least;
}

std::vector<const TextRun*> runs(const Page& p, const std::string& slot) {
  std::vector<const TextRun*> out;
  for (const Item& i : p.items)
    if (const auto* r = std::get_if<TextRun>(&i); r && r->slot == slot) out.push_back(r);
  return out;
}

/// The width of the layout's last two words set together on one line, in its own font.
double last_two_words_width(PangoLayout* l) {
  std::string text = pango_layout_get_text(l);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  std::size_t cut = text.find_last_of(" \n");
  if (cut == std::string::npos) return 0;
  cut = cut == 0 ? std::string::npos : text.find_last_of(" \n", cut - 1);
  const std::string two = text.substr(cut == std::string::npos ? 0 : cut + 1);
  auto one = GRef<PangoLayout>::adopt(pango_layout_new(pango_layout_get_context(l)));
  pango_layout_set_font_description(one.get(), pango_layout_get_font_description(l));
  pango_layout_set_text(one.get(), std::string(two).replace(two.find_first_of(" \n"), 1, " ").c_str(), -1);
  return layout_width(one.get());
}

const char* const kExamplesNames[] = {"la-bateria.circle.md", "caravan.circle.md", "witral.circle.md"};

const std::string kArabic =
    "---\ntitle: الدائرة\nlang: ar\n---\n\n## ماذا تعني البطارية؟\n\n"
    "Ana: Prestar una batería es prestar la voz; cuando no hay luz, el teléfono es lo único que nos une.\n"
    "سارة: عندما تنقطع الكهرباء يبقى الحي يتكلم، ونحن نتقاسم البطاريات بيننا كل أسبوع في المركز.\n"
    "Luis: La red no se apaga si la cuidamos entre todas, y eso lo aprendimos en el barrio.\n";

}  // namespace

TEST_CASE("zine body leading is 1.2 to 1.35 times the size in every script and template", "[layout][typography]") {
  std::vector<std::pair<std::string, std::string>> stories;
  for (const char* e : kExamplesNames) stories.emplace_back(e, slurp(test::examples_dir() / e));
  stories.emplace_back("arabic", kArabic);
  for (const char* tpl : {"fotocopia", "semilla"})
    for (const auto& [name, text] : stories) {
      INFO(tpl << " " << name);
      Zine z = zine(text, tpl);
      int measured = 0;
      for (const Page& p : z.pages)
        for (const char* slot : {"turn", "narration"})
          for (const TextRun* r : runs(p, slot))
            for (double step : baseline_steps(*r)) {
              CHECK(step / z.info.body_size >= 1.2 - 1e-3);
              CHECK(step / z.info.body_size <= 1.35 + 1e-3);
              CHECK(step == Catch::Detail::Approx(z.info.leading * z.info.body_size).margin(0.02));
              ++measured;
            }
      CHECK(measured > 0);
    }
}

TEST_CASE("Arabic and Latin turns on one zine page keep one line rhythm", "[layout][typography]") {
  for (const char* tpl : {"semilla", "fotocopia"}) {
    INFO(tpl);
    Zine z = zine(kArabic, tpl);
    std::vector<double> latin, arabic, firsts;
    for (const Page& p : z.pages)
      for (const TextRun* r : runs(p, "turn")) {
        const std::string text = pango_layout_get_text(r->layout.get());
        auto& into = text.find("\xD8") != std::string::npos || text.find("\xD9") != std::string::npos ? arabic : latin;
        for (double s : baseline_steps(*r)) into.push_back(s);
        firsts.push_back(painted_baselines(*r).front());
      }
    // A paragraph's first baseline sits as far below its top in either script.
    for (double f : firsts) CHECK(f == Catch::Detail::Approx(firsts.front()).margin(0.01));
    REQUIRE_FALSE(latin.empty());
    REQUIRE_FALSE(arabic.empty());
    // Before: Arabic lines at about 3 x the size beside Latin ones at 1.8 x; then within
    // 15 % (Pango centres each face's own box on an absolute line height). Now one pitch,
    // to the hundredth of a point, for both scripts.
    const double pitch = z.info.leading * z.info.body_size;
    for (double l : latin) CHECK(l == Catch::Detail::Approx(pitch).margin(0.01));
    for (double a : arabic) CHECK(a == Catch::Detail::Approx(pitch).margin(0.01));
  }
}

TEST_CASE("zine body never goes under 7.5 pt nor names under 6.5 pt", "[layout][typography]") {
  for (const char* tpl : {"fotocopia", "semilla"}) {
    const Template t = test::shipped_template(tpl, ArtifactKind::zine);
    CHECK(t.size("body").min.pt() >= 7.5);
    // The longest circle the template takes: every size is at its floor or above.
    std::string story = "---\ntitle: Largo\nlang: es\n---\n\n";
    for (int r = 0; r < 3; ++r) {
      story += "## Ronda\n\n";
      for (int k = 0; k < 12; ++k)
        story += "Ana: Prestar una batería es prestar la voz; cuando no hay luz el teléfono nos une.\n";
    }
    Zine z = zine(story, tpl);
    INFO(tpl << " body " << z.info.body_size << " leading " << z.info.leading);
    CHECK(z.info.body_size >= 7.5);
    for (const Page& p : z.pages)
      for (const TextRun* r : runs(p, "turn")) CHECK(smallest_size(r->layout.get()) >= 6.5 - 1e-3);
  }
  CHECK(speaker_size(7.5) == Catch::Detail::Approx(6.5));
  CHECK(speaker_size(9.5) > 7.5);
}

TEST_CASE("to fit, the zine tightens the leading before it shrinks the type", "[layout][typography]") {
  // Long enough that the loose setting does not fit at the largest size.
  std::string story = "---\ntitle: Medio\nlang: es\n---\n\n## Ronda\n\n";
  for (int k = 0; k < 26; ++k)
    story += "Ana: Prestar una batería es prestar la voz; cuando no hay luz el teléfono nos une.\n";
  Zine z = zine(story, "fotocopia");
  INFO("body " << z.info.body_size << " leading " << z.info.leading);
  if (z.info.body_size < 9.5) CHECK(z.info.leading == Catch::Detail::Approx(1.2));
  CHECK(z.info.leading < 1.32);
}

TEST_CASE("example zine paragraphs hardly ever end on one lone word", "[layout][typography]") {
  for (const char* tpl : {"fotocopia", "semilla"})
    for (const char* e : kExamplesNames) {
      Zine z = zine(slurp(test::examples_dir() / e), tpl);
      int paragraphs = 0, lone = 0;
      for (const Page& p : z.pages)
        for (const char* slot : {"turn", "narration"})
          for (const TextRun* r : runs(p, slot)) {
            ++paragraphs;
            if (lone_last_word(r->layout.get())) ++lone;
          }
      INFO(tpl << " " << e << ": " << lone << " of " << paragraphs);
      // Where a measure down to 85 % cannot avoid it, one may remain (before: 15-20 %).
      CHECK(lone <= 1);
      CHECK(lone * 10 <= paragraphs);
    }
}

TEST_CASE("headline and whole-page quotes never end on one lone word", "[layout][typography]") {
  std::vector<std::pair<std::string, std::string>> stories;
  for (const char* e : kExamplesNames) stories.emplace_back(e, slurp(test::examples_dir() / e));
  stories.emplace_back("arabic", kArabic);
  // Headlines that greedy breaking at the largest size strands a word of.
  for (const char* h : {"Cuando se corta la luz, el barrio sigue hablando en voz baja.",
                        "La red no se apaga si la cuidamos entre todas.",
                        "Sin nombres, con colores: así nadie puede hacer una lista de nosotros.",
                        "Nadie firma nada, nadie deja el carnet en la mesa.",
                        "Venimos porque aquí nadie arregla sola su bicicleta.",
                        "Ahora son de todos y nadie las guarda bajo llave.",
                        "Que la luz no es del que la vende.",
                        "A strike is only as long as the childcare lasts.",
                        "Cada sábado aprendemos algo nuevo juntas en el taller del barrio."})
    stories.emplace_back(h, std::string("---\ntitle: Titular\nlang: es\nheadline: \"") + h +
                                "\"\n---\n\n## Ronda\n\nAna: Prestar una batería es prestar la voz.\n");
  for (const char* tpl : {"fotocopia", "semilla"})
    for (const auto& [name, text] : stories) {
      Zine z = zine(text, tpl);
      for (std::size_t i = 1; i < 7; ++i)
        for (const char* slot : {"headline", "quote"}) {
          const auto r = runs(z.pages[i], slot);
          if (r.empty() || (std::string(slot) == "quote" && !runs(z.pages[i], "turn").empty())) continue;
          PangoLayout* l = r.front()->layout.get();
          INFO(tpl << " " << name << " page " << i + 1 << " " << slot << ": " << pango_layout_get_text(l));
          // A fault where a better break exists: the last two words fit one line of the
          // page's measure at the size set (a display word too long to share a line is not).
          const bool tint = std::string(tpl) == "semilla", quote = std::string(slot) == "quote";
          const double size = pango_font_description_get_size(pango_layout_get_font_description(l)) / double(PANGO_SCALE);
          const double measure = z.pages[i].trim.w.pt() - 2 * Length::mm(7).pt() -
                                 (quote ? (tint ? 1.4 : 0.9) * size : (tint ? 2 * Length::mm(4).pt() : 0));
          CHECK_FALSE((lone_last_word(l) && last_two_words_width(l) <= measure));
          if (!quote) CHECK_FALSE(lone_last_word(l));
        }
    }
}

TEST_CASE("the zine's text is balanced over the inside pages it takes", "[layout][typography]") {
  // A round that runs onto a second page shares its lines out: no full page before a runt.
  // Measured from the top of the text area to the lowest line of body text on each page.
  for (const char* tpl : {"fotocopia", "semilla"})
    for (const std::string e : {"la-bateria.circle.md", "longest"}) {
      std::string text;
      if (e == "longest") {  // the first round alone runs over two pages or more
        text = "---\ntitle: Largo\nlang: es\n---\n\n## Ronda\n\n";
        for (int k = 0; k < 20; ++k)
          text += "Ana: Prestar una batería es prestar la voz; cuando no hay luz el teléfono nos une.\n";
        text += "\n## Otra\n\nLuis: Corta.\n";
      } else {
        text = slurp(test::examples_dir() / e);
      }
      Zine z = zine(text, tpl);
      std::vector<double> fill;       // text height per body page
      std::vector<bool> continues;  // the page goes on with the round of the page before
      for (std::size_t i = 1; i < 7; ++i) {
        double top = 1e300, bottom = -1;
        bool round_first = false;
        for (const Item& it : z.pages[i].items)
          if (const auto* r = std::get_if<TextRun>(&it); r && (r->slot == "turn" || r->slot == "narration" || r->slot == "round")) {
            const Rect b = test::item_bounds(it);
            if (b.y < top) round_first = r->slot == "round", top = b.y;
            bottom = std::max(bottom, b.bottom());
          }
        if (bottom < 0) continue;
        fill.push_back(bottom - top);
        continues.push_back(!round_first);
      }
      INFO(tpl << " " << e);
      REQUIRE(fill.size() >= 2);
      int checked = 0;
      for (std::size_t i = 1; i < fill.size(); ++i) {
        if (!continues[i]) continue;
        INFO("page " << i << ": " << fill[i - 1] << " pt then " << fill[i] << " pt");
        // Before: 95 % of a page, then 40 %.
        CHECK(fill[i] >= fill[i - 1] * 0.6);
        ++checked;
      }
      CHECK(checked >= 1);
    }
}

TEST_CASE("a lone last word is avoided by a slightly narrower measure", "[layout][typography]") {
  TextStyle st;
  st.font = "Noto Sans";
  st.size = 9;
  // Find a width at which the greedy breaking strands the last word.
  const std::string text = "Prestar una batería es prestar la voz, cuando no hay luz nos une de vuelta.";
  bool tempted = false;
  for (double w = 120; w <= 200 && !tempted; w += 1) {
    auto l = make_layout(fonts(), "es", st, text, w);
    if (!lone_last_word(l.get())) continue;
    tempted = true;
    const int lines = line_count(l.get());
    const double chosen = avoid_lone_last_word(l.get(), w);
    CHECK(chosen < w);
    CHECK(chosen >= w * 0.85);
    CHECK(line_count(l.get()) == lines);
    CHECK_FALSE(lone_last_word(l.get()));
  }
  CHECK(tempted);
}

TEST_CASE("a whole-page quote follows the page its turn ends on", "[layout][typography]") {
  // A short circle: highlights get pages of their own, each right after its turn's page.
  const std::string story =
      "---\ntitle: Orden\nlang: es\nheadline: Un titular aparte\n---\n\n## Primera\n\nAna: Uno dos tres cuatro cinco seis.\n"
      "> Luis: La cita de la primera ronda.\n"
      "Eva: Siete ocho nueve diez once doce.\n\n## Segunda\n\n"
      "Ana: Trece catorce quince dieciséis.\n"
      "> Eva: La cita de la segunda ronda, que va después.\n"
      "> Luis: Y otra más para el titular de la portada del círculo.\n";
  Zine z = zine(story, "semilla");
  auto page_with = [&](const std::string& needle) {
    for (std::size_t i = 0; i < z.pages.size(); ++i)
      for (const Item& it : z.pages[i].items)
        if (const auto* r = std::get_if<TextRun>(&it);
            r && std::string(pango_layout_get_text(r->layout.get())).find(needle) != std::string::npos)
          return static_cast<int>(i);
    return -1;
  };
  const int first = page_with("Uno dos"), q1 = page_with("primera ronda"), second = page_with("Trece"),
            q2 = page_with("segunda ronda");
  INFO(first << " " << q1 << " " << second << " " << q2);
  REQUIRE(first >= 0);
  REQUIRE(q1 >= 0);
  REQUIRE(second >= 0);
  REQUIRE(q2 >= 0);
  CHECK(q1 == first + 1);  // right after the page its turn is on
  CHECK(q2 > q1);
  CHECK(q2 > second);
}

// --- banner

namespace {

struct Banner {
  Page page;
  BannerLayoutInfo info;
};

Banner banner(const std::string& tpl_name, Size trim, const std::string& headline = {}) {
  Diagnostics d;
  std::optional<Story> s = read_story(test::examples_dir() / "la-bateria.circle.md", d);
  Template t = test::shipped_template(tpl_name, ArtifactKind::banner);
  BannerDoc doc = compose_banner(&*s, "la-bateria.circle.md", headline, "es", t, d);
  Banner b;
  b.page = layout_banner(doc, t, fonts(), trim, Length::mm(5), d, &b.info);
  REQUIRE_FALSE(d.has_errors());
  return b;
}

std::vector<double> line_widths_of(PangoLayout* l) {
  std::vector<double> out;
  for (int i = 0; i < pango_layout_get_line_count(l); ++i) {
    PangoRectangle ink, logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(l, i), &ink, &logical);
    out.push_back(logical.width / double(PANGO_SCALE));
  }
  return out;
}

}  // namespace

TEST_CASE("banner headline lines are even at every size", "[layout][typography]") {
  const Size sizes[] = {{Length::m(0.6), Length::m(0.4)}, {Length::m(2), Length::m(1)},
                        {Length::m(3), Length::m(1)},     {Length::m(1), Length::m(3)},
                        {Length::m(1.2), Length::m(0.9)}, {Length::in(120), Length::in(36)}};
  for (const char* tpl : {"tejido", "pancarta"})
    for (const Size& s : sizes)
      for (const std::string headline : {"", "Cuando se corta la luz, el barrio sigue hablando",
                                         "La red no se apaga si la cuidamos entre todas y todos"}) {
        Banner b = banner(tpl, s, headline);
        INFO(tpl << " " << s.w.mm() << "x" << s.h.mm() << " mm '" << headline << "'");
        std::vector<const TextRun*> h = runs(b.page, "headline");
        REQUIRE(h.size() == 1);
        const std::vector<double> w = line_widths_of(h[0]->layout.get());
        if (w.size() < 2) continue;
        const double ratio = *std::max_element(w.begin(), w.end()) / *std::min_element(w.begin(), w.end());
        // Unless the words forbid it: the most even breaking of these words into this many
        // lines, measured at the size set (logical widths, as the layout measures them).
        PangoLayout* hl = h[0]->layout.get();
        const PangoFontDescription* fd = pango_layout_get_font_description(hl);
        auto width_of = [&](const std::string& text) {
          auto l = GRef<PangoLayout>::adopt(pango_layout_new(pango_layout_get_context(hl)));
          pango_layout_set_font_description(l.get(), fd);
          pango_layout_set_text(l.get(), text.c_str(), -1);
          return layout_width(l.get());
        };
        std::vector<double> words;
        std::string all;
        for (const std::string& line : b.info.headline_lines) all += (all.empty() ? "" : " ") + line;
        for (const std::string& word : split_words(all)) words.push_back(width_of(word));
        const double space = width_of("x x") - 2 * width_of("x");
        auto best = even_breaks(words, space, b.info.headline_room.w, w.size());
        const double floor_ratio = best ? width_ratio(words, space, *best) : 1e9;
        INFO("lines " << w.size() << " ratio " << ratio << " best possible " << floor_ratio);
        CHECK(ratio <= std::max(1.25, floor_ratio * 1.03));
      }
}

TEST_CASE("a banner headline that is also a highlight is printed once", "[layout][typography]") {
  // The highlight ends with a full stop, the headline given on the command line does not.
  Banner b = banner("tejido", {Length::m(2), Length::m(1)}, "cuando se corta la luz el barrio sigue hablando");
  for (const TextRun* r : runs(b.page, "quote"))
    CHECK(std::string(pango_layout_get_text(r->layout.get())).find("barrio sigue hablando") == std::string::npos);
}

TEST_CASE("no dead band between the banner headline and its quotes", "[layout][typography]") {
  for (const char* tpl : {"tejido", "pancarta"}) {
    Banner b = banner(tpl, {Length::m(2), Length::m(1)});
    std::vector<const TextRun*> q = runs(b.page, "quote");
    if (q.empty()) continue;
    double top = 1e300;
    for (const TextRun* r : q) top = std::min(top, r->origin.y);
    const double band = top - b.info.headline_ink.bottom();
    INFO(tpl << " band " << Length::pt(band).mm() << " mm");
    CHECK(band < Length::mm(120).pt());
    CHECK(band > 0);
  }
}

TEST_CASE("the banner sheet declares trim and bleed, crop marks outside the bleed", "[layout][typography]") {
  Banner b = banner("tejido", {Length::m(3), Length::m(1)});
  const Sheet s = impose_banner_sheet(b.page);
  REQUIRE(s.trim_box);
  REQUIRE(s.bleed_box);
  CHECK(Length::pt(s.trim_box->w).mm() == Catch::Detail::Approx(3000).margin(0.01));
  CHECK(Length::pt(s.trim_box->h).mm() == Catch::Detail::Approx(1000).margin(0.01));
  CHECK(Length::pt(s.bleed_box->w - s.trim_box->w).mm() == Catch::Detail::Approx(10).margin(0.01));
  CHECK(Length::pt(s.trim_box->x - s.bleed_box->x).mm() == Catch::Detail::Approx(5).margin(0.01));
  // The media holds the marks, and every mark is outside the bleed box.
  CHECK(Rect({0, 0, s.paper.w.pt(), s.paper.h.pt()}).contains(*s.bleed_box, 0));
  int marks = 0;
  for (const Item& m : s.marks) {
    const auto* sh = std::get_if<Shape>(&m);
    REQUIRE(sh);
    for (const auto& seg : sh->path.segments)
      for (const Point& p : seg.p) {
        const Rect& bb = *s.bleed_box;
        const bool inside = p.x > bb.x + 0.01 && p.x < bb.right() - 0.01 && p.y > bb.y + 0.01 && p.y < bb.bottom() - 0.01;
        CHECK_FALSE(inside);
        CHECK(p.x >= 0);
        CHECK(p.y >= 0);
        CHECK(p.x <= s.paper.w.pt());
        CHECK(p.y <= s.paper.h.pt());
        ++marks;
      }
  }
  CHECK(marks >= 16);
}

TEST_CASE("a two-turn circle is designed, not a notebook", "[layout][typography]") {
  // No highlight and no link: the headline comes from the turns, at most one notes page,
  // and the back cover closes on the circle's words instead of standing blank.
  const std::string story =
      "---\ntitle: Dos voces\nnode: Taller de bicicletas\nlang: es\n---\n\n## ¿Por qué venimos?\n\n"
      "Ana: Venimos porque aquí nadie arregla sola su bicicleta. Cada sábado aprendemos algo nuevo juntas.\n"
      "Luis: Yo traje mis herramientas del taller de mi padre. Ahora son de todos y nadie las guarda bajo llave.\n";
  Zine z = zine(story, "fotocopia");
  CHECK(z.info.notes_pages <= 1);
  CHECK(z.info.quote_pages >= 1);
  CHECK_FALSE(runs(z.pages[1], "headline").empty());
  CHECK(runs(z.pages[7], "back").size() >= 2);  // the title and the closing quote
  // A whole-page quote fills its page: display type, not a strip.
  for (std::size_t i = 2; i < 7; ++i) {
    const auto q = runs(z.pages[i], "quote");
    if (q.empty() || !runs(z.pages[i], "turn").empty()) continue;
    const Rect b = test::item_bounds(*std::find_if(z.pages[i].items.begin(), z.pages[i].items.end(), [](const Item& it) {
      const auto* r = std::get_if<TextRun>(&it);
      return r && r->slot == "quote";
    }));
    CHECK(b.h > z.pages[i].trim.h.pt() * 0.3);
  }
}

TEST_CASE("a thin circle of long one-sentence turns still opens on a voice and has at most one notes page", "[layout][typography]") {
  // Three turns, each one long sentence (Arabic with its own commas): no sentence is short
  // enough for a headline or a quote page, so clauses are taken (before: no headline page
  // and five ruled notes pages).
  const std::string story =
      "---\ntitle: الدائرة\nlang: ar\n---\n\n## ماذا تعني البطارية؟\n\n"
      "Ana: Prestar una batería es prestar la voz; cuando no hay luz, el teléfono es lo único que nos une.\n"
      "سارة: عندما تنقطع الكهرباء يبقى الحي يتكلم، ونحن نتقاسم البطاريات بيننا كل أسبوع في المركز، ونكتب في الدفتر من أخذ ماذا بالألوان لا بالأسماء.\n"
      "Luis: La red no se apaga si la cuidamos entre todas, y eso lo aprendimos en el barrio cuando se cortó la luz.\n";
  for (const char* tpl : {"fotocopia", "semilla"}) {
    INFO(tpl);
    Zine z = zine(story, tpl);
    CHECK_FALSE(runs(z.pages[1], "headline").empty());
    CHECK(z.info.notes_pages <= 1);
    CHECK(z.info.quote_pages >= 2);
  }
}

TEST_CASE("the example zines are set at full size and the loosest leading", "[layout][typography]") {
  // They fit easily: nothing should be tightened. Before: caravan at 1.20 (fotocopia) and
  // 1.26 (semilla), to dodge a short last page that balancing the round now evens out.
  for (const char* tpl : {"fotocopia", "semilla"})
    for (const char* e : kExamplesNames) {
      Zine z = zine(slurp(test::examples_dir() / e), tpl);
      INFO(tpl << " " << e << ": " << z.info.body_size << " pt at " << z.info.leading);
      CHECK(z.info.body_size == Catch::Detail::Approx(9.5));
      CHECK(z.info.leading == Catch::Detail::Approx(1.32));
      CHECK(z.info.notes_pages <= 1);
    }
}

TEST_CASE("the rest of a turn cut around a highlight goes on without the speaker's name again", "[layout][typography]") {
  // Two turns, no highlight marked: the best sentences become highlights and cut their
  // turns; the pieces left in the flow read as the turns they were, one name each
  // (before: "ANA Venimos…" then "ANA Cada sábado…").
  const std::string story =
      "---\ntitle: Dos voces\nnode: Taller de bicicletas\nlang: es\n---\n\n## ¿Por qué venimos?\n\n"
      "Ana: Venimos porque aquí nadie arregla sola su bicicleta. Cada sábado aprendemos algo nuevo juntas.\n"
      "Luis: Yo traje mis herramientas del taller de mi padre. Ahora son de todos y nadie las guarda bajo llave.\n";
  for (const char* tpl : {"fotocopia", "semilla"}) {
    Zine z = zine(story, tpl);
    int ana = 0, luis = 0, pieces = 0;
    for (const Page& p : z.pages)
      for (const TextRun* r : runs(p, "turn")) {
        const std::string text = pango_layout_get_text(r->layout.get());
        ++pieces;
        ana += text.rfind("ANA", 0) == 0;
        luis += text.rfind("LUIS", 0) == 0;
      }
    INFO(tpl << ": " << pieces << " pieces");
    CHECK(ana == 1);
    CHECK(luis == 1);
  }
}
