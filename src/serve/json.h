// SPDX-License-Identifier: GPL-3.0-or-later
// The little JSON the page reads: quoted strings and base64 for file bytes.
#pragma once

#include <string>
#include <string_view>

namespace telar::serve {

/// `s` as a JSON string, quotes included; invalid UTF-8 becomes U+FFFD (a diagnostic may
/// quote a broken line).
std::string json_string(std::string_view s);

/// RFC 4648 base64 with padding.
std::string base64(std::string_view bytes);

}  // namespace telar::serve
