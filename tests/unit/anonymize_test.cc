// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <functional>

#include "story/anonymize.h"

using namespace telar;

namespace {
Story parse(const std::string& text) {
  Diagnostics d;
  Story s = parse_circle(SourceText("t.md", text), d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}
const char* kStory =
    "---\ntitle: Lo que dijo Marisol\nnode: Taller de Don Héctor\nlang: es\n"
    "headline: Ana Lucía tenía razón\n---\n\n## ¿Quién?\n\n"
    "Marisol: Ana Lucía abre los martes; Don Héctor cierra.\n"
    "Ana Lucía: Sin Marisol no hay taller. Y sin HÉCTOR, tampoco.\n"
    "> Don Héctor: Lo que Marisol y Ana sostienen, lo sostenemos todas.\n"
    "Pedro de la Cruz: Yo llegué por Lucía; de la casa.\n";
}  // namespace

TEST_CASE("speakers become stable pseudonyms in order of first appearance", "[anonymize]") {
  Story s = anonymize(parse(kStory));
  const auto& t = s.rounds.at(0).turns;
  CHECK(t.at(0).speaker == "Voz 1");
  CHECK(t.at(1).speaker == "Voz 2");
  CHECK(t.at(2).speaker == "Voz 3");
  CHECK(t.at(3).speaker == "Voz 4");
}

TEST_CASE("mentions are replaced: whole names, name parts, any case, not particles", "[anonymize]") {
  Story s = anonymize(parse(kStory));
  const auto& t = s.rounds.at(0).turns;
  CHECK(t.at(0).text == "Voz 2 abre los martes; Voz 3 cierra.");
  CHECK(t.at(1).text == "Sin Voz 1 no hay taller. Y sin Voz 3, tampoco.");
  CHECK(t.at(2).text == "Lo que Voz 1 y Voz 2 sostienen, lo sostenemos todas.");
  CHECK(t.at(3).text == "Yo llegué por Voz 2; de la casa.");  // "de la" stays: particles
  CHECK(s.meta.title == "Lo que dijo Voz 1");
  CHECK(s.meta.node == "Taller de Voz 3");
  CHECK(s.meta.headline == "Voz 2 tenía razón");
}

TEST_CASE("the pseudonym word follows the story's language", "[anonymize]") {
  CHECK(pseudonym_word("es-CL") == "Voz");
  CHECK(pseudonym_word("en") == "Voice");
  CHECK(pseudonym_word("ht") == "Vwa");
  CHECK(pseudonym_word("arn") == "Voz");
  Story s = anonymize(parse("---\ntitle: T\nlang: en\n---\n\nPriya: Marcus drives.\nMarcus: Yes.\n"));
  CHECK(s.rounds.at(0).turns.at(0).text == "Voice 2 drives.");
}

TEST_CASE("a name inside a link is found, so it can be refused", "[anonymize]") {
  Story s = parse(kStory);
  CHECK(name_inside(s, "https://example.org/taller-de-marisol") == "Marisol");
  CHECK(name_inside(s, "https://example.org/taller").empty());
}

// --- hardening: what an adversary would try

namespace {
std::string anon(const std::vector<std::string>& names, std::string_view text,
                 const std::string& lang = "es") {
  return Anonymizer(names, lang).apply(text);
}
}  // namespace

TEST_CASE("name_key normalises NFKC, invisible characters, case and accents", "[anonymize]") {
  CHECK(name_key("Ána") == "ana");
  CHECK(name_key("ÁNA") == "ana");
  CHECK(name_key("A\xCC\x81na") == "ana");           // decomposed accent
  CHECK(name_key("Car\u00ADmen") == "carmen");       // soft hyphen
  CHECK(name_key("\uFF23armen") == "carmen");        // full-width C (NFKC)
  CHECK(name_key("Car\u200B\u200D\u2060\u034F\uFE0Fmen") == "carmen");
}

TEST_CASE("a name with an invisible character inside is still replaced", "[anonymize]") {
  for (const char* hidden : {"\u00AD", "\u200B", "\u200D", "\u2060", "\u034F", "\uFE0F"}) {
    const std::string text = std::string("Vino Car") + hidden + "men ayer.";
    CHECK(anon({"Carmen"}, text) == "Vino Voz 1 ayer.");
  }
  CHECK(anon({"Car\u00ADmen"}, "Carmen vino.") == "Voz 1 vino.");
}

TEST_CASE("possessives and suffixes of a name are replaced", "[anonymize]") {
  CHECK(anon({"Carmen"}, "Carmen's bike", "en") == "Voice 1's bike");
  CHECK(anon({"Carmen"}, "Carmen\u2019s bike", "en") == "Voice 1\u2019s bike");
  CHECK(anon({"Carmen"}, "user carmen2 wrote") == "user Voz 1 wrote");
}

TEST_CASE("parts of compound names are replaced: hyphens, apostrophes, first names", "[anonymize]") {
  CHECK(anon({"Rose-Merline"}, "Rose said, then Merline.", "en") == "Voice 1 said, then Voice 1.");
  CHECK(anon({"D'Angelo"}, "Angelo came; D'Angelo left.", "en") == "Voice 1 came; Voice 1 left.");
  CHECK(anon({"Ana Lucía"}, "Ana-Lucía y ána, LUCÍA.") == "Voz 1 y Voz 1, Voz 1.");
  CHECK(anon({"Don Héctor"}, "Héctor y don Pedro.") == "Voz 1 y don Pedro.");
}

TEST_CASE("accent and case variants of a name are replaced", "[anonymize]") {
  CHECK(anon({"Ana"}, "Ána, ÁNA, ana, aNA.") == "Voz 1, Voz 1, Voz 1, Voz 1.");
  CHECK(anon({"María"}, "MARIA y maria") == "Voz 1 y Voz 1");
}

TEST_CASE("Arabic names with a joined prefix are replaced, the prefix kept", "[anonymize]") {
  const std::string m = "\u0645\u062D\u0645\u062F";  // محمد
  for (std::string pre : {"\u0648", "\u0644", "\u0628", "\u0627\u0644"}) {
    std::string out = anon({m}, pre + m, "ar");
    CHECK(out == pre + "Voice 1");
  }
  CHECK(anon({m}, "\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F", "ar") == "Voice 1");  // with harakat
}

TEST_CASE("common-word names: lower-case is the word, capitalised is the name", "[anonymize]") {
  const std::vector<std::string> names = {"María de la Luz", "Rosa"};
  CHECK(anon(names, "la luz se cortó") == "la luz se cortó");
  CHECK(anon(names, "Luz dijo que sí") == "Voz 1 dijo que sí");
  CHECK(anon(names, "María de la Luz llegó; María también.") == "Voz 1 llegó; Voz 1 también.");
  CHECK(anon(names, "una rosa roja, y Rosa") == "una rosa roja, y Voz 2");
  CHECK(anon(names, "ROSA") == "Voz 2");
}

TEST_CASE("names hidden in links are found, percent-encoded too", "[anonymize]") {
  Anonymizer a({"Julián", "Carmen Rojas"}, "es");
  CHECK(a.name_inside("https://example.org/Juli%C3%A1n") == "Julián");
  CHECK(a.name_inside("https://example.org/julian-y-todos") == "Julián");
  CHECK(a.name_inside("https://example.org/ROJAS") == "Rojas");
  CHECK(a.name_inside("https://example.org/c%61rmen") == "Carmen");
  CHECK(a.name_inside("https://example.org/taller").empty());
}

TEST_CASE("front matter private names are replaced too, after the speakers", "[anonymize]") {
  Story s = anonymize(parse("---\ntitle: T\nlang: es\nprivate: [Doña Inés, Tomás]\n---\n\n"
                            "Ana: Doña Inés y Tomás nos prestaron la casa de Inés.\n"));
  CHECK(s.rounds.at(0).turns.at(0).speaker == "Voz 1");
  CHECK(s.rounds.at(0).turns.at(0).text == "Voz 2 y Voz 3 nos prestaron la casa de Voz 2.");
  CHECK(s.meta.private_names.empty());
  Story t = parse("---\ntitle: T\nprivate: Inés, Tomás\n---\n\nAna: x\n");
  CHECK(t.meta.private_names == std::vector<std::string>{"Inés", "Tomás"});
}

TEST_CASE("initials instead of pseudonyms, numbered when two collide", "[anonymize]") {
  Story s = anonymize(parse("---\ntitle: T\nlang: es\n---\n\n"
                            "María de la Luz: Ana Rojas llegó.\nAna Rojas: y Aurora Ruiz.\nAurora Ruiz: sí.\n"),
                      AnonymizeMode::initials);
  const auto& t = s.rounds.at(0).turns;
  CHECK(t.at(0).speaker == "M. L.");
  CHECK(t.at(0).text == "A. R. llegó.");
  CHECK(t.at(1).text == "y A. R. 2.");
  CHECK(t.at(2).speaker == "A. R. 2");
}

TEST_CASE("generic labels are not names: the word speaker stays", "[anonymize]") {
  CHECK(anon({"SPEAKER_00"}, "the speaker said", "en") == "the speaker said");
  CHECK(Anonymizer({"SPEAKER_00"}, "en").alias("SPEAKER_00") == "Voice 1");
}

TEST_CASE("a lesson's every text is anonymized by the manual's names", "[anonymize][manual]") {
  Diagnostics d;
  Lesson l = parse_lesson(SourceText("l.md",
      "---\ntitle: Lo que aprendió Carmen\nlang: es\nprivate: [Doña Inés, Tomás]\n---\n\n"
      "# Turnos de Carmen Rojas\n\nJulián abre; **Car**men cierra. carmen2 y ÁNA.\n\n"
      "- Tomás revisa.\n- [ ] Doña Inés trae agua.\n\n> Dijo Julián: la luz se cortó.\n\n"
      "| quién | qué |\n| --- | --- |\n| Carmen | batería |\n\n```\ncarmen@taller\n```\n\n"
      "[enlace](https://example.org/ok)\n"), d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(l.meta.private_names == std::vector<std::string>{"Doña Inés", "Tomás"});
  std::vector<std::string> names = {"Carmen Rojas", "Julián", "Ana"};
  names.insert(names.end(), l.meta.private_names.begin(), l.meta.private_names.end());
  const Anonymizer anon(names, "es");
  Lesson a = anonymize_lesson(l, anon, d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(a.meta.title == "Lo que aprendió Voz 1");
  CHECK(a.meta.private_names.empty());
  std::string all = a.meta.title;
  std::function<void(const std::vector<Block>&)> walk = [&](const std::vector<Block>& bs) {
    for (const Block& b : bs) {
      if (const auto* h = std::get_if<Heading>(&b.value)) all += plain_text(h->text) + "\n";
      if (const auto* p = std::get_if<Paragraph>(&b.value)) all += plain_text(p->text) + "\n";
      if (const auto* li = std::get_if<List>(&b.value))
        for (const ListItem& item : li->items) walk(item.blocks);
      if (const auto* q = std::get_if<BlockQuote>(&b.value)) walk(q->blocks);
      if (const auto* c = std::get_if<CodeBlock>(&b.value)) all += c->text;
      if (const auto* t = std::get_if<Table>(&b.value))
        for (const auto& row : t->rows)
          for (const Inlines& cell : row) all += plain_text(cell) + "\n";
    }
  };
  walk(a.blocks);
  INFO(all);
  for (const char* name : {"Carmen", "carmen", "Car", "Julián", "ÁNA", "Tomás", "Inés"})
    CHECK(all.find(name) == std::string::npos);
  CHECK(all.find("Turnos de Voz 1") != std::string::npos);
  CHECK(all.find("Voz 2 abre; Voz 1 cierra. Voz 1 y Voz 3.") != std::string::npos);
  CHECK(all.find("Voz 5 revisa.") != std::string::npos);  // private: names follow the crew
  CHECK(all.find("Voz 4 trae agua.") != std::string::npos);
  CHECK(all.find("la luz se cortó") != std::string::npos);
  CHECK(all.find("Voz 1@taller") != std::string::npos);
}

TEST_CASE("a lesson's link that carries a name is refused at its block", "[anonymize][manual]") {
  Diagnostics d;
  Lesson l = parse_lesson(SourceText("l.md", "# T\n\nVer [esto](https://example.org/Juli%C3%A1n).\n"), d);
  REQUIRE_FALSE(d.has_errors());
  anonymize_lesson(l, Anonymizer({"Julián"}, "es"), d);
  REQUIRE(d.has_errors());
  CHECK(format_diagnostic(d.all()[0], Lang::en) ==
        "l.md:3:1: error: with --anonymize, a link must not contain a name ('Julián'): a link cannot be rewritten\n");
}
