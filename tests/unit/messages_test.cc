// SPDX-License-Identifier: GPL-3.0-or-later
#include <cctype>
#include <set>

#include <catch2/catch.hpp>

#include "base/diag.h"
#include "base/messages.h"
#include "base/po.h"

using namespace telar;

namespace {
/// Every "{N}" (one or more digits between braces) in `s`.
std::set<std::string> placeholders(std::string_view s) {
  std::set<std::string> out;
  for (std::size_t open = s.find('{'); open != std::string_view::npos; open = s.find('{', open + 1)) {
    std::size_t end = open + 1;
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
    if (end > open + 1 && end < s.size() && s[end] == '}') out.insert(std::string(s.substr(open, end - open + 1)));
  }
  return out;
}
}  // namespace

TEST_CASE("the placeholder matcher finds each brace-number and nothing else", "[messages]") {
  CHECK(placeholders("a {0} b {12}, {x} {} {3 {") == std::set<std::string>{"{0}", "{12}"});
  CHECK(placeholders("{1}{1}") == std::set<std::string>{"{1}"});
  CHECK(placeholders("no placeholders").empty());
}

TEST_CASE("every message has Spanish text with the same placeholders", "[messages]") {
  const auto es = parse_po(po_message_catalogue("es"));
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

TEST_CASE("UI language comes from the environment without setlocale", "[messages][i18n]") {
  CHECK(lang_from_tag("es_CL.UTF-8").code() == "es");
  CHECK(lang_from_tag("es").code() == "es");
  CHECK(lang_from_tag("en_US.UTF-8").code() == "en");
  CHECK(lang_from_tag("eu").code() == "en");
  CHECK(lang_from_tag("arn").code() == "es");
  CHECK(lang_from_tag("pt_BR.UTF-8").code() == "pt");
  CHECK(lang_from_tag("PT-br").code() == "pt");
  CHECK(lang_from_tag("").code() == "en");

  // GNU gettext's rules: LANGUAGE is a priority list, honoured unless the locale is C.
  CHECK(ui_language({"pt:es", "", "", "es_CL.UTF-8"}).code() == "pt");
  CHECK(ui_language({"eu:es:pt", "", "", "fr_FR.UTF-8"}).code() == "es");  // first shipped entry
  CHECK(ui_language({"eu:gl", "", "", "pt_BR.UTF-8"}).code() == "pt");   // then the locale's
  CHECK(ui_language({"pt:es", "", "", "C"}).code() == "en");
  CHECK(ui_language({"pt:es", "", "", ""}).code() == "en");
  CHECK(ui_language({"pt:es", "C.UTF-8", "", "es_CL.UTF-8"}).code() == "en");
  CHECK(ui_language({"", "es_CL.UTF-8", "", ""}).code() == "es");
  CHECK(ui_language({"", "es_CL.UTF-8", "pt_BR.UTF-8", "en_US.UTF-8"}).code() == "es");  // LC_ALL first
  CHECK(ui_language({"", "", "pt_BR.UTF-8", "es_CL.UTF-8"}).code() == "pt");          // then LC_MESSAGES
  CHECK(ui_language({"", "", "", "C"}).code() == "en");
  CHECK(ui_language({"", "", "", "POSIX"}).code() == "en");
  CHECK(ui_language({"", "", "", "de_DE.UTF-8"}).code() == "en");  // no catalogue: English
  CHECK(ui_language({"en:es", "", "", "es_CL.UTF-8"}).code() == "en");  // English is a catalogue too

  // English, then every catalogue CMakeLists.txt lists (TELAR_MESSAGE_LANGS).
  std::vector<std::string> shipped;
  for (const Lang& l : ui_languages()) shipped.emplace_back(l.code());
  CHECK(shipped == std::vector<std::string>{"en", "es", "pt"});
}

TEST_CASE("a partial catalogue falls back to English message by message", "[messages][i18n]") {
  const Lang pt("pt");
  REQUIRE(po_is_partial(po_message_catalogue("pt")));
  CHECK(translate(msg(MsgId::usage_did_you_mean, "zin", "zine"), pt) ==
        "comando desconhecido “zin”; você quis dizer “zine”?");
  // qr_empty is not in po/pt.po: English, not an empty string or the Spanish.
  CHECK(translate(msg(MsgId::qr_empty), pt) == "the QR code text is empty");
  CHECK(std::string(label("warning", pt)) == "aviso");
  CHECK(std::string(label("no such label at all", pt)) == "no such label at all");
  CHECK_FALSE(po_is_partial(po_message_catalogue("es")));
}
