// SPDX-License-Identifier: GPL-3.0-or-later
// The one whitespace vocabulary every parser shares: which characters are spaces
// (ASCII blanks and the no-break spaces phone keyboards type) and trimming them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace telar {

/// Bytes taken by the whitespace character at s[i] (space, tab, CR, form feed, vertical
/// tab, U+00A0, U+202F, U+3000), or 0.
std::size_t space_len(std::string_view s, std::size_t i);
/// The first index at or after `i` that is not whitespace.
std::size_t skip_space(std::string_view s, std::size_t i);
/// `s` without whitespace at either end.
std::string_view trim(std::string_view s);
bool is_blank(std::string_view s);
/// Comma-separated names, each trimmed, empty ones dropped: "Ana, Rodrigo ,, Marisol" ->
/// {"Ana", "Rodrigo", "Marisol"} (--crew, front matter `private: Ana, Tomás`).
std::vector<std::string> split_names(std::string_view list);

}  // namespace telar
