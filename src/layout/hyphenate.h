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
  /// (acronyms), with digits or already holding a soft hyphen are left alone.
  std::string hyphenate(std::string_view text) const;

 private:
  std::shared_ptr<_HyphenDict> dict_;
};

}  // namespace telar
