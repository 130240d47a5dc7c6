// SPDX-License-Identifier: GPL-3.0-or-later
// Replays every input the fuzzers once crashed or hung on (fuzz/regressions/TARGET/), in the
// normal build and under ASan: each must parse to diagnostics, quickly, without throwing.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "base/error.h"
#include "jobs/manifest.h"
#include "story/lessons.h"
#include "story/read_story.h"
#include "story/story.h"
#include "template/template.h"

using namespace telar;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(TELAR_SOURCE_DATA_DIR) / "fuzz/regressions" / target))
    if (e.is_regular_file() && e.path().filename().string().front() != '.') out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

template <class F>
void replay(const std::string& target, F parse) {
  const auto files = inputs(target);
  CHECK_FALSE(files.empty());
  for (const auto& f : files) {
    INFO(f.filename().string());
    const auto t0 = std::chrono::steady_clock::now();
    Diagnostics d;
    CHECK_NOTHROW(parse(SourceText{f.filename().string(), slurp(f)}, d));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
  }
}

}  // namespace

TEST_CASE("story fuzzer findings stay fixed", "[fuzz]") {
  replay("story", [](const SourceText& s, Diagnostics& d) { (void)parse_circle(s, d); });
}

TEST_CASE("template fuzzer findings stay fixed", "[fuzz]") {
  replay("template", [](const SourceText& s, Diagnostics& d) {
    (void)load_template(SourceText{TELAR_SOURCE_DATA_DIR "/templates/zine/" + s.name(), s.bytes()}, d);
  });
}

TEST_CASE("lesson fuzzer findings stay fixed", "[fuzz]") {
  replay("lesson", [](const SourceText& s, Diagnostics& d) { (void)parse_lesson(s, d); });
}

TEST_CASE("transcript fuzzer findings stay fixed", "[fuzz]") {
  // As fuzz/transcript_fuzzer.cc reads them: the first byte picks the reader.
  replay("transcript", [](const SourceText& s, Diagnostics& d) {
    if (s.bytes().empty()) return;
    static constexpr const char* kNames[] = {"fuzz.vtt", "fuzz.srt", "fuzz.txt"};
    const auto pick = static_cast<unsigned char>(s.bytes()[0]) % 3;
    (void)parse_story(SourceText{kNames[pick], s.bytes().substr(1)}, d);
  });
}

TEST_CASE("manifest fuzzer findings stay fixed", "[fuzz]") {
  replay("manifest", [](const SourceText& s, Diagnostics& d) {
    ManifestOptions opt;
    opt.env.today = Date{2026, 11, 20};
    try {
      (void)load_manifest(SourceText{TELAR_SOURCE_DATA_DIR "/docs/" + s.name(), s.bytes()}, opt, d);
    } catch (const Error& e) {
      CHECK(e.code() == Exit::data_error);
    }
  });
}
