// SPDX-License-Identifier: GPL-3.0-or-later
// `telar batch`: a validated manifest run to the end. Up-to-date jobs are skipped (the
// batch log), the rest run in worker processes (jobs/workers.h) through the one job
// runner; every job ends with a report. Printing is the caller's (BatchObserver).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diag.h"
#include "jobs/manifest.h"

namespace telar {

struct BatchOptions {
  int slots = 1;               ///< -j
  bool keep_going = false;     ///< --keep-going: a failure does not stop new jobs
  bool force = false;          ///< --force: rebuild even up-to-date jobs
  bool dry_run = false;        ///< --dry-run: report what would run, write nothing
  int shard_index = 1, shard_count = 1;  ///< --shard I/N
  std::filesystem::path out_dir;         ///< --out-dir (where the batch log lives too)
  double timeout_s = 0;        ///< per job; 0: the manifest's
};

enum class JobStatus { done, skipped, failed, not_run, would_run };
const char* status_name(JobStatus s);  ///< "done", "up to date", "failed", ...

struct JobReport {
  std::size_t job = 0;  ///< index into Manifest::jobs
  JobStatus status = JobStatus::not_run;
  Exit code = Exit::ok;  ///< for failed jobs
  std::size_t pages = 0;
  double seconds = 0;
  std::vector<std::filesystem::path> files;
  std::vector<Diagnostic> diags;  ///< the job's warnings and errors (file:line), and why it failed
};

struct BatchReport {
  std::vector<JobReport> jobs;  ///< the shard's jobs, in manifest order
  double seconds = 0;
  /// 0 when every job is done or up to date; else the failed jobs' status when they all
  /// share it, else 1.
  Exit exit_code() const;
};

class BatchObserver {
 public:
  virtual ~BatchObserver() = default;
  virtual void planned(std::size_t to_run, std::size_t total) { (void)to_run, (void)total; }
  virtual void started(const BatchJob& job) { (void)job; }
  virtual void finished(const BatchJob& job, const JobReport& report) { (void)job, (void)report; }
  virtual void tick() {}
};

BatchReport run_batch(const Manifest& manifest, const BatchOptions& opt, const JobEnv& env,
                      BatchObserver& observer);

/// The folder outputs are relative to and the batch log is kept in.
std::filesystem::path batch_root(const Manifest& manifest, const BatchOptions& opt);

}  // namespace telar
