// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>

#include "base/error.h"
#include "base/source.h"

namespace telar {
namespace {

/// 0666 minus the umask. Read from /proc/self/status (no side effect); where that is not
/// available, umask() is flipped once, here, while the program starts and no job runs yet.
mode_t file_mode_from_umask() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("Umask:", 0) == 0) return 0666 & ~static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}
const mode_t g_file_mode = file_mode_from_umask();

std::filesystem::path dir_of(const std::filesystem::path& target) {
  return target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
}

/// Removes ".NAME.telar-tmp-PID-XXXXXX" beside `target` whose PID no longer runs.
void remove_stale_temps(const std::filesystem::path& target) {
  const std::string prefix = temp_prefix(target);
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir_of(target), ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string rest = name.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || dash > 9 ||
        rest.find_first_not_of("0123456789") != dash)
      continue;
    const long pid = std::stol(rest.substr(0, dash));
    if (pid == static_cast<long>(getpid())) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
    std::error_code ignored;
    std::filesystem::remove(it->path(), ignored);
  }
}

// A temp file that removes itself unless renamed into place.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) : target_(target) {
    std::filesystem::path dir = target.parent_path();
    std::string name = dir_of(target).string() + "/" + temp_prefix(target) +
                       std::to_string(getpid()) + "-XXXXXX";
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
      throw Error(Exit::cant_create, Loc{target.string()}, msg(MsgId::io_no_out_dir));
    std::vector<char> buf(name.begin(), name.end());
    buf.push_back('\0');
    fd_ = mkostemp(buf.data(), O_CLOEXEC);
    if (fd_ < 0) throw Error::from_errno(Exit::cant_create, target, errno == ENOENT ? EACCES : errno);
    temp_ = buf.data();
    // mkstemp makes 0600; outputs are ordinary documents, so honour the umask like `cp`.
    if (fchmod(fd_, g_file_mode) != 0) fail(errno);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) close(fd_);
    if (!temp_.empty()) unlink(temp_.c_str());
  }

  void write(const std::string& bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(errno);
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    if (fsync(fd_) != 0 && errno != EINVAL) fail(errno);
    int fd = std::exchange(fd_, -1);
    if (close(fd) != 0) fail(errno);
  }

  void rename_into_place() {
    // rename() replaces a symlink at the target itself: the link is never followed.
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
    temp_.clear();
  }

 private:
  [[noreturn]] void fail(int err) { throw Error::from_errno(Exit::cant_create, target_, err); }

  std::filesystem::path target_;
  std::string temp_;
  int fd_ = -1;
};

/// Refuses a target that rename() could not replace, or must not: before any write.
void check_target(const std::filesystem::path& target) {
  if (was_read_as_input(target))
    throw Error(Exit::cant_create, Loc{target.string()}, msg(MsgId::io_output_is_input));
  struct stat st {};
  if (lstat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw Error::from_errno(Exit::cant_create, target, EISDIR);
}

/// "STEM-DIGITS.EXT" beside `set` that are regular files and not in `keep`.
std::vector<std::filesystem::path> stale_numbered(const std::filesystem::path& set,
                                                  const std::set<std::string>& keep) {
  std::vector<std::filesystem::path> stale;
  const std::string stem = set.stem().string() + "-", ext = set.extension().string();
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir_of(set), ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= stem.size() + ext.size() || name.rfind(stem, 0) != 0 ||
        name.compare(name.size() - ext.size(), ext.size(), ext) != 0)
      continue;
    const std::string digits = name.substr(stem.size(), name.size() - stem.size() - ext.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos) continue;
    if (keep.count(name) != 0 || !it->is_regular_file(ec)) continue;
    stale.push_back(set.parent_path() / name);
  }
  return stale;
}

}  // namespace

std::string temp_prefix(const std::filesystem::path& target) {
  return "." + target.filename().string() + ".telar-tmp-";
}

void commit_files(const std::vector<FileBytes>& files, const std::filesystem::path& numbered_set) {
  for (const auto& f : files) check_target(f.path);
  for (const auto& f : files) remove_stale_temps(f.path);
  std::vector<std::unique_ptr<TempFile>> temps;
  for (const auto& f : files) {
    temps.push_back(std::make_unique<TempFile>(f.path));
    temps.back()->write(f.bytes);
  }
  std::vector<std::filesystem::path> stale;
  if (!numbered_set.empty()) {
    std::set<std::string> keep;
    for (const auto& f : files) keep.insert(f.path.filename().string());
    stale = stale_numbered(numbered_set, keep);
  }
  for (auto& t : temps) t->rename_into_place();
  for (const auto& p : stale) {
    std::error_code ignored;
    std::filesystem::remove(p, ignored);
  }
}

}  // namespace telar
