// SPDX-License-Identifier: GPL-3.0-or-later
// Messages as data ({MsgId, args}); turned into English or Spanish text only at the edge.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/lang.h"

namespace telar {

enum class MsgId {
#define TELAR_MSG(id, text) id,
#include "base/messages.def"
#undef TELAR_MSG
};

struct Message {
  MsgId id;
  std::vector<std::string> args;
};

/// Builds a Message; arguments are formatted with fmt (locale-independent).
template <class... A>
Message msg(MsgId id, A&&... args) {
  return Message{id, {fmt::format("{}", std::forward<A>(args))...}};
}

/// A message argument that is itself a UI word ("title", "turn", "a4 or letter") and is
/// translated with the message, unlike names and file text, which never are.
std::string ui_word(std::string_view english);

/// The English source text with {0}-style placeholders.
std::string_view english_text(MsgId id);
/// The id's name, e.g. "io_not_found" (for tests and debugging).
std::string_view msg_name(MsgId id);
/// All ids, in declaration order.
std::vector<MsgId> all_msg_ids();

/// The message in `lang`, placeholders filled. Falls back to English when a
/// translation is missing.
std::string translate(const Message& m, Lang lang);
/// Just the template text in `lang` (placeholders unfilled).
std::string_view template_text(MsgId id, Lang lang);

/// Translates a UI label that is not a diagnostic (e.g. "error", "warning").
std::string_view label(std::string_view english, Lang lang);

}  // namespace telar
