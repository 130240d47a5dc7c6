// SPDX-License-Identifier: GPL-3.0-or-later
// --qr-offline's text: the compact form, cards cut at turn or sentence boundaries, each
// alone with its "k/n Title" header, and reassembly in any order with missing cards named.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "compose/qr_payload.h"
#include "story/story.h"

using namespace telar;

namespace {

Story parse(const std::string& text, const std::string& name = "t.md") {
  Diagnostics d;
  Story s = parse_circle(SourceText(name, text), d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

const std::string kStory =
    "---\ntitle: La batería compartida\nnode: Población La Victoria\ndate: 2026-11-20\nlang: es\n"
    "link: https://example.org/la-victoria\n---\n\n"
    "Una nota antes de la primera ronda.\n\n"
    "## ¿Qué significa prestar una batería?\n\n"
    "Ana: Prestar una batería es prestar la voz.\n"
    "Rodrigo: Cuando se corta la luz, el barrio sigue hablando. Nadie pregunta de quién es el "
    "cargador; se pregunta quién lo necesita primero. Así aprendimos a turnarnos las noches, "
    "a dejar la batería en la ventana, a escribir en la pizarra quién la tiene.\n"
    "> Marisol: La red no se apaga si la cuidamos entre todas.\n\n"
    "## ¿Y ahora?\n\n"
    "Ana: Seguimos. ñandú, kuḻa, ṉ y ṯ también viajan.\n";

struct Flat {
  std::string speaker, text;
  bool highlight;
  bool operator==(const Flat&) const = default;
};

std::vector<Flat> turns(const Story& s) {
  std::vector<Flat> out;
  for (const Round& r : s.rounds) {
    out.push_back({"#", r.question, false});
    for (const Turn& t : r.turns) out.push_back({t.speaker, t.text, t.highlight});
  }
  return out;
}

}  // namespace

TEST_CASE("the compact form: meta lines, rounds, turns, highlights, narration", "[qr][offline]") {
  Story s = parse(kStory);
  auto lines = offline_lines(s);
  REQUIRE(lines.size() >= 9);
  CHECK(lines[0] == "@n Población La Victoria");
  CHECK(lines[1] == "@d 2026-11-20");
  CHECK(lines[2] == "@l es");
  CHECK(lines[3] == "@u https://example.org/la-victoria");
  CHECK(lines[4] == "- Una nota antes de la primera ronda.");
  CHECK(lines[5] == "# ¿Qué significa prestar una batería?");
  CHECK(lines[6] == "Ana: Prestar una batería es prestar la voz.");
  CHECK(lines[8] == "> Marisol: La red no se apaga si la cuidamos entre todas.");
}

TEST_CASE("cards fit the budget, carry k/n Title and break at turns or sentences", "[qr][offline]") {
  Story s = parse(kStory);
  const std::size_t budget = 150;
  auto cards = offline_cards(s, budget);
  REQUIRE(cards.size() >= 4);
  for (std::size_t i = 0; i < cards.size(); ++i) {
    INFO(cards[i]);
    CHECK(cards[i].size() <= budget);
    CardHeader h;
    REQUIRE(parse_card_header(cards[i], h));
    CHECK(h.index == static_cast<int>(i + 1));
    CHECK(h.count == static_cast<int>(cards.size()));
    CHECK(h.title == "La batería compartida");
    // A card never ends inside a sentence of a cut turn: each piece ends with its punctuation.
    const std::string body = cards[i].substr(cards[i].find('\n') + 1);
    const char last = body.back();
    CHECK((last == '.' || last == '?' || last == '!' || last == ';' || last == ':'));
  }
  // Rodrigo's long turn is cut after a sentence and goes on with "+ ".
  bool continued = false;
  for (const std::string& c : cards)
    if (c.find("\n+ ") != std::string::npos) continued = true;
  CHECK(continued);
  // A budget too small for a header and some text: no cards.
  CHECK(offline_cards(s, 20).empty());
  // More than the allowed number of cards: none.
  CHECK(offline_cards(s, budget, 2).empty());
}

TEST_CASE("cards reassemble in any order into the same story", "[qr][offline]") {
  Story s = parse(kStory);
  auto cards = offline_cards(s, 150);
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(cards.begin(), cards.end(), rng);
    std::vector<std::string> texts = cards;
    texts.push_back("https://example.org/not-a-card");  // ignored
    texts.push_back(cards[0]);                          // duplicate, ignored
    Reassembled r = reassemble_cards(texts);
    CHECK(r.missing.empty());
    CHECK(r.count == static_cast<int>(cards.size()));
    Story back = parse(r.circle, "back.md");
    CHECK(back.meta.title == s.meta.title);
    CHECK(back.meta.node == s.meta.node);
    CHECK(back.meta.date == s.meta.date);
    CHECK(back.meta.lang == "es");
    CHECK(back.meta.link == s.meta.link);
    CHECK(turns(back) == turns(s));
  }
}

TEST_CASE("a missing card is named and the rest still reads", "[qr][offline]") {
  Story s = parse(kStory);
  auto cards = offline_cards(s, 150);
  REQUIRE(cards.size() >= 4);
  std::vector<std::string> texts = cards;
  texts.erase(texts.begin() + 2);  // card 3
  Reassembled r = reassemble_cards(texts);
  CHECK(r.missing == std::vector<int>{3});
  CHECK(r.circle.find("title: \"La batería compartida\"") != std::string::npos);
  CHECK(reassemble_cards({"hola"}).count == 0);
}

TEST_CASE("a long title is cut in card headers and kept whole in the story", "[qr][offline]") {
  const std::string title = "Una historia con un título muy largo que no cabe en el encabezado";
  Story s = parse("---\ntitle: " + title + "\n---\n\nAna: Hola.\n");
  auto cards = offline_cards(s, 200);
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].rfind("1/1 " + offline_card_title(title) + "\n", 0) == 0);
  CHECK(offline_card_title(title).size() < title.size());
  CHECK(parse(reassemble_cards(cards).circle).meta.title == title);
}

TEST_CASE("links are shortened for print, never in the code", "[qr][offline]") {
  CHECK(shorten_link("https://example.org/la-victoria") == "example.org/la-victoria");
  CHECK(shorten_link("https://www.example.org/") == "example.org");
  const std::string l = shorten_link("https://example.org/nodos/poblacion-la-victoria/biblioteca-de-baterias/2026");
  CHECK(l.find("\u2026") != std::string::npos);
  CHECK(l.rfind("example.org/", 0) == 0);
  CHECK(l.ends_with("/2026"));
}
