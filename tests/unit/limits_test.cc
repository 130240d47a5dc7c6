// SPDX-License-Identifier: GPL-3.0-or-later
// The limits of docs/limits.md, each past its edge: an error with file:line, never a crash,
// a hang or silent truncation; and the bounded reader's refusals.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "base/error.h"
#include "base/image_header.h"
#include "base/source.h"
#include "story/lessons.h"
#include "story/story.h"
#include "template/template.h"

using namespace telar;
namespace fs = std::filesystem;

namespace {

const std::string kFm = "---\ntitle: x\n---\n";

std::string errors_of(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all())
    if (x.severity == Severity::error) out += format_diagnostic(x, Lang::en);
  return out;
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

Exit read_error(const fs::path& p) {
  try {
    (void)read_source(p);
  } catch (const Error& e) {
    return e.code();
  }
  return Exit::ok;
}

}  // namespace

TEST_CASE("the reader refuses devices, FIFOs and folders without blocking", "[limits]") {
  CHECK(read_error("/dev/zero") == Exit::no_input);
  CHECK(read_error("/dev/null") == Exit::no_input);
  CHECK(read_error("/") == Exit::no_input);
  const fs::path fifo = fs::temp_directory_path() / ("telar-fifo-" + std::to_string(getpid()));
  fs::remove(fifo);
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(read_error(fifo) == Exit::no_input);  // would block forever with a plain open()
  fs::remove(fifo);
}

TEST_CASE("the reader stops at its size limit, also for a sparse file", "[limits]") {
  const fs::path p = fs::temp_directory_path() / ("telar-big-" + std::to_string(getpid()));
  { std::ofstream(p) << "abc"; }
  fs::resize_file(p, std::uintmax_t{1} << 30);  // 1 GB, sparse: costs no disk
  CHECK(read_error(p) == Exit::data_error);
  fs::resize_file(p, 100);
  CHECK(read_source(p, 100).bytes().size() == 100);
  CHECK_THROWS_AS(read_source(p, 99), Error);
  CHECK(was_read_as_input(p));
  fs::remove(p);
}

TEST_CASE("a long line's context is cut to a window around the column", "[limits]") {
  Diagnostics d;
  const std::string line = std::string(100000, 'a') + "X" + std::string(100000, 'b');
  d.error(Loc{"f.md", 1, 100001, {}}, msg(MsgId::story_empty_turn, std::string(5000, 'n')), line);
  const std::string text = format_diagnostic(d.all()[0], Lang::en);
  CHECK(text.size() < 1000);
  CHECK(text.find("…" + std::string(kContextWindow, 'a') + "X") != std::string::npos);
  // The caret is under the X.
  const auto x_line = text.find("  …");
  const auto caret = text.find('^');
  REQUIRE(x_line != std::string::npos);
  REQUIRE(caret != std::string::npos);
  const std::size_t x_col = text.find('X', x_line) - x_line - std::string("…").size() + 1;
  CHECK(caret - text.rfind('\n', caret) - 1 == x_col);
}

TEST_CASE("story limits: line, turn, word, speakers, a stamp without a name", "[limits]") {
  Diagnostics d1;
  (void)parse_circle(SourceText{"s.md", kFm + "Ana: " + std::string(30000, 'a') + "\n"}, d1);
  CHECK(errors_of(d1).find("s.md:4:1: error: the line is too long: 30005 bytes") != std::string::npos);

  Diagnostics d2;
  (void)parse_circle(SourceText{"s.md", kFm + "Ana: " + repeat("palabra ", 1000) + "\n" +
                                            repeat("  palabra más otra\n", 1200)},
                     d2);
  CHECK(errors_of(d2).find("s.md:4:1: error: the turn is too long") != std::string::npos);

  Diagnostics d3;
  (void)parse_circle(SourceText{"s.md", kFm + "Ana: hola " + std::string(300, 'x') + "\n"}, d3);
  CHECK(errors_of(d3).find("s.md:4:1: error: a word is too long") != std::string::npos);

  Diagnostics d4;
  std::string many = kFm;
  for (int i = 0; i < 400; ++i) many += "Persona" + std::to_string(i) + ": hola\n\n";
  (void)parse_circle(SourceText{"s.md", many}, d4);
  CHECK(errors_of(d4).find("400 different speakers, at most 300") != std::string::npos);

  Diagnostics d5;
  (void)parse_circle(SourceText{"s.md", kFm + "[00:03:10] : y entonces\n"}, d5);
  CHECK(errors_of(d5).find("s.md:4:12: error: the speaker's name is missing") != std::string::npos);
}

TEST_CASE("lesson nesting past the limit is an error, not a crash or lost text", "[limits]") {
  for (const std::string& prefix : {std::string("> "), std::string("- "), std::string("1. ")}) {
    Diagnostics d;
    (void)parse_lesson(SourceText{"l.md", repeat(prefix, 20000) + "a\n"}, d);
    CHECK(errors_of(d).find("l.md:1:1: error: lists and quotes are nested 20000 levels") != std::string::npos);
  }
  Diagnostics ok;
  Lesson l = parse_lesson(SourceText{"l.md", repeat("> ", 16) + "texto\n"}, ok);
  CHECK_FALSE(ok.has_errors());
  Diagnostics indented;
  std::string md;
  for (int i = 0; i < 40; ++i) md += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item\n";
  (void)parse_lesson(SourceText{"l.md", md}, indented);
  CHECK(errors_of(indented).find("error: lists and quotes are nested 17 levels") != std::string::npos);
  Diagnostics emph;
  (void)parse_lesson(SourceText{"l.md", repeat("*a **a\n", 10000) + "b" + repeat("\na** a*", 10000)}, emph);
  CHECK(errors_of(emph).find("emphasis and links are nested") != std::string::npos);
}

TEST_CASE("lesson images stay under the lesson's folder", "[limits]") {
  for (const char* src : {"/tmp/x.png", "../x.png", "img/../../x.png", "real.png%00.svg", "%2e%2e/x.png"}) {
    Diagnostics d;
    (void)parse_lesson(SourceText{"l.md", std::string("![c](") + src + ")\n"}, d);
    INFO(src);
    CHECK(errors_of(d).find("must be a file in the lesson's folder") != std::string::npos);
  }
}

TEST_CASE("image sizes come from the header before decoding", "[limits]") {
  const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x75\x30\0\0\x75\x30", 24);
  REQUIRE(png_size(png));
  CHECK(png_size(png)->w == 30000);
  CHECK_FALSE(image_size_ok(*png_size(png)));
  CHECK(image_size_ok(PixelSize{4000, 3000}));
  // SOI, APP0 (length 4), SOF0: length, precision, height 0x0102, width 0x0304.
  const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x01\x02\x03\x04", 17);
  REQUIRE(jpeg_size(jpeg));
  CHECK(jpeg_size(jpeg)->w == 0x0304);
  CHECK(jpeg_size(jpeg)->h == 0x0102);
  CHECK_FALSE(jpeg_size(std::string("\xFF\xD8\xFF", 3)));
}

TEST_CASE("template lengths, paper and type sizes have limits", "[limits]") {
  const fs::path tpl = fs::path(TELAR_SOURCE_DATA_DIR) / "templates/zine/fotocopia.yaml";
  std::string yaml = read_source(tpl).bytes();
  auto with = [&](const std::string& from, const std::string& to) {
    std::string y = yaml;
    const auto at = y.find(from);
    REQUIRE(at != std::string::npos);
    y.replace(at, y.find('\n', at) - at, to);
    Diagnostics d;
    (void)load_template(SourceText{"t.yaml", y}, d);
    return errors_of(d);
  };
  CHECK(with("  body: {", "  body: {min: 8pt, max: 200pt}").find("too large: at most 96 pt (see docs/limits.md) (key: sizes.body.max)") != std::string::npos);
  CHECK(with("paper: ", "paper: 100000x100000mm").find("too large: at most 1500 mm (see docs/limits.md) (key: paper)") != std::string::npos);
  CHECK(with("margins: ", "margins: 1e30mm").find("too large: at most 3 m (see docs/limits.md) (key: margins)") != std::string::npos);
  CHECK(with("paper: ", "paper: a4\nmotif: ../banner/tejido-motif.svg").find("(key: motif)") != std::string::npos);
  CHECK(with("paper: ", "paper: a4\nmotif: /etc/passwd.svg").find("(key: motif)") != std::string::npos);
}

TEST_CASE("links: http and https only, no control characters", "[limits]") {
  CHECK(is_web_link("https://a.org/x"));
  CHECK_FALSE(is_web_link("javascript:alert(1)"));
  CHECK_FALSE(is_web_link("file:///etc/passwd"));
  CHECK_FALSE(is_web_link("https://a.org/\nBEGIN"));
  CHECK_FALSE(is_web_link("https://a.org/\x7f"));
  CHECK_FALSE(is_web_link("https://" + std::string(3000, 'a')));
}
