// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/source.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <set>
#include <string>
#include <utility>

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

namespace {

thread_local const SourceProvider* t_provider = nullptr;

std::mutex g_inputs_mutex;
std::set<std::pair<dev_t, ino_t>> g_inputs;  // every file read_source() read

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

ScopedSourceProvider::ScopedSourceProvider(const SourceProvider* provider)
    : previous_(t_provider) {
  t_provider = provider;
}

ScopedSourceProvider::~ScopedSourceProvider() { t_provider = previous_; }

bool source_exists(const std::filesystem::path& path) {
  if (t_provider)
    if (std::optional<bool> known = t_provider->exists(path)) return *known;
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

SourceText read_source(const std::filesystem::path& path, std::size_t max_bytes) {
  if (t_provider)
    if (std::optional<std::string> bytes = t_provider->find(path)) {
      if (bytes->size() > max_bytes)
        throw Error(Exit::data_error, Loc{path.string()},
                    msg(MsgId::io_too_big, std::to_string(bytes->size()), std::to_string(max_bytes)));
      return SourceText(path.string(), std::move(*bytes));
    }
  // O_NONBLOCK: opening a FIFO with no writer must not wait; regular files ignore it.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) throw Error::from_errno(Exit::no_input, path, errno);
  struct stat st {};
  if (fstat(fd.get(), &st) != 0) throw Error::from_errno(Exit::no_input, path, errno);
  if (S_ISDIR(st.st_mode)) throw Error::from_errno(Exit::no_input, path, EISDIR);
  // /proc and /sys files look regular (size 0) but are generated, and may never end.
  struct statfs fs {};
  const bool generated = fstatfs(fd.get(), &fs) == 0 &&
                         (fs.f_type == PROC_SUPER_MAGIC || fs.f_type == SYSFS_MAGIC);
  if (!S_ISREG(st.st_mode) || generated)
    throw Error(Exit::no_input, Loc{path.string()}, msg(MsgId::io_not_regular));
  const auto too_big = [&](std::uintmax_t size) {
    return Error(Exit::data_error, Loc{path.string()},
                 msg(MsgId::io_too_big, std::to_string(size), std::to_string(max_bytes)));
  };
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes)
    throw too_big(static_cast<std::uintmax_t>(st.st_size));
  std::string bytes;
  bytes.resize(std::min<std::size_t>(static_cast<std::size_t>(st.st_size), max_bytes) + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (got > max_bytes) throw too_big(got);
      bytes.resize(std::min(bytes.size() * 2, max_bytes + 1));
    }
    ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error::from_errno(Exit::no_input, path, errno);
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > max_bytes) throw too_big(got);
  bytes.resize(got);
  {
    std::lock_guard<std::mutex> lock(g_inputs_mutex);
    g_inputs.emplace(st.st_dev, st.st_ino);
  }
  return SourceText(path.string(), std::move(bytes));
}

bool was_read_as_input(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  std::lock_guard<std::mutex> lock(g_inputs_mutex);
  return g_inputs.count({st.st_dev, st.st_ino}) != 0;
}

void forget_inputs_for_tests() {
  std::lock_guard<std::mutex> lock(g_inputs_mutex);
  g_inputs.clear();
}

}  // namespace telar
