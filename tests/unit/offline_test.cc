// SPDX-License-Identifier: GPL-3.0-or-later
// --qr-offline end to end in process: each example circle -> zine PDF -> `decode` -> the
// same turns; the cards as separate PNGs in shuffled order; --anonymize leaves no name.
#include <catch2/catch.hpp>
#include <cairo.h>
#include <stdlib.h>

#include <algorithm>
#include <random>

#include "base/c_handles.h"
#include "base/error.h"
#include "compose/qr_payload.h"
#include "jobs/decode.h"
#include "jobs/zine.h"
#include "layout/qr.h"
#include "layout/qr_cards.h"
#include "../layout/support.h"
#include "story/read_story.h"
#include "story/anonymize.h"

using namespace telar;

namespace {

std::filesystem::path temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "telar-offline-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  return tmpl;
}

struct Flat {
  std::string speaker, text;
  bool highlight;
  bool operator==(const Flat&) const = default;
};

std::vector<Flat> turns(const Story& s) {
  std::vector<Flat> out;
  for (const Round& r : s.rounds) {
    if (!r.question.empty()) out.push_back({"#", r.question, false});
    for (const Turn& t : r.turns) out.push_back({t.speaker, t.text, t.highlight});
  }
  return out;
}

Story parse_text(const std::string& text) {
  Diagnostics d;
  Story s = parse_circle(SourceText("back.md", text), d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

/// One card alone as a PNG: the code at 0.5 mm modules, 150 dpi, on white.
void write_card_png(const QrSymbol& sym, const std::filesystem::path& png) {
  const double side = qr_min_side(sym, Length::mm(0.5)).pt() * 150 / 72;
  const int px = static_cast<int>(std::ceil(side)) + 40;
  CairoSurface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, px, px));
  Cairo cr(cairo_create(s.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  Path path = qr_path(sym, Rect{20, 20, side, side});
  for (const auto& seg : path.segments) {
    if (seg.op == Path::Op::move) cairo_move_to(cr.get(), seg.p[0].x, seg.p[0].y);
    if (seg.op == Path::Op::line) cairo_line_to(cr.get(), seg.p[0].x, seg.p[0].y);
    if (seg.op == Path::Op::close) cairo_close_path(cr.get());
  }
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  cairo_fill(cr.get());
  REQUIRE(cairo_surface_write_to_png(s.get(), png.c_str()) == CAIRO_STATUS_SUCCESS);
}

const char* const kExamples[] = {"la-bateria.circle.md", "caravan.circle.md", "witral.circle.md"};

}  // namespace

TEST_CASE("every example circle survives --qr-offline and decode from the PDF", "[offline]") {
  for (const char* name : kExamples) {
    INFO(name);
    const auto dir = temp_dir();
    ZineJob job;
    job.story = test::examples_dir() / name;
    job.out = dir / "z.pdf";
    job.qr_offline = true;
    Diagnostics diags;
    REQUIRE(make_zine(job, diags).size() == 1);
    DecodeJob dj;
    dj.inputs = {job.out};
    dj.out = dir / "back.circle.md";
    Diagnostics dd;
    const std::string circle = decode_story(dj, dd);
    CHECK(test::slurp(dj.out) == circle);
    Diagnostics rd;
    Story in = read_story(job.story, rd);
    Story back = parse_text(circle);
    CHECK(back.meta.title == in.meta.title);
    CHECK(back.meta.node == in.meta.node);
    CHECK(turns(back) == turns(in));
    std::filesystem::remove_all(dir);
  }
}

TEST_CASE("the cards as separate PNGs, shuffled, decode to the same story", "[offline]") {
  Diagnostics rd;
  Story in = read_story(test::examples_dir() / "la-bateria.circle.md", rd);
  auto plan = plan_story_sheet(in, Size{Length::mm(210), Length::mm(297)});
  REQUIRE(plan);
  std::vector<std::string> cards = offline_cards(in, 300);  // more, smaller cards
  REQUIRE(cards.size() >= 4);
  std::vector<QrSymbol> syms;
  for (const std::string& c : cards) syms.push_back(encode_qr(c, 'M'));
  const auto dir = temp_dir();
  std::vector<std::filesystem::path> pngs;
  for (std::size_t i = 0; i < syms.size(); ++i) {
    pngs.push_back(dir / fmt::format("card-{}.png", i + 1));
    write_card_png(syms[i], pngs.back());
  }
  std::mt19937 rng(3);
  std::shuffle(pngs.begin(), pngs.end(), rng);
  DecodeJob dj;
  dj.inputs = pngs;
  Diagnostics dd;
  CHECK(turns(parse_text(decode_story(dj, dd))) == turns(in));

  // Without card 3, decode fails naming it, and writes nothing.
  dj.inputs.erase(std::find(dj.inputs.begin(), dj.inputs.end(), dir / "card-3.png"));
  dj.out = dir / "partial.md";
  try {
    decode_story(dj, dd);
    FAIL("decode without card 3 succeeded");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data_error);
    REQUIRE_FALSE(e.diagnostics().empty());
    CHECK(translate(e.diagnostics().back().message, Lang::en).find(fmt::format("missing 3/{}", cards.size())) !=
          std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(dj.out));
  std::filesystem::remove_all(dir);
}

TEST_CASE("with --anonymize no speaker's name is in any card", "[offline]") {
  const auto dir = temp_dir();
  ZineJob job;
  job.story = test::examples_dir() / "la-bateria.circle.md";
  job.out = dir / "a.pdf";
  job.qr_offline = true;
  job.anonymize = true;
  Diagnostics diags;
  make_zine(job, diags);
  DecodeJob dj;
  dj.inputs = {job.out};
  Diagnostics dd;
  const std::string circle = decode_story(dj, dd);
  Diagnostics rd;
  Story in = read_story(job.story, rd);
  REQUIRE_FALSE(in.speakers().empty());
  for (const std::string& name : in.speakers()) {
    INFO(name);
    CHECK(circle.find(name) == std::string::npos);
  }
  CHECK(circle.find("Voz 1") != std::string::npos);
  std::filesystem::remove_all(dir);
}
