// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the story-circle parser: any bytes must give a Story and
// diagnostics (invalid UTF-8 is a 65, never a crash). Crashes found become fixtures in
// fuzz/regressions/story/ (tests/unit/fuzz_regressions_test.cc replays them).
#include <cstddef>
#include <cstdint>
#include <string>

#include "story/anonymize.h"
#include "story/story.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  telar::Diagnostics diags;
  telar::SourceText src("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  telar::Story story = telar::parse_circle(src, diags);
  (void)story.speakers();
  if (!diags.has_errors()) (void)telar::anonymize(std::move(story));
  for (const auto& d : diags.all()) (void)telar::format_diagnostic(d, telar::Lang::es);
  return 0;
}
