// SPDX-License-Identifier: GPL-3.0-or-later
// --anonymize: every speaker (and every name in front matter `private:`) becomes a stable
// pseudonym ("Voz 1", "Voice 1") or initials, in turns, highlights and wherever the name is
// mentioned, before any later stage sees a name. Matching is done on a normal form (NFKC,
// default-ignorable characters removed, case-folded, accents stripped).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "story/lessons.h"
#include "story/story.h"

namespace telar {

enum class AnonymizeMode { pseudonyms, initials };

/// "Voz" (es, arn, qu, ay, pt, gn), "Vwa" (ht), "Voix" (fr), "Voice" otherwise.
std::string pseudonym_word(const std::string& lang);

/// The form names are matched in: NFKC, default-ignorables (U+00AD, U+200B, U+2060 …)
/// removed, case-folded, accents and other marks stripped. "Ána" and "ANA" -> "ana".
std::string name_key(std::string_view s);

/// Replaces names in any text. Built once per story from its names.
class Anonymizer {
 public:
  /// `names` in order of first appearance; each gets "<word> N" (or initials).
  Anonymizer(const std::vector<std::string>& names, const std::string& lang,
             AnonymizeMode mode = AnonymizeMode::pseudonyms);

  /// What replaces the speaker label `name` (names equal in name_key() share one).
  std::string alias(const std::string& name) const;
  /// `text` with every mention replaced, whole-word on the normal form: full names first,
  /// then each part that is a name (not "de", "la", "Don"), with possessives and suffixes
  /// ("Carmen's", "carmen2"), hyphenated and apostrophe parts ("Rose-Merline", "D'Angelo")
  /// and Arabic prefixes (و ف ب ل ك ال). A part that is also a common word ("Luz", "Rosa",
  /// "Paz") is replaced only where it is written with a capital letter.
  std::string apply(std::string_view text) const;
  /// The first name (or name part) that `text` contains anywhere — inside a URL, percent-
  /// encoded ("Juli%C3%A1n") or not — or empty.
  std::string name_inside(std::string_view text) const;

  struct Pattern {
    std::vector<std::string> words;  ///< name_key() of each word
    std::vector<std::string> shown;  ///< each word as written, for messages
    std::string replacement;
    bool common = false;  ///< one word that is also a common word: capitalised mentions only
  };

 private:
  std::vector<std::pair<std::string, std::string>> aliases_;  ///< key -> replacement
  std::vector<Pattern> patterns_;  ///< longest first
};

/// Every speaker and private name of `story`, in order: speakers first.
std::vector<std::string> names_of(const Story& story);

/// Speakers numbered in order of first appearance, then `private:` names; every text of the
/// story (title, node, headline, round questions, turns) rewritten by Anonymizer::apply.
Story anonymize(Story story, AnonymizeMode mode = AnonymizeMode::pseudonyms);

/// The first speaker or private name (or part) inside `text` (a link), or empty. Links
/// cannot be rewritten, so the caller refuses them.
std::string name_inside(const Story& story, std::string_view text);

/// What --anonymize does in every job: each link that will be printed (front matter
/// `link`, --qr) is refused when it carries a name (a link cannot be rewritten), then the
/// story is anonymized. Errors go to `diags`.
Story anonymize_for_output(Story story, AnonymizeMode mode,
                           const std::vector<std::pair<std::string, Loc>>& links,
                           Diagnostics& diags);

/// A field-manual lesson with every text it prints (title, headings, paragraphs, list items,
/// quotes, code, table cells, image descriptions) rewritten by `anon`; its `private:` names
/// are dropped. A link that carries a name is reported to `diags` at its block (a link
/// cannot be rewritten). The manual builds `anon` from --crew and every lesson's `private:`.
Lesson anonymize_lesson(Lesson lesson, const Anonymizer& anon, Diagnostics& diags);

}  // namespace telar
