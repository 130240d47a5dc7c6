// SPDX-License-Identifier: GPL-3.0-or-later
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/source.h"

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

TEST_CASE("a set with a folder in the way renames none of its files", "[atomic]") {
  fs::path d = fresh_dir("set");
  { std::ofstream(d / "r-01.svg") << "old"; }
  fs::create_directory(d / "r-02.svg");
  CHECK_THROWS_AS(commit_files({{d / "r-01.svg", "new"}, {d / "r-02.svg", "new"}}, d / "r.svg"), Error);
  CHECK(slurp(d / "r-01.svg") == "old");
  CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator()) == 2);  // no temp
  fs::remove_all(d);
}

TEST_CASE("stale numbered files of a longer set go, other files stay", "[atomic]") {
  fs::path d = fresh_dir("stale");
  for (const char* n : {"m-01.svg", "m-09.svg", "m-12.svg", "m-1.svg", "m-notes.svg", "m-3.png"})
    std::ofstream(d / n) << "old";
  commit_files({{d / "m-01.svg", "a"}, {d / "m-02.svg", "b"}}, d / "m.svg");
  CHECK(slurp(d / "m-01.svg") == "a");
  CHECK(slurp(d / "m-02.svg") == "b");
  CHECK_FALSE(fs::exists(d / "m-09.svg"));
  CHECK_FALSE(fs::exists(d / "m-12.svg"));
  CHECK_FALSE(fs::exists(d / "m-1.svg"));
  CHECK(fs::exists(d / "m-notes.svg"));
  CHECK(fs::exists(d / "m-3.png"));
  fs::remove_all(d);
}

TEST_CASE("a dead run's temp is removed, a live one's is kept", "[atomic]") {
  fs::path d = fresh_dir("temps");
  const std::string dead = temp_prefix(d / "z.pdf") + "999999999-AbCdEf";
  const std::string live = temp_prefix(d / "z.pdf") + "1-AbCdEf";  // pid 1 always runs
  std::ofstream(d / dead) << "x";
  std::ofstream(d / live) << "x";
  commit_files({{d / "z.pdf", "new"}});
  CHECK_FALSE(fs::exists(d / dead));
  CHECK(fs::exists(d / live));
  fs::remove_all(d);
}

TEST_CASE("an output that is an input is refused by inode, a symlink is replaced", "[atomic]") {
  fs::path d = fresh_dir("inode");
  std::ofstream(d / "story.md") << "story";
  (void)read_source(d / "story.md");
  fs::create_hard_link(d / "story.md", d / "same.pdf");
  try {
    commit_files({{d / "same.pdf", "zine"}});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::cant_create);
  }
  CHECK(slurp(d / "story.md") == "story");
  std::ofstream(d / "other.pdf") << "keep";
  fs::create_symlink("other.pdf", d / "link.pdf");
  commit_files({{d / "link.pdf", "new"}});
  CHECK_FALSE(fs::is_symlink(d / "link.pdf"));
  CHECK(slurp(d / "link.pdf") == "new");
  CHECK(slurp(d / "other.pdf") == "keep");
  fs::remove_all(d);
  forget_inputs_for_tests();  // story.md's inode may come back as another test's output
}

TEST_CASE("outputs get 0666 minus the umask", "[atomic]") {
  fs::path d = fresh_dir("mode");
  const mode_t old = umask(022);
  umask(old);
  commit_files({{d / "a.pdf", "x"}});
  struct stat st {};
  REQUIRE(stat((d / "a.pdf").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0666 & ~old));
  fs::remove_all(d);
}

// --- One transaction: a rename that fails midway, and signals

namespace {
fs::path g_hook_dir;           // the set's folder, for the hooks below

std::vector<std::string> names_in(const fs::path& d) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(d)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// The set r-1 (new: no old file), r-2, r-3 (old) and r-4 (old).
std::vector<FileBytes> set_of_four(const fs::path& d) {
  for (const char* n : {"r-2.svg", "r-3.svg", "r-4.svg"}) std::ofstream(d / n) << "old";
  return {{d / "r-1.svg", "new"}, {d / "r-2.svg", "new"}, {d / "r-3.svg", "new"}, {d / "r-4.svg", "new"}};
}

struct HookGuard {  // tests never leave the hook set
  explicit HookGuard(void (*hook)(std::size_t)) { testing::before_rename = hook; }
  ~HookGuard() { testing::before_rename = nullptr; }
  HookGuard(const HookGuard&) = delete;
  HookGuard& operator=(const HookGuard&) = delete;
};

/// Runs commit_files(set_of_four) in a child that has the signal handler, with `hook`;
/// returns the child's wait status.
int commit_in_child(const fs::path& d, void (*hook)(std::size_t)) {
  const std::vector<FileBytes> files = set_of_four(d);
  const pid_t pid = fork();
  if (pid == 0) {
    install_signal_cleanup();
    testing::before_rename = hook;
    try {
      commit_files(files);
    } catch (...) {
      _exit(1);
    }
    _exit(0);  // the signal did not end the commit
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}
}  // namespace

TEST_CASE("a rename that fails midway puts back the files renamed before it", "[atomic]") {
  fs::path d = fresh_dir("rollback");
  std::vector<FileBytes> files = set_of_four(d);
  fs::remove(d / "r-3.svg");
  g_hook_dir = d;
  HookGuard guard([](std::size_t i) {
    if (i == 2) fs::create_directories(g_hook_dir / "r-3.svg" / "inside");  // appears meanwhile
  });
  try {
    commit_files(files);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::cant_create);
    CHECK(std::string(e.what()).find("r-3.svg") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(d / "r-1.svg"));  // it was new: removed again
  CHECK(slurp(d / "r-2.svg") == "old");
  CHECK(slurp(d / "r-4.svg") == "old");
  CHECK(names_in(d) == std::vector<std::string>{"r-2.svg", "r-3.svg", "r-4.svg"});  // no temp
  fs::remove_all(d);
}

TEST_CASE("a set that commits leaves no link to the old files", "[atomic]") {
  fs::path d = fresh_dir("commit-links");
  commit_files(set_of_four(d));
  for (const char* n : {"r-1.svg", "r-2.svg", "r-3.svg", "r-4.svg"}) CHECK(slurp(d / n) == "new");
  CHECK(names_in(d).size() == 4);
  struct stat st {};
  REQUIRE(stat((d / "r-2.svg").c_str(), &st) == 0);
  CHECK(st.st_nlink == 1);
  fs::remove_all(d);
}

TEST_CASE("SIGTERM while the temps are written removes them and exits 143", "[atomic]") {
  fs::path d = fresh_dir("sig-temps");
  const int status = commit_in_child(d, [](std::size_t i) {
    if (i == 0) raise(SIGTERM);
  });
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 128 + SIGTERM);
  CHECK(names_in(d) == std::vector<std::string>{"r-2.svg", "r-3.svg", "r-4.svg"});
  for (const char* n : {"r-2.svg", "r-3.svg", "r-4.svg"}) CHECK(slurp(d / n) == "old");
  fs::remove_all(d);
}

TEST_CASE("SIGHUP midway through the renames puts the old set back", "[atomic]") {
  fs::path d = fresh_dir("sig-renames");
  const int status = commit_in_child(d, [](std::size_t i) {
    if (i == 3) raise(SIGHUP);  // r-1, r-2 and r-3 are already the new files
  });
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 128 + SIGHUP);
  CHECK(names_in(d) == std::vector<std::string>{"r-2.svg", "r-3.svg", "r-4.svg"});
  for (const char* n : {"r-2.svg", "r-3.svg", "r-4.svg"}) CHECK(slurp(d / n) == "old");
  fs::remove_all(d);
}
