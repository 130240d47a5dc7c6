// SPDX-License-Identifier: GPL-3.0-or-later
// The batch manifest: one flag table for argv and manifests, validation that reports
// every error at once, variables, shards and the up-to-date check.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/error.h"
#include "cli/flags.h"
#include "jobs/batch_log.h"
#include "jobs/manifest.h"
#include "template/template.h"

using namespace telar;
namespace fs = std::filesystem;

namespace {

struct Dir {
  fs::path path;
  explicit Dir(const std::string& tag) {
    path = fs::temp_directory_path() / ("telar-manifest-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Dir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

const std::string kLesson = "# Lección\n\nUn párrafo.\n";

Manifest load(const fs::path& file, Diagnostics& d) {
  ManifestOptions opt;
  opt.env.today = Date{2026, 11, 20};
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return load_manifest(SourceText(file.string(), text), opt, d);
}

/// The flag values argv gives, through the CLI's own Boost parser.
FlagValues from_argv(const Artifact& a, std::vector<std::string> args) {
  namespace po = boost::program_options;
  po::options_description desc = cli::flag_options(a.flags, Lang::en), hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>());
  po::positional_options_description pos;
  pos.add("input", -1);
  cli::Env env;
  auto vm = cli::parse_flags(a.name, a.usage, args, desc, hidden, pos, env);
  REQUIRE(vm);
  return cli::flag_values(*vm, a.flags);
}

std::vector<int> error_lines(const Diagnostics& d, MsgId id) {
  std::vector<int> lines;
  for (const Diagnostic& x : d.all())
    if (x.message.id == id) lines.push_back(x.loc.line);
  return lines;
}

}  // namespace

TEST_CASE("a manifest entry and a command line give the same options", "[manifest]") {
  Dir dir("same");
  const std::string a = dir.write("lessons/a.md", kLesson).string();
  const std::string b = dir.write("lessons/b.md", kLesson).string();
  const fs::path m = dir.write("m.yaml",
                               "jobs:\n"
                               "  - manual: lessons/*.md\n"
                               "    node: La Victoria\n"
                               "    crew: Ana, Rodrigo\n"
                               "    cycle: 2026-11-20\n"
                               "    paper-weight: 80gsm\n"
                               "    duplex: long\n"
                               "    page: 148x210mm\n"
                               "    output: out/manual.pdf\n"
                               "  - zine: lessons/a.md\n"
                               "    layout: reader\n"
                               "    anonymize: true\n"
                               "    output: z.pdf\n");
  Diagnostics d;
  Manifest man = load(m, d);
  REQUIRE(man.jobs.size() == 2);
  const FlagValues cli = from_argv(*find_artifact("manual"),
                                   {a, b, "--node", "La Victoria", "--crew", "Ana, Rodrigo", "--cycle",
                                    "2026-11-20", "--paper-weight", "80gsm", "--duplex", "long",
                                    "--page", "148x210mm", "-o", (dir.path / "out/manual.pdf").string()});
  CHECK(man.jobs[0].values.all() == cli.all());
  CHECK(man.jobs[0].values.inputs == cli.inputs);
  const FlagValues zcli = from_argv(*find_artifact("zine"), {a, "--layout", "reader", "--anonymize",
                                                             "-o", (dir.path / "z.pdf").string()});
  CHECK(man.jobs[1].values.all() == zcli.all());
  CHECK(man.jobs[1].values.inputs == zcli.inputs);
  // Both go through the same configure(): the same output and inputs come out.
  JobEnv env;
  env.today = Date{2026, 11, 20};
  auto s1 = find_artifact("manual")->configure(man.jobs[0].values, env);
  auto s2 = find_artifact("manual")->configure(cli, env);
  CHECK(s1->output() == s2->output());
  CHECK(s1->inputs() == s2->inputs());
}

TEST_CASE("manifest validation reports every error at once with its line", "[manifest]") {
  Dir dir("errors");
  dir.write("a.md", kLesson);
  const fs::path m = dir.write("m.yaml",
                               "defaults:\n"                      // 1
                               "  manual:\n"                      // 2
                               "    duplex: sideways\n"           // 3
                               "jobs:\n"                          // 4
                               "  - manual: a.md\n"               // 5
                               "    nod: X\n"                     // 6
                               "    output: m.pdf\n"              // 7
                               "  - zine: nope.md\n"              // 8
                               "    paper: a9\n"                  // 9
                               "  - manual: '*.txt'\n"            // 10
                               "    output: '{nodo}.pdf'\n"       // 11
                               "  - brochure: a.md\n"             // 12
                               "  - manual: a.md\n"               // 13
                               "    output: m.pdf\n"              // 14
                               "    duplex: long\n");             // 15
  Diagnostics d;
  try {
    load(m, d);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data_error);
  }
  CHECK(error_lines(d, MsgId::usage_bad_value) == std::vector<int>{3, 9});
  CHECK(error_lines(d, MsgId::batch_unknown_flag_near) == std::vector<int>{6});
  CHECK(error_lines(d, MsgId::batch_no_input_file) == std::vector<int>{8});
  CHECK(error_lines(d, MsgId::batch_no_match) == std::vector<int>{10});
  CHECK(error_lines(d, MsgId::batch_unknown_variable) == std::vector<int>{11});
  CHECK(error_lines(d, MsgId::batch_no_command) == std::vector<int>{12});
  CHECK(error_lines(d, MsgId::batch_duplicate_output) == std::vector<int>{14});
  for (const Diagnostic& x : d.all()) CHECK(x.loc.file == m.string());
  const auto bad = std::find_if(d.all().begin(), d.all().end(),
                                [](const Diagnostic& x) { return x.message.id == MsgId::usage_bad_value; });
  REQUIRE(bad != d.all().end());
  CHECK(format_diagnostic(*bad, Lang::en).find(m.string() + ":3:13: error: invalid value 'sideways' for --duplex") == 0);
}

TEST_CASE("variables expand, and an unknown one is named", "[manifest]") {
  std::map<std::string, std::string> vars = {{"node", "la-victoria"}, {"dir", "nodes/la-victoria"}};
  std::string s = "out/{node}/manual.pdf", unknown;
  CHECK(expand_variables(s, vars, unknown));
  CHECK(s == "out/la-victoria/manual.pdf");
  s = "{dir}/lessons/*.md";
  CHECK(expand_variables(s, vars, unknown));
  CHECK(s == "nodes/la-victoria/lessons/*.md");
  s = "no variables";
  CHECK(expand_variables(s, vars, unknown));
  CHECK(s == "no variables");
  s = "out/{nodo}.pdf";
  CHECK_FALSE(expand_variables(s, vars, unknown));
  CHECK(unknown == "{nodo}");
}

TEST_CASE("jobs are generated per node from a folder of nodes", "[manifest]") {
  Dir dir("nodes");
  for (std::string n : {"b-node", "a-node", "c-node"}) dir.write("nodes/" + n + "/lessons/1.md", kLesson);
  const fs::path m = dir.write("m.yaml",
                               "nodes:\n"
                               "  dir: nodes\n"
                               "  jobs:\n"
                               "    - manual: '{dir}/lessons/*.md'\n"
                               "      node: '{node}'\n"
                               "      output: 'out/{node}/manual.pdf'\n");
  Diagnostics d;
  Manifest man = load(m, d);
  REQUIRE(man.jobs.size() == 3);
  CHECK(man.jobs[0].node == "a-node");
  CHECK(man.jobs[0].values.text("node") == "a-node");
  CHECK(man.jobs[2].output == (dir.path / "out/c-node/manual.pdf").lexically_normal());
  CHECK(man.jobs[1].values.inputs == std::vector<std::string>{(dir.path / "nodes/b-node/lessons/1.md").string()});
}

TEST_CASE("shards deal every job to exactly one slice, the same way each time", "[manifest]") {
  std::vector<BatchJob> jobs(10);
  for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].output = "out/" + std::to_string(9 - i) + ".pdf";
  for (int n : {1, 2, 3, 4, 10, 12}) {
    INFO(n);
    std::multiset<std::size_t> seen;
    std::size_t most = 0, fewest = jobs.size();
    for (int i = 1; i <= n; ++i) {
      auto mine = shard_jobs(jobs, i, n);
      CHECK(mine == shard_jobs(jobs, i, n));
      CHECK(std::is_sorted(mine.begin(), mine.end()));
      most = std::max(most, mine.size());
      fewest = std::min(fewest, mine.size());
      seen.insert(mine.begin(), mine.end());
    }
    CHECK(seen.size() == jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) CHECK(seen.count(i) == 1);
    CHECK(most - fewest <= 1);
  }
}

TEST_CASE("touching a template or an input reruns only the jobs that use it", "[manifest]") {
  Dir dir("skip");
  const std::string tpl = [] {
    std::ifstream in(builtin_template_dir() / "manual" / "cuaderno.yaml", std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }();
  dir.write("t1.yaml", tpl);
  dir.write("t2.yaml", tpl);
  dir.write("a.md", kLesson);
  dir.write("b.md", kLesson);
  const fs::path m = dir.write("m.yaml",
                               "defaults:\n  cycle: 2026-11-20\n"
                               "jobs:\n"
                               "  - manual: a.md\n    template: t1.yaml\n    output: a.pdf\n"
                               "  - manual: b.md\n    template: t2.yaml\n    output: b.pdf\n");
  Diagnostics d;
  Manifest man = load(m, d);
  REQUIRE(man.jobs.size() == 2);
  const std::string fonts = fonts_digest();
  auto tdig = [&](const BatchJob& j) { return template_digest(j.values.text("template"), ArtifactKind::manual); };
  // As if both had run: their files exist and the log has their hashes.
  BatchLog log;
  for (const BatchJob& j : man.jobs) {
    dir.write(j.output.filename().string(), "%PDF-1.5 stand-in");
    std::vector<fs::path> deps(j.values.inputs.begin(), j.values.inputs.end());
    log.set(j.output, LogEntry{job_hash(j, deps, tdig(j), fonts), deps, {j.output}});
  }
  log = BatchLog::read([&] {
    dir.write(".log", log.text());
    return dir.path / ".log";
  }());  // through its text form, as the next run reads it
  CHECK(up_to_date(man.jobs[0], log, tdig(man.jobs[0]), fonts));
  CHECK(up_to_date(man.jobs[1], log, tdig(man.jobs[1]), fonts));

  dir.write("t1.yaml", tpl + "\n# edited\n");
  CHECK_FALSE(up_to_date(man.jobs[0], log, tdig(man.jobs[0]), fonts));
  CHECK(up_to_date(man.jobs[1], log, tdig(man.jobs[1]), fonts));

  dir.write("t1.yaml", tpl);
  dir.write("b.md", kLesson + "\nOtro párrafo.\n");
  CHECK(up_to_date(man.jobs[0], log, tdig(man.jobs[0]), fonts));
  CHECK_FALSE(up_to_date(man.jobs[1], log, tdig(man.jobs[1]), fonts));

  dir.write("b.md", kLesson);
  fs::remove(man.jobs[1].output);  // a missing output is rebuilt
  CHECK_FALSE(up_to_date(man.jobs[1], log, tdig(man.jobs[1]), fonts));
  CHECK_FALSE(up_to_date(man.jobs[0], log, tdig(man.jobs[0]), "other fonts"));
}

TEST_CASE("a glob that would walk the whole machine stops at 20000 folder entries", "[manifest]") {
  Dir dir("glob-bomb");
  dir.write("lessons/a.md", kLesson);
  const fs::path m = dir.write("m.yaml",
                               "jobs:\n"
                               "  - manual: lessons/*.md\n"           // 2: fine
                               "    output: a.pdf\n"
                               "  - manual: /*/*/*/*/*/*/*/*.md\n"    // 4: millions of entries
                               "    output: b.pdf\n");
  Diagnostics d;
  const auto t0 = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(load(m, d), Error);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  CHECK(error_lines(d, MsgId::batch_glob_too_big) == std::vector<int>{4});
  CHECK(error_lines(d, MsgId::batch_no_match).empty());
}
