// SPDX-License-Identifier: GPL-3.0-or-later
// `telar serve`: the guards (token, Host, Origin), uploads kept in memory, and the real
// server on 127.0.0.1 (a port the kernel picks): 403s, the size limit, a malformed
// request, a hostile file that gets the CLI's error while the server lives on, and a
// render that returns the very bytes the CLI writes for the same input and options.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <fstream>
#include <sstream>

#include <httplib.h>

#include "base/error.h"
#include "base/source.h"
#include "cli/commands.h"
#include "serve/guard.h"
#include "serve/json.h"
#include "serve/queue.h"
#include "serve/render.h"
#include "serve/server.h"
#include "serve/uploads.h"

using namespace telar;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path kExample = fs::path(TELAR_TEST_DIR) / ".." / "examples" / "la-bateria.circle.md";

// The CLI, in this process: telar ARGS..., with stderr caught.
struct CliRun {
  Exit code = Exit::ok;
  std::string err;
};
CliRun run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "telar");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  CliRun r;
  try {
    r.code = cli::run(static_cast<int>(argv.size()), argv.data(), Lang::en);
  } catch (const Error& e) {
    r.code = e.code();
    char* buf = nullptr;
    std::size_t len = 0;
    std::FILE* f = open_memstream(&buf, &len);
    cli::print(f, e, Lang::en);
    std::fclose(f);
    r.err.assign(buf, len);
    std::free(buf);
  }
  return r;
}

// The value of "key":"…" in a flat JSON reply (no escapes in the values looked up).
std::string json_field(const std::string& json, const std::string& key) {
  const std::string k = "\"" + key + "\":\"";
  const auto at = json.find(k);
  if (at == std::string::npos) return {};
  const auto end = json.find('"', at + k.size());
  return json.substr(at + k.size(), end - at - k.size());
}

std::string unbase64(const std::string& s) {
  const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (char c : s) {
    if (c == '=') break;
    v = v << 6 | static_cast<unsigned>(digits.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xff);
    }
  }
  return out;
}

struct Running {
  serve::Server server;
  explicit Running(serve::ServeOptions opt) : server(std::move(opt)) { server.start(); }
  static serve::ServeOptions options() {
    serve::ServeOptions o;
    o.port = 0;
    o.env.today = Date{2026, 11, 20};
    return o;
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server.port());
    c.set_connection_timeout(5, 0);
    c.set_read_timeout(120, 0);
    return c;
  }
  httplib::Headers auth() const {
    return {{"X-Telar-Token", server.token()}, {"Host", "127.0.0.1:" + std::to_string(server.port())}};
  }
};

httplib::MultipartFormDataItems zine_form(const std::string& story_name, const std::string& story) {
  return {{"artifact", "zine", "", ""},
          {"format", "pdf", "", ""},
          {"opt:anonymize", "true", "", ""},
          {"file", story, story_name, "text/markdown"}};
}

}  // namespace

TEST_CASE("serve guard: the token is 32 hex digits and new each run", "[serve]") {
  const std::string a = serve::random_token(), b = serve::random_token();
  CHECK(a.size() == 32);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a != b);
  CHECK(serve::same_token(a, a));
  CHECK_FALSE(serve::same_token(a, b));
  CHECK_FALSE(serve::same_token("", ""));
  CHECK_FALSE(serve::same_token(a.substr(0, 31), a));
}

TEST_CASE("serve guard: only loopback names are a local Host or Origin", "[serve]") {
  CHECK(serve::local_host("127.0.0.1:8417", 8417));
  CHECK(serve::local_host("LOCALHOST:8417", 8417));
  CHECK(serve::local_host("[::1]:8417", 8417));
  CHECK(serve::local_host("localhost", 8417));
  CHECK_FALSE(serve::local_host("127.0.0.1:8418", 8417));
  CHECK_FALSE(serve::local_host("evil.example:8417", 8417));
  CHECK_FALSE(serve::local_host("localhost.evil.example:8417", 8417));
  CHECK_FALSE(serve::local_host("", 8417));
  CHECK(serve::local_origin("", 8417));
  CHECK(serve::local_origin("http://localhost:8417", 8417));
  CHECK_FALSE(serve::local_origin("http://evil.example", 8417));
  CHECK_FALSE(serve::local_origin("null", 8417));
  CHECK(serve::accept_language("es-CL,es;q=0.9,en;q=0.8") == Lang::es);
  CHECK(serve::accept_language("en-GB,es;q=0.5") == Lang::en);
  CHECK(serve::accept_language("") == Lang::en);
}

TEST_CASE("serve uploads: base names only, and no file from the disk but shipped data", "[serve]") {
  CHECK(serve::upload_name("C:\\Users\\ana\\circle.md") == "circle.md");
  CHECK(serve::upload_name("../../etc/passwd") == "passwd");
  CHECK(serve::upload_name("..").empty());
  CHECK(serve::upload_name("a\nb.md").empty());
  serve::Uploads up;
  up.add("dir/story.md", "hola");
  CHECK_THROWS_AS(up.add("story.md", "again"), Error);
  const ScopedSourceProvider scope(&up);
  CHECK(read_source("story.md").bytes() == "hola");
  CHECK(read_source("img/story.md").bytes() == "hola");  // a lesson's picture in a folder
  CHECK(source_exists("story.md"));
  CHECK_FALSE(source_exists(kExample));
  try {
    read_source(kExample);  // on the disk, but not uploaded: refused
    FAIL("read a file that was not uploaded");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::no_input);
  }
}

TEST_CASE("serve json: strings are escaped and base64 round-trips", "[serve]") {
  CHECK(serve::json_string("a\"b\\c\n</script>") == "\"a\\\"b\\\\c\\n\\u003c/script\\u003e\"");
  CHECK(serve::base64("") == "");
  CHECK(serve::base64("f") == "Zg==");
  CHECK(serve::base64("fo") == "Zm8=");
  CHECK(serve::base64("foobar") == "Zm9vYmFy");
}

TEST_CASE("serve queue: one render at a time, a stale preview is dropped, a full queue says so", "[serve]") {
  serve::RenderQueue queue(2);
  std::atomic<bool> release{false}, running{false};
  std::atomic<int> ran{0};
  std::thread first([&] {
    queue.run("a", 1, [&] {
      running = true;
      for (int i = 0; i < 2000 && !release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      ++ran;
    });
  });
  for (int i = 0; i < 2000 && !running; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  REQUIRE(running);
  serve::RenderQueue::Outcome stale{}, fresh{};
  std::thread second([&] { stale = queue.run("a", 2, [&] { ++ran; }); });
  for (int i = 0; i < 2000 && queue.state().waiting < 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::thread third([&] { fresh = queue.run("a", 3, [&] { ++ran; }); });
  for (int i = 0; i < 2000 && queue.state().waiting < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(queue.state().waiting == 2);
  CHECK(queue.state().running);
  CHECK(queue.run("b", 1, [&] { ++ran; }) == serve::RenderQueue::Outcome::full);
  release = true;
  first.join();
  second.join();
  third.join();
  CHECK(stale == serve::RenderQueue::Outcome::superseded);
  CHECK(fresh == serve::RenderQueue::Outcome::done);
  CHECK(ran == 2);
  CHECK(queue.state().waiting == 0);
}

TEST_CASE("serve http: no token, a wrong token or a foreign Host is refused with 403", "[serve]") {
  Running r(Running::options());
  httplib::Client c = r.client();
  const std::string host = "127.0.0.1:" + std::to_string(r.server.port());
  auto none = c.Get("/", httplib::Headers{{"Host", host}});
  REQUIRE(none);
  CHECK(none->status == 403);
  CHECK(none->body.find("token") != std::string::npos);
  CHECK_FALSE(none->has_header("Access-Control-Allow-Origin"));
  auto wrong = c.Get("/?t=00000000000000000000000000000000", httplib::Headers{{"Host", host}});
  REQUIRE(wrong);
  CHECK(wrong->status == 403);
  auto rebinding = c.Get("/?t=" + r.server.token(), httplib::Headers{{"Host", "evil.example:" + std::to_string(r.server.port())}});
  REQUIRE(rebinding);
  CHECK(rebinding->status == 403);
  auto cross = c.Get("/api/templates", httplib::Headers{{"X-Telar-Token", r.server.token()}, {"Host", host},
                                                         {"Origin", "http://evil.example"}});
  REQUIRE(cross);
  CHECK(cross->status == 403);
  auto spanish = c.Get("/", httplib::Headers{{"Host", host}, {"Accept-Language", "es-CL,es"}});
  REQUIRE(spanish);
  CHECK(spanish->body.find("rechazado") != std::string::npos);

  auto page = c.Get("/?t=" + r.server.token(), httplib::Headers{{"Host", host}});
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find(r.server.token()) != std::string::npos);
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(page->body.find("http") == std::string::npos);  // nothing loaded from elsewhere
  auto list = c.Get("/api/templates", r.auth());
  REQUIRE(list);
  CHECK(list->status == 200);
  CHECK(list->body.find("\"kind\":\"zine\"") != std::string::npos);
}

TEST_CASE("serve http: past the size limit the answer is 413 with a clear message", "[serve]") {
  Running r(Running::options());
  httplib::Client c = r.client();
  const std::string big(serve::kMaxRequestBytes + 1024, 'a');
  auto res = c.Post("/api/render", r.auth(), zine_form("big.circle.md", big));
  REQUIRE(res);
  CHECK(res->status == 413);
  CHECK(res->body.find("too large") != std::string::npos);
  auto after = c.Get("/api/status", r.auth());  // still answering
  REQUIRE(after);
  CHECK(after->status == 200);
}

TEST_CASE("serve http: a malformed request and a hostile file get the CLI's error and the server lives on", "[serve]") {
  Running r(Running::options());
  httplib::Client c = r.client();
  auto plain = c.Post("/api/render", r.auth(), "not a form", "text/plain");
  REQUIRE(plain);
  CHECK(plain->status == 400);
  CHECK(plain->body.find("multipart/form-data") != std::string::npos);

  auto unknown = c.Post("/api/render", r.auth(),
                        httplib::MultipartFormDataItems{{"artifact", "zine", "", ""}, {"format", "pdf", "", ""},
                                                        {"opt:output", "/etc/passwd", "", ""},
                                                        {"file", "x", "a.md", ""}});
  REQUIRE(unknown);
  CHECK(unknown->status == 422);
  CHECK(unknown->body.find("unknown option '--output'") != std::string::npos);

  // Invalid UTF-8 inside a story: the same text as `telar zine` prints, file:line included.
  const std::string hostile = "---\ntitle: X\n---\n\n## Ronda\n\n> Ana: hola \xff\xfe mundo\n";
  const fs::path dir = fs::temp_directory_path() / ("telar-serve-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "hostile.circle.md", std::ios::binary) << hostile;
  const fs::path cwd = fs::current_path();
  fs::current_path(dir);
  const CliRun cli = run_cli({"zine", "hostile.circle.md", "--anonymize", "-o", "out.pdf"});
  fs::current_path(cwd);
  fs::remove_all(dir);
  REQUIRE(cli.code == Exit::data_error);
  REQUIRE(cli.err.find("hostile.circle.md:7:") != std::string::npos);

  serve::RenderRequest req;
  req.artifact = "zine";
  req.options["anonymize"] = "true";
  req.files.push_back({"hostile.circle.md", hostile});
  const serve::RenderReply direct = serve::render(req, JobEnv{}, Lang::en);
  CHECK(direct.code == Exit::data_error);
  CHECK(direct.messages == cli.err);
  CHECK(direct.files.empty());

  auto res = c.Post("/api/render", r.auth(), zine_form("hostile.circle.md", hostile));
  REQUIRE(res);
  CHECK(res->status == 422);
  CHECK(res->body.find("\"exit\":65") != std::string::npos);
  CHECK(res->body.find("hostile.circle.md:7:") != std::string::npos);
  auto again = c.Get("/api/status", r.auth());
  REQUIRE(again);
  CHECK(again->status == 200);
}

TEST_CASE("serve http: a render returns the bytes the CLI writes for the same input and options", "[serve]") {
  const fs::path dir = fs::temp_directory_path() / ("telar-serve-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const CliRun cli = run_cli({"zine", kExample.string(), "--anonymize", "-t", "semilla", "-o", (dir / "cli.pdf").string()});
  REQUIRE(cli.code == Exit::ok);
  const std::string expected = slurp(dir / "cli.pdf");
  fs::remove_all(dir);
  REQUIRE(expected.starts_with("%PDF"));

  Running r(Running::options());
  httplib::Client c = r.client();
  httplib::MultipartFormDataItems form = zine_form("la-bateria.circle.md", slurp(kExample));
  form.push_back({"opt:template", "semilla", "", ""});
  auto res = c.Post("/api/render?lang=es", r.auth(), form);
  REQUIRE(res);
  INFO(res->body.substr(0, 400));
  REQUIRE(res->status == 200);
  CHECK(json_field(res->body, "name") == "anonymous-zine.pdf");
  CHECK(json_field(res->body, "type") == "application/pdf");
  CHECK(unbase64(json_field(res->body, "data")) == expected);
}
