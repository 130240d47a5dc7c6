// SPDX-License-Identifier: GPL-3.0-or-later
// The braid of shared words: one strand per speaker, running along the box; where several
// speakers said the same word their strands meet in one point, cross there (they leave in
// the reverse order) and the word is set at that point. Geometry first (plain data that
// tests check: continuous strands, crossings at the words, nothing outside the box), then
// its shapes and text in the template's palette.
#pragma once

#include <string>
#include <vector>

#include "base/geometry.h"
#include "compose/shared_words.h"
#include "layout/fonts.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar {

/// At most this many words cross in one braid, and this many strands run in it: more would
/// not read at a mini-zine page's size.
inline constexpr std::size_t kMaxBraidWords = 7;
inline constexpr std::size_t kMaxBraidStrands = 12;

struct BraidGeometry {
  struct Strand {
    std::size_t voice = 0;  ///< index into SharedWords::voices
    Path path;              ///< one move_to, then curves: continuous from end to end
  };
  struct Crossing {
    std::size_t word = 0;              ///< index into SharedWords::words
    Point at;                          ///< where the strands meet and the word is set
    std::vector<std::size_t> strands;  ///< indexes into `strands`: who said the word
  };
  bool vertical = false;  ///< strands run top to bottom (a tall box), else left to right
  double lane = 0;        ///< distance between neighbouring strands, points
  double step = 0;        ///< distance between neighbouring crossings, points
  std::vector<Strand> strands;
  std::vector<Crossing> crossings;  ///< in the order the strands reach them
};

/// The braid of `shared` in `box`: the first kMaxBraidWords words (the most shared), set
/// in the order they were first said; the first kMaxBraidStrands voices. Strands run along
/// the box's longer side. Empty when no word is shared.
BraidGeometry braid_geometry(const SharedWords& shared, const Rect& box);

/// Strokes and words of the braid in `box`: strands in the template's ink and accent
/// (alternating tints), each with a paper-coloured casing so crossings read over and under;
/// each word on a paper-coloured pill at its crossing, in the template's `font_role` font.
/// Slots: "braid" (strands), "braid-word" (words).
void add_braid(std::vector<Item>& items, const SharedWords& shared, const Rect& box,
               const Template& tpl, const FontSet& fonts, const std::string& lang,
               const std::string& font_role);

}  // namespace telar
