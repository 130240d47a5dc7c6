// SPDX-License-Identifier: GPL-3.0-or-later
#include "serve/uploads.h"

#include <algorithm>
#include <cerrno>

#include "base/data_dir.h"
#include "base/error.h"

namespace telar::serve {
namespace {

namespace fs = std::filesystem;

bool under(const fs::path& root_dir, const fs::path& p) {
  const fs::path root = fs::absolute(root_dir).lexically_normal();
  const auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end() || (std::next(r) == root.end() && r->empty());
}

// Shipped data: under data_dir()'s templates/ or fonts/ (data_dir() is the whole source
// tree in a build folder), compared after making both absolute and normal.
bool shipped(const fs::path& path) {
  if (!path.is_absolute()) return false;
  const fs::path p = path.lexically_normal();
  return under(data_dir() / "templates", p) || under(data_dir() / "fonts", p);
}

}  // namespace

std::string upload_name(const std::string& given) {
  std::string name = given;
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
  if (name.empty() || name == "." || name == ".." || name.size() > 255) return {};
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return {};
  return name;
}

void Uploads::add(const std::string& name, std::string bytes) {
  const std::string base = upload_name(name);
  if (base.empty() || files_.count(base))
    throw Error::usage(msg(MsgId::serve_bad_upload, name));
  files_.emplace(base, std::move(bytes));
}

std::vector<std::string> Uploads::names() const {
  std::vector<std::string> out;
  for (const auto& [name, bytes] : files_) out.push_back(name);
  return out;
}

// Uploads have no folders: "img/a.svg", as a lesson names its picture, is the upload "a.svg".
const std::string* Uploads::lookup(const fs::path& path) const {
  auto it = files_.find(path.lexically_normal().string());
  if (it == files_.end()) it = files_.find(path.filename().string());
  return it == files_.end() ? nullptr : &it->second;
}

std::optional<std::string> Uploads::find(const fs::path& path) const {
  if (const std::string* bytes = lookup(path)) return *bytes;
  if (shipped(path)) return std::nullopt;  // a shipped template or motif: the disk
  throw Error::from_errno(Exit::no_input, path, ENOENT);
}

std::optional<bool> Uploads::exists(const fs::path& path) const {
  if (lookup(path)) return true;
  if (shipped(path)) return std::nullopt;
  return false;
}

}  // namespace telar::serve
