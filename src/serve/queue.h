// SPDX-License-Identifier: GPL-3.0-or-later
// One render at a time, in the order asked, so that a big banner never runs beside
// another job (Pango and fontconfig are not shared between threads here) and the page's
// other requests are still answered. A preview that a newer one from the same client
// has replaced is dropped when its turn comes, so the page never waits for stale work.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace telar::serve {

struct QueueState {
  std::size_t waiting = 0;   ///< renders asked for and not started
  bool running = false;
  double progress = 0;       ///< of the running render, 0..1 (PNG strips report it)
};

class RenderQueue {
 public:
  enum class Outcome { done, superseded, full };

  explicit RenderQueue(std::size_t max_waiting) : max_waiting_(max_waiting) {}

  /// Waits for its turn, then runs `job` unless `client` has asked for a newer `seq`
  /// meanwhile (superseded), or returns `full` at once when max_waiting renders wait.
  Outcome run(const std::string& client, std::uint64_t seq, const std::function<void()>& job);

  void set_progress(double fraction);
  QueueState state() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable turn_;
  std::size_t max_waiting_;
  std::uint64_t next_ticket_ = 0, serving_ = 0;
  bool running_ = false;
  double progress_ = 0;
  std::map<std::string, std::uint64_t> latest_;  // client -> newest seq asked
};

}  // namespace telar::serve
