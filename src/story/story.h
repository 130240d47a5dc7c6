// SPDX-License-Identifier: GPL-3.0-or-later
// What was said in a story circle: front matter, rounds, turns. Nothing here knows about
// paper or fonts. Parsers take SourceText (a name and bytes), never a path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/loc.h"
#include "base/source.h"

namespace telar {

/// The YAML front matter between the two `---` lines (PRODUCT.md §1).
struct FrontMatter {
  std::string title;
  std::string node;
  std::string date;      ///< as written (ISO 8601 YYYY-MM-DD is validated)
  std::string lang = "en";  ///< BCP 47
  std::string headline;  ///< optional
  std::string link;      ///< optional, for QR codes
  std::vector<std::string> private_names;  ///< `private: [..]`: removed under --anonymize
  Loc title_loc, headline_loc, link_loc;  ///< where each value is, for later diagnostics
};

struct Turn {
  std::string speaker;            ///< empty = narration / facilitator note
  std::string text;               ///< UTF-8, NFC; continuation lines joined with one space
  std::optional<int> at_seconds;  ///< from a leading [hh:mm:ss] (or [mm:ss])
  bool highlight = false;         ///< "> Name: …" (a candidate for pull quotes/headline)
  Loc loc;                        ///< where the turn starts
};

struct Round {
  std::string question;  ///< the `## heading` text; empty for narration before the first round
  std::vector<Turn> turns;
  Loc loc;
};

struct Story {
  FrontMatter meta;
  std::vector<Round> rounds;  ///< rounds[0] may have an empty question (the preamble)

  /// Every distinct speaker, in order of first appearance.
  std::vector<std::string> speakers() const;
};

/// Parses a story-circle file (.md). Never throws on bad data: problems go to `diags`
/// with file:line:col, and parsing goes on so that `telar check` can report them all.
Story parse_circle(const SourceText& src, Diagnostics& diags);

/// The longest link a story or --qr may give (bytes): docs/limits.md.
inline constexpr std::size_t kMaxLinkBytes = 2000;
/// "http://…" or "https://…" with no space or control character, at most kMaxLinkBytes.
bool is_web_link(std::string_view s);

}  // namespace telar
