// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/diag.h"

#include <fmt/format.h>

#include "base/error.h"
#include "base/utf8.h"

namespace telar {

void Diagnostics::error(Loc where, Message what, std::string line_text) {
  diags_.push_back({Severity::error, std::move(where), std::move(what), std::move(line_text)});
}

void Diagnostics::warning(Loc where, Message what, std::string line_text) {
  diags_.push_back({Severity::warning, std::move(where), std::move(what), std::move(line_text)});
}

void Diagnostics::add(Diagnostic d) { diags_.push_back(std::move(d)); }

bool Diagnostics::has_errors() const {
  for (const auto& d : diags_)
    if (d.severity == Severity::error) return true;
  return false;
}

void Diagnostics::throw_if_errors(Exit code) const {
  if (has_errors()) throw Error(code, diags_);
}

void Diagnostics::fail(Loc where, Message what, Exit code) {
  error(std::move(where), std::move(what));
  throw Error(code, diags_);
}

std::vector<Diagnostic> Diagnostics::take() { return std::exchange(diags_, {}); }

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
  std::string out;
  const Loc& l = d.loc;
  if (!l.file.empty()) {
    out += l.file;
    if (l.line > 0) out += fmt::format(":{}", l.line);
    if (l.line > 0 && l.column > 0) out += fmt::format(":{}", l.column);
    out += ": ";
  }
  out += label(d.severity == Severity::error ? "error" : "warning", lang);
  out += ": ";
  out += translate(d.message, lang);
  if (!l.key.empty()) out += fmt::format(" ({}: {})", label("key", lang), l.key);
  out += '\n';
  if (!d.line_text.empty()) {
    // Show the line (tabs as one space so the caret lines up) and a caret under the column.
    std::string shown = sanitize_for_terminal(d.line_text);
    out += "  " + shown + "\n";
    if (l.column > 0) out += "  " + std::string(static_cast<std::size_t>(l.column - 1), ' ') + "^\n";
  }
  return out;
}

}  // namespace telar
