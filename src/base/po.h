// SPDX-License-Identifier: GPL-3.0-or-later
// A reader for gettext .po catalogues (msgid -> msgstr), compiled into the binary so
// that messages work on machines with no generated locales.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace telar {

/// The message catalogue po/<lang>.po embedded at build time (English text -> its
/// translation), for `lang` a code listed in TELAR_MESSAGE_LANGS ("es", "pt"); empty when
/// telar ships none for it.
std::string_view po_message_catalogue(std::string_view lang);
/// The languages po/ has a message catalogue for, in CMakeLists.txt's order.
std::vector<std::string_view> po_message_languages();
/// True when the catalogue's header says `X-Telar-Partial: yes`: it translates only some
/// messages, and the others fall back to English (docs/translating.md).
bool po_is_partial(std::string_view catalogue_text);

/// The label catalogue po/labels/<lang>.po embedded at build time (label key -> text), for
/// `lang` a primary subtag ("es", "ht", "ar"); empty when telar ships none for it.
std::string_view po_label_catalogue(std::string_view lang);
/// The languages po/labels/ has a catalogue for, sorted.
std::vector<std::string_view> po_label_languages();

/// msgid -> msgstr for every entry with a non-empty msgid. Handles multi-line strings
/// and the C escapes gettext writes (\" \\ \n \t). Comments and msgctxt are skipped.
std::map<std::string, std::string> parse_po(std::string_view text);

}  // namespace telar
