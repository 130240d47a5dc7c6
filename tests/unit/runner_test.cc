// SPDX-License-Identifier: GPL-3.0-or-later
// The one job pipeline: every artifact row gets the same glyph check, CJK fallback and
// warning behaviour, because they all run through jobs/runner.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <unistd.h>

#include "base/error.h"
#include "jobs/artifact.h"
#include "jobs/runner.h"
#include "template/template.h"

using namespace telar;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("telar-runner-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

/// An artifact's input with `text` inside (a story for zine and banner, a lesson for the
/// manual), plus a front-matter key that only warns.
std::string input_with(std::string_view artifact, const std::string& text) {
  if (artifact == "manual")
    return "---\ntitle: Prueba\nlang: es\ncolour: rojo\n---\n\n# Prueba\n\nUn párrafo con " + text +
           " dentro.\n";
  return "---\ntitle: Prueba\nlang: es\ncolour: rojo\n---\n\n## Ronda\n\n> Ana: una frase con " +
         text + " dentro.\n\nRodrigo: otra frase.\n";
}

/// Runs `artifact` through the table, as the CLI and the manifest do.
JobResult run(std::string_view artifact, const fs::path& input, const fs::path& out,
              Diagnostics& diags, std::map<std::string, std::string> flags = {}) {
  const Artifact* a = find_artifact(artifact);
  REQUIRE(a != nullptr);
  FlagValues v;
  v.inputs.push_back(input.string());
  v.set("output", out.string());
  if (artifact == "manual") v.set("cycle", "2026-11-20");
  for (auto& [k, val] : flags) v.set(k, val);
  v.fill_defaults(a->flags);
  JobEnv env;
  auto stages = a->configure(v, env);
  return run_job(*a, *stages, diags);
}

bool has(std::span<const Diagnostic> diags, MsgId id) {
  return std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) { return d.message.id == id; });
}

MsgId warning_of(std::string_view artifact) {
  return artifact == "manual" ? MsgId::lesson_fm_unknown_key : MsgId::story_fm_unknown_key;
}

}  // namespace

TEST_CASE("every artifact refuses a character that no font has", "[runner]") {
  TempDir dir;
  for (const Artifact& a : artifacts()) {
    INFO(a.name);
    if (a.name == "motif") continue;  // prints no text of the story: nothing to refuse
    const fs::path in = dir.write(std::string(a.name) + ".md", input_with(a.name, "\uE000"));
    const fs::path out = dir.path / (std::string(a.name) + ".pdf");
    Diagnostics d;
    try {
      run(a.name, in, out, d);
      FAIL("no error for U+E000");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::data_error);
      CHECK(has(e.diagnostics(), MsgId::font_missing_glyph));
      CHECK(has(e.diagnostics(), warning_of(a.name)));  // the earlier warning is kept
    }
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("every artifact lays out CJK text with the system fallback", "[runner]") {
  TempDir dir;
  for (const Artifact& a : artifacts()) {
    INFO(a.name);
    const fs::path in = dir.write(std::string(a.name) + ".md", input_with(a.name, "共享电池"));
    const fs::path out = dir.path / (std::string(a.name) + ".pdf");
    Diagnostics d;
    JobResult r = run(a.name, in, out, d);
    CHECK_FALSE(d.has_errors());
    CHECK(has(d.all(), warning_of(a.name)));  // warnings stay in the caller's sink
    CHECK(r.pages > 0);
    REQUIRE(r.files.size() == 1);
    CHECK(fs::file_size(r.files[0]) > 1000);
  }
}

TEST_CASE("every artifact keeps earlier warnings when the template is of another kind", "[runner]") {
  TempDir dir;
  const fs::path t = builtin_template_dir();
  const std::map<std::string_view, std::string> other = {{"zine", (t / "banner/tejido.yaml").string()},
                                                         {"banner", (t / "zine/fotocopia.yaml").string()},
                                                         {"manual", (t / "zine/fotocopia.yaml").string()},
                                                         {"motif", (t / "banner/tejido.yaml").string()}};
  for (const Artifact& a : artifacts()) {
    INFO(a.name);
    const fs::path in = dir.write(std::string(a.name) + ".md", input_with(a.name, "algo"));
    Diagnostics d;
    try {
      run(a.name, in, dir.path / "x.pdf", d, {{"template", other.at(a.name)}});
      FAIL("a template of another kind was accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::data_error);
      CHECK(has(e.diagnostics(), MsgId::template_wrong_kind));
      CHECK(has(e.diagnostics(), warning_of(a.name)));
    }
  }
}

TEST_CASE("an error thrown by a deep step carries the warnings recorded before it", "[runner]") {
  Diagnostics d;
  d.warning(Loc{"s.md", 3, 1, {}}, msg(MsgId::story_no_turns));
  const Error fresh(Exit::data_error, Loc{}, msg(MsgId::qr_empty));
  const Error merged = with_earlier(fresh, d);
  REQUIRE(merged.diagnostics().size() == 2);
  CHECK(merged.diagnostics()[0].message.id == MsgId::story_no_turns);
  CHECK(merged.diagnostics()[1].message.id == MsgId::qr_empty);
  CHECK(merged.code() == Exit::data_error);
  // An Error built from the same sink (throw_if_errors, fail) is not doubled.
  d.error(Loc{}, msg(MsgId::qr_empty));
  try {
    d.throw_if_errors();
  } catch (const Error& e) {
    CHECK(with_earlier(e, d).diagnostics().size() == 2);
  }
}

TEST_CASE("each artifact's flags are unique and every choice default is allowed", "[runner]") {
  for (const Artifact& a : artifacts()) {
    INFO(a.name);
    std::set<std::string_view> names;
    for (const FlagSpec& f : a.flags) {
      CHECK(names.insert(f.name).second);
      if (!f.default_value.empty()) CHECK_NOTHROW(check_flag_value(f, std::string(f.default_value)));
    }
  }
}
