// SPDX-License-Identifier: GPL-3.0-or-later
// Quotation marks and punctuation spacing by language: what a pull quote opens and closes
// with, and the narrow no-break spaces French and Haitian Creole put inside « » and before
// : ; ! ?.
#pragma once

#include <string>
#include <string_view>

namespace telar {

struct QuoteMarks {
  std::string_view open, close;  ///< in logical order (the first is read first)
  bool spaced = false;           ///< a narrow no-break space inside the marks (fr, ht)
};

/// The marks for `lang` (BCP 47). `style` is a template's `quote_marks` option: "" (the
/// language's own), "curly" (“…”) or "guillemets" («…»); it does not apply to languages
/// with one convention (fr, ht, ar, ur, he, de, ja). Defaults: en, pt, zh, ko and
/// others “…”; es (and arn, qu, ay, gn), ca, it, ru, uk, fa «…»; fr, ht « … » spaced;
/// de „…“; ja 「…」; ar, ur, he ”…“ (the opening mark on the right in a right-to-left line).
QuoteMarks quote_marks(std::string_view lang, std::string_view style = {});

/// `text` between quote_marks(lang, style).
std::string quoted(std::string_view text, std::string_view lang, std::string_view style = {});

/// True for languages that space high punctuation: fr, ht.
bool spaces_high_punctuation(std::string_view lang);

/// French/Haitian typography, when a template asks for it (`punctuation_spacing: true`):
/// a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before :,
/// replacing a plain space there, never doubled, and not inside a link (":/"). Other
/// languages: `text` unchanged.
std::string space_high_punctuation(std::string_view text, std::string_view lang);

}  // namespace telar
