// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics: every stage writes into a Diagnostics sink; nothing prints from inside a
// stage. The CLI turns them into GNU-style text in the user's language.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/exit.h"
#include "base/loc.h"
#include "base/messages.h"

namespace telar {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  Loc loc;
  Message message;
  std::string line_text;  ///< the offending source line, for a caret excerpt (may be empty)
  /// 1-based code-point column of the caret in line_text when that was cut to a window
  /// around loc.column (Diagnostics does that); 0 = loc.column.
  int caret = 0;
};

/// Context echoed in a message is cut to this many code points each side of the column, and
/// a message argument (a quoted name, a piece of HTML) to twice as many.
inline constexpr std::size_t kContextWindow = 60;

class Diagnostics {
 public:
  void error(Loc where, Message what, std::string line_text = {});
  void warning(Loc where, Message what, std::string line_text = {});
  void add(Diagnostic d);
  bool has_errors() const;
  std::span<const Diagnostic> all() const { return diags_; }
  /// Throws one Error carrying every diagnostic (warnings included) when any is an error.
  void throw_if_errors(Exit code = Exit::data_error) const;
  /// Records the error and throws every diagnostic so far (for a stage that cannot go on).
  [[noreturn]] void fail(Loc where, Message what, Exit code = Exit::data_error);
  /// Moves the warnings out (after a successful stage the CLI prints them).
  std::vector<Diagnostic> take();

 private:
  std::vector<Diagnostic> diags_;
};

/// "file:line:col: error: text (key: k)" plus, when line_text is known, the line and a caret.
std::string format_diagnostic(const Diagnostic& d, Lang lang);

}  // namespace telar
