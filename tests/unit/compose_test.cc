// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "compose/headline.h"
#include "compose/zine.h"
#include "story/story.h"

using namespace telar;

namespace {
Story parse(const std::string& body, const std::string& fm = "title: T\nlang: es\n") {
  Diagnostics d;
  Story s = parse_circle(SourceText("t.md", "---\n" + fm + "---\n\n" + body), d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}
}  // namespace

TEST_CASE("the front matter's headline wins over every highlight", "[compose]") {
  Story s = parse("## R\n\n> Ana: La luz es de quien la comparte.\n",
                  "title: T\nheadline: Nadie se queda sin señal\n");
  auto h = choose_headline(s);
  REQUIRE(h);
  CHECK(h->text == "Nadie se queda sin señal");
  CHECK(h->speaker.empty());
  CHECK(h->source == nullptr);
}

TEST_CASE("the best highlight: readable length, echoed by the circle, one sentence", "[compose]") {
  Story s = parse(
      "## R\n\n"
      "> Ana: Sí.\n"                                                       // too short
      "> Luis: Esto es largo. Tiene dos frases y muchas palabras que no caben en una pancarta.\n"
      "Carmen: La luz es de quien la comparte, dijo mi abuela.\n"
      "> Julián: La luz es de quien la comparte.\n");                     // echoed, short
  auto h = choose_headline(s);
  REQUIRE(h);
  CHECK(h->speaker == "Julián");
  CHECK(h->text == "La luz es de quien la comparte.");
  const Turn& short_one = s.rounds.at(0).turns.at(0);
  const Turn& julian = s.rounds.at(0).turns.at(3);
  CHECK(headline_score(julian, s) > headline_score(short_one, s));
}

TEST_CASE("ties go to the earlier highlight: no highlight, no headline", "[compose]") {
  Story s = parse("## R\n\n> Ana: Una cosa dicha por Ana hoy.\n> Luis: Otra cosa dicha por Luis hoy.\n");
  CHECK(choose_headline(s)->speaker == "Ana");
  CHECK_FALSE(choose_headline(parse("## R\n\nAna: Sin destacados.\n")));
}

TEST_CASE("dates are spelled out in the story's language", "[compose]") {
  CHECK(spell_date("2026-11-14", "es") == "14 de noviembre de 2026");
  CHECK(spell_date("2026-11-14", "es-CL") == "14 de noviembre de 2026");
  CHECK(spell_date("2026-01-02", "en") == "2 January 2026");
  CHECK(spell_date("2026-07-09", "ht") == "9 jiyè 2026");
  CHECK(spell_date("2026-03-01", "pt") == "1 de março de 2026");
  CHECK(spell_date("2026-11-14", "ar") == "2026-11-14");
  CHECK(spell_date("hace poco", "es") == "hace poco");
}

TEST_CASE("the zine's blocks: the headline's highlight reads as a turn, others as quotes", "[compose]") {
  Story s = parse("Narración.\n\n## ¿Qué?\n\n> Ana: Una cosa dicha por Ana hoy mismo.\n"
                  "> Luis: Sí.\nCarmen: Algo más.\n",
                  "title: T\nlang: es\nlink: https://example.org/x\n");
  Template tpl;
  Diagnostics d;
  ZineDoc doc = compose_zine(s, "t.md", tpl, {}, d);
  REQUIRE(doc.body.size() == 5);
  CHECK(doc.body[0].kind == ZineBlock::Kind::narration);
  CHECK(doc.body[1].kind == ZineBlock::Kind::round);
  CHECK(doc.body[2].kind == ZineBlock::Kind::turn);   // Ana's, used as the headline
  CHECK(doc.body[3].kind == ZineBlock::Kind::quote);  // Luis's
  CHECK(doc.body[4].kind == ZineBlock::Kind::turn);
  CHECK(doc.headline_attribution == "— Ana");
  CHECK(doc.qr_payload == "https://example.org/x");
  ZineOptions opt;
  opt.qr_url = "https://example.org/otro";
  CHECK(compose_zine(s, "t.md", tpl, opt, d).qr_payload == "https://example.org/otro");
}
