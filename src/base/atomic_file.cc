// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
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

// ---- What a signal handler undoes: a fixed table, read with atomics only, so that the
// handler (async-signal-safe: unlink, rename, _exit) never allocates or locks.
enum Kind : int {
  kFree = 0,
  kFilling,   ///< being written by its owner: the handler skips it
  kTemp,      ///< a temp file: unlink `path`
  kTempNew,   ///< a temp whose target did not exist: unlink `path` and, unless committed, `target`
  kBackup,    ///< a link to the old target: unless committed rename `path` back over `target`, else unlink it
};
struct Slot {
  std::atomic<int> kind{kFree};
  const std::atomic<bool>* committed = nullptr;  ///< the owning transaction's commit point
  char path[PATH_MAX];
  char target[PATH_MAX];
};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free);
constexpr std::size_t kSlots = 256;  ///< past this, a temp is left for the next run to remove
std::array<Slot, kSlots> g_slots;

/// Claims a slot for `path` (and `target`); -1 when the table is full or a path too long.
int claim_slot(Kind kind, const std::string& path, const std::string& target,
               const std::atomic<bool>* committed) {
  if (path.size() >= PATH_MAX || target.size() >= PATH_MAX) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_slots[i].kind.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    std::memcpy(g_slots[i].target, target.c_str(), target.size() + 1);
    g_slots[i].committed = committed;
    g_slots[i].kind.store(kind, std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}
void set_slot(int slot, Kind kind) {
  if (slot >= 0) g_slots[static_cast<std::size_t>(slot)].kind.store(kind, std::memory_order_release);
}

extern "C" void on_fatal_signal(int sig) {
  for (Slot& s : g_slots) {
    const int kind = s.kind.load(std::memory_order_acquire);
    if (kind != kTemp && kind != kTempNew && kind != kBackup) continue;
    const bool committed = s.committed != nullptr && s.committed->load();
    if (kind == kTemp || kind == kTempNew) unlink(s.path);
    if (kind == kTempNew && !committed) unlink(s.target);
    if (kind == kBackup && committed) unlink(s.path);
    if (kind == kBackup && !committed) rename(s.path, s.target);
  }
  _exit(128 + sig);
}

/// Signals held off while a temp is created and registered, so none lands in between.
class BlockSignals {
 public:
  BlockSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  BlockSignals(const BlockSignals&) = delete;
  BlockSignals& operator=(const BlockSignals&) = delete;
  ~BlockSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

 private:
  sigset_t old_;
};

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
  /// `committed`: the transaction's commit point, which the signal handler reads.
  TempFile(const std::filesystem::path& target, const std::atomic<bool>* committed)
      : target_(target), committed_(committed) {
    std::filesystem::path dir = target.parent_path();
    std::string name = dir_of(target).string() + "/" + temp_prefix(target) +
                       std::to_string(getpid()) + "-XXXXXX";
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
      throw Error(Exit::cant_create, Loc{target.string()}, msg(MsgId::io_no_out_dir));
    std::vector<char> buf(name.begin(), name.end());
    buf.push_back('\0');
    {
      BlockSignals hold;
      fd_ = mkostemp(buf.data(), O_CLOEXEC);
      if (fd_ < 0) throw Error::from_errno(Exit::cant_create, target, errno == ENOENT ? EACCES : errno);
      temp_ = buf.data();
      slot_ = claim_slot(kTemp, temp_, target.string(), committed);
    }
    // mkstemp makes 0600; outputs are ordinary documents, so honour the umask like `cp`.
    if (fchmod(fd_, g_file_mode) != 0) fail(errno);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) close(fd_);
    if (!temp_.empty()) unlink(temp_.c_str());
    set_slot(slot_, kFree);
    set_slot(backup_slot_, kFree);
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

  /// Keeps the old target (if any) as a hard link beside it, then renames the temp over
  /// the target. Until the transaction commits, undo() (or a signal) puts the old file back.
  void rename_into_place() {
    struct stat st {};
    if (lstat(target_.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) fail(EISDIR);  // appeared since check_target(): never moved aside
      keep_old();
    } else {
      set_slot(slot_, kTempNew);  // a signal now removes what the rename creates
    }
    // rename() replaces a symlink at the target itself: the link is never followed.
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
    temp_.clear();
    renamed_ = true;
    if (!backup_.empty()) {  // the backup's slot undoes this rename now
      set_slot(slot_, kFree);
      slot_ = -1;
    }
  }

  /// Before the commit point: the target as it was (the old file, or none).
  void undo() noexcept {
    if (!backup_.empty()) {
      if (renamed_ || moved_aside_) {
        if (std::rename(backup_.c_str(), target_.c_str()) == 0) backup_.clear();
      } else {
        unlink(backup_.c_str());  // the rename failed: the target is still the old file
        backup_.clear();
      }
    } else if (renamed_) {
      unlink(target_.c_str());
    }
    renamed_ = moved_aside_ = false;
  }

  /// After the commit point: the old file's link is not needed any more.
  void drop_backup() noexcept {
    if (!backup_.empty()) unlink(backup_.c_str());
    backup_.clear();
    set_slot(backup_slot_, kFree);
    backup_slot_ = -1;
  }

 private:
  [[noreturn]] void fail(int err) { throw Error::from_errno(Exit::cant_create, target_, err); }

  /// ".NAME.telar-tmp-PID-oldN": a name the next run's cleanup recognises too.
  void keep_old() {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string name = dir_of(target_).string() + "/" + temp_prefix(target_) + std::to_string(getpid()) +
                         "-old" + std::to_string(counter.fetch_add(1));
      BlockSignals hold;
      backup_slot_ = claim_slot(kBackup, name, target_.string(), committed_);
      if (link(target_.c_str(), name.c_str()) == 0) {
        backup_ = name;
        return;
      }
      // A file system without hard links: move the old file aside instead.
      if ((errno == EPERM || errno == ENOTSUP || errno == EMLINK) &&
          std::rename(target_.c_str(), name.c_str()) == 0) {
        backup_ = name;
        moved_aside_ = true;
        return;
      }
      const int err = errno;
      set_slot(backup_slot_, kFree);
      backup_slot_ = -1;
      if (err != EEXIST) fail(err);
    }
    fail(EEXIST);
  }

  std::filesystem::path target_;
  const std::atomic<bool>* committed_;
  std::string temp_;
  std::string backup_;
  int fd_ = -1;
  int slot_ = -1;
  int backup_slot_ = -1;
  bool renamed_ = false;
  bool moved_aside_ = false;  ///< the old target was renamed to backup_, not linked
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

void (*testing::before_rename)(std::size_t index) = nullptr;

void install_signal_cleanup() {
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&sa.sa_mask, sig);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaction(sig, &sa, nullptr);
}

void commit_files(const std::vector<FileBytes>& files, const std::filesystem::path& numbered_set) {
  for (const auto& f : files) check_target(f.path);
  for (const auto& f : files) remove_stale_temps(f.path);
  std::atomic<bool> committed{false};  // the commit point, for the signal handler too
  std::vector<std::unique_ptr<TempFile>> temps;
  for (const auto& f : files) {
    temps.push_back(std::make_unique<TempFile>(f.path, &committed));
    temps.back()->write(f.bytes);
  }
  std::vector<std::filesystem::path> stale;
  if (!numbered_set.empty()) {
    std::set<std::string> keep;
    for (const auto& f : files) keep.insert(f.path.filename().string());
    stale = stale_numbered(numbered_set, keep);
  }
  // All or none: a rename that fails puts back every file renamed before it.
  for (std::size_t i = 0; i < temps.size(); ++i) {
    try {
      if (testing::before_rename) testing::before_rename(i);
      temps[i]->rename_into_place();
    } catch (...) {
      for (std::size_t j = i + 1; j-- > 0;) temps[j]->undo();
      throw;
    }
  }
  committed.store(true);
  for (auto& t : temps) t->drop_backup();
  for (const auto& p : stale) {
    std::error_code ignored;
    std::filesystem::remove(p, ignored);
  }
}

}  // namespace telar
