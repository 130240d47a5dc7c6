// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <cmath>

#include "base/error.h"
#include "jobs/banner_size.h"

using namespace telar;

namespace {

/// The usage error's message id and English text, or "ok".
std::string problem(std::string_view text) {
  try {
    parse_banner_size(text);
    return "ok";
  } catch (const Error& e) {
    REQUIRE(e.code() == Exit::usage);
    return std::string(msg_name(e.diagnostics()[0].message.id)) + ": " +
           translate(e.diagnostics()[0].message, Lang::en);
  }
}

}  // namespace

TEST_CASE("banner sizes in every unit", "[banner-size]") {
  auto mm = [](std::string_view t) {  // to 0.01 mm
    Size s = parse_banner_size(t);
    return std::pair{std::lround(s.w.mm() * 100) / 100.0, std::lround(s.h.mm() * 100) / 100.0};
  };
  CHECK(mm("3x1m") == std::pair<double, double>{3000, 1000});
  CHECK(mm("300x100cm") == std::pair<double, double>{3000, 1000});
  CHECK(mm("120x36in") == std::pair<double, double>{3048, 914.4});
  CHECK(mm("2000x700mm") == std::pair<double, double>{2000, 700});
  CHECK(mm("1.5X0.5m") == std::pair<double, double>{1500, 500});
  CHECK(mm("2 x 1 m") == std::pair<double, double>{2000, 1000});
  CHECK(mm("2×1m") == std::pair<double, double>{2000, 1000});
  CHECK(mm("150cmx1m") == std::pair<double, double>{1500, 1000});
  CHECK(mm("1x3m") == std::pair<double, double>{1000, 3000});  // portrait is just taller
}

TEST_CASE("bad banner sizes are usage errors that say what is expected", "[banner-size]") {
  const std::string expected =
      "usage_bad_value: invalid value '3xm' for --size: expected WxH with a unit (3x1m, 300x100cm, "
      "120x36in, 2000x700mm) or a preset of the template";
  CHECK(problem("3xm") == expected);
  CHECK(problem("-2x1m").rfind("usage_bad_value: invalid value '-2x1m'", 0) == 0);
  CHECK(problem("3x1").rfind("usage_bad_value", 0) == 0);  // no unit: mm or m?
  CHECK(problem("3m").rfind("usage_bad_value", 0) == 0);
  CHECK(problem("").rfind("usage_bad_value", 0) == 0);
  CHECK(problem("0x1m") ==
        "banner_size_range: the banner size '0x1m' is out of range: each side must be from 10 cm to 50 m");
  CHECK(problem("1e9x1m").rfind("banner_size_range", 0) == 0);
  CHECK(problem("51x1m").rfind("banner_size_range", 0) == 0);
  CHECK(problem("9x1cm").rfind("banner_size_range", 0) == 0);
  CHECK(problem("50x0.1m") == "ok");
}

TEST_CASE("presets from the template, and turning portrait or landscape", "[banner-size]") {
  auto p = parse_size_presets("calle=3x1m, mesa = 1.2x0.4m");
  REQUIRE(p);
  REQUIRE(p->size() == 2);
  CHECK((*p)[1].name == "mesa");
  CHECK((*p)[1].size.w.mm() == Approx(1200));
  CHECK(parse_size_presets("")->empty());
  CHECK_FALSE(parse_size_presets("calle 3x1m"));
  CHECK_FALSE(parse_size_presets("calle=3xm"));
  CHECK_FALSE(parse_size_presets("c4=3x1m"));  // a name has no digits: it would read as a size

  Template t;
  t.name = "tejido";
  t.loc = Loc{"tejido.yaml"};
  t.options["presets"] = "calle=3x1m, mesa=1.2x0.4m";
  t.options["size"] = "calle";
  CHECK(resolve_banner_size("", t, std::nullopt).w.mm() == Approx(3000));
  CHECK(resolve_banner_size("mesa", t, std::nullopt).h.mm() == Approx(400));
  CHECK(resolve_banner_size("2x1m", t, std::nullopt).w.mm() == Approx(2000));
  const Size up = resolve_banner_size("", t, true);
  CHECK(up.w.mm() == Approx(1000));
  CHECK(up.h.mm() == Approx(3000));
  CHECK(resolve_banner_size("1x3m", t, false).w.mm() == Approx(3000));
  try {
    resolve_banner_size("plaza", t, std::nullopt);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(translate(e.diagnostics()[0].message, Lang::en) ==
          "no size preset 'plaza' in the template 'tejido'; its presets: calle, mesa");
  }
  t.options["presets"] = "calle=3xm";
  try {
    resolve_banner_size("2x1m", t, std::nullopt);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data_error);
    CHECK(e.diagnostics()[0].loc.key == "options.presets");
  }
}
