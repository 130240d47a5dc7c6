// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/manifest.h"

#include <dirent.h>
#include <glob.h>
#include <sys/stat.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>

#include "base/error.h"
#include "base/spell.h"
#include "jobs/runner.h"
#include "template/yaml_doc.h"

namespace telar {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTopKeys[] = {"defaults", "jobs", "nodes", "timeout"};
constexpr std::string_view kNodeKeys[] = {"dir", "jobs"};

/// A job entry before its values are checked: keys as written, with where they are.
struct RawValue {
  std::string text;
  Loc loc;
};
struct RawJob {
  Loc loc;
  std::string path;                 ///< "jobs[3]"
  const Artifact* artifact = nullptr;
  std::vector<RawValue> inputs;
  std::map<std::string, RawValue> flags;
  std::map<std::string, std::string> vars;
};

bool has_glob(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

/// Folder entries one pattern may read: "/*/*/*/*/*" would walk the whole machine (10
/// million paths, minutes) before it returned, and 100,000 entries took 14 s on a busy disk.
constexpr std::size_t kMaxGlobEntries = 20'000;

/// glob(3) over `pattern`, reading at most kMaxGlobEntries folder entries; false past that.
bool bounded_glob(const std::string& pattern, std::vector<std::string>& found) {
  static thread_local std::size_t entries = 0;
  entries = 0;
  glob_t g{};
  g.gl_opendir = [](const char* dir) -> void* { return opendir(dir); };
  g.gl_readdir = [](void* dir) -> dirent* {
    if (++entries > kMaxGlobEntries) return nullptr;  // glob sees the folder's end
    return readdir(static_cast<DIR*>(dir));
  };
  g.gl_closedir = [](void* dir) { closedir(static_cast<DIR*>(dir)); };
  g.gl_lstat = [](const char* p, struct stat* st) { return lstat(p, st); };
  g.gl_stat = [](const char* p, struct stat* st) { return stat(p, st); };
  if (::glob(pattern.c_str(), GLOB_ALTDIRFUNC, nullptr, &g) == 0)
    for (std::size_t i = 0; i < g.gl_pathc; ++i) found.emplace_back(g.gl_pathv[i]);
  globfree(&g);
  return entries <= kMaxGlobEntries;
}

fs::path under(const fs::path& base, const std::string& p) {
  const fs::path path(p);
  if (path.is_absolute() || base.empty()) return path.lexically_normal();
  return (base / path).lexically_normal();
}

std::string stem_of(const std::string& input) {
  std::string stem = fs::path(input).filename().string();
  for (std::string_view ext : {".md", ".markdown", ".txt", ".vtt", ".srt", ".circle"})
    if (stem.size() > ext.size() && stem.ends_with(ext)) stem.resize(stem.size() - ext.size());
  return stem;
}

class Loader {
 public:
  Loader(const SourceText& src, const ManifestOptions& opt, Diagnostics& diags)
      : src_(src), opt_(opt), diags_(diags), doc_(src, diags), first_diag_(diags.all().size()) {
    base_ = fs::path(src.name()).parent_path();
  }

  Manifest load() {
    Manifest m;
    m.name = src_.name();
    try {  // an empty file (or only comments) has no jobs; YamlDoc would call it a template
      if (YAML::Node n = YAML::Load(src_.bytes()); !n.IsDefined() || n.IsNull())
        diags_.fail(Loc{src_.name(), 1, 1, {}}, msg(MsgId::batch_no_jobs));
    } catch (const YAML::Exception&) {
      // YamlDoc::parse reports it, at its line
    }
    std::optional<YAML::Node> root = doc_.parse();
    if (!root) diags_.throw_if_errors();
    if (!root->IsMap()) diags_.fail(Loc{src_.name(), 1, 1, {}}, msg(MsgId::batch_not_a_manifest));
    auto top = doc_.entries(*root, YAML::Node(), "");
    if (!top) diags_.throw_if_errors();
    // Defaults first: they apply to jobs written above or below them alike.
    for (const auto& [k, v] : *top)
      if (k.Scalar() == "defaults") defaults(k, v);
    bool any_jobs = false;
    for (const auto& [k, v] : *top) {
      const std::string key = k.Scalar();
      if (key == "jobs") {
        any_jobs = true;
        job_list(k, v, "jobs", {});
      } else if (key == "nodes") {
        any_jobs = true;
        nodes(k, v);
      } else if (key == "timeout") {
        timeout(k, v, m);
      } else if (key != "defaults") {
        auto near = closest_name(key, kTopKeys);
        doc_.error(doc_.at(k.Mark(), key), near ? msg(MsgId::batch_unknown_key_near, key, *near)
                                                : msg(MsgId::batch_unknown_key, key));
      }
    }
    if (!any_jobs) doc_.error(Loc{src_.name(), 1, 1, {}}, msg(MsgId::batch_no_jobs));
    for (RawJob& raw : raw_) finish(raw, m);
    check_templates(m);
    sort_diagnostics();
    diags_.throw_if_errors();
    return m;
  }

 private:
  std::optional<RawValue> value(const YAML::Node& k, const YAML::Node& v, const std::string& path) {
    auto text = doc_.scalar(v, k, path);
    if (!text) return std::nullopt;
    return RawValue{*text, doc_.at(v, k, path)};
  }

  void defaults(const YAML::Node& k, const YAML::Node& v) {
    auto es = doc_.entries(v, k, "defaults");
    if (!es) return;
    for (const auto& [dk, dv] : *es) {
      const std::string name = dk.Scalar(), path = "defaults." + name;
      if (const Artifact* a = find_artifact(name)) {
        auto cmd = doc_.entries(dv, dk, path);
        if (!cmd) continue;
        for (const auto& [ck, cv] : *cmd) {
          const std::string flag = ck.Scalar(), fpath = path + "." + flag;
          if (!known_flag(*a, flag, doc_.at(ck.Mark(), fpath))) continue;
          if (auto rv = value(ck, cv, fpath)) command_defaults_[a->name][flag] = *rv;
        }
        continue;
      }
      bool any = false;
      for (const Artifact& a : artifacts()) any = any || find_flag(a.flags, name) != nullptr;
      if (!any) {
        std::vector<std::string_view> names;
        for (const Artifact& a : artifacts()) {
          names.push_back(a.name);
          for (const FlagSpec& f : a.flags) names.push_back(f.name);
        }
        auto near = closest_name(name, names);
        doc_.error(doc_.at(dk.Mark(), path),
                   near ? msg(MsgId::batch_unknown_flag_near, name, "batch", *near)
                        : msg(MsgId::batch_unknown_flag, name, "batch"));
        continue;
      }
      if (auto rv = value(dk, dv, path)) defaults_[name] = *rv;
    }
  }

  bool known_flag(const Artifact& a, const std::string& flag, const Loc& at) {
    if (find_flag(a.flags, flag)) return true;
    std::vector<std::string_view> names;
    for (const FlagSpec& f : a.flags) names.push_back(f.name);
    auto near = closest_name(flag, names);
    doc_.error(at, near ? msg(MsgId::batch_unknown_flag_near, flag, a.name, *near)
                        : msg(MsgId::batch_unknown_flag, flag, a.name));
    return false;
  }

  void timeout(const YAML::Node& k, const YAML::Node& v, Manifest& m) {
    auto rv = value(k, v, "timeout");
    if (!rv) return;
    double t = 0;
    auto [end, ec] = std::from_chars(rv->text.data(), rv->text.data() + rv->text.size(), t);
    if (ec != std::errc{} || end != rv->text.data() + rv->text.size() || !(t > 0) || !std::isfinite(t))
      doc_.error(rv->loc, msg(MsgId::batch_bad_timeout, rv->text));
    else
      m.timeout_s = t;
  }

  void job_list(const YAML::Node& k, const YAML::Node& v, const std::string& path,
                const std::map<std::string, std::string>& vars) {
    if (!v.IsSequence()) {
      doc_.error(doc_.at(v, k, path), msg(MsgId::batch_not_a_list, path));
      return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) job(k, v[i], path + "[" + std::to_string(i) + "]", vars);
  }

  void job(const YAML::Node& parent_key, const YAML::Node& entry, const std::string& path,
           const std::map<std::string, std::string>& vars) {
    RawJob raw;
    raw.loc = doc_.at(entry, parent_key, path);
    raw.path = path;
    raw.vars = vars;
    auto es = doc_.entries(entry, parent_key, path);
    if (!es) return;
    // The command first: it decides which keys are options.
    for (const auto& [k, v] : *es) {
      const Artifact* a = find_artifact(k.Scalar());
      if (!a) continue;
      if (raw.artifact) {
        doc_.error(doc_.at(k.Mark(), path), msg(MsgId::batch_two_commands, raw.artifact->name, a->name));
        return;
      }
      raw.artifact = a;
      const std::string ipath = path + "." + k.Scalar();
      if (v.IsSequence()) {
        for (const auto& item : v)
          if (auto rv = value(k, item, ipath)) raw.inputs.push_back(*rv);
      } else if (auto rv = value(k, v, ipath); rv && !rv->text.empty()) {
        raw.inputs.push_back(*rv);
      }
    }
    if (!raw.artifact) {
      doc_.error(raw.loc, msg(MsgId::batch_no_command));
      return;
    }
    for (const auto& [k, v] : *es) {
      const std::string name = k.Scalar(), fpath = path + "." + name;
      if (find_artifact(name)) continue;
      if (!known_flag(*raw.artifact, name, doc_.at(k.Mark(), fpath))) continue;
      if (auto rv = value(k, v, fpath)) raw.flags[name] = *rv;
    }
    raw_.push_back(std::move(raw));
  }

  void nodes(const YAML::Node& k, const YAML::Node& v) {
    auto es = doc_.entries(v, k, "nodes");
    if (!es) return;
    std::optional<RawValue> dir;
    YAML::Node jobs_key, jobs;
    for (const auto& [nk, nv] : *es) {
      const std::string key = nk.Scalar();
      if (key == "dir") {
        dir = value(nk, nv, "nodes.dir");
      } else if (key == "jobs") {
        jobs_key = nk;
        jobs = nv;
      } else {
        auto near = closest_name(key, kNodeKeys);
        doc_.error(doc_.at(nk.Mark(), "nodes." + key),
                   near ? msg(MsgId::batch_unknown_key_near, key, *near) : msg(MsgId::batch_unknown_key, key));
      }
    }
    if (!dir || !jobs.IsDefined()) {
      doc_.error(doc_.at(v, k, "nodes"), msg(MsgId::batch_nodes_dir, dir ? dir->text : std::string()));
      return;
    }
    const fs::path root = under(base_, dir->text);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      doc_.error(dir->loc, msg(MsgId::batch_nodes_dir, dir->text));
      return;
    }
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(root, ec))
      if (e.is_directory(ec) && e.path().filename().string().front() != '.')
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string written = dir->text;
    while (written.size() > 1 && written.back() == '/') written.pop_back();
    for (const std::string& n : names)
      job_list(jobs_key, jobs, "nodes.jobs", {{"node", n}, {"dir", written + "/" + n}});
  }

  /// `text` with variables expanded; false after reporting an unknown one.
  bool expand(std::string& text, const std::map<std::string, std::string>& vars, const Loc& at) {
    const std::string before = text;
    std::string unknown;
    if (expand_variables(text, vars, unknown)) return true;
    std::string known;
    for (const auto& [name, _] : vars) known += (known.empty() ? "{" : ", {") + name + "}";
    once(Diagnostic{Severity::error, at, msg(MsgId::batch_unknown_variable, unknown, before, known.empty() ? "-" : known), {}});
    return false;
  }

  /// A usage error from a flag parser or a command's rules, placed at `at`.
  void relocate(const Error& e, const Loc& at) {
    for (const Diagnostic& d : e.diagnostics()) {
      Diagnostic moved = d;
      if (moved.loc.file.empty()) moved.loc = at;
      moved.severity = Severity::error;
      once(std::move(moved));
    }
  }

  /// Records `d` unless the same message was already given at the same place (a default
  /// shared by many jobs is reported once).
  void once(Diagnostic d) {
    const std::string key = fmt::format("{}:{}:{}:{}", d.loc.line, d.loc.column,
                                        static_cast<int>(d.message.id), fmt::join(d.message.args, "\x1f"));
    if (reported_.insert(key).second) diags_.add(std::move(d));
  }

  void finish(RawJob& raw, Manifest& m) {
    const Artifact& a = *raw.artifact;
    const std::size_t errors_before = error_count();
    BatchJob job;
    job.artifact = &a;
    job.loc = raw.loc;
    if (auto it = raw.vars.find("node"); it != raw.vars.end()) job.node = it->second;

    // Inputs: variables (node, dir), then globs relative to the manifest.
    for (RawValue in : raw.inputs) {
      if (!expand(in.text, raw.vars, in.loc)) continue;
      const fs::path p = under(base_, in.text);
      if (!has_glob(in.text)) {
        std::error_code ec;
        if (!fs::exists(p, ec)) doc_.error(in.loc, msg(MsgId::batch_no_input_file, in.text));
        job.values.inputs.push_back(p.string());
        continue;
      }
      std::vector<std::string> found;
      if (!bounded_glob(p.string(), found)) {
        doc_.error(in.loc, msg(MsgId::batch_glob_too_big, in.text, kMaxGlobEntries));
        continue;
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) doc_.error(in.loc, msg(MsgId::batch_no_match, in.text));
      for (auto& f : found) job.values.inputs.push_back(fs::path(f).lexically_normal().string());
    }
    std::map<std::string, std::string> vars = raw.vars;
    vars["stem"] = job.values.inputs.empty() ? std::string("banner") : stem_of(job.values.inputs.front());

    // Flags: the job's own, over its command's defaults, over the shared defaults.
    std::map<std::string, RawValue> flags;
    for (const auto& [name, rv] : defaults_)
      if (find_flag(a.flags, name)) flags[name] = rv;
    if (auto it = command_defaults_.find(a.name); it != command_defaults_.end())
      for (const auto& [name, rv] : it->second) flags[name] = rv;
    for (const auto& [name, rv] : raw.flags) flags[name] = rv;
    std::map<std::string, Loc> where;
    for (auto& [name, rv] : flags) {
      if (!expand(rv.text, vars, rv.loc)) continue;
      const FlagSpec& spec = *find_flag(a.flags, name);
      try {
        check_flag_value(spec, rv.text);
      } catch (const Error& e) {
        relocate(e, rv.loc);
        continue;
      }
      std::string text = rv.text;
      if (name == "output") {
        text = under(opt_.out_dir.empty() ? base_ : opt_.out_dir, text).string();
        unique_output(text, rv.loc);
      }
      // Files the job reads are relative to the manifest, as its inputs are.
      if ((name == "template" && (text.ends_with(".yaml") || text.ends_with(".yml"))) || name == "speakers")
        text = under(base_, text).string();
      job.values.set(name, text);
      where[name] = rv.loc;
    }
    if (error_count() != errors_before) return;
    job.values.fill_defaults(a.flags);

    // The command's own rules (conflicts, inputs), exactly as on the command line.
    std::unique_ptr<ArtifactStages> stages;
    try {
      stages = a.configure(job.values, opt_.env);
    } catch (const Error& e) {
      relocate(e, raw.loc);
      return;
    }
    fs::path out = stages->output();
    if (!job.values.has("output")) {
      out = under(opt_.out_dir.empty() ? base_ : opt_.out_dir, out.filename().string());
      job.values.set("output", out.string());
      unique_output(out.string(), raw.loc);
    }
    try {
      format_of(out);
    } catch (const Error& e) {
      relocate(e, where.count("output") ? where["output"] : raw.loc);
      return;
    }
    job.output = out;
    templates_.insert({job.values.text("template"), a.kind});
    job.index = m.jobs.size();
    m.jobs.push_back(std::move(job));
  }

  void unique_output(const std::string& out, const Loc& at) {
    const std::string key = fs::path(out).lexically_normal().string();
    if (auto [it, fresh] = outputs_.emplace(key, at.line); !fresh)
      doc_.error(at, msg(MsgId::batch_duplicate_output, key, it->second));
  }

  void check_templates(const Manifest&) {
    for (const auto& [name, kind] : templates_) {
      Diagnostics local;
      try {
        load_kind_template(name, kind, local);
      } catch (const Error& e) {
        for (const Diagnostic& d : e.diagnostics()) diags_.add(d);
      }
    }
  }

  /// This manifest's problems in file order (jobs are checked after the whole file is read).
  void sort_diagnostics() {
    std::vector<Diagnostic> all = diags_.take();
    auto mine = all.begin() + static_cast<std::ptrdiff_t>(std::min(first_diag_, all.size()));
    std::stable_sort(mine, all.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      const bool ha = a.loc.file == src_.name(), hb = b.loc.file == src_.name();
      if (ha != hb) return ha;
      return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
    });
    for (Diagnostic& d : all) diags_.add(std::move(d));
  }

  std::size_t error_count() const {
    return static_cast<std::size_t>(std::count_if(diags_.all().begin(), diags_.all().end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::error; }));
  }

  const SourceText& src_;
  const ManifestOptions& opt_;
  Diagnostics& diags_;
  YamlDoc doc_;
  std::size_t first_diag_;
  fs::path base_;
  std::map<std::string, RawValue> defaults_;
  std::map<std::string_view, std::map<std::string, RawValue>> command_defaults_;
  std::vector<RawJob> raw_;
  std::map<std::string, int> outputs_;
  std::set<std::string> reported_;
  std::set<std::pair<std::string, ArtifactKind>> templates_;
};

}  // namespace

std::string BatchJob::label() const { return std::string(artifact->name) + " " + output.string(); }

Manifest load_manifest(const SourceText& src, const ManifestOptions& opt, Diagnostics& diags) {
  return Loader(src, opt, diags).load();
}

bool is_manifest(const SourceText& src) {
  try {
    YAML::Node root = YAML::Load(src.bytes());
    return root.IsMap() && (root["jobs"].IsDefined() || root["nodes"].IsDefined()) &&
           !root["kind"].IsDefined();
  } catch (const YAML::Exception&) {
    return false;
  }
}

bool expand_variables(std::string& text, const std::map<std::string, std::string>& vars,
                      std::string& unknown) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t open = text.find('{', i);
    if (open == std::string::npos) {
      out.append(text, i);
      break;
    }
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) {
      out.append(text, i);
      break;
    }
    out.append(text, i, open - i);
    const std::string name = text.substr(open + 1, close - open - 1);
    auto it = vars.find(name);
    if (it == vars.end()) {
      unknown = "{" + name + "}";
      return false;
    }
    out += it->second;
    i = close + 1;
  }
  text = std::move(out);
  return true;
}

std::vector<std::size_t> shard_jobs(std::span<const BatchJob> jobs, int index, int count) {
  std::vector<std::size_t> order(jobs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return jobs[a].output.string() < jobs[b].output.string();
  });
  std::vector<std::size_t> mine;
  for (std::size_t k = 0; k < order.size(); ++k)
    if (static_cast<int>(k % static_cast<std::size_t>(count)) == index - 1) mine.push_back(order[k]);
  std::sort(mine.begin(), mine.end());
  return mine;
}

}  // namespace telar
