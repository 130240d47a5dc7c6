// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/batch.h"

#include <signal.h>

#include <chrono>
#include <cstring>
#include <map>
#include <optional>

#include "base/atomic_file.h"
#include "base/error.h"
#include "jobs/batch_log.h"
#include "jobs/runner.h"
#include "jobs/workers.h"

namespace telar {
namespace fs = std::filesystem;
namespace {

// What a worker sends back: length-prefixed fields, so any text survives.
class WireOut {
 public:
  void put(const std::string& s) { out_ += std::to_string(s.size()) + ":" + s; }
  void put(long n) { put(std::to_string(n)); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class WireIn {
 public:
  explicit WireIn(const std::string& s) : s_(s) {}
  std::optional<std::string> str() {
    const std::size_t colon = s_.find(':', pos_);
    if (colon == std::string::npos) return std::nullopt;
    std::size_t n = 0;
    for (std::size_t i = pos_; i < colon; ++i) {
      if (s_[i] < '0' || s_[i] > '9') return std::nullopt;
      n = n * 10 + static_cast<std::size_t>(s_[i] - '0');
    }
    if (colon + 1 + n > s_.size()) return std::nullopt;
    std::string out = s_.substr(colon + 1, n);
    pos_ = colon + 1 + n;
    return out;
  }
  std::optional<long> num() {
    auto s = str();
    if (!s || s->empty()) return std::nullopt;
    return std::stol(*s);
  }

 private:
  const std::string& s_;
  std::size_t pos_ = 0;
};

void put_diag(WireOut& w, const Diagnostic& d) {
  w.put(static_cast<long>(d.severity));
  w.put(d.loc.file);
  w.put(static_cast<long>(d.loc.line));
  w.put(static_cast<long>(d.loc.column));
  w.put(d.loc.key);
  w.put(static_cast<long>(d.message.id));
  w.put(static_cast<long>(d.message.args.size()));
  for (const auto& a : d.message.args) w.put(a);
  w.put(d.line_text);
}

std::optional<Diagnostic> get_diag(WireIn& r) {
  Diagnostic d;
  auto sev = r.num();
  auto file = r.str();
  auto line = r.num(), col = r.num();
  auto key = r.str();
  auto id = r.num(), nargs = r.num();
  if (!sev || !file || !line || !col || !key || !id || !nargs) return std::nullopt;
  d.severity = static_cast<Severity>(*sev);
  d.loc = Loc{*file, static_cast<int>(*line), static_cast<int>(*col), *key};
  d.message.id = static_cast<MsgId>(*id);
  for (long i = 0; i < *nargs; ++i) {
    auto a = r.str();
    if (!a) return std::nullopt;
    d.message.args.push_back(*a);
  }
  auto lt = r.str();
  if (!lt) return std::nullopt;
  d.line_text = *lt;
  return d;
}

struct WorkerResult {
  Exit code = Exit::failure;
  std::size_t pages = 0;
  std::vector<fs::path> files, deps;
  std::string hash;
  std::vector<Diagnostic> diags;
};

std::string encode_result(const WorkerResult& r) {
  WireOut w;
  w.put(static_cast<long>(r.code));
  w.put(static_cast<long>(r.pages));
  w.put(static_cast<long>(r.files.size()));
  for (const auto& f : r.files) w.put(f.string());
  w.put(static_cast<long>(r.deps.size()));
  for (const auto& f : r.deps) w.put(f.string());
  w.put(r.hash);
  w.put(static_cast<long>(r.diags.size()));
  for (const auto& d : r.diags) put_diag(w, d);
  return w.take();
}

std::optional<WorkerResult> decode_result(const std::string& payload) {
  WireIn in(payload);
  WorkerResult r;
  auto code = in.num(), pages = in.num(), nfiles = in.num();
  if (!code || !pages || !nfiles) return std::nullopt;
  r.code = static_cast<Exit>(*code);
  r.pages = static_cast<std::size_t>(*pages);
  for (long i = 0; i < *nfiles; ++i) {
    auto f = in.str();
    if (!f) return std::nullopt;
    r.files.emplace_back(*f);
  }
  auto ndeps = in.num();
  if (!ndeps) return std::nullopt;
  for (long i = 0; i < *ndeps; ++i) {
    auto f = in.str();
    if (!f) return std::nullopt;
    r.deps.emplace_back(*f);
  }
  auto hash = in.str();
  auto ndiags = in.num();
  if (!hash || !ndiags) return std::nullopt;
  r.hash = *hash;
  for (long i = 0; i < *ndiags; ++i) {
    auto d = get_diag(in);
    if (!d) return std::nullopt;
    r.diags.push_back(std::move(*d));
  }
  return r;
}

/// Temp files a killed job may have left beside its output (base/atomic_file.cc names
/// them ".<name>.telar-XXXXXX").
void remove_temp_files(const fs::path& output) {
  const fs::path dir = output.parent_path().empty() ? fs::path(".") : output.parent_path();
  std::string stem = output.stem().string();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with("." + stem) && name.find(".telar-") != std::string::npos)
      fs::remove(e.path(), ec);
  }
}

std::string signal_name(int sig) {
  const char* s = strsignal(sig);
  return s ? s : "unknown";
}

}  // namespace

const char* status_name(JobStatus s) {
  switch (s) {
    case JobStatus::done: return "done";
    case JobStatus::skipped: return "up to date";
    case JobStatus::failed: return "failed";
    case JobStatus::not_run: return "not run";
    case JobStatus::would_run: return "would run";
  }
  return "";
}

Exit BatchReport::exit_code() const {
  std::optional<Exit> code;
  bool mixed = false;
  for (const JobReport& r : jobs) {
    if (r.status != JobStatus::failed) continue;
    if (code && *code != r.code) mixed = true;
    code = r.code;
  }
  if (!code) return Exit::ok;
  return mixed ? Exit::failure : *code;
}

fs::path batch_root(const Manifest& manifest, const BatchOptions& opt) {
  if (!opt.out_dir.empty()) return opt.out_dir;
  return fs::path(manifest.name).parent_path();
}

BatchReport run_batch(const Manifest& manifest, const BatchOptions& opt, const JobEnv& env,
                      BatchObserver& observer) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  BatchReport report;
  const std::vector<std::size_t> mine = shard_jobs(manifest.jobs, opt.shard_index, opt.shard_count);
  const fs::path root = batch_root(manifest, opt);
  const fs::path log_path = root / kBatchLogName;
  BatchLog log = BatchLog::read(log_path);

  const std::string fdigest = fonts_digest();
  std::map<std::pair<std::string, ArtifactKind>, std::string> tdigests;
  auto tdigest = [&](const BatchJob& j) -> const std::string& {
    auto key = std::make_pair(j.values.text("template"), j.artifact->kind);
    auto it = tdigests.find(key);
    if (it == tdigests.end()) it = tdigests.emplace(key, template_digest(key.first, key.second)).first;
    return it->second;
  };

  std::map<std::size_t, std::size_t> slot_of;  // job index -> index into report.jobs
  std::vector<std::size_t> to_run;
  for (std::size_t i : mine) {
    const BatchJob& j = manifest.jobs[i];
    JobReport r;
    r.job = i;
    if (!opt.force && up_to_date(j, log, tdigest(j), fdigest)) {
      r.status = JobStatus::skipped;
      r.files = log.find(j.output)->files;
    } else {
      r.status = opt.dry_run ? JobStatus::would_run : JobStatus::not_run;
      to_run.push_back(i);
    }
    slot_of[i] = report.jobs.size();
    report.jobs.push_back(std::move(r));
  }
  observer.planned(to_run.size(), mine.size());
  if (opt.dry_run || to_run.empty()) {
    report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return report;
  }

  // Loaded once, before the workers fork: every job shares them read-only.
  std::error_code ec;
  for (std::size_t i : to_run) fs::create_directories(manifest.jobs[i].output.parent_path(), ec);
  FontSet fonts(bundled_fonts_dir());
  std::map<std::pair<std::string, ArtifactKind>, Template> templates;
  for (std::size_t i : to_run) {
    const BatchJob& j = manifest.jobs[i];
    auto key = std::make_pair(j.values.text("template"), j.artifact->kind);
    if (templates.count(key)) continue;
    try {
      Diagnostics d;
      templates.emplace(key, load_kind_template(key.first, key.second, d));
    } catch (const Error&) {
      // Validation reported it; the job reloads it and fails with the same message.
    }
  }
  for (std::size_t i : to_run) tdigest(manifest.jobs[i]);
  JobShared shared{&fonts, &templates};
  const double timeout = opt.timeout_s > 0 ? opt.timeout_s : manifest.timeout_s;

  WorkerHooks hooks;
  hooks.work = [&](std::size_t i) -> std::string {
    const BatchJob& j = manifest.jobs[i];
    WorkerResult r;
    Diagnostics diags;
    try {
      auto stages = j.artifact->configure(j.values, env);
      JobResult done = run_job(*j.artifact, *stages, diags, shared);
      r.code = Exit::ok;
      r.pages = done.pages;
      r.files = done.files;
      r.deps = stages->dependencies();
      r.hash = job_hash(j, r.deps, tdigest(j), fdigest);
      r.diags.assign(diags.all().begin(), diags.all().end());
    } catch (const Error& e) {
      r.code = e.code();
      r.diags.assign(e.diagnostics().begin(), e.diagnostics().end());
    } catch (const std::exception& e) {
      r.code = Exit::failure;
      r.diags.assign(diags.all().begin(), diags.all().end());
      r.diags.push_back(Diagnostic{Severity::error, Loc{}, msg(MsgId::internal_error, e.what()), {}});
    }
    return encode_result(r);
  };
  hooks.started = [&](std::size_t i) { observer.started(manifest.jobs[i]); };
  hooks.finished = [&](std::size_t i, const WorkerOutcome& o) {
    const BatchJob& j = manifest.jobs[i];
    JobReport& r = report.jobs[slot_of[i]];
    r.seconds = o.seconds;
    std::optional<WorkerResult> res;
    if (o.end == WorkerOutcome::End::exited) res = decode_result(o.payload);
    if (res) {
      r.diags = res->diags;
      r.code = res->code;
      r.pages = res->pages;
      r.files = res->files;
      r.status = res->code == Exit::ok ? JobStatus::done : JobStatus::failed;
      if (r.status == JobStatus::failed)
        r.diags.insert(r.diags.begin(), Diagnostic{Severity::error, j.loc, msg(MsgId::batch_job_failed, j.label()), {}});
      else if (!res->hash.empty())
        log.set(j.output, LogEntry{res->hash, res->deps, res->files});
    } else {
      r.status = JobStatus::failed;
      r.code = Exit::failure;
      remove_temp_files(j.output);
      const int sig = o.end == WorkerOutcome::End::exited ? 0 : o.signal;
      Message m = o.end == WorkerOutcome::End::timed_out
                      ? msg(MsgId::batch_job_timeout, j.label(), fmt::format("{:g}", timeout))
                  : sig != 0 ? msg(MsgId::batch_job_signal, j.label(), sig, signal_name(sig))
                             : msg(MsgId::batch_job_failed, j.label());
      r.diags.push_back(Diagnostic{Severity::error, j.loc, std::move(m), {}});
    }
    observer.finished(j, r);
    return opt.keep_going || r.status != JobStatus::failed;
  };
  hooks.tick = [&] { observer.tick(); };
  run_in_workers(to_run, manifest.jobs.size(), opt.slots, timeout, hooks);

  for (JobReport& r : report.jobs)
    if (r.status == JobStatus::not_run)
      r.diags.push_back(Diagnostic{Severity::error, manifest.jobs[r.job].loc,
                                   msg(MsgId::batch_job_not_run, manifest.jobs[r.job].label()), {}});
  if (fs::is_directory(root.empty() ? fs::path(".") : root, ec))
    commit_files({FileBytes{log_path, log.text()}});
  report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return report;
}

}  // namespace telar
