// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/workers.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <map>
#include <vector>

#include "base/error.h"

namespace telar {
namespace {

using Clock = std::chrono::steady_clock;

struct Running {
  std::size_t job;
  pid_t pid;
  int fd;  ///< read end of the child's pipe; -1 after EOF
  Clock::time_point start;
  bool killed = false;
  std::string payload;
};

void write_all(int fd, const std::string& s) {
  const char* p = s.data();
  std::size_t left = s.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

/// The number of threads of this process (the entries of /proc/self/task); 0 if unknown.
int thread_count() {
  DIR* d = opendir("/proc/self/task");
  if (d == nullptr) return 0;
  int n = 0;
  while (const dirent* e = readdir(d))
    if (e->d_name[0] != '.') ++n;
  closedir(d);
  return n;
}

/// A child of fork() has only the thread that forked, and every lock another thread held at
/// that moment stays locked in it. Pango starts a short-lived thread that initialises
/// fontconfig (pangofc-fontmap.c); a child forked while it runs can wait forever for an
/// initialisation, or a lock, that no thread of its own will finish or release (the likely
/// cause of a batch test that hung once under ASan). So a worker is forked only once the
/// parent is down to one thread again.
void wait_until_single_threaded() {
  for (int i = 0; i < 10000 && thread_count() > 1; ++i) usleep(1000);  // at most 10 s
}

/// Starts job `job` in a child; the child never returns.
Running start(std::size_t job, const WorkerHooks& hooks) {
  wait_until_single_threaded();
  int fds[2];
  if (pipe(fds) != 0) throw Error(Exit::failure, Loc{}, msg(MsgId::internal_error, "pipe"));
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) throw Error(Exit::failure, Loc{}, msg(MsgId::internal_error, "fork"));
  if (pid == 0) {
    close(fds[0]);
    std::string out = hooks.work(job);
    write_all(fds[1], out);
    close(fds[1]);
    _exit(0);  // no atexit handlers, no flushing of the parent's buffers a second time
  }
  close(fds[1]);
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  return Running{job, pid, fds[0], Clock::now()};
}

double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

std::vector<WorkerOutcome> run_in_workers(const std::vector<std::size_t>& order, std::size_t count,
                                          int slots, double timeout_s, const WorkerHooks& hooks) {
  std::vector<WorkerOutcome> out(count);
  std::vector<Running> running;
  std::size_t next = 0;
  bool stop = false;
  if (slots < 1) slots = 1;
  while (true) {
    while (!stop && next < order.size() && running.size() < static_cast<std::size_t>(slots)) {
      running.push_back(start(order[next], hooks));
      if (hooks.started) hooks.started(order[next]);
      ++next;
    }
    if (running.empty()) break;

    std::vector<pollfd> pfds;
    for (const Running& r : running)
      if (r.fd >= 0) pfds.push_back({r.fd, POLLIN, 0});
    if (!pfds.empty()) {
      poll(pfds.data(), pfds.size(), 200);
    } else {
      usleep(20000);  // every pipe closed: only waiting for the exits
    }
    for (Running& r : running) {
      if (r.fd < 0) continue;
      for (const pollfd& p : pfds) {
        if (p.fd != r.fd || (p.revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
        char buf[65536];
        ssize_t n = ::read(r.fd, buf, sizeof buf);
        if (n > 0) {
          r.payload.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
          close(r.fd);
          r.fd = -1;
        }
      }
    }
    for (Running& r : running)
      if (!r.killed && timeout_s > 0 && since(r.start) > timeout_s) {
        kill(r.pid, SIGKILL);
        r.killed = true;
      }

    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      // A child that closed its pipe (or was killed) is reaped; its pipe is drained first.
      if (it->fd >= 0 && !it->killed) {
        ++it;
        continue;
      }
      const pid_t done = waitpid(it->pid, &status, it->fd >= 0 ? WNOHANG : 0);
      if (done == 0) {
        ++it;
        continue;
      }
      if (it->fd >= 0) close(it->fd);
      WorkerOutcome& o = out[it->job];
      o.seconds = since(it->start);
      o.payload = std::move(it->payload);
      if (it->killed) {
        o.end = WorkerOutcome::End::timed_out;
        o.signal = SIGKILL;
      } else if (WIFSIGNALED(status)) {
        o.end = WorkerOutcome::End::signaled;
        o.signal = WTERMSIG(status);
      } else {
        o.end = WorkerOutcome::End::exited;
        o.exit_code = WEXITSTATUS(status);
      }
      const std::size_t job = it->job;
      it = running.erase(it);
      if (hooks.finished && !hooks.finished(job, out[job])) stop = true;
    }
    if (hooks.tick) hooks.tick();
  }
  return out;
}

}  // namespace telar
