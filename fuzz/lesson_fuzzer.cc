// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the lesson reader (front matter + Markdown through cmark-gfm
// into the Lesson model): any bytes give a Lesson and diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "story/lessons.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  telar::Diagnostics diags;
  telar::SourceText src("lessons/fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  telar::Lesson lesson = telar::parse_lesson(src, diags);
  (void)telar::lesson_title(lesson);
  for (const auto& d : diags.all()) (void)telar::format_diagnostic(d, telar::Lang::es);
  return 0;
}
