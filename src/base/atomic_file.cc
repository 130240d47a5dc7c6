// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "base/error.h"

namespace telar {
namespace {

// A temp file that removes itself unless released.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) : target_(target) {
    std::filesystem::path dir = target.parent_path();
    std::string name = (dir.empty() ? std::string(".") : dir.string()) + "/." +
                       target.filename().string() + ".telar-XXXXXX";
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
      throw Error(Exit::cant_create, Loc{target.string()}, msg(MsgId::io_no_out_dir));
    std::vector<char> buf(name.begin(), name.end());
    buf.push_back('\0');
    fd_ = mkstemp(buf.data());
    if (fd_ < 0) throw Error::from_errno(Exit::cant_create, target, errno == ENOENT ? EACCES : errno);
    temp_ = buf.data();
    // mkstemp makes 0600; outputs are ordinary documents, so honour the umask like `cp`.
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd_, 0666 & ~mask);
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
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
    temp_.clear();
  }

 private:
  [[noreturn]] void fail(int err) { throw Error::from_errno(Exit::cant_create, target_, err); }

  std::filesystem::path target_;
  std::string temp_;
  int fd_ = -1;
};

}  // namespace

void commit_files(const std::vector<FileBytes>& files) {
  std::vector<std::unique_ptr<TempFile>> temps;
  for (const auto& f : files) {
    temps.push_back(std::make_unique<TempFile>(f.path));
    temps.back()->write(f.bytes);
  }
  for (auto& t : temps) t->rename_into_place();
}

}  // namespace telar
