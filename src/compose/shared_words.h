// SPDX-License-Identifier: GPL-3.0-or-later
// The circle's shared words: content words that two or more speakers said, lemmatised
// lightly per language (compose/words.h), with every function word and every name left
// out. They seed the node's woven motif and label the braid's crossings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/loc.h"
#include "story/story.h"

namespace telar {

/// A word shorter than this many letters never counts (besides the stop-words).
inline constexpr std::size_t kMinSharedLetters = 3;
/// At most this many shared words are kept (the most shared first).
inline constexpr std::size_t kMaxSharedWords = 24;

struct SharedWord {
  std::string key;                  ///< the lemma words are compared by ("bateria")
  std::string word;                 ///< as shown: its commonest written form, lower case
  std::vector<std::size_t> voices;  ///< who said it: indexes into SharedWords::voices, sorted
  std::size_t uses = 0;             ///< how many times, by anyone
  Loc first;                        ///< where it was first said
};

struct SharedWords {
  std::vector<std::string> voices;  ///< the speakers, in order of first appearance
  std::vector<SharedWord> words;    ///< most voices first, then most uses, then first said
};

/// One thing said: by whom, what, where.
struct Said {
  std::string voice;
  std::string_view text;
  Loc loc;
};

/// The shared words of `said`. A token that is part of a name in `names` (any case; a
/// pseudonym such as "Voz 3" only where capitalised), that is written capitalised every
/// time it occurs (a place or a person), or that has a digit never counts.
SharedWords find_shared_words(const std::vector<Said>& said, std::string_view lang,
                              const std::vector<std::string>& names);

/// The turns of a story with a speaker; its speakers and `private:` names are the names.
SharedWords shared_words(const Story& story);

/// The seed of the node's motif: a 64-bit FNV-1a hash of the shared words' keys in rank
/// order (never of names, never of who said them). No shared word: the hash of nothing.
std::uint64_t motif_seed(const SharedWords& shared);

}  // namespace telar
