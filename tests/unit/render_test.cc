// SPDX-License-Identifier: GPL-3.0-or-later
#include <cairo-pdf.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <fstream>
#include <string_view>
#include <set>

#include "base/error.h"
#include "impose/sheet.h"
#include "layout/fonts.h"
#include "layout/motif.h"
#include "render/output.h"
#include "render/paint.h"

using namespace telar;
using Approx = Catch::Detail::Approx;

namespace {

/// Every run of characters that `allowed` accepts right after an occurrence of `prefix` in
/// `s`. A plain matcher where this file used <regex>, which alone took most of its minute
/// of compiling.
template <class Allowed>
std::vector<std::string> runs_after(std::string_view s, std::string_view prefix, Allowed allowed) {
  std::vector<std::string> out;
  for (std::size_t at = s.find(prefix); at != std::string_view::npos; at = s.find(prefix, at + 1)) {
    std::size_t end = at + prefix.size();
    while (end < s.size() && allowed(s[end])) ++end;
    if (end > at + prefix.size()) out.emplace_back(s.substr(at + prefix.size(), end - at - prefix.size()));
  }
  return out;
}

const FontSet& fonts() {
  static FontSet f(bundled_fonts_dir());
  return f;
}

/// The oracle tools are test dependencies: missing is a failure, never a skip.
void require_tool(const char* name) {
  INFO(name << " is not installed (scripts/setup-debian.sh --tests installs it)");
  REQUIRE(std::system(fmt::format("command -v {} >/dev/null 2>&1", name).c_str()) == 0);
}

/// A file in the temp folder, removed when the test ends.
struct TempFile {
  std::filesystem::path path;
  TempFile(const std::string& ext, const std::string& bytes) {
    static int n = 0;
    path = std::filesystem::temp_directory_path() /
           fmt::format("telar-render-{}-{}{}", ::getpid(), ++n, ext);
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

std::pair<int, std::string> run(const std::string& cmd) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) return {-1, out};
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

/// A fresh SVG motif (a new Cairo recording surface on every call) holding a circle and a
/// small embedded image, as a template's motif would.
Picture motif() {
  static constexpr std::string_view kSvg =
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="53.333" height="53.333" viewBox="0 0 40 40">)"
      R"(<circle cx="20" cy="20" r="15" fill="#1a8033"/>)"
      R"(<image x="5" y="5" width="4" height="4" href="data:image/png;base64,)"
      R"(iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGN4ZiwFRwzEcQD/4xMxBD/tXgAAAABJRU5ErkJggg=="/>)"
      R"(</svg>)";
  return motif_from_bytes("motif.svg", kSvg, {200, 250, 80, 80});
}

constexpr Rect kRed{100, 150, 50, 40};  // page coordinates of a solid red square

/// A 300 x 400 pt page with 9 pt bleed: text, a red square, a motif, links, a dest.
Page sample_page(const std::string& word) {
  Page page;
  page.trim = {Length::pt(300), Length::pt(400)};
  page.bleed = Length::pt(9);
  page.paper = Rgba{1, 1, 0.8, 1};
  page.items.push_back(TextRun{
      {20, 30}, fonts().layout("es", "Noto Sans 14", "Ñandú " + word), {0, 0, 0, 1}, 0, "title"});
  page.items.push_back(TextRun{{280, 60},
                               fonts().layout("es", "Noto Sans 10", "al costado"),
                               {0.2, 0.2, 0.6, 1},
                               90,
                               "side"});
  Shape red;
  red.path.rect(kRed);
  red.fill = Rgba{1, 0, 0, 1};
  red.stroke = Stroke{1, {0, 0, 0, 1}, {3, 2}};
  page.items.push_back(red);
  Picture art = motif();
  art.slot = "motif";
  page.items.push_back(std::move(art));
  page.items.push_back(Link{{10, 20, 30, 40}, "https://example.org/a'b(ñ)", ""});
  page.items.push_back(Dest{"p " + word, {0, 0}});
  page.items.push_back(Link{{10, 100, 30, 10}, "", "p " + word});
  page.outline.push_back(OutlineEntry{"Página " + word, "p " + word, 1});
  return page;
}

std::vector<Page> sample_pages() { return {sample_page("uno"), sample_page("dos")}; }

std::vector<Blob> render(Format f, const EncodeOptions& opt = {}) {
  std::vector<Page> pages = sample_pages();
  return encode(impose_reader(pages), pages, f, opt);
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  auto b = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at + i)));
  };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

}  // namespace

TEST_CASE("the output format follows the extension, in any case", "[render]") {
  CHECK(format_of("a/zine.pdf") == Format::pdf);
  CHECK(format_of("ZINE.SVG") == Format::svg);
  CHECK(format_of("x.Png") == Format::png);
  for (const char* bad : {"zine.txt", "zine", "pdf", "zine.pdf.bak"}) {
    try {
      format_of(bad);
      FAIL("no error for " << bad);
    } catch (const Error& e) {
      CHECK(e.code() == Exit::usage);
      CHECK(e.diagnostics()[0].message.id == MsgId::usage_bad_format);
    }
  }
}

TEST_CASE("one output keeps its name. Several are numbered with two digits or more", "[render]") {
  auto one = name_outputs("out/z.svg", {Blob{"a"}});
  REQUIRE(one.size() == 1);
  CHECK(one[0].path == "out/z.svg");
  CHECK(one[0].bytes == "a");
  auto three = name_outputs("z.svg", {Blob{"a"}, Blob{"b"}, Blob{"c"}});
  REQUIRE(three.size() == 3);
  CHECK(three[0].path == "z-01.svg");
  CHECK(three[2].path == "z-03.svg");
  CHECK(three[2].bytes == "c");
  auto twelve = name_outputs("out/big.PNG", std::vector<Blob>(12, Blob{"x"}));
  CHECK(twelve[0].path == "out/big-01.PNG");
  CHECK(twelve[8].path == "out/big-09.PNG");
  CHECK(twelve[11].path == "out/big-12.PNG");
  auto many = name_outputs("m.svg", std::vector<Blob>(100, Blob{"x"}));
  CHECK(many[0].path == "m-001.svg");
}

TEST_CASE("SOURCE_DATE_EPOCH: digits only, written as an ISO UTC date", "[render]") {
  CHECK(parse_source_date_epoch("1700000000") == 1700000000);
  CHECK(parse_source_date_epoch("0") == 0);
  CHECK_FALSE(parse_source_date_epoch(nullptr));
  CHECK_FALSE(parse_source_date_epoch(""));
  CHECK_FALSE(parse_source_date_epoch("-5"));
  CHECK_FALSE(parse_source_date_epoch("17e8"));
  CHECK_FALSE(parse_source_date_epoch(" 1"));
  CHECK_FALSE(parse_source_date_epoch("99999999999999999999"));
  CHECK(iso_date(0) == "1970-01-01T00:00:00Z");
  CHECK(iso_date(1700000000) == "2023-11-14T22:13:20Z");
  CHECK(iso_date(951782400) == "2000-02-29T00:00:00Z");
  CHECK_FALSE(iso_date(253402300800));  // year 10000

  const char* before = std::getenv("SOURCE_DATE_EPOCH");
  const std::optional<std::string> saved =
      before ? std::optional<std::string>(before) : std::nullopt;
  ::setenv("SOURCE_DATE_EPOCH", "1234", 1);
  CHECK(EncodeOptions::from_env().source_date_epoch == 1234);
  ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  CHECK_FALSE(EncodeOptions::from_env().source_date_epoch);
  ::unsetenv("SOURCE_DATE_EPOCH");
  CHECK_FALSE(EncodeOptions::from_env().source_date_epoch);
  if (saved) ::setenv("SOURCE_DATE_EPOCH", saved->c_str(), 1);
}

TEST_CASE("reader layout: one sheet per page, trim plus bleed, page offset by the bleed",
          "[render]") {
  std::vector<Page> pages(2);
  pages[0].trim = {Length::mm(105), Length::mm(148)};
  pages[0].bleed = Length::mm(3);
  pages[1].trim = {Length::mm(100), Length::mm(50)};
  std::vector<Sheet> sheets = impose_reader(pages);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].paper.w.mm() == Approx(111));
  CHECK(sheets[0].paper.h.mm() == Approx(154));
  REQUIRE(sheets[0].placements.size() == 1);
  const Placement& p = sheets[0].placements[0];
  CHECK(p.page == 0);
  Point corner = p.to_sheet.apply(Point{0, 0});
  CHECK(corner.x == Approx(Length::mm(3).pt()));
  CHECK(corner.y == Approx(Length::mm(3).pt()));
  CHECK(p.clip.w == Approx(sheets[0].paper.w.pt()));
  CHECK(sheets[1].paper.w.mm() == Approx(100));
  CHECK(sheets[1].placements.at(0).page == 1);
  CHECK(sheets[1].marks.empty());
}

TEST_CASE("a path's bounds cover every point, control points included", "[render]") {
  Path p;
  CHECK(p.bounds() == Rect{});
  p.move_to({10, 20}).curve_to({-5, 0}, {30, 90}, {12, 25}).close();
  CHECK(p.bounds() == Rect{-5, 0, 35, 90});
}

TEST_CASE("SVG ids are renumbered in order of first appearance, references too", "[render]") {
  const std::string in =
      R"x(<svg><defs><g id="glyph3-7"/><clipPath id="clip9"/><image id="image44"/></defs>)x"
      R"x(<g id="surface22" clip-path="url(#clip9)"><use xlink:href="#glyph3-7"/>)x"
      R"x(<use xlink:href="#image44"/><use xlink:href="#glyph3-7"/><a href="#nowhere"/></g></svg>)x";
  CHECK(
      renumber_svg_ids(in) ==
      R"x(<svg><defs><g id="glyph1"/><clipPath id="clip1"/><image id="image1"/></defs>)x"
      R"x(<g id="surface1" clip-path="url(#clip1)"><use xlink:href="#glyph1"/>)x"
      R"x(<use xlink:href="#image1"/><use xlink:href="#glyph1"/><a href="#nowhere"/></g></svg>)x");
}

TEST_CASE("every format is byte-identical when rendered twice in one process", "[render]") {
  for (Format f : {Format::pdf, Format::svg, Format::png}) {
    std::vector<Blob> a = render(f), b = render(f);
    CHECK(a.size() == (f == Format::pdf ? 1u : 2u));
    CHECK(a == b);
  }
}

TEST_CASE("SVG output is well-formed SVG 1.1 with small, dense ids", "[render]") {
  std::vector<Blob> svgs = render(Format::svg);
  REQUIRE(svgs.size() == 2);
  const std::string& svg = svgs[0].bytes;
  CHECK(svg.find("version=\"1.1\"") != std::string::npos);
  CHECK(svg.find("width=\"318pt\" height=\"418pt\"") != std::string::npos);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::set<int> numbers;
  for (const std::string& n : runs_after(svg, "id=\"surface", digit)) numbers.insert(std::stoi(n));
  REQUIRE_FALSE(numbers.empty());
  CHECK(*numbers.begin() == 1);
  CHECK(*numbers.rbegin() == static_cast<int>(numbers.size()));
  CHECK(svg.find("id=\"glyph1\"") != std::string::npos);
  std::set<std::string> ids, refs;
  for (const std::string& id : runs_after(svg, " id=\"", [](char c) { return c != '"'; })) ids.insert(id);
  auto ref_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ':' || c == '-';
  };
  for (std::string_view open : {"\"#", "(#"})
    for (const std::string& r : runs_after(svg, open, ref_char)) refs.insert(r);
  CHECK_FALSE(refs.empty());
  for (const std::string& r : refs) CHECK(ids.count(r) == 1);
  {
    require_tool("xmllint");
    TempFile f(".svg", svg);
    auto [rc, out] = run("xmllint --noout " + f.path.string());
    INFO(out);
    CHECK(rc == 0);
  }
}

TEST_CASE("PDF: no creation date unless SOURCE_DATE_EPOCH, title only when given", "[render]") {
  auto info = [](const std::string& pdf) {  // the document information dictionary
    const std::size_t at = pdf.find("<< /Producer");
    return at == std::string::npos ? std::string() : pdf.substr(at, pdf.find(">>", at) - at);
  };
  const std::string plain = info(render(Format::pdf).at(0).bytes);
  REQUIRE_FALSE(plain.empty());
  CHECK(plain.find("/CreationDate") == std::string::npos);
  CHECK(plain.find("/Title") == std::string::npos);
  CHECK(plain.find("/Author") == std::string::npos);
  CHECK(plain.find("/Creator") == std::string::npos);

  EncodeOptions opt;
  opt.title = "La bateria";
  opt.source_date_epoch = 1700000000;
  const std::string pdf = render(Format::pdf, opt).at(0).bytes;
  // Cairo 1.16 turns the ISO date into a PDF date without the "D:" prefix.
  CHECK(info(pdf).find("/CreationDate (20231114221320Z)") != std::string::npos);
  CHECK(info(pdf).find("/Title (La bateria)") != std::string::npos);
  CHECK(pdf.find("/Type /Outlines") != std::string::npos);
  // The link area (10, 20, 30x40 on the page) moved by the 9 pt bleed, y flipped on 418 pt.
  CHECK(pdf.find("/Rect [ 19 349 49 389 ]") != std::string::npos);
  CHECK(pdf.find("/URI (https://example.org/a'b%28%C3%B1%29)") != std::string::npos);
  CHECK(pdf.find("(p%20uno) [") != std::string::npos);
  CHECK(pdf.find("/Dest (p%20dos)") != std::string::npos);
}

TEST_CASE("PDF strings from links and destinations cannot break out", "[render]") {
  CHECK(pdf_safe("a b(c)\\d%", false) == "a%20b%28c%29%5Cd%25");
  CHECK(pdf_safe("https://x.org/?q=1&r=%20(ñ)", true) == "https://x.org/?q=1&r=%20%28%C3%B1%29");
  CHECK(tag_string("it's a \\ b") == "'it\\'s a \\\\ b'");
}

TEST_CASE("PDF passes qpdf --check and has one page per sheet at the sheet's size", "[render]") {
  std::vector<Page> pages = sample_pages();
  pages[1].trim = {Length::mm(210), Length::mm(297)};
  pages[1].bleed = Length::pt(0);
  const std::string pdf = encode(impose_reader(pages), pages, Format::pdf, {}).at(0).bytes;
  TempFile f(".pdf", pdf);
  {
    require_tool("qpdf");
    auto [rc, out] = run("qpdf --check " + f.path.string());
    INFO(out);
    CHECK(rc == 0);
  }
  {
    require_tool("pdfinfo");
    auto [rc, out] = run("pdfinfo -f 1 -l 2 " + f.path.string());
    INFO(out);
    CHECK(rc == 0);
    CHECK(out.find("Pages:           2") != std::string::npos);
    CHECK(out.find("Page    1 size:  318 x 418 pts") != std::string::npos);
    CHECK(out.find("Page    2 size:  595.276 x 841.89 pts") != std::string::npos);
  }
}

TEST_CASE("PNG: pixel size and pHYs follow the dpi, paper and shapes land where expected",
          "[render]") {
  for (double dpi : {150.0, 300.0}) {
    EncodeOptions opt;
    opt.dpi = dpi;
    const std::string png = render(Format::png, opt).at(0).bytes;
    REQUIRE(png.substr(1, 3) == "PNG");
    const auto w = be32(png, 16), h = be32(png, 20);
    CHECK(w == static_cast<std::uint32_t>(std::lround(318 / 72.0 * dpi)));
    CHECK(h == static_cast<std::uint32_t>(std::lround(418 / 72.0 * dpi)));
    REQUIRE(png.substr(37, 4) == "pHYs");
    CHECK(be32(png, 33) == 9);
    const auto ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    CHECK(be32(png, 41) == ppm);
    CHECK(be32(png, 45) == ppm);
    CHECK(png[49] == 1);
    CHECK(be32(png, 50) == crc32(png.substr(37, 13)));

    struct Reader {
      const std::string* bytes;
      std::size_t at;
    } reader{&png, 0};
    CairoSurface img(cairo_image_surface_create_from_png_stream(
        [](void* c, unsigned char* data, unsigned int n) {
          auto* r = static_cast<Reader*>(c);
          if (r->at + n > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
          std::copy_n(r->bytes->data() + r->at, n, data);
          r->at += n;
          return CAIRO_STATUS_SUCCESS;
        },
        &reader));
    REQUIRE(cairo_surface_status(img.get()) == CAIRO_STATUS_SUCCESS);
    auto pixel = [&](double x_pt, double y_pt) {
      const int x = static_cast<int>(x_pt / 72 * dpi), y = static_cast<int>(y_pt / 72 * dpi);
      const unsigned char* row =
          cairo_image_surface_get_data(img.get()) + y * cairo_image_surface_get_stride(img.get());
      std::uint32_t v;
      std::memcpy(&v, row + 4 * x, 4);
      return v & 0xffffffu;
    };
    CHECK(pixel(1, 1) == 0xffffccu);  // the paper colour reaches into the bleed
    CHECK(pixel(9 + kRed.center().x, 9 + kRed.center().y) == 0xff0000u);
  }
  CHECK(crc32("123456789") == 0xcbf43926u);
}

TEST_CASE("a Cairo failure while painting becomes a render error, exit 1", "[render]") {
  std::vector<Page> pages = sample_pages();
  Shape bad;
  bad.path.move_to({0, 0}).line_to({10, 10});
  bad.stroke = Stroke{1, {}, {-1, 2}};  // a negative dash is an error in Cairo
  pages[0].items.push_back(bad);
  for (Format f : {Format::pdf, Format::svg, Format::png}) {
    try {
      encode(impose_reader(pages), pages, f, {});
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::failure);
      CHECK(e.diagnostics()[0].message.id == MsgId::render_failed);
    }
  }
  CHECK_THROWS_AS(encode({}, pages, Format::pdf, {}), Error);
}

TEST_CASE("the PNG compression level trades size for time and never changes a pixel", "[render]") {
  auto png_at = [](int level) {
    EncodeOptions opt;
    opt.dpi = 72;
    opt.png_compression = level;
    return render(Format::png, opt).at(0).bytes;
  };
  const std::string none = png_at(0), fast = png_at(1), small = png_at(9);
  CHECK(none.size() > fast.size());
  CHECK(fast.size() > small.size());
  CHECK(png_at(EncodeOptions{}.png_compression) == fast);  // the default is level 1
  auto pixels = [](const std::string& png) {
    TempFile f(".png", png);
    CairoSurface s(cairo_image_surface_create_from_png(f.path.c_str()));
    REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s.get());
    const int h = cairo_image_surface_get_height(s.get()), stride = cairo_image_surface_get_stride(s.get());
    return std::string(reinterpret_cast<const char*>(cairo_image_surface_get_data(s.get())),
                       static_cast<std::size_t>(h) * static_cast<std::size_t>(stride));
  };
  CHECK(pixels(none) == pixels(small));
  CHECK(pixels(fast) == pixels(small));
}
