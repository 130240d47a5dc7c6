// SPDX-License-Identifier: GPL-3.0-or-later
// The languages telar speaks to its users (messages, labels), and how to pick one.
#pragma once

#include <string_view>

namespace telar {

/// UI language for messages and built-in labels. Content language (a story's `lang`)
/// is a BCP 47 string and maps onto this with lang_from_tag().
enum class Lang { en, es };

/// From LC_ALL, LC_MESSAGES, LANG, LANGUAGE (in POSIX precedence): `es*` gives Spanish.
/// Never calls setlocale: works on machines with no generated locales.
Lang ui_language_from_env();

/// "es", "es-CL", "arn" (Mapudungun speakers in Chile write Spanish labels) -> Lang::es.
Lang lang_from_tag(std::string_view bcp47);

/// True for a language written right to left (primary subtag ar, he, fa, ur, ps, sd, ug,
/// yi, dv, ckb, syr, arc, nqo, or an -Arab/-Hebr/-Thaa/-Syrc script subtag): its pages,
/// zines and booklets are mirrored (lang.cc).
bool is_rtl_language(std::string_view bcp47);

/// True for a character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and their presentation forms, and the RTL blocks of the SMP): a
/// strong right-to-left character in the Unicode bidi algorithm's sense.
bool is_rtl_char(char32_t c);

}  // namespace telar
