// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <set>

#include "compose/shared_words.h"
#include "compose/weave_draft.h"

using namespace telar;

TEST_CASE("weave drafts: every thread interlaces, no float past the limit, for many seeds", "[weave]") {
  std::set<std::string> seen;
  for (std::uint64_t seed = 0; seed < 3000; ++seed) {
    const WeaveDraft w = weave_draft(seed * 0x9e3779b97f4a7c15ULL + 7);
    const DraftCheck c = check_draft(w);
    INFO("seed " << seed);
    REQUIRE(c.tie_up_in_range);
    REQUIRE(c.every_thread_interlaces);
    REQUIRE(c.longest_warp_float <= kMaxFloat);
    REQUIRE(c.longest_weft_float <= kMaxFloat);
    REQUIRE(w.warps() <= kMaxWarps);
    REQUIRE(w.picks() <= kMaxPicks);
    seen.insert(draft_fingerprint(w));
  }
  // Seeds give different motifs (a few may meet; the fallback is never the rule).
  CHECK(seen.size() > 2900);
}

TEST_CASE("weave drafts are mirrored bands: the threading and treadling read the same backwards", "[weave]") {
  const WeaveDraft w = weave_draft(42);
  const int W = w.warps(), P = w.picks();
  // A palindrome tiled: end i and end W - i are on one shaft.
  for (int i = 1; i < W; ++i) CHECK(w.threading[static_cast<std::size_t>(i)] == w.threading[static_cast<std::size_t>(W - i)]);
  for (int j = 1; j < P; ++j) CHECK(w.treadling[static_cast<std::size_t>(j)] == w.treadling[static_cast<std::size_t>(P - j)]);
  // Point threading: neighbours are on neighbouring shafts or the same one (stepped).
  for (int i = 0; i + 1 < W; ++i)
    CHECK(std::abs(w.threading[static_cast<std::size_t>(i)] - w.threading[static_cast<std::size_t>(i + 1)]) <= 1);
}

TEST_CASE("the draft check finds a float that is too long and a thread that never interlaces", "[weave]") {
  WeaveDraft w = weave_draft(1);
  REQUIRE(check_draft(w).ok());
  // Every treadle raising shaft 0: the ends on shaft 0 stay up over every pick.
  for (auto& row : w.tie_up) row[0] = true;
  const DraftCheck c = check_draft(w);
  CHECK_FALSE(c.ok());
  CHECK_FALSE(c.every_thread_interlaces);
  CHECK(c.longest_warp_float == w.picks());

  WeaveDraft v = weave_draft(1);
  v.treadling.assign(static_cast<std::size_t>(kMaxFloat + 1), 0);  // one twill treadle, 6 picks
  v.treadling.push_back(8);
  v.treadling.push_back(9);
  CHECK(check_draft(v).longest_warp_float > kMaxFloat);
  CHECK_FALSE(check_draft(v).ok());

  WeaveDraft bad = weave_draft(1);
  bad.threading.push_back(kShafts);  // a shaft the loom does not have
  CHECK_FALSE(check_draft(bad).tie_up_in_range);
}

TEST_CASE("weave drafts are deterministic and follow the seed", "[weave]") {
  CHECK(draft_fingerprint(weave_draft(2026)) == draft_fingerprint(weave_draft(2026)));
  CHECK(draft_fingerprint(weave_draft(2026)) != draft_fingerprint(weave_draft(2027)));
  // The four example circles' seeds, fixed: a change here changes every node's motif.
  SharedWords sw;
  sw.words.push_back({"luz", "luz", {0, 1}, 2, {}});
  const std::string one = draft_fingerprint(weave_draft(motif_seed(sw)));
  sw.words[0].key = "luc";
  CHECK(draft_fingerprint(weave_draft(motif_seed(sw))) != one);
}
