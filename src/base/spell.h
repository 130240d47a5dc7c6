// SPDX-License-Identifier: GPL-3.0-or-later
// "Did you mean": edit distance and the closest known name, shared by the command line,
// the story's front matter and templates.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace telar {

/// Edits (insert, delete, replace, swap two neighbours: "gpa" -> "gap" is one) between a
/// and b, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it looks like a typo of it: like ninja's
/// SpellcheckString, at most a third of the word may be wrong (at least one letter).
std::optional<std::string_view> closest_name(std::string_view word,
                                             std::span<const std::string_view> candidates);

}  // namespace telar
