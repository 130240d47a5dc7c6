// SPDX-License-Identifier: GPL-3.0-or-later
// The field manual's pages in reading order: cover, table of contents (with links), the
// lessons flowed with running heads and folios, notes pages up to a multiple of four, and
// the rotation calendar on the back cover. Also the duplex note and the duplex test sheet.
#pragma once

#include <string>
#include <vector>

#include "base/diag.h"
#include "compose/manual.h"
#include "layout/fonts.h"
#include "layout/hyphenate.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar {

struct ManualLayoutOptions {
  Size page;         ///< trim size of one page (portrait, e.g. A5)
  int multiple = 4;  ///< notes pages pad the count to a multiple of this (1: none)
};

/// One line of the table of contents, with the page it points at.
struct TocItem {
  std::string title;
  int level = 1;  ///< 1 lesson, 2 section
  std::string dest;
  int page = 0;  ///< 1-based, as printed
};

struct ManualPages {
  std::vector<Page> pages;
  std::vector<TocItem> toc;
  int toc_pages = 0, notes_pages = 0;
};

/// Lays out the whole manual. Problems (unreadable images, a title that cannot fit) go to
/// `diags`; the caller stops before rendering when there are errors.
ManualPages layout_manual(const ManualDoc& doc, const Template& tpl, const FontSet& fonts,
                          const Hyphenator& hyphenator, const ManualLayoutOptions& opt,
                          Diagnostics& diags);

/// The one-line duplex instruction printed in the first sheet's margin, at most `width`
/// points wide (it shrinks, then is cut with an ellipsis), origin at its top-left.
TextRun duplex_note(const std::string& text, const Template& tpl, const FontSet& fonts,
                    const std::string& lang, double width);

/// The duplex test sheet: two landscape pages of `sheet` (front, back). Printed duplex and
/// turned over like a book page, the back shows upright the message for the printer's
/// setting: "--duplex short" or, upside down on the paper, "--duplex long".
std::vector<Page> calibration_pages(const Template& tpl, const FontSet& fonts,
                                    const std::string& lang, Size sheet);

}  // namespace telar
