// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>

#include "compose/shared_words.h"
#include "compose/words.h"
#include "story/anonymize.h"
#include "story/story.h"

using namespace telar;

namespace {

Story parse(const std::string& lang, const std::string& body) {
  Diagnostics d;
  Story s = parse_circle(SourceText("t.md", "---\ntitle: T\nlang: " + lang + "\n---\n\n## R\n\n" + body), d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

std::vector<std::string> words_of(const SharedWords& sw) {
  std::vector<std::string> out;
  for (const SharedWord& w : sw.words) out.push_back(w.word);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

}  // namespace

TEST_CASE("shared words: Spanish, plurals folded, stop-words and names left out", "[shared_words]") {
  const Story s = parse("es",
                        "Carmen: Las baterías son del barrio y la luz es de todos.\n"
                        "Julián: Una batería vuelve porque el barrio la necesita. Carmen lo dijo.\n"
                        "Elena: Cuando se corta la luz, el barrio sigue hablando con Carmen.\n");
  const SharedWords sw = shared_words(s);
  const auto w = words_of(sw);
  CHECK(sw.voices == std::vector<std::string>{"Carmen", "Julián", "Elena"});
  REQUIRE(!w.empty());
  CHECK(w.front() == "barrio");  // three voices: first
  CHECK(has(w, "luz"));
  CHECK(sw.words.front().voices == std::vector<std::size_t>{0, 1, 2});
  // "baterías" and "batería" are one word, shown as its commonest form (a tie: the first).
  CHECK((has(w, "baterías") || has(w, "batería")));
  CHECK(std::count_if(w.begin(), w.end(), [](const std::string& x) { return x.starts_with("bater"); }) == 1);
  // Function words and the speakers' names never count, even when two voices say them.
  for (const char* no : {"la", "el", "de", "es", "carmen", "Carmen", "cuando"}) CHECK_FALSE(has(w, no));
}

TEST_CASE("shared words: English, Portuguese, Haitian Creole and Mapudungun stop-words", "[shared_words]") {
  SECTION("en") {
    const auto w = words_of(shared_words(parse("en",
        "Priya: The vans mean that the children are safe.\n"
        "Marcus: A van with children and songs. Priya drives it.\n")));
    CHECK((has(w, "van") || has(w, "vans")));  // one word, shown as first written
    CHECK(has(w, "children"));
    for (const char* no : {"the", "that", "are", "and", "with", "priya"}) CHECK_FALSE(has(w, no));
  }
  SECTION("pt") {
    const auto w = words_of(shared_words(parse("pt",
        "Ana: As canções da horta são nossas.\n"
        "Rui: Uma canção para a horta que não é de ninguém.\n")));
    CHECK(has(w, "horta"));
    CHECK(std::count_if(w.begin(), w.end(), [](const std::string& x) { return x.starts_with("can"); }) == 1);
    for (const char* no : {"as", "da", "são", "para", "que", "não"}) CHECK_FALSE(has(w, no));
  }
  SECTION("ht") {
    const auto w = words_of(shared_words(parse("ht",
        "Wilner: Bisiklèt la se travay mwen, nou repare li ansanm.\n"
        "Fabiola: Mwen aprann repare bisiklèt la pou travay.\n")));
    CHECK(has(w, "bisiklèt"));
    CHECK(has(w, "travay"));
    CHECK(has(w, "repare"));
    for (const char* no : {"la", "se", "mwen", "nou", "pou", "li"}) CHECK_FALSE(has(w, no));
  }
  SECTION("arn") {
    const auto w = words_of(shared_words(parse("arn",
        "Ayelén: Fey ta kimün, ka pu che ñi witral.\n"
        "Nahuel: Tañi kimün ka tañi witral mew.\n")));
    CHECK(has(w, "kimün"));
    CHECK(has(w, "witral"));
    for (const char* no : {"fey", "ta", "ka", "pu", "ñi", "tañi", "mew"}) CHECK_FALSE(has(w, no));
  }
}

TEST_CASE("shared words: a word always capitalised is a name, and one speaker alone shares nothing", "[shared_words]") {
  const auto w = words_of(shared_words(parse("es",
      "Ana: Fuimos a Tirúa con la radio.\n"
      "Luis: En Tirúa la radio se escucha.\n"
      "Ana: El litio se cuida. El litio.\n")));
  CHECK(has(w, "radio"));
  CHECK_FALSE(has(w, "tirúa"));  // a place: capitalised every time
  CHECK_FALSE(has(w, "litio"));  // said only by Ana
}

TEST_CASE("shared words: a speaker's name never counts, even typed in lower case", "[shared_words]") {
  const auto w = words_of(shared_words(parse("es",
      "Ana: le dije a julián que la radio se cuida.\n"
      "Luis: julián trae la radio el sábado.\n"
      "Julián: yo traigo la radio.\n")));
  CHECK(has(w, "radio"));
  CHECK_FALSE(has(w, "julián"));
}

TEST_CASE("shared words and the motif seed do not change under --anonymize", "[shared_words]") {
  const Story s = parse("es",
                        "Carmen: Prestar una batería es prestar la voz. Julián lo sabe.\n"
                        "Julián: La batería vuelve porque Carmen la presta.\n"
                        "Elena: Sin voz no hay barrio; la batería es del barrio.\n");
  const SharedWords before = shared_words(s);
  const SharedWords after = shared_words(anonymize(s));
  CHECK(words_of(before) == words_of(after));
  CHECK(motif_seed(before) == motif_seed(after));
  CHECK(after.voices.front() == "Voz 1");
}

TEST_CASE("the motif seed follows the words: one word changed, another seed", "[shared_words]") {
  const Story a = parse("es", "Ana: La radio del cerro.\nLuis: La radio del cerro.\n");
  const Story b = parse("es", "Ana: La radio del valle.\nLuis: La radio del valle.\n");
  CHECK(motif_seed(shared_words(a)) == motif_seed(shared_words(a)));
  CHECK(motif_seed(shared_words(a)) != motif_seed(shared_words(b)));
}

TEST_CASE("lemmas: plurals folded per language", "[shared_words]") {
  CHECK(lemma("Baterías", "es") == lemma("batería", "es"));
  CHECK(lemma("luces", "es") == lemma("luz", "es-CL"));
  CHECK(lemma("colores", "es") == lemma("color", "es"));
  CHECK(lemma("padres", "es") == lemma("padre", "es"));
  CHECK(lemma("canções", "pt") == lemma("canção", "pt"));
  CHECK(lemma("animais", "pt") == lemma("animal", "pt"));
  CHECK(lemma("batteries", "en") == lemma("battery", "en"));
  CHECK(lemma("children", "en") == "child");
  CHECK(lemma("Bisiklèt", "ht") == "bisiklèt");
  CHECK(is_stop_word("que"));
  CHECK(is_stop_word("yo"));
  CHECK(is_stop_word("pu"));
  CHECK_FALSE(is_stop_word("barrio"));
}
