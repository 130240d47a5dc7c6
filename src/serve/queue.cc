// SPDX-License-Identifier: GPL-3.0-or-later
#include "serve/queue.h"

namespace telar::serve {

RenderQueue::Outcome RenderQueue::run(const std::string& client, std::uint64_t seq,
                                      const std::function<void()>& job) {
  std::unique_lock<std::mutex> lock(mutex_);
  const std::size_t waiting = next_ticket_ - serving_ - (running_ ? 1 : 0);
  if (waiting >= max_waiting_) return Outcome::full;
  if (latest_.size() > 1000 && !running_ && waiting == 0) latest_.clear();  // old page loads
  std::uint64_t& latest = latest_[client];
  if (seq > latest) latest = seq;
  const std::uint64_t ticket = next_ticket_++;
  turn_.wait(lock, [&] { return serving_ == ticket; });
  Outcome outcome = Outcome::superseded;
  if (seq >= latest_[client]) {
    running_ = true;
    progress_ = 0;
    lock.unlock();
    try {
      job();
    } catch (...) {
      lock.lock();
      running_ = false;
      ++serving_;
      turn_.notify_all();
      throw;
    }
    lock.lock();
    running_ = false;
    outcome = Outcome::done;
  }
  ++serving_;
  turn_.notify_all();
  return outcome;
}

void RenderQueue::set_progress(double fraction) {
  std::lock_guard<std::mutex> lock(mutex_);
  progress_ = fraction;
}

QueueState RenderQueue::state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return QueueState{next_ticket_ - serving_ - (running_ ? 1 : 0), running_, progress_};
}

}  // namespace telar::serve
