// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

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
