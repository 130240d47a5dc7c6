// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/weave_draft.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace telar {
namespace {

/// splitmix64: a small, well-mixed sequence from one 64-bit seed (same on every machine).
class Draws {
 public:
  /// The seed is mixed first, so that seeds a step apart do not share one sequence.
  explicit Draws(std::uint64_t seed) : s_(seed) { s_ = next(); }
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  int in(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }

 private:
  std::uint64_t s_;
};

/// Twill tie-ups on 8 shafts: treadle t raises shaft s when kTwills[k][(s - t) mod 8].
/// Those whose floats stay within kMaxFloat on point drafts (a 4/4 twill never does: its
/// runs double at every point): warp-faced and weft-faced diagonals (3/1 and 1/3 twice),
/// small diamonds (2/2 twice), diamonds in outline (3/1/1/3) and broken twills whose
/// diamonds carry a second line inside (2/1/2/3, 3/2/1/2).
constexpr std::array<std::array<bool, kShafts>, 6> kTwills = {{
    {1, 1, 1, 0, 1, 0, 0, 0},  // 3/1/1/3
    {1, 1, 0, 0, 1, 1, 0, 0},  // 2/2, twice
    {1, 1, 1, 0, 1, 1, 1, 0},  // 3/1, twice
    {1, 0, 0, 0, 1, 0, 0, 0},  // 1/3, twice
    {1, 1, 0, 1, 1, 0, 0, 0},  // 2/1/2/3
    {1, 1, 1, 0, 0, 1, 0, 0},  // 3/2/1/2
}};

constexpr int kTabbyOdd = 8, kTabbyEven = 9;  ///< treadles 9 and 10: shafts 1,3,5,7 / 2,4,6,8

/// A point path over 0..top: up to a peak, down to a valley, again; `steps` repeats each
/// position (stepped edges: the Andean escalonado). Starts at 0, ends where it turns.
std::vector<int> point_path(Draws& d, int top, int turns, int steps) {
  std::vector<int> path;
  int at = 0;
  auto put = [&](int v) {
    for (int k = 0; k < steps; ++k) path.push_back(v);
  };
  put(at);
  for (int t = 0; t < turns; ++t) {
    const bool up = t % 2 == 0;
    // Wide turns (a peak in the top three shafts, a valley in the bottom three): the
    // zigzags and diamonds stay large enough to read as figures, not as texture.
    const int to = up ? d.in(std::max(at + 3, top - 2), top) : d.in(0, std::min(2, std::max(0, at - 3)));
    while (at != to) {
      at += up ? 1 : -1;
      put(at);
    }
  }
  return path;
}

/// `half` followed by itself backwards without its two ends: a palindrome whose repeat
/// tiles seamlessly (a mirrored band).
std::vector<int> mirrored(std::vector<int> half) {
  if (half.size() < 3) return half;
  for (std::size_t i = half.size() - 2; i >= 1; --i) half.push_back(half[i]);
  return half;
}

WeaveDraft candidate(Draws& d) {
  WeaveDraft w;
  const auto& twill = kTwills[static_cast<std::size_t>(d.in(0, static_cast<int>(kTwills.size()) - 1))];
  w.tie_up.assign(kTreadles, std::vector<bool>(kShafts, false));
  for (int t = 0; t < kShafts; ++t)
    for (int s = 0; s < kShafts; ++s) w.tie_up[t][s] = twill[static_cast<std::size_t>((s - t + kShafts) % kShafts)];
  for (int s = 0; s < kShafts; ++s) w.tie_up[kTabbyOdd][s] = s % 2 == 0, w.tie_up[kTabbyEven][s] = s % 2 == 1;

  // Threading: a mirrored point path; stepped (each shaft twice) one time in three.
  const int steps = d.in(0, 2) == 0 ? 2 : 1;
  w.threading = mirrored(point_path(d, kShafts - 1, d.in(2, 4), steps));

  // Treadling: figured bands, each a point path (diamonds) or a straight run (zigzags),
  // separated by a few picks of plain weave; the whole mirrored top to bottom.
  std::vector<int> half;
  const int bands = d.in(1, 2);
  for (int b = 0; b < bands; ++b) {
    const int tabby = d.in(1, 2) * 2;
    for (int k = 0; k < tabby; ++k) half.push_back(k % 2 == 0 ? kTabbyOdd : kTabbyEven);
    if (d.in(0, 2) == 0) {
      const int runs = d.in(1, 2), len = d.in(4, kShafts), dir = d.in(0, 1);
      for (int r = 0; r < runs; ++r)
        for (int k = 0; k < len; ++k) half.push_back(dir ? k : len - 1 - k);
    } else {
      for (int v : point_path(d, kShafts - 1, d.in(2, 3), d.in(0, 3) == 0 ? 2 : 1)) half.push_back(v);
    }
  }
  w.treadling = mirrored(std::move(half));
  w.warp_is_ink = d.in(0, 1) == 0;
  return w;
}

/// The fallback, checked by a test: a 2/2 point twill with tabby stripes.
WeaveDraft plain_point_twill() {
  WeaveDraft w;
  w.tie_up.assign(kTreadles, std::vector<bool>(kShafts, false));
  for (int t = 0; t < kShafts; ++t)
    for (int s = 0; s < kShafts; ++s) w.tie_up[t][s] = kTwills[1][static_cast<std::size_t>((s - t + kShafts) % kShafts)];
  for (int s = 0; s < kShafts; ++s) w.tie_up[kTabbyOdd][s] = s % 2 == 0, w.tie_up[kTabbyEven][s] = s % 2 == 1;
  w.threading = mirrored({0, 1, 2, 3, 4, 5, 6, 7});
  w.treadling = mirrored({8, 9, 0, 1, 2, 3, 4, 5, 6, 7});
  return w;
}

int longest_run(const std::vector<bool>& line) {
  const int n = static_cast<int>(line.size());
  if (n == 0) return 0;
  if (std::all_of(line.begin(), line.end(), [&](bool b) { return b == line[0]; })) return n;
  int best = 0;
  // Start just after a change so that a run across the repeat's edge is counted whole.
  int start = 0;
  while (line[static_cast<std::size_t>(start)] == line[static_cast<std::size_t>((start + n - 1) % n)]) ++start;
  for (int k = 0, run = 0; k < n; ++k) {
    const auto i = static_cast<std::size_t>((start + k) % n), prev = static_cast<std::size_t>((start + k + n - 1) % n);
    run = (k > 0 && line[i] == line[prev]) ? run + 1 : 1;
    best = std::max(best, run);
  }
  return best;
}

}  // namespace

bool WeaveDraft::warp_up(int warp, int pick) const {
  const int shaft = threading[static_cast<std::size_t>(warp % warps())];
  const int treadle = treadling[static_cast<std::size_t>(pick % picks())];
  return tie_up[static_cast<std::size_t>(treadle)][static_cast<std::size_t>(shaft)];
}

DraftCheck check_draft(const WeaveDraft& w) {
  DraftCheck c;
  c.tie_up_in_range = !w.threading.empty() && !w.treadling.empty() &&
                      static_cast<int>(w.tie_up.size()) == kTreadles &&
                      std::all_of(w.tie_up.begin(), w.tie_up.end(), [](const auto& r) { return static_cast<int>(r.size()) == kShafts; }) &&
                      std::all_of(w.threading.begin(), w.threading.end(), [](int s) { return s >= 0 && s < kShafts; }) &&
                      std::all_of(w.treadling.begin(), w.treadling.end(), [](int t) { return t >= 0 && t < kTreadles; });
  if (!c.tie_up_in_range) return c;
  c.every_thread_interlaces = true;
  for (int i = 0; i < w.warps(); ++i) {
    std::vector<bool> col;
    for (int j = 0; j < w.picks(); ++j) col.push_back(w.warp_up(i, j));
    // Runs of "over" are floats on the face, runs of "under" floats on the back: both count.
    const int run = longest_run(col);
    c.longest_warp_float = std::max(c.longest_warp_float, run);
    if (run == w.picks()) c.every_thread_interlaces = false;
  }
  for (int j = 0; j < w.picks(); ++j) {
    std::vector<bool> row;
    for (int i = 0; i < w.warps(); ++i) row.push_back(w.warp_up(i, j));
    const int run = longest_run(row);
    c.longest_weft_float = std::max(c.longest_weft_float, run);
    if (run == w.warps()) c.every_thread_interlaces = false;
  }
  return c;
}

WeaveDraft weave_draft(std::uint64_t seed) {
  Draws d(seed);
  for (int attempt = 0; attempt < 200; ++attempt) {
    WeaveDraft w = candidate(d);
    if (w.warps() <= kMaxWarps && w.picks() <= kMaxPicks && check_draft(w).ok()) return w;
  }
  return plain_point_twill();
}

std::string draft_fingerprint(const WeaveDraft& w) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](std::uint64_t v) {
    h ^= v;
    h *= 0x100000001b3ULL;
  };
  mix(static_cast<std::uint64_t>(w.warps()));
  mix(static_cast<std::uint64_t>(w.picks()));
  mix(w.warp_is_ink);
  for (int j = 0; j < w.picks(); ++j)
    for (int i = 0; i < w.warps(); ++i) mix(w.warp_up(i, j));
  return fmt::format("{:016x}", h);
}

}  // namespace telar
