// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/error.h"

#include <cerrno>
#include <cstring>

namespace telar {

Error::Error(Exit code, std::vector<Diagnostic> diags) : code_(code), diags_(std::move(diags)) {
  for (const auto& d : diags_) what_ += format_diagnostic(d, Lang::en);
  if (!what_.empty() && what_.back() == '\n') what_.pop_back();
}

Error::Error(Exit code, Loc where, Message what)
    : Error(code, {Diagnostic{Severity::error, std::move(where), std::move(what), {}}}) {}

Error Error::usage(Message what) { return Error(Exit::usage, Loc{}, std::move(what)); }

Error Error::from_errno(Exit code, const std::filesystem::path& path, int err) {
  Message m = err == ENOENT ? msg(MsgId::io_not_found)
              : code == Exit::cant_create ? msg(MsgId::io_cannot_create, std::strerror(err))
                                          : msg(MsgId::io_cannot_read, std::strerror(err));
  return Error(code, Loc{path.string()}, std::move(m));
}

}  // namespace telar
