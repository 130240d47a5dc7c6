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

}  // namespace telar
