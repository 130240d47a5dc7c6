// SPDX-License-Identifier: GPL-3.0-or-later
// The languages telar speaks to its users (messages, labels), and how to pick one.
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace telar {

/// UI language for messages and `--help`: the code of a message catalogue compiled in from
/// po/<code>.po ("en", "es", "pt", ...). The set is open: a volunteer adds a language with
/// one .po file and one word in CMakeLists.txt (docs/translating.md), no code. English is
/// the source text, always available, and the fallback for any message a catalogue lacks.
/// Content language (a story's `lang`) is a BCP 47 string; lang_from_tag() maps it here.
class Lang {
 public:
  constexpr Lang() = default;  ///< English
  /// A catalogue code of at most 7 characters ("pt", "arn"); anything longer is English.
  constexpr explicit Lang(std::string_view code) {
    if (code.empty() || code.size() >= code_.size()) return;
    code_ = {};
    for (std::size_t i = 0; i < code.size(); ++i) code_[i] = code[i];
  }
  static const Lang en;
  static const Lang es;
  constexpr std::string_view code() const { return std::string_view(code_.data()); }
  friend constexpr bool operator==(const Lang&, const Lang&) = default;

 private:
  std::array<char, 8> code_{'e', 'n'};
};
inline constexpr Lang Lang::en{"en"};
inline constexpr Lang Lang::es{"es"};

/// The locale variables that choose the UI language, as the environment gives them
/// (an unset variable is empty).
struct LocaleEnv {
  std::string_view language;     ///< LANGUAGE: "pt:es", a GNU priority list
  std::string_view lc_all;       ///< LC_ALL
  std::string_view lc_messages;  ///< LC_MESSAGES
  std::string_view lang;         ///< LANG
};

/// GNU gettext's rules, without setlocale (works on machines with no generated locales):
/// the message locale is the first non-empty of LC_ALL, LC_MESSAGES, LANG. When it is
/// unset or C/POSIX (C.UTF-8 too), the UI is English and LANGUAGE is ignored. Otherwise
/// each entry of LANGUAGE ("pt_BR:es") is tried in order, then the locale's own language;
/// the first telar has a catalogue for wins ("en" counts), else English.
Lang ui_language(const LocaleEnv& env);
/// ui_language() of this process's environment.
Lang ui_language_from_env();

/// The UI language for a locale name or BCP 47 tag: "es_CL.UTF-8", "es-CL" -> es; "pt_BR"
/// -> pt when po/pt.po is shipped; Mapudungun, Aymara, Quechua and Guaraní (arn, ay, qu, gn:
/// their speakers in the Southern Cone read Spanish labels) -> es; anything else -> en.
Lang lang_from_tag(std::string_view bcp47);
/// The languages telar has message catalogues for, English first.
std::vector<Lang> ui_languages();

/// True for a language written right to left (primary subtag ar, he, fa, ur, ps, sd, ug,
/// yi, dv, ckb, syr, arc, nqo, or an -Arab/-Hebr/-Thaa/-Syrc script subtag): its pages,
/// zines and booklets are mirrored (lang.cc).
bool is_rtl_language(std::string_view bcp47);

/// True for a character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and their presentation forms, and the RTL blocks of the SMP): a
/// strong right-to-left character in the Unicode bidi algorithm's sense.
bool is_rtl_char(char32_t c);

}  // namespace telar
