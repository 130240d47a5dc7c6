// SPDX-License-Identifier: GPL-3.0-or-later
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "base/diag.h"
#include "base/messages.h"
#include "base/po.h"

using namespace telar;

namespace {
std::set<std::string> placeholders(std::string_view s) {
  std::set<std::string> out;
  std::string str(s);
  std::regex re(R"(\{\d+\})");
  for (auto it = std::sregex_iterator(str.begin(), str.end(), re); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}
}  // namespace

TEST_CASE("every message has Spanish text with the same placeholders", "[messages]") {
  const auto es = parse_po(po_catalogue_es());
  for (MsgId id : all_msg_ids()) {
    INFO(msg_name(id));
    auto it = es.find(std::string(english_text(id)));
    REQUIRE(it != es.end());
    CHECK_FALSE(it->second.empty());
    CHECK(placeholders(it->second) == placeholders(english_text(id)));
  }
}

TEST_CASE("the po reader handles continuation lines and escapes", "[messages]") {
  auto m = parse_po("# c\nmsgid \"\"\nmsgstr \"h\"\n\nmsgid \"a \\\"b\\\"\"\n\"c\"\nmsgstr \"x\\n\"\n\"y\"\n");
  CHECK(m.at("a \"b\"c") == "x\ny");
  CHECK(m.size() == 1);
}

TEST_CASE("messages are filled in the user's language", "[messages]") {
  Message m = msg(MsgId::usage_did_you_mean, "zin", "zine");
  CHECK(translate(m, Lang::en) == "unknown command 'zin'; did you mean 'zine'?");
  CHECK(translate(m, Lang::es) == "orden desconocida «zin»; ¿quiso decir «zine»?");
}

TEST_CASE("diagnostics print GNU style with a caret", "[messages]") {
  Diagnostic d{Severity::error, Loc{"story.md", 7, 3, {}}, msg(MsgId::io_not_found), "\tab"};
  CHECK(format_diagnostic(d, Lang::en) == "story.md:7:3: error: no such file\n   ab\n    ^\n");
  Diagnostic k{Severity::warning, Loc{"t.yaml", 2, 1, "slots.title"}, msg(MsgId::io_not_found), {}};
  CHECK(format_diagnostic(k, Lang::es) == "t.yaml:2:1: aviso: el archivo no existe (clave: slots.title)\n");
}

TEST_CASE("UI language comes from the environment without setlocale", "[messages]") {
  CHECK(lang_from_tag("es_CL.UTF-8") == Lang::es);
  CHECK(lang_from_tag("es") == Lang::es);
  CHECK(lang_from_tag("en_US.UTF-8") == Lang::en);
  CHECK(lang_from_tag("eu") == Lang::en);
  CHECK(lang_from_tag("arn") == Lang::es);
}
