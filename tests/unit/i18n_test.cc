// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12: every language looks native. Quotation marks and spacing per language, the
// direction of a paragraph, right-to-left layouts (glyphs run right to left, a Latin name
// inside an Arabic turn), and labels from the catalogue in every shipped language.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>

#include <pango/pango.h>

#include "base/lang.h"
#include "base/messages.h"
#include "base/po.h"
#include "base/quotes.h"
#include "base/utf8.h"
#include "cli/flags.h"
#include "jobs/artifact.h"
#include "layout/fonts.h"
#include "layout/text.h"
#include "template/template.h"

using namespace telar;

namespace {

const FontSet& fonts() {
  static FontSet f(bundled_fonts_dir());
  return f;
}

/// The x position (points) of each glyph of the layout's single line, in logical order of
/// the characters they stand for (one entry per cluster start byte).
std::vector<std::pair<std::size_t, double>> glyph_x_by_byte(PangoLayout* layout) {
  std::vector<std::pair<std::size_t, double>> out;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle r;
    pango_layout_iter_get_cluster_extents(it, nullptr, &r);
    out.emplace_back(static_cast<std::size_t>(pango_layout_iter_get_index(it)),
                     static_cast<double>(r.x) / PANGO_SCALE);
  } while (pango_layout_iter_next_cluster(it));
  pango_layout_iter_free(it);
  std::ranges::sort(out);
  return out;
}

}  // namespace

TEST_CASE("quotation marks follow the language, the template may choose for Spanish", "[i18n][quotes]") {
  CHECK(quoted("hola", "en") == "\u201Chola\u201D");
  CHECK(quoted("hola", "es") == "\u00ABhola\u00BB");
  CHECK(quoted("hola", "es-CL", "curly") == "\u201Chola\u201D");
  CHECK(quoted("hola", "arn") == "\u00ABhola\u00BB");
  CHECK(quoted("olá", "pt-BR") == "\u201Col\u00E1\u201D");
  CHECK(quoted("Hallo", "de") == "\u201EHallo\u201C");
  CHECK(quoted("bonjou", "ht") == "\u00AB\u202Fbonjou\u202F\u00BB");
  CHECK(quoted("bonjour", "fr", "curly") == "\u00AB\u202Fbonjour\u202F\u00BB");  // fr keeps its own
  CHECK(quoted("سلام", "ar") == "\u201D\u0633\u0644\u0627\u0645\u201C");
  CHECK(quoted("سلام", "ar", "curly") == quoted("سلام", "ar"));  // one convention: kept
  CHECK(quoted("olá", "pt", "guillemets") == "\u00ABol\u00E1\u00BB");
}

TEST_CASE("French and Haitian high punctuation gets its narrow no-break space", "[i18n][quotes]") {
  CHECK(space_high_punctuation("Kisa? Non! Wi; bon: dakò", "ht") ==
        "Kisa\u202F? Non\u202F! Wi\u202F; bon\u00A0: dak\u00F2");
  CHECK(space_high_punctuation("Quoi ? Déjà !", "fr") == "Quoi\u202F? D\u00E9j\u00E0\u202F!");
  CHECK(space_high_punctuation("https://example.org à 10:30", "fr") == "https://example.org à 10:30");
  CHECK(space_high_punctuation("What? Yes!", "en") == "What? Yes!");
}

TEST_CASE("right-to-left languages and characters", "[i18n][rtl]") {
  for (const char* l : {"ar", "ar-EG", "he", "fa", "ur", "ps", "ckb", "AR", "pa-Arab"}) CHECK(is_rtl_language(l));
  for (const char* l : {"", "es", "en", "ht", "pt", "arn", "zh-Hans", "am"}) CHECK_FALSE(is_rtl_language(l));
  CHECK(is_rtl_char(U'\u0645'));
  CHECK(is_rtl_char(U'\u05E9'));
  CHECK_FALSE(is_rtl_char(U'\u0661'));  // Arabic-Indic digit: not a strong character
  CHECK_FALSE(is_rtl_char(U'\u064E'));  // a haraka: a mark
  CHECK_FALSE(is_rtl_char(U'A'));
}

TEST_CASE("a paragraph takes its direction from its text, a right-to-left document breaks ties", "[i18n][rtl]") {
  CHECK(paragraph_direction("es", "Ana: hola") == PANGO_DIRECTION_LTR);
  CHECK(paragraph_direction("es", "\u05E9\u05DC\u05D5\u05DD Ana") == PANGO_DIRECTION_RTL);  // first strong: Hebrew
  CHECK(paragraph_direction("es", "Ana: «שלום» y «مرحبا» 2026") == PANGO_DIRECTION_LTR);
  CHECK(paragraph_direction("ar", "OMAR  مرحبا بكم.") == PANGO_DIRECTION_RTL);  // a Latin name first
  CHECK(paragraph_direction("ar", "— OMAR") == PANGO_DIRECTION_LTR);           // no Arabic at all
  CHECK(paragraph_direction("ar", "١٢٣ — ٤") == PANGO_DIRECTION_RTL);           // nothing strong
  CHECK(paragraph_direction("en", "123") == PANGO_DIRECTION_LTR);
}

TEST_CASE("an Arabic turn with a Latin name runs right to left, the full stop at its end", "[i18n][rtl]") {
  const std::string text = "OMAR  \u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064A\u0643\u0645.";
  TextStyle st;
  st.font = "Noto Sans";
  st.size = 10;
  GRef<PangoLayout> l = make_layout(fonts(), "ar", st, markup_escape(text), 300);
  CHECK(pango_layout_get_unknown_glyphs_count(l.get()) == 0);
  CHECK(pango_layout_get_line_count(l.get()) == 1);
  PangoLayoutLine* line = pango_layout_get_line_readonly(l.get(), 0);
  CHECK(line->resolved_dir == PANGO_DIRECTION_RTL);
  const auto xs = glyph_x_by_byte(l.get());
  auto x_at = [&](std::size_t byte) {
    for (const auto& [b, x] : xs)
      if (b == byte) return x;
    FAIL("no cluster at byte " << byte);
    return 0.0;
  };
  const std::size_t alef = text.find("\u0627"), stop = text.find('.');
  // Logical order runs right to left: the name (read first) is rightmost, then the Arabic,
  // and the full stop (read last) is leftmost; the name itself reads left to right.
  CHECK(x_at(0) > x_at(alef));
  CHECK(x_at(alef) > x_at(stop));
  CHECK(x_at(0) < x_at(1));  // O before M: a Latin run inside stays left to right
  for (const auto& [b, x] : xs) CHECK(x >= x_at(stop));
  // Aligned at the start, which is the right edge: the line ends flush with the box.
  PangoRectangle lr;
  pango_layout_get_extents(l.get(), nullptr, &lr);
  CHECK(static_cast<double>(lr.x + lr.width) / PANGO_SCALE == Approx(300).margin(0.5));
}

TEST_CASE("alignment means start and end: mirrored in a right-to-left language", "[i18n][rtl]") {
  TextStyle st;
  st.font = "Noto Sans";
  st.size = 10;
  st.align = PANGO_ALIGN_LEFT;
  GRef<PangoLayout> ar = make_layout(fonts(), "ar", st, "— OMAR", 200);
  GRef<PangoLayout> es = make_layout(fonts(), "es", st, "— OMAR", 200);
  CHECK(pango_layout_get_alignment(ar.get()) == PANGO_ALIGN_RIGHT);
  CHECK(pango_layout_get_alignment(es.get()) == PANGO_ALIGN_LEFT);
  st.align = PANGO_ALIGN_CENTER;
  CHECK(pango_layout_get_alignment(make_layout(fonts(), "ar", st, "x", 200).get()) == PANGO_ALIGN_CENTER);
}

TEST_CASE("every label catalogue has every label, with the same placeholders", "[i18n][labels]") {
  const auto langs = po_label_languages();
  for (const char* l : {"ar", "en", "es", "ht", "pt"}) CHECK(std::ranges::find(langs, std::string_view(l)) != langs.end());
  const auto en = parse_po(po_label_catalogue("en"));
  REQUIRE(en.size() >= 20);
  for (std::string_view lang : langs) {
    const auto cat = parse_po(po_label_catalogue(lang));
    INFO(lang);
    CHECK(cat.size() == en.size());
    for (const auto& [key, text] : en) {
      INFO(key);
      auto it = cat.find(key);
      REQUIRE(it != cat.end());
      CHECK_FALSE(it->second.empty());
      for (const char* ph : {"{tiles}", "{count}", "{overlap}", "--duplex short", "--duplex long"})
        CHECK((text.find(ph) == std::string::npos) == (it->second.find(ph) == std::string::npos));
    }
  }
}

TEST_CASE("labels: the template's wording, else the catalogue in the story's language, else English", "[i18n][labels]") {
  Template t;
  t.labels["en"]["scan"] = "Scan to read online";
  t.labels["es"]["scan"] = "Escanea para leer en línea";
  CHECK(t.label("scan", "es-CL") == "Escanea para leer en línea");  // the template wins
  CHECK(t.label("scan", "ht") == "Eskane pou istwa a");            // the catalogue
  CHECK(t.label("scan", "ar") == "امسح الرمز لقراءة القصة");
  CHECK(t.label("notes", "ar") == "ملاحظات");
  CHECK(t.label("scan", "arn") == "Escanea para leer en línea");     // arn -> es, template
  CHECK(t.label("notes", "arn") == "Notas");                          // arn -> es, catalogue
  CHECK(t.label("scan", "sw") == "Scan to read online");             // no catalogue: English
  CHECK(t.label("notes", "sw") == "Notes");
  CHECK(t.label("no_such_label", "ht") == "no_such_label");
}

TEST_CASE("tracked labels are set solid in Arabic, whose letters join", "[i18n][rtl]") {
  TextStyle st;
  st.font = "Noto Sans";
  st.size = 10;
  st.letter_spacing = 2;
  auto tracked = [&](const char* lang, const char* text) {
    GRef<PangoLayout> l = make_layout(fonts(), lang, st, text, 0);
    PangoAttrList* attrs = pango_layout_get_attributes(l.get());
    if (attrs == nullptr) return false;
    PangoAttrIterator* it = pango_attr_list_get_iterator(attrs);
    const bool found = pango_attr_iterator_get(it, PANGO_ATTR_LETTER_SPACING) != nullptr;
    pango_attr_iterator_destroy(it);
    return found;
  };
  CHECK(tracked("es", "SALMA"));  // Latin keeps its tracking
  CHECK_FALSE(tracked("ar", "\u0633\u0644\u0645\u0649"));
  CHECK_FALSE(tracked("es", "\u2014 \u0633\u0644\u0645\u0649"));
}

TEST_CASE("every flag's help has its Spanish text in po/es.po", "[i18n][messages]") {
  const auto es = parse_po(po_message_catalogue("es"));
  for (const Artifact& a : artifacts())
    for (const FlagSpec& f : a.flags) {
      INFO(a.name << " --" << f.name);
      auto it = es.find(std::string(f.help));
      REQUIRE(it != es.end());
      CHECK_FALSE(it->second.empty());
    }
}

namespace {
std::set<std::string> braces(std::string_view s) {
  std::set<std::string> out;
  for (std::size_t at = s.find('{'); at != std::string_view::npos; at = s.find('{', at + 1))
    out.insert(std::string(s.substr(at, s.find('}', at) + 1 - at)));
  return out;
}
}  // namespace

TEST_CASE("every shipped message catalogue has every message and flag help, or says it is partial",
          "[i18n][messages]") {
  const auto langs = po_message_languages();
  REQUIRE(langs.size() >= 2);  // es and pt at least: the open mechanism has a third language
  const auto reference = parse_po(po_message_catalogue("es"));
  for (std::string_view l : langs) {
    INFO("po/" << l << ".po");
    const std::string_view text = po_message_catalogue(l);
    REQUIRE_FALSE(text.empty());
    const auto cat = parse_po(text);
    // Every entry a catalogue has keeps the English text's placeholders and is a text telar
    // still uses (po/es.po is complete, so it is the list of every text to translate).
    for (const auto& [id, str] : cat) {
      INFO(id);
      CHECK(reference.count(id) == 1);
      CHECK_FALSE(str.empty());
      CHECK(braces(str) == braces(id));
    }
    if (po_is_partial(text)) continue;  // partial: English fills the rest (messages_test.cc)
    for (MsgId id : all_msg_ids()) {
      INFO(msg_name(id));
      CHECK(cat.count(std::string(english_text(id))) == 1);
    }
    for (const Artifact& a : artifacts())
      for (const FlagSpec& f : a.flags) {
        INFO(a.name << " --" << f.name);
        CHECK(cat.count(std::string(f.help)) == 1);
      }
  }
}

TEST_CASE("`--help` comes from the same catalogues, English where a partial one has no text",
          "[i18n][messages]") {
  const Artifact* zine = nullptr;
  for (const Artifact& a : artifacts())
    if (a.name == "zine") zine = &a;
  REQUIRE(zine != nullptr);
  std::ostringstream pt, es;
  pt << cli::flag_options(zine->flags, Lang("pt"));
  es << cli::flag_options(zine->flags, Lang::es);
  CHECK(pt.str().find("arquivo de saída: .pdf") != std::string::npos);
  CHECK(pt.str().find("do not read the QR codes") != std::string::npos);
  CHECK(es.str().find("no leer los códigos QR") != std::string::npos);
}
