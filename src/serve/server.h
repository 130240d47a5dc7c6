// SPDX-License-Identifier: GPL-3.0-or-later
// `telar serve`: the page's HTTP server (cpp-httplib, Debian's libcpp-httplib-dev) on
// 127.0.0.1 and ::1 only. Every request needs the run's token and a local Host; renders go
// one at a time through RenderQueue to serve/render.h, which calls the CLI's job runner.
// Nothing is written to disk: uploads and outputs live in the request's memory.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/lang.h"
#include "jobs/artifact.h"

namespace telar::serve {

/// The largest render request (every file and field together): 40 MiB. Past it the
/// server answers 413 with serve_too_large. One file is at most kMaxSourceBytes.
inline constexpr std::size_t kMaxRequestBytes = std::size_t{40} << 20;
/// Renders that may wait behind the running one before the server answers 503.
inline constexpr std::size_t kMaxWaiting = 4;

struct ServeOptions {
  int port = 8417;  ///< 0: any free port
  JobEnv env;       ///< today's date (the CLI reads the clock); progress is the server's
  std::string token;  ///< empty: random_token()
};

class Server {
 public:
  explicit Server(ServeOptions opt);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds 127.0.0.1 (and ::1 when the machine has IPv6) and starts answering on
  /// threads of its own. Throws Error(cant_create, serve_cannot_listen) when 127.0.0.1
  /// cannot be bound.
  void start();
  /// Stops listening, lets running requests finish and joins the threads. Idempotent.
  void stop();

  int port() const { return port_; }
  bool ipv6() const { return ipv6_; }
  const std::string& token() const { return token_; }
  /// "http://127.0.0.1:PORT/?t=TOKEN"
  std::string url() const;

  struct Impl;

 private:
  ServeOptions opt_;
  std::string token_;
  int port_ = 0;
  bool ipv6_ = false;
  std::unique_ptr<Impl> impl_;
  std::vector<std::thread> threads_;
};

/// Blocks SIGINT and SIGTERM in this thread and every thread started after it (call it
/// before Server::start), then, from wait_for_stop_signal(), waits for one of them.
void block_stop_signals();
/// Returns the signal that arrived (SIGINT or SIGTERM).
int wait_for_stop_signal();

/// The UI language an Accept-Language header asks for first ("es-CL,es;q=0.9" -> es).
Lang accept_language(std::string_view header);

}  // namespace telar::serve
