// SPDX-License-Identifier: GPL-3.0-or-later
// --qr-offline's payload: the story in a compact text form (docs/qr-offline.md), cut into
// cards at turn or sentence boundaries, each card readable alone ("2/6 Title" first); and
// the way back, cards (any order) -> a story-circle file. Text only: no QR, no paper.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "story/story.h"

namespace telar {

/// The most cards one story sheet holds (a 4 x 4 grid), and one offline story may take: 6
/// sheets (layout/qr_cards.h), and a count of two digits keeps every header as wide as
/// the one-sheet stories' ("16/16 ").
inline constexpr std::size_t kCardsPerSheet = 16;
inline constexpr std::size_t kMaxOfflineCards = 6 * kCardsPerSheet;

/// The story in the compact form, without card headers: meta lines ("@n node", "@d date",
/// "@l lang", "@u link", "@h headline"), then "# question", "Name: text", "> Name: text"
/// (highlight) and "- text" (narration), one per line.
std::vector<std::string> offline_lines(const Story& story);

/// The card header's title: the story's title, cut to 40 code points ("…" when cut).
std::string offline_card_title(const std::string& title);

/// Cuts the story into cards of at most `budget` bytes each, header included; a line too
/// long for one card is split at sentence (then word) boundaries, its continuation
/// pieces starting with "+ ". Returns an empty vector when more than `max_cards` are needed.
std::vector<std::string> offline_cards(const Story& story, std::size_t budget,
                                       std::size_t max_cards = kMaxOfflineCards);

/// One card's place, read from its header line "k/n Title".
struct CardHeader {
  int index = 0, count = 0;  ///< 1-based index, total
  std::string title;
};
/// False when `text` does not start with a card header.
bool parse_card_header(const std::string& text, CardHeader& out);

/// What reassembling found: the story-circle file's text, and the cards not found.
struct Reassembled {
  std::string circle;         ///< empty when no card was found
  std::vector<int> missing;   ///< 1-based indices, ascending
  int count = 0;              ///< cards in the set
  std::string title;
};

/// Cards in any order (duplicates and texts that are not cards ignored) -> the story as a
/// story-circle file (front matter + rounds and turns). Missing cards leave their part out.
Reassembled reassemble_cards(const std::vector<std::string>& texts);

/// The back cover's text when the story is on story sheets: title, card count, link.
std::string offline_cover_text(const Story& story, std::size_t cards, std::size_t sheets = 1);
/// What is printed under that code: "the whole story is on 6 QR cards (sheet 2)", or
/// "(sheets 2–3)" for two story sheets, in the story's language.
std::string offline_cover_caption(const Story& story, std::size_t cards, std::size_t sheets = 1);

/// A link as printed under its QR code: without "https://" and "www.", and cut in the
/// middle with "…" past 44 code points (the code itself keeps the whole link).
std::string shorten_link(const std::string& url);

}  // namespace telar
