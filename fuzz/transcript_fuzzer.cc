// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the transcript readers (WebVTT, SRT, plain-text exports). The
// file name decides the reader, so the input's first byte picks it (.vtt, .srt, .txt) and
// the rest is the file: any bytes must give a Story and diagnostics, never a crash. Crashes
// found become fixtures in fuzz/regressions/transcript/ (named .vtt/.srt/.txt there).
#include <cstddef>
#include <cstdint>
#include <string>

#include "story/anonymize.h"
#include "story/read_story.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kNames[] = {"fuzz.vtt", "fuzz.srt", "fuzz.txt"};
  telar::Diagnostics diags;
  telar::SourceText src(kNames[data[0] % 3], std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  telar::Story story = telar::parse_story(src, diags);
  (void)story.speakers();
  telar::rename_speakers(story, {{"SPEAKER_00", "Ana"}, {"speaker 1", "Beto"}});
  if (!diags.has_errors()) (void)telar::anonymize(std::move(story));
  for (const auto& d : diags.all()) (void)telar::format_diagnostic(d, telar::Lang::es);
  return 0;
}
