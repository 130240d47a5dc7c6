// SPDX-License-Identifier: GPL-3.0-or-later
// Line breaks for a few words set very large (a banner's headline): the fewest lines that
// fit, then the most even of those, never one lone word on the last line. Pure arithmetic
// on word widths; the layout measures the words with Pango and sets the lines it is given.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace telar {

/// Where each line starts: indices into the words, the first is always 0, increasing.
using LineStarts = std::vector<std::size_t>;

/// Widths of the lines `starts` makes: the words plus one `space` between neighbours.
std::vector<double> line_widths(std::span<const double> words, double space,
                                const LineStarts& starts);

/// The fewest lines the words need at `max_width` (greedy, which is optimal for the count);
/// 0 when one word alone is wider than `max_width` or there are no words.
std::size_t min_lines(std::span<const double> words, double space, double max_width);

/// Raggedness of a breaking: the sum over its lines of (max_width - line width)². With the
/// number of lines fixed the total width is fixed too, so the smallest sum is the most even
/// breaking (the widest line as narrow as it can be, no line much shorter than the others).
double raggedness(std::span<const double> words, double space, const LineStarts& starts,
                  double max_width);

/// The breaking into min_lines() lines, each at most `max_width`, of least raggedness
/// (dynamic programming over "first i words in k lines"), with at least two words on the
/// last line when there are two lines or more. When no breaking avoids a lone last word,
/// the least ragged one with it. nullopt when min_lines() is 0.
std::optional<LineStarts> balance_breaks(std::span<const double> words, double space,
                                         double max_width);

/// The longest line over the shortest (1 for one line).
double width_ratio(std::span<const double> words, double space, const LineStarts& starts);

/// The breaking into exactly `lines` lines, each at most `max_width`, whose longest line is
/// the least multiple of its shortest (a headline's even lines: raggedness alone can leave
/// one short line beside two long ones). Searched exhaustively, so only for up to 24 words
/// and 8 lines;
/// nullopt when there is no such breaking or more words.
std::optional<LineStarts> even_breaks(std::span<const double> words, double space,
                                      double max_width, std::size_t lines);

}  // namespace telar
