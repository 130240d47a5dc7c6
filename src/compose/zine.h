// SPDX-License-Identifier: GPL-3.0-or-later
// Story + template -> what goes in the zine: the cover's words, the headline, the body
// blocks in reading order, the QR payload and the labels. Decisions about content only;
// no Pango, no paper.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diag.h"
#include "compose/headline.h"
#include "compose/node_mark.h"
#include "story/story.h"
#include "template/template.h"

namespace telar {

struct ZineOptions {
  std::string qr_url;       ///< --qr: overrides the story's link
  bool qr_offline = false;  ///< --qr-offline (a later issue: the story text itself)
  /// The circle's shared words, found before --anonymize (so the motif does not change with
  /// it); their voices are pseudonyms under --anonymize. Null: none.
  const SharedWords* shared = nullptr;
  bool braid = false;  ///< --braid (or the template's `braid: true`)
};

struct ZineBlock {
  enum class Kind { round, turn, narration, quote };
  Kind kind;
  std::string speaker;  ///< turn / quote attribution (may be empty)
  std::string text;
  Loc loc;
};

struct ZineDoc {
  std::string source_name;  ///< the story file as the user named it (for diagnostics)
  std::string lang;  ///< BCP 47, from the story
  std::string title, node, date;  ///< date spelled out in the story's language
  std::optional<Headline> headline;
  std::string headline_attribution;  ///< "— Elena", or empty
  std::vector<ZineBlock> body;       ///< rounds, turns, narration and highlights, in order
  std::string qr_payload;            ///< empty: no QR code on the back cover
  std::string link_text;             ///< the link as printed under the QR code
  std::string label_scan, label_colophon, label_notes;
  Loc title_loc, link_loc;  ///< for "does not fit" diagnostics
  NodeMark mark;  ///< the woven motif and the braid, when asked for
};

/// "2026-11-14" -> "14 de noviembre de 2026" (es), "14 November 2026" (en), also pt, ht, fr;
/// other languages and anything not a date are returned as written.
std::string spell_date(const std::string& iso, const std::string& lang);

/// `source_name` is the story file as the user named it (diagnostics only).
ZineDoc compose_zine(const Story& story, const std::string& source_name, const Template& tpl, const ZineOptions& opt,
                     Diagnostics& diags);

}  // namespace telar
