// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/template.h"

#include <algorithm>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "base/error.h"
#include "base/source.h"
#include "template/schema.h"

using namespace telar;
using Approx = Catch::Detail::Approx;

namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(TELAR_TEST_DIR) / "fixtures" / "templates";

/// Loads a fixture under its bare file name (so messages read "bad-x.yaml:3:1: …").
std::vector<std::string> problems(const std::string& fixture, Lang lang = Lang::en) {
  SourceText file = read_source(kFixtures / fixture);
  Diagnostics d;
  load_template(SourceText(fixture, file.bytes()), d);
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.push_back(format_diagnostic(x, lang));
  return out;
}

std::vector<Diagnostic> load_text(const std::string& yaml) {
  Diagnostics d;
  load_template(SourceText("t.yaml", yaml), d);
  return {d.all().begin(), d.all().end()};
}

/// A shipped template's YAML text.
std::string slurp_template(const std::string& name, ArtifactKind kind) {
  return std::string(read_source(resolve_template(name, kind)).bytes());
}

}  // namespace

TEST_CASE("the shipped zine templates load without a word of complaint", "[template]") {
  for (const char* name : {"fotocopia", "semilla"}) {
    INFO(name);
    const auto path = resolve_template(name, ArtifactKind::zine);
    Diagnostics d;
    Template t = load_template(read_source(path), d);
    for (const auto& x : d.all()) FAIL_CHECK(format_diagnostic(x, Lang::en));
    CHECK(d.all().empty());
    CHECK(t.name == name);
    CHECK(t.kind == ArtifactKind::zine);
    CHECK(t.dir == path.parent_path());
    CHECK(t.description.count("en") == 1);
    CHECK(t.description.count("es") == 1);
    CHECK(t.margins.left.mm() == Approx(7));
    CHECK(t.size("body").max.pt() == Approx(9.5));
    CHECK(t.size("body").min.pt() == Approx(7.5));  // the least a mini page is read at
    CHECK(t.label("notes", "es") == "Notas");
    CHECK(t.label("scan", "en") == "Scan to read online");
    CHECK(t.label("scan", "es-CL") == "Escanea para leer en línea");
  }
}

TEST_CASE("fotocopia and semilla differ in character", "[template]") {
  Diagnostics d;
  Template f = load_template(read_source(resolve_template("fotocopia", ArtifactKind::zine)), d);
  Template s = load_template(read_source(resolve_template("semilla", ArtifactKind::zine)), d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(f.font("title").description == "Noto Sans ExtraCondensed Black");
  CHECK(f.font("quote").description == "Noto Sans Bold Italic");
  CHECK(f.color("ink") == Rgba{0, 0, 0, 1});
  CHECK(f.option("cover") == "band");
  CHECK(f.option("quotes") == "rule");
  CHECK_FALSE(f.motif.has_value());
  CHECK(s.font("title").description == "Charis SIL Bold");
  CHECK(s.font("body").description == "Charis SIL");
  CHECK(s.font("quote").description == "Charis SIL Italic");
  CHECK(s.option("cover") == "motif");
  CHECK(s.option("quotes") == "tint");
  REQUIRE(s.motif.has_value());
  CHECK(*s.motif == "semilla-motif.svg");
  CHECK(std::filesystem::is_regular_file(s.motif_path()));
}

TEST_CASE("each broken template gets one exact message with line and key", "[template]") {
  const std::pair<const char*, const char*> cases[] = {
      {"bad-key-typo.yaml",
       "bad-key-typo.yaml:8:1: error: unknown key 'gpa'; did you mean 'gap'? (key: gpa)\n"},
      {"bad-role-typo.yaml",
       "bad-role-typo.yaml:11:3: error: unknown role 'hedline'; did you mean 'headline'? (key: "
       "fonts.hedline)\n"},
      {"bad-color.yaml",
       "bad-color.yaml:19:11: error: invalid colour '#d1401': expected #rrggbb or #rrggbbaa (key: "
       "colors.accent)\n"},
      {"bad-color-comment.yaml",
       "bad-color-comment.yaml:17:3: error: missing colour: in YAML '#' starts a comment, so put "
       "the colour "
       "in quotes, e.g. '#1a1a1a' (key: colors.ink)\n"},
      {"bad-min-max.yaml",
       "bad-min-max.yaml:25:15: error: min 12pt is larger than max 9.5pt (key: sizes.body.min)\n"},
      {"bad-missing-role.yaml",
       "bad-missing-role.yaml:9:1: error: missing role 'quote'; a zine template needs: title, "
       "headline, body, "
       "speaker, quote, small (key: fonts.quote)\n"},
      {"bad-length.yaml",
       "bad-length.yaml:7:41: error: invalid length '8': expected a number and a unit (mm, cm, m, "
       "in, pt), "
       "e.g. 7mm (key: margins.bottom)\n"},
      {"bad-motif.yaml",
       "bad-motif.yaml:31:8: error: motif file 'loom.svg' not found beside the template (key: "
       "motif)\n"},
      {"bad-yaml.yaml",
       "bad-yaml.yaml:13:10: error: YAML syntax error: end of sequence flow not found\n"},
      {"bad-option.yaml",
       "bad-option.yaml:30:11: error: invalid value 'ruled'; expected one of: rule, tint (key: "
       "options.quotes)\n"},
      {"bad-duplicate.yaml",
       "bad-duplicate.yaml:21:3: error: the key 'soft' is given twice (first on line 20) (key: "
       "colors.soft)\n"},
  };
  for (const auto& [fixture, expected] : cases) {
    INFO(fixture);
    CHECK(problems(fixture) == std::vector<std::string>{expected});
  }
  CHECK(problems("good.yaml").empty());
}

TEST_CASE("template errors read in Spanish too", "[template]") {
  CHECK(problems("bad-key-typo.yaml", Lang::es) ==
        std::vector<std::string>{"bad-key-typo.yaml:8:1: error: clave desconocida «gpa»; ¿quiso "
                                 "decir «gap»? (clave: gpa)\n"});
  CHECK(problems("bad-min-max.yaml", Lang::es) ==
        std::vector<std::string>{"bad-min-max.yaml:25:15: error: el mínimo 12pt es mayor que el "
                                 "máximo 9.5pt (clave: sizes.body.min)\n"});
}

TEST_CASE("the good fixture's values arrive typed", "[template]") {
  Diagnostics d;
  Template t = load_template(read_source(kFixtures / "good.yaml"), d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(t.paper.has_value());
  CHECK(t.paper->w.mm() == Approx(210));
  CHECK(t.paper->h.mm() == Approx(297));
  CHECK(t.margins.top.mm() == Approx(7));
  CHECK(t.margins.right.mm() == Approx(6));
  CHECK(t.margins.bottom.mm() == Approx(8));
  CHECK(t.min_gap.mm() == Approx(2.5));
  CHECK(t.color("accent").a == Approx(128 / 255.0));
  CHECK(t.color("soft").r == Approx(238 / 255.0));
  CHECK(t.qr_ec == 'Q');
  CHECK(t.font("title").loc.line == 10);
  CHECK(t.font("title").loc.key == "fonts.title");
  CHECK(t.size("title").max.pt() == Approx(28));
  CHECK_THROWS_AS(t.font("caption"), std::out_of_range);
}

TEST_CASE("columns count characters, not bytes", "[template]") {
  // No kind (reported last): nothing else is required, so only the margins speak.
  auto d = load_text("# any kind\nmargins: {top: \"ñañú\", left: 2, right: 0, bottom: 1mm}\n");
  REQUIRE(d.size() == 3);
  CHECK(d[2].loc.key == "kind");
  CHECK(d[0].loc.key == "margins.top");
  CHECK(d[0].loc.column == 16);
  CHECK(d[1].loc.key == "margins.left");
  CHECK(d[1].loc.line == 2);
  CHECK(d[1].loc.column == 30);
}

TEST_CASE("the kind comes first and decides what is required", "[template]") {
  auto none = load_text("paper: a4\n");
  REQUIRE(none.size() == 1);
  CHECK(format_diagnostic(none[0], Lang::en) ==
        "t.yaml:1:1: error: missing required key 'kind' (key: kind)\n");
  auto bad = load_text("kind: poster\n");
  REQUIRE(bad.size() == 1);
  CHECK(format_diagnostic(bad[0], Lang::en) ==
        "t.yaml:1:7: error: invalid value 'poster'; expected one of: zine, banner, manual (key: "
        "kind)\n");
  // A banner names its roles (layout/banner.cc): an unknown one is told which they are.
  auto banner = load_text("kind: banner\npaper: 3000x1000mm\nfonts: {myth: Anton}\n");
  CHECK(std::any_of(banner.begin(), banner.end(), [](const Diagnostic& x) {
    return x.message.id == MsgId::tpl_unknown_role && x.loc.key == "fonts.myth";
  }));
  auto empty = load_text("");
  REQUIRE(empty.size() == 1);
  CHECK(format_diagnostic(empty[0], Lang::en) ==
        "t.yaml:1:1: error: the template is empty: start with a line such as 'kind: zine'\n");
  auto list = load_text("- kind: zine\n");
  REQUIRE(list.size() == 1);
  CHECK(list[0].message.id == MsgId::tpl_expected_map);
}

TEST_CASE("values are checked by shape", "[template]") {
  auto d = load_text(
      "# any kind\nfonts: {a: Noto Sans 12, b: Bold}\ncolors: {c: [1, 2]}\n"
      "sizes: {s: {min: 0pt, max: 9pt}, t: {max: 9pt}}\nmotif: logo.gif\nqr: {ec: X, style: wavy}\n"
      "description: {en: only English}\n");
  std::vector<std::pair<MsgId, std::string>> got;
  for (const auto& x : d) got.emplace_back(x.message.id, x.loc.key);
  const std::vector<std::pair<MsgId, std::string>> want = {
      {MsgId::tpl_font_has_size, "fonts.a"},   {MsgId::tpl_font_no_family, "fonts.b"},
      {MsgId::tpl_expected_value, "colors.c"}, {MsgId::tpl_not_positive, "sizes.s.min"},
      {MsgId::tpl_missing_key, "sizes.t.min"}, {MsgId::tpl_motif_bad_type, "motif"},
      {MsgId::tpl_bad_choice, "qr.ec"},        {MsgId::tpl_bad_choice, "qr.style"},
      {MsgId::tpl_missing_lang, "description.es"},
      {MsgId::tpl_missing_key, "kind"},
  };
  CHECK(got == want);
}

TEST_CASE("qr.style is square unless the template says rounded or dots", "[template]") {
  SourceText good = read_source(kFixtures / "good.yaml");
  Diagnostics d0;
  CHECK(load_template(good, d0).qr_style == QrStyle::square);
  for (auto [name, style] : {std::pair{"rounded", QrStyle::rounded}, std::pair{"dots", QrStyle::dots}}) {
    std::string yaml = good.bytes();
    yaml.replace(yaml.find("qr: {ec: q}"), 11, std::string("qr: {ec: q, style: ") + name + "}");
    Diagnostics d;
    Template t = load_template(SourceText("s.yaml", yaml), d);
    CHECK_FALSE(d.has_errors());
    CHECK(t.qr_style == style);
    CHECK(t.qr_ec == 'Q');
  }
}

TEST_CASE("a cover motif needs a motif file", "[template]") {
  SourceText good = read_source(kFixtures / "good.yaml");
  std::string yaml = good.bytes();
  yaml.replace(yaml.find("cover: band"), 11, "cover: motif");
  Diagnostics d;
  load_template(SourceText("m.yaml", yaml), d);
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all()[0], Lang::en) ==
        "m.yaml:29:10: error: 'cover: motif' needs a motif: add 'motif: file.svg' (key: "
        "options.cover)\n");
}

TEST_CASE("value parsers: paper, colour, length, did you mean", "[template]") {
  CHECK(parse_paper("a4") == Size{Length::mm(210), Length::mm(297)});
  CHECK(parse_paper("Letter") == Size{Length::in(8.5), Length::in(11)});
  auto p = parse_paper("8.5x11in");
  REQUIRE(p);
  CHECK(p->w.in() == Approx(8.5));
  auto q = parse_paper("105mm x 148mm");
  REQUIRE(q);
  CHECK(q->h.mm() == Approx(148));
  CHECK_FALSE(parse_paper("210x297"));
  CHECK_FALSE(parse_paper("0x297mm"));
  CHECK_FALSE(parse_paper("b5"));
  CHECK(parse_rgba("#ff8000") == Rgba{1, 128 / 255.0, 0, 1});
  CHECK_FALSE(parse_rgba("ff8000"));
  CHECK_FALSE(parse_rgba("#ff80zz"));
  CHECK_FALSE(parse_rgba("#fff"));
  CHECK(parse_template_length("0") == Length{});
  CHECK(parse_template_length("9.5pt")->pt() == Approx(9.5));
  CHECK_FALSE(parse_template_length("7"));
  CHECK_FALSE(parse_template_length("-1mm"));
  constexpr std::string_view names[] = {"headline", "title", "body"};
  CHECK(closest_name("hedline", names) == "headline");
  CHECK(closest_name("Titel", names) == "title");
  CHECK(closest_name("colophon", names) == std::nullopt);
}

TEST_CASE("labels fall back from region to language to the catalogue to English to the key", "[template]") {
  Template t;
  t.labels["en"] = {{"scan", "Scan"}, {"notes", "Notes"}};
  t.labels["es"] = {{"scan", "Escanea"}};
  t.labels["pt-BR"] = {{"scan", "Escaneie"}};
  CHECK(t.label("scan", "es-CL") == "Escanea");
  CHECK(t.label("scan", "pt-BR") == "Escaneie");
  CHECK(t.label("scan", "arn") == "Escanea");  // Mapudungun speakers read Spanish labels
  // Issue 12: a language the template lacks takes telar's catalogue (po/labels/), not English.
  CHECK(t.label("scan", "ht") == "Eskane pou istwa a");
  CHECK(t.label("notes", "es") == "Notas");
  CHECK(t.label("scan", "sw") == "Scan");         // no catalogue for Swahili: the template's English
  CHECK(t.label("no_such_key", "es") == "no_such_key");
}

TEST_CASE("templates are listed and resolved by name or path", "[template]") {
  auto all = list_templates(Lang::es);
  std::vector<std::string> zines;
  for (const auto& i : all)
    if (i.kind == ArtifactKind::zine) zines.push_back(i.name);
  REQUIRE(zines.size() >= 2);
  CHECK(std::is_sorted(zines.begin(), zines.end()));
  CHECK(std::count(zines.begin(), zines.end(), "fotocopia") == 1);
  for (const auto& i : all)
    if (i.name == "semilla") CHECK(i.description.rfind("Cálida", 0) == 0);
  for (const auto& i : list_templates(Lang::en))
    if (i.name == "semilla") CHECK(i.description.rfind("Warm", 0) == 0);

  CHECK(resolve_template("", ArtifactKind::zine).filename() == "fotocopia.yaml");
  CHECK(resolve_template("semilla", ArtifactKind::zine) ==
        builtin_template_dir() / "zine" / "semilla.yaml");
  const std::string own = (kFixtures / "good.yaml").string();
  CHECK(resolve_template(own, ArtifactKind::zine) == own);
  CHECK_THROWS_AS(resolve_template("nowhere/mine.yaml", ArtifactKind::zine), Error);
  try {
    resolve_template("zeen", ArtifactKind::zine);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::no_input);
    REQUIRE(e.diagnostics().size() == 1);
    const std::string en = format_diagnostic(e.diagnostics()[0], Lang::en);
    CHECK(en.rfind("error: no template 'zeen' for zine; available: fotocopia, semilla", 0) == 0);
    CHECK(
        format_diagnostic(e.diagnostics()[0], Lang::es)
            .rfind(
                "error: no hay ninguna plantilla «zeen» para zine; disponibles: fotocopia, semilla",
                0) == 0);
  }
  CHECK(kind_name(ArtifactKind::manual) == std::string("manual"));
  CHECK(kind_from_name("banner") == ArtifactKind::banner);
  CHECK_FALSE(kind_from_name("poster"));
}

TEST_CASE("a banner's options.overlap that is not a length is an error at its line", "[template]") {
  SourceText tejido = read_source(std::filesystem::path(TELAR_SOURCE_DATA_DIR) / "templates/banner/tejido.yaml");
  std::string yaml = tejido.bytes();
  const std::size_t at = yaml.find("  overlap: 10mm");
  REQUIRE(at != std::string::npos);
  yaml.replace(at, std::string("  overlap: 10mm").size(), "  overlap: ten");
  yaml.replace(yaml.find("  printer_margin: 5mm"), std::string("  printer_margin: 5mm").size(), "  printer_margin: 5e9mm");
  const int line = static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
  Diagnostics d;
  load_template(SourceText(TELAR_SOURCE_DATA_DIR "/templates/banner/t.yaml", yaml), d);
  std::vector<std::tuple<MsgId, std::string, int>> got;
  for (const Diagnostic& x : d.all()) got.emplace_back(x.message.id, x.loc.key, x.loc.line);
  const std::vector<std::tuple<MsgId, std::string, int>> want = {
      {MsgId::tpl_bad_length, "options.overlap", line},
      {MsgId::tpl_too_large, "options.printer_margin", line + 1},
  };
  CHECK(got == want);
}

TEST_CASE("motif: woven, braid and motif_ink in templates", "[template]") {
  auto load = [](const std::string& name, ArtifactKind kind) {
    Diagnostics d;
    Template t = load_template(read_source(resolve_template(name, kind)), d);
    REQUIRE_FALSE(d.has_errors());
    return t;
  };
  // The templates that weave the node's motif, and those that keep their own.
  const Template foto = load("fotocopia", ArtifactKind::zine);
  CHECK(foto.woven_motif);
  CHECK_FALSE(foto.motif);
  CHECK(foto.option("motif_ink") == "one");
  CHECK(load("tejido", ArtifactKind::banner).woven_motif);
  CHECK(load("brigada", ArtifactKind::manual).woven_motif);
  for (auto [name, kind] : {std::pair{"semilla", ArtifactKind::zine}, std::pair{"pancarta", ArtifactKind::banner},
                            std::pair{"cuaderno", ArtifactKind::manual}}) {
    INFO(name);
    const Template t = load(name, kind);
    CHECK_FALSE(t.woven_motif);
    CHECK_FALSE(t.braid);
  }
  // braid: true|false, checked at its line.
  std::string yaml = slurp_template("fotocopia", ArtifactKind::zine);
  {
    Diagnostics d;
    const Template t = load_template(SourceText("t.yaml", yaml + "braid: true\n"), d);
    CHECK_FALSE(d.has_errors());
    CHECK(t.braid);
  }
  Diagnostics d;
  load_template(SourceText("t.yaml", yaml + "braid: sometimes\n"), d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].loc.key == "braid");
  Diagnostics ink;
  std::string bad = yaml;
  bad.replace(bad.find("motif_ink: one"), 14, "motif_ink: two");
  load_template(SourceText("t.yaml", bad), ink);
  REQUIRE(ink.all().size() == 1);
  CHECK(ink.all()[0].loc.key == "options.motif_ink");
}
