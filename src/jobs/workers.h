// SPDX-License-Identifier: GPL-3.0-or-later
// Isolation for `telar batch`: each job runs in a process of its own, forked from a parent
// that has already loaded what jobs share (fonts, templates), at most `slots` at a time.
// A job that crashes, is killed or runs past its time limit is reported; the others go on.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace telar {

struct WorkerOutcome {
  enum class End { exited, signaled, timed_out, not_run };
  End end = End::not_run;
  int exit_code = 0;     ///< End::exited
  int signal = 0;        ///< End::signaled / timed_out (SIGKILL)
  std::string payload;   ///< what the child wrote (complete only when it exited)
  double seconds = 0;
};

struct WorkerHooks {
  /// Runs in the child; its return value is sent to the parent. Must not throw.
  std::function<std::string(std::size_t job)> work;
  /// In the parent, when job `job` starts (after fork).
  std::function<void(std::size_t job)> started;
  /// In the parent, when a job ends; return false to start no new job (running ones end).
  std::function<bool(std::size_t job, const WorkerOutcome&)> finished;
  /// In the parent, about every 0.2 s while jobs run (a live progress line).
  std::function<void()> tick;
};

/// Runs jobs 0..count-1 (in order of `order`, each once) in forked children, `slots` at a
/// time; kills a child with SIGKILL after `timeout_s`. Returns one outcome per job
/// (not_run for those never started).
std::vector<WorkerOutcome> run_in_workers(const std::vector<std::size_t>& order, std::size_t count,
                                          int slots, double timeout_s, const WorkerHooks& hooks);

}  // namespace telar
