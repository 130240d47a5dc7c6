// SPDX-License-Identifier: GPL-3.0-or-later
#include "serve/server.h"

#include <pthread.h>
#include <sys/socket.h>

#include <csignal>
#include <cstdlib>

#include <fmt/format.h>
#include <httplib.h>

#include "base/error.h"
#include "base/messages.h"
#include "base/source.h"
#include "serve/assets.h"
#include "serve/guard.h"
#include "serve/json.h"
#include "serve/queue.h"
#include "serve/render.h"
#include "template/template.h"

namespace telar::serve {
namespace {

using httplib::Request;
using httplib::Response;

// No CORS headers at all: other sites' pages may not read the answers. The page itself
// loads only its own script and style, and nothing from anywhere else.
const httplib::Headers kHeaders = {
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
     "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
    {"X-Frame-Options", "DENY"},
};

Lang request_lang(const Request& req) {
  if (req.has_param("lang")) return lang_from_tag(req.get_param_value("lang"));
  return accept_language(req.get_header_value("Accept-Language"));
}

void reply_text(Response& res, int status, const Message& m, Lang lang) {
  res.status = status;
  res.set_content("telar: " + translate(m, lang) + "\n", "text/plain; charset=utf-8");
}

std::string field(const Request& req, const std::string& name) {
  return req.has_file(name) ? req.get_file_value(name).content : std::string();
}

std::string reply_json(const RenderReply& r) {
  std::string files;
  for (const FileBytes& f : r.files) {
    if (!files.empty()) files += ",";
    files += fmt::format("{{\"name\":{},\"type\":{},\"data\":\"{}\"}}", json_string(f.path.string()),
                         json_string(mime_type(f.path)), base64(f.bytes));
  }
  return fmt::format("{{\"ok\":{},\"exit\":{},\"messages\":{},\"files\":[{}]}}",
                     r.code == Exit::ok ? "true" : "false", static_cast<int>(r.code),
                     json_string(r.messages), files);
}

}  // namespace

struct Server::Impl {
  httplib::Server v4, v6;
  RenderQueue queue{kMaxWaiting};
};

Lang accept_language(std::string_view header) {
  // The first tag is the one the browser's user put first; q-values only ever lower it.
  const std::size_t end = header.find_first_of(",;");
  std::string_view first = header.substr(0, end);
  while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
  return lang_from_tag(first);
}

Server::Server(ServeOptions opt) : opt_(std::move(opt)), impl_(std::make_unique<Impl>()) {
  token_ = opt_.token.empty() ? random_token() : opt_.token;
}

Server::~Server() { stop(); }

std::string Server::url() const { return fmt::format("http://127.0.0.1:{}/?t={}", port_, token_); }

void Server::start() {
  Impl& impl = *impl_;
  const auto setup = [this, &impl](httplib::Server& svr) {
    svr.set_default_headers(kHeaders);
    svr.set_payload_max_length(kMaxRequestBytes);
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(30, 0);
    svr.set_keep_alive_max_count(20);
    // No SO_REUSEPORT (httplib's default where it exists): no other process may take
    // over the port; SO_REUSEADDR lets a restart bind again at once.
    svr.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    svr.set_pre_routing_handler([this](const Request& req, Response& res) {
      const bool host_ok = local_host(req.get_header_value("Host"), port_) &&
                           local_origin(req.get_header_value("Origin"), port_);
      const std::string given =
          req.has_param("t") ? req.get_param_value("t") : req.get_header_value("X-Telar-Token");
      if (host_ok && same_token(given, token_)) return httplib::Server::HandlerResponse::Unhandled;
      reply_text(res, 403, msg(MsgId::serve_forbidden), request_lang(req));
      return httplib::Server::HandlerResponse::Handled;
    });
    svr.set_error_handler([](const Request& req, Response& res) {
      if (!res.body.empty()) return;  // our own answer, already worded
      const Lang lang = request_lang(req);
      if (res.status == 413)
        reply_text(res, 413, msg(MsgId::serve_too_large, std::to_string(kMaxRequestBytes >> 20),
                                 std::to_string(kMaxSourceBytes >> 20)), lang);
      else
        reply_text(res, res.status, msg(MsgId::serve_bad_request, std::to_string(res.status)), lang);
    });
    svr.set_exception_handler([](const Request& req, Response& res, std::exception_ptr) {
      reply_text(res, 500, msg(MsgId::internal_error, "request"), request_lang(req));
    });

    svr.Get("/", [this](const Request& req, Response& res) {
      const Lang lang = request_lang(req);
      std::string html(page_html());
      const auto put = [&html](std::string_view key, const std::string& value) {
        for (std::size_t at; (at = html.find(key)) != std::string::npos;) html.replace(at, key.size(), value);
      };
      put("{{TOKEN}}", token_);
      put("{{LANG}}", std::string(lang.code()));
      res.set_content(html, "text/html; charset=utf-8");
    });
    svr.Get("/app.js", [](const Request&, Response& res) {
      res.set_content(std::string(page_js()), "text/javascript; charset=utf-8");
    });
    svr.Get("/style.css", [](const Request&, Response& res) {
      res.set_content(std::string(page_css()), "text/css; charset=utf-8");
    });
    svr.Get("/api/templates", [](const Request& req, Response& res) {
      std::string list;
      for (const TemplateInfo& t : list_templates(request_lang(req))) {
        if (!list.empty()) list += ",";
        list += fmt::format("{{\"kind\":{},\"name\":{},\"description\":{}}}",
                            json_string(kind_name(t.kind)), json_string(t.name),
                            json_string(t.description));
      }
      res.set_content("[" + list + "]", "application/json");
    });
    svr.Get("/api/status", [&impl](const Request&, Response& res) {
      const QueueState s = impl.queue.state();
      res.set_content(fmt::format("{{\"waiting\":{},\"running\":{},\"progress\":{:.3f}}}", s.waiting,
                                  s.running ? "true" : "false", s.progress),
                      "application/json");
    });
    svr.Post("/api/render", [this, &impl](const Request& req, Response& res) {
      const Lang lang = request_lang(req);
      if (!req.is_multipart_form_data()) {
        reply_text(res, 400, msg(MsgId::serve_bad_request, "multipart/form-data"), lang);
        return;
      }
      RenderRequest rr;
      rr.artifact = field(req, "artifact");
      rr.format = field(req, "format");
      for (const auto& [name, part] : req.files) {
        if (name == "file") rr.files.push_back({part.filename, part.content});
        if (name.starts_with("opt:")) rr.options[name.substr(4)] = part.content;
      }
      const std::string client = field(req, "client");
      const std::uint64_t seq = std::strtoull(field(req, "seq").c_str(), nullptr, 10);
      RenderReply reply;
      JobEnv env = opt_.env;
      env.progress = [&impl](double done) { impl.queue.set_progress(done); };
      switch (impl.queue.run(client, seq, [&] { reply = render(rr, env, lang); })) {
        case RenderQueue::Outcome::full:
          reply_text(res, 503, msg(MsgId::serve_busy), lang);
          return;
        case RenderQueue::Outcome::superseded:
          res.status = 409;
          res.set_content("{\"ok\":false,\"superseded\":true}", "application/json");
          return;
        case RenderQueue::Outcome::done: break;
      }
      res.status = reply.code == Exit::ok ? 200 : 422;
      res.set_content(reply_json(reply), "application/json");
    });
  };
  setup(impl.v4);
  setup(impl.v6);

  port_ = opt_.port == 0 ? impl.v4.bind_to_any_port("127.0.0.1")
                         : (impl.v4.bind_to_port("127.0.0.1", opt_.port) ? opt_.port : -1);
  if (port_ <= 0)
    throw Error(Exit::cant_create, Loc{},
                msg(MsgId::serve_cannot_listen, "127.0.0.1", std::to_string(opt_.port)));
  ipv6_ = impl.v6.bind_to_port("::1", port_);  // no IPv6 loopback: 127.0.0.1 alone
  threads_.emplace_back([&impl] { impl.v4.listen_after_bind(); });
  if (ipv6_) threads_.emplace_back([&impl] { impl.v6.listen_after_bind(); });
  // Answering before start() returns, so that stop() always finds them running.
  while (!impl.v4.is_running() || (ipv6_ && !impl.v6.is_running()))
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void Server::stop() {
  if (threads_.empty()) return;
  impl_->v4.stop();
  impl_->v6.stop();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
}

void block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int wait_for_stop_signal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  while (sigwait(&set, &sig) != 0) {
  }
  return sig;
}

}  // namespace telar::serve
