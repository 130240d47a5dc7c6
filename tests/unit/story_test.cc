// SPDX-License-Identifier: GPL-3.0-or-later
#include <fstream>
#include <iterator>

#include <catch2/catch.hpp>

#include "base/error.h"
#include "story/read_story.h"
#include "story/story.h"

using namespace telar;

namespace {

const std::string kFm = "---\ntitle: x\n---\n";

Story parse(const std::string& text, Diagnostics& d, const std::string& name = "t.md") {
  return parse_circle(SourceText{name, text}, d);
}

/// A fixture read as bytes, named as a user would type it (no absolute path in messages).
SourceText fixture(const std::string& file) {
  std::ifstream in(std::string(TELAR_TEST_DIR) + "/fixtures/stories/" + file, std::ios::binary);
  REQUIRE(in);
  return SourceText{file, std::string(std::istreambuf_iterator<char>(in), {})};
}

std::vector<std::string> errors(const Diagnostics& d, Lang lang = Lang::en) {
  std::vector<std::string> out;
  for (const auto& x : d.all())
    if (x.severity == Severity::error) out.push_back(format_diagnostic(x, lang));
  return out;
}

std::vector<Turn> all_turns(const Story& s) {
  std::vector<Turn> out;
  for (const auto& r : s.rounds) out.insert(out.end(), r.turns.begin(), r.turns.end());
  return out;
}

const Turn& only_turn(const Story& s) {
  REQUIRE(s.rounds.size() == 1);
  REQUIRE(s.rounds[0].turns.size() == 1);
  return s.rounds[0].turns[0];
}

bool has_message(const Diagnostics& d, MsgId id) {
  for (const auto& x : d.all())
    if (x.message.id == id) return true;
  return false;
}

}  // namespace

TEST_CASE("a minimal story parses cleanly", "[story]") {
  Diagnostics d;
  Story s = parse_circle(fixture("ok-minimal.md"), d);
  CHECK(d.all().empty());
  CHECK(s.meta.title == "La batería compartida");
  CHECK(s.meta.lang == "en");
  CHECK(s.meta.title_loc.line == 2);
  CHECK(s.meta.title_loc.column == 8);
  REQUIRE(s.rounds.size() == 1);
  CHECK(s.rounds[0].question == "¿Qué significa prestar una batería?");
  CHECK(s.rounds[0].loc.line == 5);
  const Turn& t = only_turn(s);
  CHECK(t.speaker == "Ana");
  CHECK(t.text == "Prestar una batería es prestar la voz.");
  CHECK_FALSE(t.highlight);
  CHECK(t.loc.line == 7);
  CHECK(t.loc.column == 1);
}

TEST_CASE("a BOM is stripped and CRLF, LF and lone CR all end lines", "[story]") {
  Diagnostics d;
  Story s = parse_circle(fixture("crlf-bom.md"), d);
  CHECK(d.all().empty());
  CHECK(s.meta.title == "CRLF y BOM");
  CHECK(s.meta.lang == "es");
  auto turns = all_turns(s);
  REQUIRE(turns.size() == 2);
  CHECK(turns[0].text == "Primera línea, segunda línea.");
  CHECK(turns[1].speaker == "Beto");
  CHECK(turns[1].highlight);
  CHECK(turns[1].loc.line == 9);

  Diagnostics d2;
  Story cr = parse("---\rtitle: x\r---\rAna: hola\r\rBeto: chao\r", d2);
  CHECK(d2.all().empty());
  turns = all_turns(cr);
  REQUIRE(turns.size() == 2);
  CHECK(turns[1].loc.line == 6);
  CHECK(turns[1].text == "chao");
}

TEST_CASE("invalid UTF-8 is an error at its line and code-point column", "[story]") {
  Diagnostics d;
  parse_circle(fixture("invalid-utf8.md"), d);
  auto e = errors(d);
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "invalid-utf8.md:6:15: error: invalid UTF-8 (byte 0xED): save the file as UTF-8\n"
        "  Ana: una bater?a latin-1\n"
        "                ^\n");
  try {
    d.throw_if_errors();
    FAIL("expected an Error");
  } catch (const Error& err) {
    CHECK(err.code() == Exit::data_error);
  }

  Diagnostics d2;
  parse(kFm + "ñandú: \xff\xfe\n", d2);
  REQUIRE(d2.all().size() == 1);
  CHECK(d2.all()[0].loc.line == 4);
  CHECK(d2.all()[0].loc.column == 8);
}

TEST_CASE("a NUL byte is an error, not a truncation", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "Ana: a" + std::string(1, '\0') + "b\nBeto: c\n", d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].message.id == MsgId::text_has_nul);
  CHECK(d.all()[0].loc.line == 4);
  CHECK(d.all()[0].loc.column == 7);
  CHECK(all_turns(s).size() == 2);  // parsing goes on, for `telar check`
}

TEST_CASE("garbage bytes never crash the parser", "[story]") {
  std::string base = kFm + "## ¿P?\n[00:01] Ana: hola\n> Beto: x\n  sigue\n\\Nota: y\n";
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 3000; ++round) {
    std::string s = base;
    for (int k = 0; k < 1 + round % 6; ++k) {
      std::size_t at = next() % (s.size() + 1);
      char c = static_cast<char>(next() >> 24);
      if (next() % 2) s.insert(at, 1, c);
      else if (at < s.size()) s[at] = c;
    }
    Diagnostics d;
    CHECK_NOTHROW(parse(s, d));
  }
}

TEST_CASE("text is normalised to NFC", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "N\xcc\x83uke: l\xcc\xb1" "afken\n\xc3\x91uke: otra vez\n", d);
  CHECK(d.all().empty());
  auto turns = all_turns(s);
  REQUIRE(turns.size() == 2);
  CHECK(turns[0].speaker == "Ñuke");
  CHECK(turns[0].text == "ḻafken");
  CHECK(s.speakers() == std::vector<std::string>{"Ñuke"});
}

TEST_CASE("tabs are whitespace: after the colon and as indentation", "[story]") {
  Diagnostics d;
  Story s = parse_circle(fixture("tabs.md"), d);
  CHECK(d.all().empty());
  CHECK(s.meta.title == "Tabs");
  auto turns = all_turns(s);
  REQUIRE(turns.size() == 2);
  CHECK(turns[0].text == "con tab continuada con tab.");
  CHECK(turns[1].speaker == "Beto");
}

TEST_CASE("front matter must be opened and closed", "[story]") {
  Diagnostics d;
  Story s = parse_circle(fixture("unclosed-front-matter.md"), d);
  auto e = errors(d);
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "unclosed-front-matter.md:1:1: error: the front matter opened here is never closed "
        "(expected a line '---')\n  ---\n  ^\n");
  CHECK(errors(d, Lang::es)[0] ==
        "unclosed-front-matter.md:1:1: error: la cabecera que se abre aquí nunca se cierra "
        "(se esperaba una línea «---»)\n  ---\n  ^\n");
  CHECK(s.rounds.empty());

  Diagnostics none;
  Story body = parse("Ana: hola\n", none);
  CHECK(has_message(none, MsgId::story_fm_missing));
  CHECK(none.all()[0].loc.line == 1);
  CHECK(all_turns(body).size() == 1);  // the body is still read

  Diagnostics dots;
  parse("\n---\ntitle: x\n...\nAna: hola\n", dots);  // leading blank line, YAML '...' end
  CHECK(dots.all().empty());
}

TEST_CASE("YAML errors point at the real file line and column", "[story]") {
  Diagnostics d;
  parse("---\ntitle: x\nnode: ñandú: y\n---\nAna: a\n", d);
  REQUIRE(d.has_errors());
  CHECK(d.all()[0].message.id == MsgId::story_fm_yaml);
  CHECK(d.all()[0].loc.line == 3);
  CHECK(d.all()[0].loc.column == 12);
  CHECK(d.all()[0].line_text == "node: ñandú: y");
}

TEST_CASE("front matter keys are checked", "[story]") {
  auto one = [](const std::string& yaml) {
    Diagnostics d;
    Story s = parse("---\ntitle: T\n" + yaml + "\n---\nAna: a\n", d);
    return std::make_pair(s, std::vector<Diagnostic>(d.all().begin(), d.all().end()));
  };
  CHECK(one("date: 2024-02-29").second.empty());
  CHECK(one("date: 2023-02-29").second.at(0).message.id == MsgId::story_fm_bad_date);
  CHECK(one("date: 2026-11-31").second.at(0).message.id == MsgId::story_fm_bad_date);
  CHECK(one("date: 20-11-2026").second.at(0).message.id == MsgId::story_fm_bad_date);
  CHECK(one("lang: es-CL").first.meta.lang == "es-CL");
  CHECK(one("lang: arn").second.empty());
  CHECK(one("lang: ES-cl").first.meta.lang == "es-CL");
  CHECK(one("lang: sr-latn-rs").first.meta.lang == "sr-Latn-RS");
  CHECK(one("lang: es_CL").second.at(0).message.id == MsgId::story_fm_bad_lang);
  CHECK(one("link: example.org").second.at(0).message.id == MsgId::story_fm_bad_link);
  auto link = one("link: https://example.org/x");
  CHECK(link.second.empty());
  CHECK(link.first.meta.link_loc.line == 3);
  CHECK(link.first.meta.link_loc.column == 7);
  CHECK(one("headline: Sigue hablando").first.meta.headline == "Sigue hablando");

  auto list = one("node: [a, b]");
  REQUIRE(list.second.size() == 1);
  CHECK(translate(list.second[0].message, Lang::en) ==
        "'node' must be a single text, not a list or a map");
  CHECK(list.second[0].loc.line == 3);

  auto typo = one("tittle: y");
  REQUIRE(typo.second.size() == 1);
  CHECK(typo.second[0].severity == Severity::warning);
  CHECK(translate(typo.second[0].message, Lang::en) ==
        "unknown front matter key 'tittle'; did you mean 'title'?");
  CHECK(translate(one("fecha: 2026-11-20").second.at(0).message, Lang::es) ==
        "clave desconocida en la cabecera: «fecha»; ¿quiso decir «date»?");
  CHECK(one("colour: red").second.at(0).message.id == MsgId::story_fm_unknown_key);
}

TEST_CASE("a title is required", "[story]") {
  Diagnostics d;
  parse("---\nnode: x\n---\nAna: a\n", d);
  CHECK(has_message(d, MsgId::story_fm_no_title));
  Diagnostics empty;
  parse("---\ntitle:\n---\nAna: a\n", empty);
  CHECK(has_message(empty, MsgId::story_fm_empty_title));
  Diagnostics scalar;
  parse("---\njust words\n---\nAna: a\n", scalar);
  CHECK(has_message(scalar, MsgId::story_fm_not_map));
}

TEST_CASE("rounds: ## opens one, other levels warn, text before goes first", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "Nos juntamos.\n# Título\nAna: a\n## Dos ##\nBeto: b\n### Tres\nCarla: c\n", d);
  REQUIRE(s.rounds.size() == 4);
  CHECK(s.rounds[0].question.empty());
  CHECK(s.rounds[0].turns.at(0).speaker.empty());
  CHECK(s.rounds[1].question == "Título");
  CHECK(s.rounds[2].question == "Dos");
  CHECK(s.rounds[3].question == "Tres");
  CHECK(s.rounds[3].turns.at(0).speaker == "Carla");
  REQUIRE(d.all().size() == 2);
  CHECK(d.all()[0].severity == Severity::warning);
  CHECK(d.all()[0].loc.line == 5);
  CHECK(translate(d.all()[0].message, Lang::en) ==
        "use '## ' for a round; this heading is read as one");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("timestamps are read and range-checked", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "[00:12:03] Marisol: a\n[12:03] Ana: b\n> [1:02:03] Beto: c\n", d);
  CHECK(d.all().empty());
  auto t = all_turns(s);
  REQUIRE(t.size() == 3);
  CHECK(t[0].at_seconds == 723);
  CHECK(t[0].speaker == "Marisol");
  CHECK(t[0].loc.column == 12);
  CHECK(t[1].at_seconds == 723);
  CHECK(t[2].at_seconds == 3723);
  CHECK(t[2].highlight);

  Diagnostics bad;
  Story b = parse(kFm + "[00:75:00] Ana: a\n> [1:60] Beto: b\n", bad);
  auto e = errors(bad);
  REQUIRE(e.size() == 2);
  CHECK(e[0].rfind("t.md:4:1: error: invalid timestamp '[00:75:00]': minutes and seconds go "
                   "from 00 to 59\n", 0) == 0);
  CHECK(errors(bad, Lang::es)[1].rfind(
            "t.md:5:3: error: marca de tiempo no válida «[1:60]»: los minutos y los segundos "
            "van de 00 a 59\n", 0) == 0);
  CHECK(all_turns(b).at(0).speaker == "Ana");
  CHECK_FALSE(all_turns(b).at(0).at_seconds);
}

TEST_CASE("what is and is not a speaker name", "[story]") {
  auto first = [](const std::string& line) {
    Diagnostics d;
    Story s = parse(kFm + line + "\n", d);
    REQUIRE_FALSE(d.has_errors());
    return only_turn(s);
  };
  CHECK(first("https://example.org").speaker.empty());
  CHECK(first("a las 10:30 llegamos").speaker.empty());
  CHECK(first("Ver https://a.org y luego: algo").speaker.empty());
  CHECK(first("https: //example.org").speaker.empty());
  CHECK(first("mailto: ana@example.org").speaker.empty());
  CHECK(first("Dr. Pérez: hola").speaker.empty());
  CHECK(first("¿Quién habla?: nadie").speaker.empty());
  CHECK(first("2024: fue un buen año").speaker.empty());
  CHECK(first("- Ana: en una lista").speaker.empty());
  CHECK(first("Uno dos tres cuatro cinco seis siete: x").speaker.empty());
  CHECK(first("Uno dos tres cuatro cinco seis: x").speaker == "Uno dos tres cuatro cinco seis");
  CHECK(first("Rose-Merline: wi").speaker == "Rose-Merline");
  CHECK(first("Wilner : espas fransè").speaker == "Wilner");
  CHECK(first("Ana   Lucía: espacios").speaker == "Ana Lucía");
  CHECK(first("محمد: مرحبا").speaker == "محمد");
  Turn colon = first("Ana: la hora es 10:30: tarde");
  CHECK(colon.speaker == "Ana");
  CHECK(colon.text == "la hora es 10:30: tarde");
  Turn escaped = first("\\Nota: esto es narración");
  CHECK(escaped.speaker.empty());
  CHECK(escaped.text == "Nota: esto es narración");
}

TEST_CASE("a speaker name has at most 40 characters", "[story]") {
  Diagnostics d;
  parse_circle(fixture("name-too-long.md"), d);
  auto e = errors(d);
  REQUIRE(e.size() == 1);
  CHECK(e[0].rfind("name-too-long.md:6:1: error: a speaker name has at most 40 characters "
                   "(found 52)\n", 0) == 0);
  CHECK(errors(d, Lang::es)[0].rfind(
            "name-too-long.md:6:1: error: un nombre tiene como máximo 40 caracteres (hay 52)\n",
            0) == 0);
  Diagnostics ok;
  parse(kFm + std::string(40, 'a') + ": x\n", ok);
  CHECK(ok.all().empty());
}

TEST_CASE("a name needs text, here or on indented lines", "[story]") {
  Diagnostics d;
  parse(kFm + "## P\nAna:\nBeto: b\n", d);
  auto e = errors(d);
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.md:5:1: error: expected text after 'Ana:'\n  Ana:\n  ^\n");
  CHECK(errors(d, Lang::es)[0] == "t.md:5:1: error: se esperaba texto después de «Ana:»\n  Ana:\n  ^\n");
  Diagnostics ok;
  Story s = parse(kFm + "Ana:\n  dicho en la línea siguiente\n", ok);
  CHECK(ok.all().empty());
  CHECK(only_turn(s).text == "dicho en la línea siguiente");
}

TEST_CASE("highlights, attributed or not", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "> Ana: Nadie se queda sin señal.\n\n> Una cita sin nombre\n"
                        "> Beto: primera parte\n> segunda parte\n>\n> Otra cita\n", d);
  CHECK(d.all().empty());
  auto t = all_turns(s);
  REQUIRE(t.size() == 4);
  CHECK(t[0].highlight);
  CHECK(t[0].speaker == "Ana");
  CHECK(t[0].loc.column == 3);
  CHECK(t[1].text == "Una cita sin nombre");
  CHECK(t[1].highlight);
  CHECK(t[1].speaker.empty());
  CHECK(t[2].text == "primera parte segunda parte");
  CHECK(t[3].text == "Otra cita");
  CHECK(s.speakers() == std::vector<std::string>{"Ana", "Beto"});
}

TEST_CASE("continuation lines, blank lines and narration paragraphs", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "Llegamos tarde.\nHabía  lluvia.   \n   y frío\n\nOtra nota.\n"
                        "Rodrigo: Cuando se corta la luz,\n  el barrio sigue hablando.\n"
                        "Narración tras un turno.\n", d);
  CHECK(d.all().empty());
  auto t = all_turns(s);
  REQUIRE(t.size() == 4);
  CHECK(t[0].text == "Llegamos tarde. Había  lluvia. y frío");
  CHECK(t[1].text == "Otra nota.");
  CHECK(t[2].text == "Cuando se corta la luz, el barrio sigue hablando.");
  CHECK(t[3].speaker.empty());
  CHECK(t[3].loc.line == 11);
}

TEST_CASE("inside narration, only a name written like a name starts a turn", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "Mari mari.\nAlfabeto de prueba: a ch d\nRonda rápida.\n"
                        "María de la Luz: sí\nBeto: no\n", d);
  CHECK(d.all().empty());
  auto t = all_turns(s);
  REQUIRE(t.size() == 3);
  CHECK(t[0].text == "Mari mari. Alfabeto de prueba: a ch d Ronda rápida.");
  CHECK(t[1].speaker == "María de la Luz");
  CHECK(t[2].speaker == "Beto");
}

TEST_CASE("a story without turns gets a warning", "[story]") {
  Diagnostics d;
  parse(kFm + "Solo narración.\n", d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].severity == Severity::warning);
  CHECK(format_diagnostic(d.all()[0], Lang::en) ==
        "t.md: warning: the story has no turns (lines like 'Name: text')\n");
}

TEST_CASE("speakers come in order of first appearance", "[story]") {
  Diagnostics d;
  Story s = parse(kFm + "## A\nBeto: 1\n> Ana: 2\n## B\nBeto: 3\nCarla: 4\n", d);
  CHECK(s.speakers() == std::vector<std::string>{"Beto", "Ana", "Carla"});
}

TEST_CASE("read_story reads files and dispatches by extension", "[story]") {
  Diagnostics d;
  CHECK_THROWS_AS(read_story("no-such-story.md", d), Error);
  try {
    read_story("no-such-story.md", d);
  } catch (const Error& e) {
    CHECK(e.code() == Exit::no_input);
  }
  Story s = read_story(std::string(TELAR_TEST_DIR) + "/fixtures/stories/ok-minimal.md", d);
  CHECK(d.all().empty());
  CHECK(s.meta.title == "La batería compartida");

  Diagnostics vtt;
  parse_story(SourceText{"circle.vtt", "WEBVTT\n"}, vtt);
  REQUIRE(errors(vtt).size() == 1);
  CHECK(errors(vtt)[0] == "circle.vtt: error: the transcript has no cues with text\n");
  Diagnostics txt;
  CHECK(only_turn(parse_story(SourceText{"c.TXT", kFm + "Ana: a\n"}, txt)).speaker == "Ana");
}

TEST_CASE("every corpus sample parses with the expected turns", "[story]") {
  struct Expect {
    const char* file;
    std::size_t rounds, spoken, highlights, narration, speakers;
  };
  const Expect cases[] = {
      {"circle-en-childcare.md", 3, 9, 2, 1, 5},
      {"circle-es-power-bank.md", 4, 14, 3, 2, 5},
      {"circle-ht-bike-repair.md", 3, 6, 2, 1, 4},
      {"circle-mapu-witral.md", 3, 8, 2, 1, 3},
  };
  for (const Expect& c : cases) {
    INFO(c.file);
    Diagnostics d;
    Story s = parse_circle(fixture(c.file), d);
    CHECK(d.all().empty());
    std::size_t spoken = 0, highlights = 0, narration = 0;
    for (const Turn& t : all_turns(s)) {
      spoken += t.speaker.empty() ? 0 : 1;
      highlights += t.highlight ? 1 : 0;
      narration += t.speaker.empty() && !t.highlight ? 1 : 0;
    }
    CHECK(s.rounds.size() == c.rounds);
    CHECK(spoken == c.spoken);
    CHECK(highlights == c.highlights);
    CHECK(narration == c.narration);
    CHECK(s.speakers().size() == c.speakers);
    CHECK_FALSE(s.meta.title.empty());
    CHECK_FALSE(s.meta.link.empty());
  }
}

TEST_CASE("a full-width colon ends a Chinese or Japanese speaker's name", "[story][i18n]") {
  Diagnostics d;
  Story s = parse(kFm + "## 圆圈\n\n小梅：一起做饭，就是没有人挨饿。\n> 老王：和大家一起做饭的人，不会孤单。\n"
                        "会议记录：十一月二十日\n",
                  d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(s.rounds.size() == 1);
  REQUIRE(s.rounds[0].turns.size() == 3);
  CHECK(s.rounds[0].turns[0].speaker == "小梅");
  CHECK(s.rounds[0].turns[0].text == "一起做饭，就是没有人挨饿。");
  CHECK(s.rounds[0].turns[1].speaker == "老王");
  CHECK(s.rounds[0].turns[1].highlight);
  CHECK(s.rounds[0].turns[2].speaker == "会议记录");  // as "Notes: …" would be in English
}

TEST_CASE("control characters are dropped with one warning at the first one", "[story][i18n]") {
  Diagnostics d;
  Story s = parse(kFm + "## R\n\nAna: una\x07 campana\x1b y \xC2\x85 C1\x0b aqu\xC3\xAD.\nBeto: fin\x0c.\n", d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].severity == Severity::warning);
  CHECK(d.all()[0].loc.line == 6);
  CHECK(d.all()[0].loc.column == 9);
  CHECK(d.all()[0].message.args.at(0) == "0007");
  REQUIRE(s.rounds.at(0).turns.size() == 2);
  CHECK(s.rounds[0].turns[0].text == "una campana y  C1 aqu\xC3\xAD.");
  CHECK(s.rounds[0].turns[1].text == "fin.");
}
