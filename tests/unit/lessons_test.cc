// SPDX-License-Identifier: GPL-3.0-or-later
#include "story/lessons.h"

#include <catch2/catch.hpp>

using namespace telar;

namespace {

Lesson parse(const std::string& text, Diagnostics& d, const std::string& name = "l.md") {
  return parse_lesson(SourceText{name, text}, d);
}

template <class T>
const T& as(const Block& b) {
  REQUIRE(std::holds_alternative<T>(b.value));
  return std::get<T>(b.value);
}

Lesson fixture(const char* name, Diagnostics& d) {
  return parse_lesson(read_source(std::string(TELAR_TEST_DIR "/fixtures/lessons/") + name), d);
}

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all()) out += format_diagnostic(x, Lang::en);
  return out;
}

}  // namespace

TEST_CASE("the first corpus lesson keeps its tasks, ordered list, emphasis, quote and link",
          "[lessons]") {
  Diagnostics d;
  Lesson l = fixture("01-antes-de-abrir.md", d);
  INFO(messages(d));
  CHECK(d.all().empty());
  CHECK(l.meta.title == "Antes de abrir la biblioteca");
  CHECK(l.meta.lang == "es");
  CHECK(l.meta.title_loc.line == 2);
  REQUIRE(l.blocks.size() == 9);

  const Heading& h1 = as<Heading>(l.blocks[0]);
  CHECK(h1.level == 1);
  CHECK(plain_text(h1.text) == "Antes de abrir la biblioteca");
  CHECK(l.blocks[0].loc.line == 6);
  CHECK(l.blocks[0].loc.column == 1);
  CHECK(l.blocks[0].loc.file.ends_with("01-antes-de-abrir.md"));

  // Soft line breaks inside a paragraph become spaces.
  CHECK(plain_text(as<Paragraph>(l.blocks[1]).text)
            .find("se va para la que llega. No es un reglamento: es") != std::string::npos);

  const List& tasks = as<List>(l.blocks[3]);
  CHECK(l.blocks[3].loc.line == 13);
  CHECK_FALSE(tasks.ordered);
  REQUIRE(tasks.items.size() == 4);
  CHECK(tasks.items[0].task == std::optional<bool>(false));
  CHECK(tasks.items[2].task == std::optional<bool>(false));
  CHECK(tasks.items[3].task == std::optional<bool>(true));
  CHECK(tasks.items[3].loc.line == 16);
  const Paragraph& hinchada = as<Paragraph>(tasks.items[1].blocks.at(0));
  REQUIRE(hinchada.text.size() == 3);
  CHECK(hinchada.text[1].text == "hinchada");
  CHECK(hinchada.text[1].strong);
  CHECK_FALSE(hinchada.text[0].strong);

  const List& steps = as<List>(l.blocks[5]);
  CHECK(steps.ordered);
  CHECK(steps.start == 1);
  REQUIRE(steps.items.size() == 3);
  CHECK_FALSE(steps.items[0].task.has_value());
  const Inlines& nunca = as<Paragraph>(steps.items[1].blocks.at(0)).text;
  REQUIRE(nunca.size() == 3);
  CHECK(nunca[1].text == "nunca el nombre");
  CHECK(nunca[1].emphasis);

  const BlockQuote& quote = as<BlockQuote>(l.blocks[6]);
  CHECK(plain_text(as<Paragraph>(quote.blocks.at(0)).text) ==
        "Si alguien no puede devolverla, no pasa nada. La biblioteca existe para eso.");

  const Inlines& last = as<Paragraph>(l.blocks[8]).text;
  auto link = std::find_if(last.begin(), last.end(), [](const Span& s) { return !s.link.empty(); });
  REQUIRE(link != last.end());
  CHECK(link->link == "https://example.org/nodos/villa-francia/cortes");
  CHECK(link->text == "https://example.org/nodos/villa-francia/cortes");
  CHECK(last.back().text == ".");
  CHECK(l.blocks[8].loc.line == 28);
}

TEST_CASE("the second corpus lesson keeps its table with aligned cells", "[lessons]") {
  Diagnostics d;
  Lesson l = fixture("02-cuidar-el-litio.md", d);
  INFO(messages(d));
  CHECK(d.all().empty());
  CHECK(lesson_title(l) == "Cuidar el litio");
  const Block& last = l.blocks.back();
  const Table& t = as<Table>(last);
  CHECK(last.loc.line == 26);
  REQUIRE(t.header.size() == 4);
  CHECK(plain_text(t.header[0]) == "Luna");
  CHECK(plain_text(t.header[3]) == "Dañadas");
  REQUIRE(t.rows.size() == 2);
  CHECK(plain_text(t.rows[1][0]) == "Noviembre");
  CHECK(plain_text(t.rows[1][1]) == "52");
  CHECK(t.align == std::vector<Align>(4, Align::none));
  const List& rules = as<List>(l.blocks[3]);
  CHECK(rules.ordered);
  REQUIRE(rules.items.size() == 3);
  CHECK(as<Paragraph>(rules.items[2].blocks.at(0)).text.at(1).strong);
}

TEST_CASE("GFM extras: strikethrough, bare autolinks, alignment, nested lists, code", "[lessons]") {
  Diagnostics d;
  Lesson l = parse(
      "Ya no ~~los martes~~ sino los sábados; ver www.example.org, `apagar` y  \n"
      "listo.\n\n"
      "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | *2* |\n\n"
      "3. tres\n   - [x] hecho\n   - [ ] pendiente\n4. cuatro\n\n"
      "```sh\nmake -j2\n```\n\n---\n\n## Otra *vez*\n",
      d);
  INFO(messages(d));
  CHECK(d.all().empty());
  REQUIRE(l.blocks.size() == 6);
  const Inlines& p = as<Paragraph>(l.blocks[0]).text;
  REQUIRE(p.size() >= 7);
  CHECK(p[1].text == "los martes");
  CHECK(p[1].strike);
  CHECK(p[3].text == "www.example.org");
  CHECK(p[3].link == "http://www.example.org");
  CHECK(p[5].text == "apagar");
  CHECK(p[5].code);
  CHECK(plain_text(p).ends_with("y\nlisto."));  // a hard break is "\n"

  const Table& t = as<Table>(l.blocks[1]);
  CHECK(t.align == std::vector<Align>{Align::left, Align::center, Align::right, Align::none});
  REQUIRE(t.rows.size() == 1);
  REQUIRE(t.rows[0].size() == 4);  // short rows are padded
  CHECK(t.rows[0][1].at(0).emphasis);
  CHECK(t.rows[0][3].empty());

  const List& outer = as<List>(l.blocks[2]);
  CHECK(outer.ordered);
  CHECK(outer.start == 3);
  REQUIRE(outer.items.size() == 2);
  const List& inner = as<List>(outer.items[0].blocks.at(1));
  REQUIRE(inner.items.size() == 2);
  CHECK(inner.items[0].task == std::optional<bool>(true));
  CHECK(inner.items[1].task == std::optional<bool>(false));
  CHECK(outer.items[0].blocks.at(1).loc.line == 9);
  CHECK(outer.items[0].blocks.at(1).loc.column == 4);

  const CodeBlock& code = as<CodeBlock>(l.blocks[3]);
  CHECK(code.info == "sh");
  CHECK(code.text == "make -j2\n");
  CHECK(std::holds_alternative<ThematicBreak>(l.blocks[4].value));
  const Heading& h = as<Heading>(l.blocks[5]);
  CHECK(h.level == 2);
  REQUIRE(h.text.size() == 2);
  CHECK(h.text[1].emphasis);
}

TEST_CASE("images become blocks resolved beside the lesson", "[lessons]") {
  Diagnostics d;
  Lesson l = parse("Antes ![La *mesa*](img/mesa%20plegable.JPG) después.\n\n![](img/a.svg)\n", d,
                   "lecciones/uno.md");
  INFO(messages(d));
  CHECK(d.all().empty());
  REQUIRE(l.blocks.size() == 4);
  CHECK(plain_text(as<Paragraph>(l.blocks[0]).text) == "Antes");
  const Image& img = as<Image>(l.blocks[1]);
  CHECK(img.src == "img/mesa%20plegable.JPG");
  CHECK(img.path == std::filesystem::path("lecciones/img/mesa plegable.JPG"));
  CHECK(img.alt == "La mesa");
  CHECK(l.blocks[1].loc.column == 7);
  CHECK(plain_text(as<Paragraph>(l.blocks[2]).text) == "después.");
  CHECK(as<Image>(l.blocks[3]).path == std::filesystem::path("lecciones/img/a.svg"));
}

TEST_CASE("remote and unsupported images are errors: misplaced ones warn", "[lessons]") {
  Diagnostics d;
  parse(
      "# Título ![logo](logo.png)\n\n![x](https://example.org/x.png)\n\n![y](foto.gif)\n\n"
      "![z](//cdn.example.org/z.png) <b>hola</b>\n",
      d);
  REQUIRE(d.all().size() == 5);
  CHECK(format_diagnostic(d.all()[0], Lang::en) ==
        "l.md:1:10: warning: an image cannot go inside a heading, table cell, link or emphasis: "
        "its description 'logo' is printed instead\n  # Título ![logo](logo.png)\n           ^\n");
  CHECK(
      translate(d.all()[1].message, Lang::en) ==
      "the image 'https://example.org/x.png' is not a local file: telar never downloads anything");
  CHECK(d.all()[1].loc.line == 3);
  CHECK(translate(d.all()[2].message, Lang::en) ==
        "cannot print the image 'foto.gif': use a PNG, JPEG or SVG file");
  CHECK(d.all()[3].message.id == MsgId::lesson_image_remote);
  CHECK(d.all()[4].message.id == MsgId::lesson_raw_html);
  CHECK(d.all()[4].severity == Severity::warning);
  CHECK(d.all()[4].loc.column == 31);
}

TEST_CASE("front matter is optional: without it the first heading names the lesson", "[lessons]") {
  Diagnostics d;
  Lesson l = parse("\xEF\xBB\xBF# Cuidar *el* litio\r\n\r\nTexto.\r\n", d);
  CHECK(d.all().empty());
  CHECK(l.meta.title.empty());
  CHECK(l.meta.lang.empty());
  CHECK(lesson_title(l) == "Cuidar el litio");
  REQUIRE(l.blocks.size() == 2);
  CHECK(l.blocks[1].loc.line == 3);
  CHECK(plain_text(as<Paragraph>(l.blocks[1]).text) == "Texto.");
}

TEST_CASE("an unclosed front matter is an error at line 1", "[lessons]") {
  Diagnostics d;
  Lesson l = parse("---\ntitle: Sin cierre\n\n# Hola\n", d);
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all()[0], Lang::en) ==
        "l.md:1:1: error: the front matter opened here is never closed (expected a line '---')\n"
        "  ---\n  ^\n");
  CHECK(l.blocks.empty());
}

TEST_CASE("front matter problems point at the line and key", "[lessons]") {
  Diagnostics d;
  Lesson l = parse("---\ntitle: Hola\nlang: es_CL\nautor: Ana\n---\nTexto\n", d);
  REQUIRE(d.all().size() == 2);
  CHECK(format_diagnostic(d.all()[0], Lang::en) ==
        "l.md:3:7: error: 'lang' must be a BCP 47 language tag such as 'es', 'es-CL' or 'arn' "
        "(found 'es_CL')\n  lang: es_CL\n        ^\n");
  CHECK(d.all()[1].severity == Severity::warning);
  CHECK(d.all()[1].loc.line == 4);
  CHECK(translate(d.all()[1].message, Lang::es) ==
        "clave desconocida en la cabecera: «autor» (una lección conoce: title, lang, private)");
  CHECK(l.meta.title == "Hola");

  Diagnostics y;
  parse("---\ntitle: [sin cerrar\n---\n", y);
  REQUIRE(y.all().size() == 1);
  CHECK(y.all()[0].message.id == MsgId::story_fm_yaml);
  CHECK(y.all()[0].loc.line >= 2);

  Diagnostics list;
  parse("---\n- a\n- b\n---\nx\n", list);
  REQUIRE(list.all().size() == 1);
  CHECK(list.all()[0].message.id == MsgId::story_fm_not_map);
  CHECK(list.all()[0].loc.line == 2);
}

TEST_CASE("invalid UTF-8 is an error with line and column, not a crash", "[lessons]") {
  Diagnostics d;
  Lesson l = parse("# Título\n\nUna baterí\xE1 mala.\n", d);
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all()[0], Lang::en)
            .starts_with("l.md:3:11: error: invalid UTF-8 (byte 0xE1): save the file as UTF-8\n"));
  REQUIRE(l.blocks.size() == 2);  // parsing goes on, for `telar check`
  CHECK(plain_text(as<Paragraph>(l.blocks[1]).text) == "Una baterí\xEF\xBF\xBD mala.");

  Diagnostics nul;
  parse(std::string("a\0b\n", 4), nul);
  REQUIRE(nul.all().size() == 1);
  CHECK(nul.all()[0].message.id == MsgId::text_has_nul);
  CHECK(nul.all()[0].loc.column == 2);
}

TEST_CASE("an empty lesson warns: text is normalised to NFC", "[lessons]") {
  Diagnostics d;
  Lesson empty = parse("---\ntitle: Nada\n---\n\n", d);
  CHECK(empty.blocks.empty());
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].message.id == MsgId::lesson_empty);

  Diagnostics n;
  Lesson l = parse("Ru\xCC\x88 l\xCC\xB1\n", n);  // u + combining diaeresis, l + macron below
  CHECK(plain_text(as<Paragraph>(l.blocks.at(0)).text) == "R\xC3\xBC \xE1\xB8\xBB");
}
