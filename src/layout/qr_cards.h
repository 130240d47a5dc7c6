// SPDX-License-Identifier: GPL-3.0-or-later
// --qr-offline's story sheet: the story's cards (compose/qr_payload.h) as a grid of QR
// codes on one sheet of the zine's paper, each with its "2/6 Title" caption and dashed
// cut guides between cards. Chooses the QR version that prints the largest modules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/fonts.h"
#include "layout/page.h"
#include "story/story.h"
#include "template/template.h"

namespace telar {

struct StorySheetPlan {
  std::vector<std::string> cards;  ///< the text of each card, header first
  int version = 0;                 ///< the QR version the cards were cut for (the largest)
  char ec = 'M';
  int cols = 1, rows = 1;
  Length module;  ///< printed module side
};

/// The best plan for `story` on `paper`: the fewest cards whose modules print at least
/// 0.8 mm, else the largest modules (at least 0.4 mm); error correction M, else L.
/// nullopt when no plan of at most 16 cards fits.
std::optional<StorySheetPlan> plan_story_sheet(const Story& story, Size paper);

/// The story sheet as one page of size `paper`.
Page layout_story_sheet(const StorySheetPlan& plan, Size paper, const Template& tpl,
                        const FontSet& fonts, const std::string& lang);

}  // namespace telar
