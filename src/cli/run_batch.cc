// SPDX-License-Identifier: GPL-3.0-or-later
// `telar batch MANIFEST`: validate the manifest, run its jobs (jobs/batch.h), show
// progress (a live line on a terminal, one line per job otherwise), then a summary table,
// the failed jobs' messages and, with --json, a machine-readable report.
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <ctime>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "base/atomic_file.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "jobs/batch.h"
#include "render/output.h"

namespace telar::cli {
namespace {

int positive(std::string_view flag, const std::string& v, std::string_view expected) {
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || end != v.data() + v.size() || n < 1)
    throw Error::usage(msg(MsgId::usage_bad_value, flag, v, expected));
  return n;
}

std::string seconds(double s) { return s < 60 ? fmt::format("{:.2f} s", s) : fmt::format("{:.0f} min {:02.0f} s", std::floor(s / 60), std::fmod(s, 60)); }

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

std::string job_name(const BatchJob& j) {
  std::string name(j.artifact->name);
  if (!j.values.inputs.empty()) {
    name += " " + j.values.inputs.front();
    if (j.values.inputs.size() > 1) name += fmt::format(" (+{})", j.values.inputs.size() - 1);
  } else if (j.values.has("headline")) {
    name += " --headline";
  }
  return name;
}

class Progress final : public BatchObserver {
 public:
  Progress(const Manifest& m, const Env& env) : m_(m), env_(env), tty_(isatty(fileno(env.err)) != 0) {}

  void planned(std::size_t to_run, std::size_t total) override {
    total_ = to_run;
    if (to_run < total)
      line(fmt::format("telar: {} {}", total - to_run, tr("jobs up to date", env_.lang)));
  }
  void started(const BatchJob& j) override {
    running_.insert(j.index);
    if (!start_) start_ = std::time(nullptr);
    draw();
  }
  void finished(const BatchJob& j, const JobReport& r) override {
    running_.erase(j.index);
    ++done_;
    busy_ += r.seconds;
    clear();
    if (!tty_ || r.status == JobStatus::failed)
      std::fputs(fmt::format("[{}/{}] {} {} ({} {}, {})\n", done_, total_, tr(status_name(r.status), env_.lang),
                             j.label(), r.pages, tr("pages", env_.lang), seconds(r.seconds)).c_str(),
                 env_.err);
    std::vector<Diagnostic> warnings;
    for (const Diagnostic& d : r.diags)
      if (d.severity == Severity::warning && r.status != JobStatus::failed) warnings.push_back(d);
    print(env_.err, warnings, env_.lang);
    draw();
  }
  void tick() override { draw(); }
  void end() { clear(); }

 private:
  void line(const std::string& s) {
    clear();
    std::fputs((s + "\n").c_str(), env_.err);
  }
  void clear() {
    if (tty_ && drawn_) std::fputs("\r\033[K", env_.err);
    drawn_ = false;
  }
  void draw() {
    if (!tty_) return;
    std::string names;
    for (std::size_t i : running_) names += (names.empty() ? "" : ", ") + m_.jobs[i].label();
    std::string eta = "?";
    if (done_ > 0 && total_ > done_) {
      const double per = busy_ / static_cast<double>(done_);
      const double slots = std::max<std::size_t>(1, running_.size());
      eta = seconds(per * static_cast<double>(total_ - done_) / slots);
    }
    std::string text = fmt::format("[{}/{}] {} {}: {} · ETA {}", done_, total_, running_.size(),
                                   tr("running", env_.lang), names, eta);
    if (text.size() > 150) text = text.substr(0, 147) + "...";
    std::fputs(("\r\033[K" + text).c_str(), env_.err);
    std::fflush(env_.err);
    drawn_ = true;
  }

  const Manifest& m_;
  const Env& env_;
  bool tty_;
  bool drawn_ = false;
  std::set<std::size_t> running_;
  std::size_t done_ = 0, total_ = 0;
  double busy_ = 0;
  std::time_t start_ = 0;
};

void print_summary(const Manifest& m, const BatchReport& rep, const Env& env) {
  std::size_t w = 3;
  for (const JobReport& r : rep.jobs) w = std::max(w, job_name(m.jobs[r.job]).size());
  w = std::min<std::size_t>(w, 60);
  std::string out = fmt::format("{:<{}}  {:>5}  {:>9}  {:<10}  {}\n", tr("job", env.lang), w,
                                tr("pages", env.lang), tr("time", env.lang), tr("status", env.lang),
                                tr("output", env.lang));
  std::size_t counts[5] = {};
  for (const JobReport& r : rep.jobs) {
    const BatchJob& j = m.jobs[r.job];
    ++counts[static_cast<int>(r.status)];
    out += fmt::format("{:<{}}  {:>5}  {:>9}  {:<10}  {}\n", job_name(j), w,
                       r.status == JobStatus::done ? std::to_string(r.pages) : "-",
                       r.status == JobStatus::done || r.status == JobStatus::failed ? seconds(r.seconds) : "-",
                       tr(status_name(r.status), env.lang), j.output.string());
  }
  out += fmt::format("{} {}: {} {}, {} {}, {} {}, {} {}, {} {} ({})\n", rep.jobs.size(), tr("jobs", env.lang),
                     counts[0], tr("done", env.lang), counts[1], tr("up to date", env.lang),
                     counts[2], tr("failed", env.lang), counts[3], tr("not run", env.lang),
                     counts[4], tr("would run", env.lang), seconds(rep.seconds));
  std::fputs(out.c_str(), env.out);
}

std::string json_report(const Manifest& m, const BatchReport& rep, Lang lang) {
  std::string out = "{\n  \"manifest\": " + json_string(m.name) + ",\n  \"jobs\": [";
  bool first = true;
  for (const JobReport& r : rep.jobs) {
    const BatchJob& j = m.jobs[r.job];
    std::string files, messages;
    for (const auto& f : r.files) files += (files.empty() ? "" : ", ") + json_string(f.string());
    for (const auto& d : r.diags) {
      std::string text = format_diagnostic(d, lang);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      messages += (messages.empty() ? "" : ", ") + json_string(text);
    }
    out += fmt::format(
        "{}\n    {{\"job\": {}, \"command\": {}, \"line\": {}, \"output\": {}, \"status\": {}, "
        "\"exit\": {}, \"pages\": {}, \"seconds\": {:.3f}, \"files\": [{}], \"messages\": [{}]}}",
        first ? "" : ",", json_string(job_name(j)), json_string(j.artifact->name), j.loc.line,
        json_string(j.output.string()), json_string(status_name(r.status)), static_cast<int>(r.code),
        r.pages, r.seconds, files, messages);
    first = false;
  }
  std::size_t counts[5] = {};
  for (const JobReport& r : rep.jobs) ++counts[static_cast<int>(r.status)];
  out += fmt::format(
      "\n  ],\n  \"summary\": {{\"jobs\": {}, \"done\": {}, \"up_to_date\": {}, \"failed\": {}, "
      "\"not_run\": {}, \"would_run\": {}, \"seconds\": {:.3f}, \"exit\": {}}}\n}}\n",
      rep.jobs.size(), counts[0], counts[1], counts[2], counts[3], counts[4], rep.seconds,
      static_cast<int>(rep.exit_code()));
  return out;
}

}  // namespace

Exit run_batch(const Args& args, const Env& env) {
  const Lang l = env.lang;
  po::options_description desc, hidden;
  hidden.add_options()("input", po::value<std::string>());
  desc.add_options()
      ("jobs,j", po::value<std::string>(), tr("jobs run at once (default: the number of cores)", l).c_str())
      ("out-dir", po::value<std::string>(), tr("write outputs (and the batch log) under this folder instead of beside the manifest", l).c_str())
      ("keep-going", po::bool_switch(), tr("run every job even after one fails", l).c_str())
      ("force", po::bool_switch(), tr("rebuild every job, even those up to date", l).c_str())
      ("dry-run", po::bool_switch(), tr("list what would run and write nothing", l).c_str())
      ("shard", po::value<std::string>(), tr("run only the I-th of N slices of the jobs, e.g. 2/4", l).c_str())
      ("json", po::value<std::string>(), tr("also write the summary as JSON to this file", l).c_str())
      ("timeout", po::value<std::string>(), tr("seconds a job may take before it is stopped (default: the manifest's, else 300)", l).c_str());
  po::positional_options_description pos;
  pos.add("input", 1);
  auto vm = parse_flags("batch", "MANIFEST.yaml [-j N] [--out-dir DIR] [--keep-going] [--force] [--dry-run] [--shard I/N] [--json REPORT]",
                        args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;
  if (!vm->count("input")) throw Error::usage(msg(MsgId::usage_missing_input));
  const po::variables_map& v = *vm;
  auto text = [&](const char* name) { return v.count(name) ? v[name].as<std::string>() : std::string(); };

  BatchOptions opt;
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  opt.slots = v.count("jobs") ? positive("jobs", text("jobs"), "a number of jobs from 1") : static_cast<int>(std::max(1L, cores));
  opt.out_dir = text("out-dir");
  opt.keep_going = v["keep-going"].as<bool>();
  opt.force = v["force"].as<bool>();
  opt.dry_run = v["dry-run"].as<bool>();
  if (v.count("shard")) {
    const std::string s = text("shard");
    const std::size_t slash = s.find('/');
    const std::string_view expected = "I/N with 1 <= I <= N, such as 2/4";
    if (slash == std::string::npos) throw Error::usage(msg(MsgId::usage_bad_value, "shard", s, expected));
    opt.shard_index = positive("shard", s.substr(0, slash), expected);
    opt.shard_count = positive("shard", s.substr(slash + 1), expected);
    if (opt.shard_index > opt.shard_count) throw Error::usage(msg(MsgId::usage_bad_value, "shard", s, expected));
  }
  if (v.count("timeout")) {
    double t = 0;
    const std::string s = text("timeout");
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), t);
    if (ec != std::errc{} || end != s.data() + s.size() || !(t > 0))
      throw Error::usage(msg(MsgId::usage_bad_value, "timeout", s, "a number of seconds, such as 120"));
    opt.timeout_s = t;
  }
  const std::string json = text("json");
  if (!json.empty() && !json.ends_with(".json"))
    throw Error::usage(msg(MsgId::usage_bad_value, "json", json, "a file name ending in .json"));

  ManifestOptions mopt;
  mopt.out_dir = opt.out_dir;
  mopt.env.ui_lang = l;
  mopt.env.today = today();
  Diagnostics diags;
  const Manifest manifest = load_manifest(read_source(text("input")), mopt, diags);
  print(env.err, diags.all(), l);  // warnings (templates)

  Progress progress(manifest, env);
  const BatchReport rep = run_batch(manifest, opt, mopt.env, progress);
  progress.end();
  print_summary(manifest, rep, env);
  for (const JobReport& r : rep.jobs)
    if (r.status == JobStatus::failed || r.status == JobStatus::not_run) print(env.err, r.diags, l);
  if (!json.empty()) commit_files({FileBytes{json, json_report(manifest, rep, l)}});
  return rep.exit_code();
}

}  // namespace telar::cli
