// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/batch_log.h"

#include <glib.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/diag.h"
#include "base/error.h"
#include "base/gstring.h"
#include "layout/fonts.h"
#include "template/template.h"

namespace telar {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kHeader = "# telar batch log 1";

std::optional<std::string> slurp(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return std::nullopt;  // a FIFO would block
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

std::vector<fs::path> split_paths(const std::string& s) {
  std::vector<fs::path> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\x1f', start);
    if (end == std::string::npos) end = s.size();
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join_paths(const std::vector<fs::path>& ps) {
  std::string out;
  for (const auto& p : ps) out += (out.empty() ? "" : "\x1f") + p.string();
  return out;
}

}  // namespace

std::string sha256(std::string_view bytes) {
  return take_gstring(g_compute_checksum_for_data(
      G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
}

BatchLog BatchLog::read(const fs::path& path) {
  BatchLog log;
  auto text = slurp(path);
  if (!text || !text->starts_with(kHeader)) return log;
  std::istringstream in(*text);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    // output \t hash \t deps \t files
    std::vector<std::string> f;
    std::size_t start = 0;
    for (int i = 0; i < 3; ++i) {
      std::size_t tab = line.find('\t', start);
      if (tab == std::string::npos) break;
      f.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    if (f.size() != 3) continue;
    f.push_back(line.substr(start));
    log.entries_[f[0]] = LogEntry{f[1], split_paths(f[2]), split_paths(f[3])};
  }
  return log;
}

std::string BatchLog::text() const {
  std::string out = std::string(kHeader) + "\n";
  for (const auto& [output, e] : entries_)
    out += output + "\t" + e.hash + "\t" + join_paths(e.deps) + "\t" + join_paths(e.files) + "\n";
  return out;
}

const LogEntry* BatchLog::find(const fs::path& output) const {
  auto it = entries_.find(output.string());
  return it == entries_.end() ? nullptr : &it->second;
}

std::string template_digest(const std::string& name, ArtifactKind kind) {
  std::string all;
  try {
    const fs::path yaml = resolve_template(name, kind);
    SourceText src = read_source(yaml);
    all += src.bytes();
    Diagnostics d;
    Template tpl = load_template(src, d);
    if (tpl.motif) all += std::string("\nmotif\n") + slurp(tpl.motif_path()).value_or("");
  } catch (const Error&) {
    all += "\nmissing";  // validation reported it; the job will fail and rerun
  }
  return sha256(all);
}

std::string fonts_digest() {
  const fs::path dir = bundled_fonts_dir();
  std::vector<std::string> lines;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (!e.is_regular_file(ec)) continue;
    lines.push_back(fs::relative(e.path(), dir, ec).string() + " " + std::to_string(e.file_size(ec)));
  }
  std::sort(lines.begin(), lines.end());
  std::string all = slurp(dir / "fonts.conf").value_or("");
  for (const auto& l : lines) all += "\n" + l;
  return sha256(all);
}

std::string job_hash(const BatchJob& job, const std::vector<fs::path>& deps,
                                    const std::string& tdigest, const std::string& fdigest) {
  std::string all = "telar " TELAR_VERSION "\n";
  all += std::string(job.artifact->name) + "\n";
  for (const auto& [k, v] : job.values.all()) all += k + "=" + v + "\n";
  for (const auto& in : job.values.inputs) all += "input=" + in + "\n";
  all += "template=" + tdigest + "\nfonts=" + fdigest + "\n";
  // A dependency that is not there (a transcript's sidecar not written yet) counts as
  // absent: the job is current until it appears.
  for (const auto& d : deps) {
    auto bytes = slurp(d);
    all += "dep=" + d.string() + "\n" + (bytes ? sha256(*bytes) : std::string("absent")) + "\n";
  }
  return sha256(all);
}

bool up_to_date(const BatchJob& job, const BatchLog& log, const std::string& tdigest,
                const std::string& fdigest) {
  const LogEntry* e = log.find(job.output);
  if (!e || e->files.empty()) return false;
  std::error_code ec;
  for (const auto& f : e->files)
    if (!fs::is_regular_file(f, ec)) return false;
  return job_hash(job, e->deps, tdigest, fdigest) == e->hash;
}

}  // namespace telar
