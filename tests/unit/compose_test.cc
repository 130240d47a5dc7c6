// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "compose/explain.h"
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

// --- highlights for circles that mark none (transcripts)

TEST_CASE("chosen highlights: the sentence whose words other speakers echo wins", "[compose]") {
  Story s = parse(
      "Ana: Hola a todas. La batería del barrio nunca se apaga.\n"
      "Luis: La batería se carga en la plaza.\n"
      "Rosa: En el barrio la batería es de todas.\n"
      "Pedro: Ayer llovió muchísimo en el centro de la ciudad.\n");
  auto c = highlight_candidates(s);
  REQUIRE(c.size() >= 3);
  CHECK(c.at(0).text == "La batería del barrio nunca se apaga.");
  CHECK(c.at(0).echoed == std::vector<std::string>{"batería", "barrio"});
  CHECK(c.at(0).echo_speakers == 2);
  // "Hola a todas." is too short to stand alone; Pedro's sentence echoes nothing.
  for (const auto& k : c) CHECK(k.text != "Hola a todas.");
  CHECK(c.back().text == "Ayer llovió muchísimo en el centro de la ciudad.");
}

TEST_CASE("chosen highlights skip connectives, links and turns without a speaker", "[compose]") {
  Story s = parse(
      "Ana: Pero la batería del barrio nunca se apaga.\n"
      "Luis: Mira https://example.org/bateria del barrio, la batería.\n"
      "Una nota sobre la batería del barrio que nadie dijo.\n");
  CHECK(highlight_candidates(s).empty());
}

TEST_CASE("with_highlights splits the turn around the sentence, in order, deterministic", "[compose]") {
  Story s = parse(
      "[00:01:00] Ana: Hola a todas. La batería del barrio nunca se apaga. Eso es todo.\n"
      "Luis: La batería se carga en la plaza del barrio.\n");
  Story h = with_highlights(s, 1);
  const auto& t = h.rounds.at(0).turns;
  REQUIRE(t.size() == 4);
  CHECK(t.at(0).text == "Hola a todas.");
  CHECK(t.at(0).at_seconds == 60);
  CHECK(t.at(1).text == "La batería del barrio nunca se apaga.");
  CHECK(t.at(1).highlight);
  CHECK(t.at(1).speaker == "Ana");
  CHECK_FALSE(t.at(1).at_seconds);
  CHECK(t.at(2).text == "Eso es todo.");
  CHECK_FALSE(t.at(2).highlight);
  CHECK(t.at(3).speaker == "Luis");
  CHECK(with_highlights(s, 1).rounds.at(0).turns.at(1).text == t.at(1).text);
  // A circle that marks a highlight is left as it is.
  Story marked = parse("Ana: La batería del barrio nunca se apaga.\n> Luis: Sí.\n");
  CHECK(with_highlights(marked).rounds.at(0).turns.size() == 2);
}

TEST_CASE("explain_story lists speakers and the headline, and warns about what looks wrong", "[compose]") {
  std::string long_turn = "Ana:";
  for (int i = 0; i < 260; ++i) long_turn += " palabra";
  Story s = parse("## Vacía\n\n## Llena\n\n" + long_turn + ".\nSpeaker 1: La batería del barrio nunca se apaga.\n");
  Diagnostics d;
  const std::string text = explain_story(s, "c.md", Lang::en, d);
  CHECK(text.find("  speakers (2): Ana, Speaker 1\n") != std::string::npos);
  CHECK(text.find("  headline: \"La batería del barrio nunca se apaga.\" \u2014 Speaker 1") != std::string::npos);
  CHECK(text.find("  highlights: chosen by telar\n") != std::string::npos);
  std::vector<std::string> warnings;
  for (const Diagnostic& x : d.all()) warnings.push_back(format_diagnostic(x, Lang::en));
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].find("the round 'Vacía' has no turns") != std::string::npos);
  CHECK(warnings[1].find("a very long turn by Ana (260 words)") != std::string::npos);
  CHECK(warnings[2].find("the speaker label 'Speaker 1' looks generic") != std::string::npos);
}
