// SPDX-License-Identifier: GPL-3.0-or-later
// The node's woven motif as a weave draft a weaver could set up on an 8-shaft loom:
// threading (warp end -> shaft), tie-up (treadle -> shafts raised), treadling (pick ->
// treadle), and the drawdown they give. Point threadings and treadlings make the stepped
// diamonds, zigzags and mirrored bands of Andean and Mapuche bands (docs/motif.md); plain
// weave stripes separate the figured bands. Seeded by the circle's shared words only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace telar {

/// Shafts and treadles of the loom the draft is for: 8 shafts, 8 twill treadles and 2
/// plain-weave (tabby) treadles.
inline constexpr int kShafts = 8;
inline constexpr int kTreadles = 10;
/// The longest float a draft may have, in threads, warp-wise or weft-wise, counted around
/// the repeat (the motif is drawn tiled). Five ends is about 6 mm at 8 ends/cm: it holds
/// in a band or a bag, and is well within what hand weavers allow.
inline constexpr int kMaxFloat = 5;

/// The largest repeat the generator makes: its chart stays readable on one page.
inline constexpr int kMaxWarps = 48;
inline constexpr int kMaxPicks = 64;

struct WeaveDraft {
  std::vector<int> threading;               ///< warp end i (left to right) -> shaft, 0-based
  std::vector<std::vector<bool>> tie_up;    ///< [treadle][shaft]: raised when pressed
  std::vector<int> treadling;               ///< pick j (top to bottom) -> treadle, 0-based
  bool warp_is_ink = true;                  ///< which colour role the warp takes (the weft the other)

  int warps() const { return static_cast<int>(threading.size()); }
  int picks() const { return static_cast<int>(treadling.size()); }
  /// Warp end `warp` is over pick `pick` (indexes taken modulo the repeat).
  bool warp_up(int warp, int pick) const;
};

struct DraftCheck {
  int longest_warp_float = 0;  ///< a warp end over this many picks in a row (cyclic)
  int longest_weft_float = 0;  ///< a pick over this many warp ends in a row (cyclic)
  bool every_thread_interlaces = false;  ///< each end and pick goes both over and under
  bool tie_up_in_range = false;          ///< every threading/treadling entry has a shaft/treadle
  bool ok() const {
    return every_thread_interlaces && tie_up_in_range && longest_warp_float <= kMaxFloat &&
           longest_weft_float <= kMaxFloat;
  }
};

/// What a weaver would check before warping: floats and interlacing, around the repeat.
DraftCheck check_draft(const WeaveDraft& draft);

/// The draft for `seed` (compose/shared_words.h motif_seed). Always passes check_draft:
/// a candidate that does not is drawn again from the same seed's sequence.
WeaveDraft weave_draft(std::uint64_t seed);

/// 16 hex digits naming the drawdown and its colours: equal for equal motifs.
std::string draft_fingerprint(const WeaveDraft& draft);

}  // namespace telar
