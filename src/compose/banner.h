// SPDX-License-Identifier: GPL-3.0-or-later
// Story (or a headline alone) + template -> what goes on the banner: the headline, a quote
// or two with who said them, the node, the date, the QR payload. Content decisions only.
#pragma once

#include <string>
#include <vector>

#include "base/diag.h"
#include "compose/node_mark.h"
#include "story/story.h"
#include "template/template.h"

namespace telar {

struct BannerQuote {
  std::string text;
  std::string speaker;  ///< may be empty
  Loc loc;
};

struct BannerDoc {
  std::string source_name;  ///< the story file as the user named it (diagnostics only)
  std::string lang;         ///< BCP 47
  std::string headline;
  Loc headline_loc;
  std::vector<BannerQuote> quotes;  ///< in story order, at most the template's `quotes`
  std::string node, date;           ///< the date spelled out in the story's language
  std::string qr_payload;           ///< the story's link; empty: no QR code
  std::string link_text;            ///< the link as printed under the code (shorten_link)
  Loc link_loc;
  std::string label_scan;
  NodeMark mark;  ///< the woven motif and the braid, when asked for (jobs/banner.cc fills it)
};

/// Longest highlight (in words) that is still considered as a banner quote.
inline constexpr std::size_t kBannerQuoteMaxWords = 30;

/// The headline is `headline` when given (--headline), else the story's (choose_headline:
/// the front matter's, else the best highlight). Quotes are the best-scoring other
/// highlights of at most kBannerQuoteMaxWords words. `story` may be null (--headline
/// alone): then `lang` gives the labels' language. No headline at all is an error.
BannerDoc compose_banner(const Story* story, const std::string& source_name,
                         const std::string& headline, const std::string& lang,
                         const Template& tpl, Diagnostics& diags);

}  // namespace telar
