// SPDX-License-Identifier: GPL-3.0-or-later
// Worker processes for `telar batch`: a job killed by a signal or past its time limit is
// reported, and the other jobs still run and report.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "jobs/workers.h"

using namespace telar;

TEST_CASE("a killed or hung worker is reported and the others finish", "[workers]") {
  WorkerHooks hooks;
  hooks.work = [](std::size_t job) -> std::string {
    if (job == 1) raise(SIGKILL);  // a crash nobody can catch
    if (job == 3) sleep(30);       // a hang: the time limit stops it
    return "job " + std::to_string(job);
  };
  std::size_t started = 0, finished = 0;
  hooks.started = [&](std::size_t) { ++started; };
  hooks.finished = [&](std::size_t, const WorkerOutcome&) {
    ++finished;
    return true;
  };
  const std::vector<std::size_t> order = {0, 1, 2, 3, 4};
  auto out = run_in_workers(order, 5, 2, 1.0, hooks);
  REQUIRE(out.size() == 5);
  CHECK(started == 5);
  CHECK(finished == 5);
  for (std::size_t i : {0u, 2u, 4u}) {
    INFO(i);
    CHECK(out[i].end == WorkerOutcome::End::exited);
    CHECK(out[i].exit_code == 0);
    CHECK(out[i].payload == "job " + std::to_string(i));
  }
  CHECK(out[1].end == WorkerOutcome::End::signaled);
  CHECK(out[1].signal == SIGKILL);
  CHECK(out[3].end == WorkerOutcome::End::timed_out);
  CHECK(out[3].seconds < 10);
}

TEST_CASE("a failure stops new workers unless asked to keep going", "[workers]") {
  WorkerHooks hooks;
  hooks.work = [](std::size_t job) -> std::string { return job == 0 ? "bad" : "ok"; };
  hooks.finished = [](std::size_t, const WorkerOutcome& o) { return o.payload != "bad"; };
  auto out = run_in_workers({0, 1, 2}, 3, 1, 10, hooks);
  CHECK(out[0].end == WorkerOutcome::End::exited);
  CHECK(out[1].end == WorkerOutcome::End::not_run);
  CHECK(out[2].end == WorkerOutcome::End::not_run);
}

TEST_CASE("a worker is forked only once the parent has no other thread", "[workers]") {
  // Another thread holds a lock when the batch starts (as Pango's fontconfig-init thread
  // can): a child forked at that moment would inherit the lock held forever and hang.
  std::mutex lock;
  std::thread other;
  {
    std::unique_lock held(lock);
    other = std::thread([&lock, h = std::move(held)]() mutable {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      h.unlock();
    });
  }
  WorkerHooks hooks;
  hooks.work = [&lock](std::size_t) -> std::string {
    std::lock_guard g(lock);
    return "ok";
  };
  hooks.finished = [](std::size_t, const WorkerOutcome&) { return true; };
  auto out = run_in_workers({0}, 1, 1, 3.0, hooks);
  other.join();
  REQUIRE(out.size() == 1);
  CHECK(out[0].end == WorkerOutcome::End::exited);
  CHECK(out[0].payload == "ok");
}
