// SPDX-License-Identifier: GPL-3.0-or-later
// Hyphenation for the manual's running text: libhyphen with the system's dictionaries
// (Debian's hyphen-* packages), soft hyphens (U+00AD) inserted before layout so that Pango
// may break there and show a hyphen.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct _HyphenDict;

namespace telar {

inline constexpr std::string_view kSoftHyphen = "\u00AD";

class Hyphenator {
 public:
  /// No dictionary: hyphenate() returns the text as it is.
  Hyphenator() = default;

  /// The dictionary for `lang` (BCP 47) in `dir`: hyph_<ll>_<RR>.dic, hyph_<ll>.dic, else
  /// the first hyph_<ll>_*.dic by name. No dictionary found (or an unreadable one) gives an
  /// empty Hyphenator: text is then set without hyphens, never refused.
  static Hyphenator load(std::string_view lang,
                         const std::filesystem::path& dir = "/usr/share/hyphen");

  bool empty() const { return !dict_; }

  /// `text` with a soft hyphen at each hyphenation point of its words of six letters or
  /// more, at least two letters from the start and three from the end. Words in capitals
  /// (acronyms), with digits or already holding a soft hyphen are left alone; so are
  /// capitalised Mapudungun words (proper nouns: in an `arn` text, or spelled with ḻ ṉ ṯ),
  /// the last word when `ends_paragraph`, and breaks that would leave an unfortunate
  /// fragment on either side (the language's exception list: Spanish "cír-culo").
  std::string hyphenate(std::string_view text, bool ends_paragraph = false) const;

  /// True when breaking a word (lower case) into `before` and `after` would leave a
  /// fragment on the exception list of `lang` (alone, or with a plural ending).
  static bool unfortunate_break(std::string_view lang, std::string_view before, std::string_view after);

 private:
  std::shared_ptr<_HyphenDict> dict_;
  std::string lang_;  ///< primary language subtag, "es"
};

}  // namespace telar
