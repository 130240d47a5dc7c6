// SPDX-License-Identifier: GPL-3.0-or-later
// Who may talk to `telar serve`: the per-run token (from getrandom) and the Host/Origin
// checks that refuse DNS rebinding and pages of other sites. Pure functions: the server
// (serve/server.cc) calls them on every request, tests call them directly.
#pragma once

#include <string>
#include <string_view>

namespace telar::serve {

/// 32 lowercase hex digits from getrandom(2) (128 bits). Throws Error(failure) when the
/// kernel gives no randomness.
std::string random_token();

/// Compares in time that does not depend on where the two differ.
bool same_token(std::string_view given, std::string_view expected);

/// "127.0.0.1:PORT", "localhost:PORT" or "[::1]:PORT" (the port may be left out; case is
/// ignored): the names a browser on this machine sends for the printed address.
bool local_host(std::string_view host, int port);

/// An Origin header that is absent, or "http://" + a local_host().
bool local_origin(std::string_view origin, int port);

}  // namespace telar::serve
