// SPDX-License-Identifier: GPL-3.0-or-later
// --qr-offline's story sheets: the story's cards (compose/qr_payload.h) as a grid of QR
// codes on sheets of the zine's paper (up to 16 cards a sheet), each card with its
// "2/6 Title" caption, dashed cut guides between cards. Chooses the QR version: the
// fewest sheets, then modules of 0.8 mm or more with the fewest cards, else the largest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/qr_payload.h"
#include "layout/fonts.h"
#include "layout/page.h"
#include "story/story.h"
#include "template/template.h"

namespace telar {

struct StorySheetPlan {
  std::vector<std::string> cards;  ///< the text of each card, header first
  int version = 0;                 ///< the QR version the cards were cut for (the largest)
  char ec = 'M';
  int cols = 1, rows = 1;  ///< the grid of every sheet; cards fill each sheet in turn
  int sheets = 1;
  Length module;  ///< printed module side
};

/// The most story sheets one story may take (kMaxOfflineCards cards in all).
inline constexpr int kMaxStorySheets = static_cast<int>(kMaxOfflineCards / kCardsPerSheet);

/// The best plan for `story` on `paper`: the fewest sheets; among those, the fewest cards
/// whose modules print at least 0.8 mm, else the largest modules (at least 0.4 mm); error
/// correction M, else L. nullopt when no plan of at most kMaxStorySheets sheets fits.
std::optional<StorySheetPlan> plan_story_sheet(const Story& story, Size paper);

/// The story sheets, one page of size `paper` each. A card style the template asks for
/// (qr.style) that does not read back is drawn square, with a warning in `diags`.
std::vector<Page> layout_story_sheets(const StorySheetPlan& plan, Size paper, const Template& tpl,
                                      const FontSet& fonts, const std::string& lang,
                                      Diagnostics& diags);

}  // namespace telar
