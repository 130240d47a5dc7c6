// SPDX-License-Identifier: GPL-3.0-or-later
// `telar serve [--port N] [--open]`: starts the page's server (src/serve/), prints its
// address with the run's token, optionally opens the browser, and stops on Ctrl-C or
// SIGTERM. The server's signal handling lives in src/serve/ (signals are blocked in every
// thread and taken by sigwait here).
#include <spawn.h>
#include <sys/wait.h>

#include <csignal>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/flags.h"
#include "serve/server.h"

extern char** environ;

namespace telar::cli {
namespace {

// The browser opens the page; xdg-open's own failure is its to report on stderr.
pid_t open_browser(const std::string& url) {
  pid_t pid = -1;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
    return -1;
  return pid;
}

}  // namespace

Exit run_serve(const Args& args, const Env& env) {
  po::options_description desc;
  desc.add_options()("port", po::value<int>()->default_value(8417),
                     tr("the port to listen on, on 127.0.0.1 and ::1 only (0: any free port)", env.lang).c_str());
  desc.add_options()("open", po::bool_switch(), tr("open the page in your browser (xdg-open)", env.lang).c_str());
  po::positional_options_description pos;
  auto vm = parse_flags("serve", "[--port N] [--open]", args, desc, po::options_description(), pos, env);
  if (!vm) return Exit::ok;
  const int port = (*vm)["port"].as<int>();
  if (port < 0 || port > 65535)
    throw Error::usage(msg(MsgId::usage_bad_value, "port", std::to_string(port), "0..65535"));

  serve::ServeOptions opt;
  opt.port = port;
  opt.env.ui_lang = env.lang;
  opt.env.today = today();
  serve::block_stop_signals();  // before any thread starts: they all inherit the mask
  serve::Server server(std::move(opt));
  server.start();
  std::fputs((tr("telar serve: open this address in your browser (Ctrl-C stops the server):", env.lang) + "\n").c_str(),
             env.err);
  std::fputs((server.url() + "\n").c_str(), env.out);
  std::fflush(env.out);
  const bool open = (*vm)["open"].as<bool>();
  const pid_t browser = open ? open_browser(server.url()) : -1;
  if (open && browser < 0)
    std::fputs((tr("telar serve: could not start xdg-open; open the address above yourself", env.lang) + "\n").c_str(),
               env.err);
  serve::wait_for_stop_signal();
  server.stop();
  if (browser > 0) waitpid(browser, nullptr, WNOHANG);
  return Exit::ok;
}

}  // namespace telar::cli
