// SPDX-License-Identifier: GPL-3.0-or-later
// Words as the circle's shared vocabulary sees them: tokens with their case kept, a light
// lemma per language (plurals folded), and the function words of es, en, pt, ht and arn
// that never count as shared. Compose stage: no Pango, no paper.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace telar {

/// A run of letters (marks and apostrophes inside a word included), as written.
struct Token {
  std::string text;       ///< as written, NFC
  std::size_t letters = 0;
  bool capitalised = false;  ///< the first letter is upper or title case
  bool has_digit = false;
};

/// The words of `text` in order; numbers and punctuation split them.
std::vector<Token> tokenize(std::string_view text);

/// Lower case, then the plural folded by the rules of `lang`'s primary subtag:
/// es "baterías" -> "batería", "colores" -> "color", "luces" -> "luz"; pt "canções" ->
/// "canção", "animais" -> "animal"; en "batteries" -> "battery", "vans" -> "van". ht and
/// arn mark plurals with a separate word (yo, pu), which is a stop-word: lower case only.
std::string lemma(std::string_view word, std::string_view lang);

/// A function word (article, pronoun, preposition, conjunction, auxiliary, common adverb)
/// of any of es, en, pt, ht, arn, compared lower-cased: circles mix languages (a Spanish
/// circle in a lof says "ka" and "pu"), so every list applies to every circle.
bool is_stop_word(std::string_view lower);

}  // namespace telar
