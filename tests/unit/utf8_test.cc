// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "base/source.h"
#include "base/utf8.h"

using namespace telar;

TEST_CASE("invalid UTF-8 is found at its byte", "[utf8]") {
  CHECK_FALSE(find_invalid_utf8("batería"));
  CHECK(find_invalid_utf8("ab\xff" "cd") == 2u);
  CHECK(find_invalid_utf8("ok \xc3") == 3u);
}

TEST_CASE("NFC composes Mapudungun's macron-below letters", "[utf8]") {
  CHECK(nfc("l\xcc\xb1") == "\xe1\xb8\xbb");        // l + U+0331 -> U+1E3B
  CHECK(nfc("l\xcc\xb2") == "l\xcc\xb2");           // U+0332 low line stays
}

TEST_CASE("columns count code points, not bytes", "[utf8]") {
  SourceText s("t.md", "línea uno\r\nñandú: x\n");
  CHECK(s.loc_at(0).line == 1);
  Loc l = s.loc_at(std::string("línea uno\r\nñandú").size());
  CHECK(l.line == 2);
  CHECK(l.column == 6);
  CHECK(s.line_text(1) == "línea uno");
  CHECK(s.line_text(2) == "ñandú: x");
}

TEST_CASE("terminal excerpts never echo raw invalid bytes", "[utf8]") {
  CHECK(sanitize_for_terminal("a\tb\xff" "c") == "a b?c");
  CHECK(sanitize_for_terminal("ñ") == "ñ");
}
