// SPDX-License-Identifier: GPL-3.0-or-later
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "base/atomic_file.h"
#include "base/error.h"

using namespace telar;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("telar-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST_CASE("commit writes every file and leaves no temp behind", "[atomic]") {
  fs::path d = fresh_dir("ok");
  commit_files({{d / "a.svg", "one"}, {d / "b.svg", "two"}});
  CHECK(slurp(d / "a.svg") == "one");
  CHECK(slurp(d / "b.svg") == "two");
  CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator()) == 2);
  fs::remove_all(d);
}

TEST_CASE("a missing output folder is exit 73 and nothing is written", "[atomic]") {
  fs::path d = fresh_dir("missing");
  try {
    commit_files({{d / "a.pdf", "one"}, {d / "nope" / "b.pdf", "two"}});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::cant_create);
    CHECK(std::string(e.what()).find("nope/b.pdf") != std::string::npos);
  }
  CHECK(fs::is_empty(d));
  fs::remove_all(d);
}
