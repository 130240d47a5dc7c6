// SPDX-License-Identifier: GPL-3.0-or-later
#include "serve/guard.h"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdint>

#include <fmt/format.h>

#include "base/error.h"

namespace telar::serve {

std::string random_token() {
  std::array<unsigned char, 16> bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error(Exit::failure, Loc{}, msg(MsgId::internal_error, "getrandom"));
    got += static_cast<std::size_t>(n);
  }
  std::string hex;
  for (unsigned char b : bytes) hex += fmt::format("{:02x}", b);
  return hex;
}

bool same_token(std::string_view given, std::string_view expected) {
  if (given.size() != expected.size() || expected.empty()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned>(static_cast<unsigned char>(given[i]) ^
                                  static_cast<unsigned char>(expected[i]));
  return diff == 0;
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

bool local_host(std::string_view host, int port) {
  const std::string h = lower(host);
  const std::string suffix = fmt::format(":{}", port);
  for (const char* name : {"127.0.0.1", "localhost", "[::1]"})
    if (h == name || h == name + suffix) return true;
  return false;
}

bool local_origin(std::string_view origin, int port) {
  if (origin.empty()) return true;
  constexpr std::string_view scheme = "http://";
  const std::string o = lower(origin);
  return o.starts_with(scheme) && local_host(std::string_view(o).substr(scheme.size()), port);
}

}  // namespace telar::serve
