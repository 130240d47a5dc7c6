// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/diag.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/error.h"
#include "base/utf8.h"

namespace telar {

namespace {

/// The byte offset of code point `n` (0-based) of `s`, or s.size().
std::size_t offset_of(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (; n > 0 && i < s.size(); --n) i += std::max<std::size_t>(1, utf8_length_at(s, i));
  return std::min(i, s.size());
}

std::string cut_middle(std::string_view s, std::size_t keep) {
  if (s.size() <= keep) return std::string(s);  // bytes >= code points
  if (count_code_points(s) <= keep) return std::string(s);
  return std::string(s.substr(0, offset_of(s, keep))) + "…";
}

/// A long source line becomes a window of kContextWindow code points each side of the
/// caret, with "…" where it was cut: a 100 MB line never reaches stderr whole.
void clip(Diagnostic& d) {
  for (std::string& a : d.message.args) a = cut_middle(a, 2 * kContextWindow);
  std::string& t = d.line_text;
  if (t.size() <= 2 * kContextWindow) return;
  const std::size_t total = count_code_points(t);
  if (total <= 2 * kContextWindow) return;
  const std::size_t col = d.loc.column > 0 ? static_cast<std::size_t>(d.loc.column - 1) : 0;
  const std::size_t from = col > kContextWindow ? col - kContextWindow : 0;
  const std::size_t to = std::min(total, col + kContextWindow);
  const std::size_t b = offset_of(t, from);
  const std::size_t e = b + offset_of(std::string_view(t).substr(b), to - from);
  std::string cut = (from > 0 ? "…" : "") + t.substr(b, e - b) + (to < total ? "…" : "");
  if (d.loc.column > 0) d.caret = static_cast<int>(col - from + (from > 0 ? 1 : 0)) + 1;
  t = std::move(cut);
}

}  // namespace

void Diagnostics::error(Loc where, Message what, std::string line_text) {
  add({Severity::error, std::move(where), std::move(what), std::move(line_text)});
}

void Diagnostics::warning(Loc where, Message what, std::string line_text) {
  add({Severity::warning, std::move(where), std::move(what), std::move(line_text)});
}

void Diagnostics::add(Diagnostic d) {
  clip(d);
  diags_.push_back(std::move(d));
}

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
    const int caret = d.caret > 0 ? d.caret : l.column;
    if (caret > 0) out += "  " + std::string(static_cast<std::size_t>(caret - 1), ' ') + "^\n";
  }
  return out;
}

}  // namespace telar
