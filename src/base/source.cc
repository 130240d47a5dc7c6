// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/source.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

#include "base/error.h"
#include "base/utf8.h"

namespace telar {

SourceText::SourceText(std::string name, std::string bytes)
    : name_(std::move(name)), bytes_(std::move(bytes)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < bytes_.size(); ++i)
    if (bytes_[i] == '\n' && i + 1 < bytes_.size()) line_starts_.push_back(i + 1);
}

Loc SourceText::loc_at(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[line_index];
  std::string_view prefix(bytes_.data() + start, std::min(offset, bytes_.size()) - start);
  return Loc{name_, static_cast<int>(line_index) + 1, static_cast<int>(count_code_points(prefix)) + 1, {}};
}

std::string_view SourceText::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = bytes_.find('\n', start);
  if (end == std::string::npos) end = bytes_.size();
  std::string_view s(bytes_.data() + start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

SourceText read_source(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error::from_errno(Exit::no_input, path, EISDIR);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::from_errno(Exit::no_input, path, errno ? errno : ENOENT);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error::from_errno(Exit::no_input, path, EIO);
  return SourceText(path.string(), std::move(bytes));
}

}  // namespace telar
