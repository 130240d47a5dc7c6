// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/line_balance.h"

#include <algorithm>
#include <limits>

namespace telar {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Width of words [from, to) on one line.
double span_width(std::span<const double> words, double space, std::size_t from, std::size_t to) {
  double w = 0;
  for (std::size_t i = from; i < to; ++i) w += words[i];
  return w + space * static_cast<double>(to - from - 1);
}

/// Least-ragged breaking of the words into exactly `lines` lines; `last_min` words at least
/// on the last line. Empty when there is none.
LineStarts best_breaking(std::span<const double> words, double space, double max_width,
                         std::size_t lines, std::size_t last_min) {
  const std::size_t n = words.size();
  // cost[k][i]: least raggedness of the first i words in k lines; from[k][i]: where the
  // k-th line starts in that best breaking.
  std::vector<std::vector<double>> cost(lines + 1, std::vector<double>(n + 1, kInf));
  std::vector<std::vector<std::size_t>> from(lines + 1, std::vector<std::size_t>(n + 1, 0));
  cost[0][0] = 0;
  for (std::size_t k = 1; k <= lines; ++k) {
    for (std::size_t i = k; i <= n; ++i) {
      const std::size_t shortest = k == lines ? last_min : 1;
      for (std::size_t j = i; j-- > k - 1;) {  // the k-th line holds words [j, i)
        if (i - j < shortest) continue;
        const double w = span_width(words, space, j, i);
        if (w > max_width) break;  // longer lines (smaller j) only get wider
        if (cost[k - 1][j] == kInf) continue;
        const double c = cost[k - 1][j] + (max_width - w) * (max_width - w);
        if (c < cost[k][i]) {
          cost[k][i] = c;
          from[k][i] = j;
        }
      }
    }
  }
  if (cost[lines][n] == kInf) return {};
  LineStarts starts(lines);
  for (std::size_t k = lines, i = n; k > 0; --k) {
    starts[k - 1] = from[k][i];
    i = from[k][i];
  }
  return starts;
}

}  // namespace

std::vector<double> line_widths(std::span<const double> words, double space,
                                const LineStarts& starts) {
  std::vector<double> out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : words.size();
    out.push_back(span_width(words, space, starts[k], end));
  }
  return out;
}

std::size_t min_lines(std::span<const double> words, double space, double max_width) {
  if (words.empty()) return 0;
  std::size_t lines = 1;
  double line = -space;
  for (double w : words) {
    if (w > max_width) return 0;
    if (line + space + w <= max_width) {
      line += space + w;
    } else {
      ++lines;
      line = w;
    }
  }
  return lines;
}

double raggedness(std::span<const double> words, double space, const LineStarts& starts,
                  double max_width) {
  double sum = 0;
  for (double w : line_widths(words, space, starts)) sum += (max_width - w) * (max_width - w);
  return sum;
}

std::optional<LineStarts> balance_breaks(std::span<const double> words, double space,
                                         double max_width) {
  const std::size_t lines = min_lines(words, space, max_width);
  if (lines == 0) return std::nullopt;
  if (lines >= 2 && words.size() >= 3) {
    LineStarts s = best_breaking(words, space, max_width, lines, 2);
    if (!s.empty()) return s;
  }
  return best_breaking(words, space, max_width, lines, 1);
}

double width_ratio(std::span<const double> words, double space, const LineStarts& starts) {
  const std::vector<double> w = line_widths(words, space, starts);
  if (w.empty()) return 1;
  double lo = w[0], hi = w[0];
  for (double x : w) {
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  return lo > 0 ? hi / lo : kInf;
}

std::optional<LineStarts> even_breaks(std::span<const double> words, double space,
                                      double max_width, std::size_t lines) {
  const std::size_t n = words.size();
  if (lines == 0 || lines > n || n > 24 || lines > 8) return std::nullopt;
  LineStarts cur{0}, best;
  double best_ratio = kInf, best_rag = kInf;
  // Each next line start in turn; a line wider than max_width ends the search along it.
  auto search = [&](auto&& self, std::size_t from) -> void {
    if (cur.size() == lines) {
      if (span_width(words, space, from, n) > max_width) return;
      const double r = width_ratio(words, space, cur), g = raggedness(words, space, cur, max_width);
      if (r < best_ratio - 1e-9 || (r < best_ratio + 1e-9 && g < best_rag)) {
        best = cur;
        best_ratio = r;
        best_rag = g;
      }
      return;
    }
    const std::size_t left = lines - cur.size();  // lines still to start after this one
    for (std::size_t next = from + 1; next + left <= n; ++next) {
      if (span_width(words, space, from, next) > max_width) break;
      cur.push_back(next);
      self(self, next);
      cur.pop_back();
    }
  };
  search(search, 0);
  if (best.empty()) return std::nullopt;
  return best;
}

}  // namespace telar
