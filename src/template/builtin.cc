// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped templates (data_dir()/templates/<kind>/*.yaml): listing them, resolving -t,
// and the Template accessors that the later stages read roles through.
#include <algorithm>
#include <cerrno>
#include <system_error>

#include "base/data_dir.h"
#include "base/error.h"
#include "base/po.h"
#include "base/source.h"
#include "template/schema.h"
#include "template/template.h"

namespace telar {
namespace {

namespace fs = std::filesystem;

/// The shipped templates of one kind, sorted by name.
std::vector<fs::path> shipped(ArtifactKind kind) {
  std::vector<fs::path> out;
  std::error_code ec;
  const fs::path dir = builtin_template_dir() / kind_name(kind);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) out.push_back(it->path());
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
    return a.stem().string() < b.stem().string();
  });
  return out;
}

/// -t takes a path when it looks like one; otherwise the name of a shipped template.
bool looks_like_path(const std::string& name) {
  const std::string ext = fs::path(name).extension().string();
  return ext == ".yaml" || ext == ".yml" || name.find('/') != std::string::npos;
}

}  // namespace

const char* kind_name(ArtifactKind k) {
  switch (k) {
    case ArtifactKind::zine:
      return "zine";
    case ArtifactKind::banner:
      return "banner";
    case ArtifactKind::manual:
      return "manual";
  }
  return "zine";
}

std::optional<ArtifactKind> kind_from_name(std::string_view name) {
  if (const KindSchema* s = find_kind_schema(name)) return s->kind;
  return std::nullopt;
}

fs::path builtin_template_dir() { return data_dir() / "templates"; }

fs::path resolve_template(const std::string& name, ArtifactKind kind) {
  if (looks_like_path(name)) {
    if (!source_exists(name)) throw Error::from_errno(Exit::no_input, name, ENOENT);
    return name;
  }
  const std::vector<fs::path> files = shipped(kind);
  const std::string wanted = name.empty() ? std::string(kind_schema(kind).default_template) : name;
  if (wanted.empty() && !files.empty()) return files.front();
  std::vector<std::string> names;
  for (const fs::path& f : files) {
    if (f.stem() == wanted) return f;
    names.push_back(f.stem().string());
  }
  if (names.empty())
    throw Error(Exit::no_input, Loc{}, msg(MsgId::tpl_no_templates, wanted, kind_name(kind)));
  std::vector<std::string_view> views(names.begin(), names.end());
  throw Error(Exit::no_input, Loc{},
              msg(MsgId::tpl_unknown_template, wanted, kind_name(kind), join_names(views)));
}

std::vector<TemplateInfo> list_templates(Lang ui) {
  std::vector<TemplateInfo> out;
  for (const KindSchema& k : all_kind_schemas()) {
    for (const fs::path& file : shipped(k.kind)) {
      Diagnostics ignored;  // `telar check` reports a broken template; the listing still names it
      Template t;
      try {
        t = load_template(read_source(file), ignored);
      } catch (const Error&) {
        continue;  // vanished between listing the folder and reading it
      }
      auto d = t.description.find(std::string(ui.code()));
      if (d == t.description.end()) d = t.description.find("en");
      out.push_back(
          {file.stem().string(), k.kind, d == t.description.end() ? "" : d->second, file});
    }
  }
  return out;
}

// --- Template accessors

namespace {

/// po/labels/<lang>.po for every language telar ships labels in, parsed once.
const std::map<std::string, std::map<std::string, std::string>>& label_catalogues() {
  static const auto all = [] {
    std::map<std::string, std::map<std::string, std::string>> out;
    for (std::string_view lang : po_label_languages())
      out[std::string(lang)] = parse_po(po_label_catalogue(lang));
    return out;
  }();
  return all;
}

}  // namespace

std::string Template::label(const std::string& key, const std::string& lang) const {
  auto find = [&](const std::string& l) -> const std::string* {
    auto it = labels.find(l);
    if (it == labels.end()) return nullptr;
    auto v = it->second.find(key);
    return v == it->second.end() ? nullptr : &v->second;
  };
  auto catalogue = [&](const std::string& l) -> const std::string* {
    auto it = label_catalogues().find(l);
    if (it == label_catalogues().end()) return nullptr;
    auto v = it->second.find(key);
    return v == it->second.end() || v->second.empty() ? nullptr : &v->second;
  };
  std::string primary = lang.substr(0, lang.find_first_of("-_"));
  for (char& c : primary) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  // The template's own wording in the document's language; else telar's catalogue in that
  // language (po/labels/); else the language it maps onto (arn -> es), then English, the
  // template's wording first each time; else the key itself.
  if (const std::string* s = find(lang)) return *s;
  if (const std::string* s = find(primary)) return *s;
  if (const std::string* s = catalogue(primary)) return *s;
  for (const std::string& l : {std::string(lang_from_tag(lang).code()), std::string("en")}) {
    if (const std::string* s = find(l)) return *s;
    if (const std::string* s = catalogue(l)) return *s;
  }
  return key;
}

const FontSpec& Template::font(const std::string& role) const { return fonts.at(role); }
Rgba Template::color(const std::string& role) const { return colors.at(role); }
const SizeRange& Template::size(const std::string& role) const { return sizes.at(role); }

std::string Template::option(const std::string& key, const std::string& fallback) const {
  auto it = options.find(key);
  return it == options.end() ? fallback : it->second;
}

fs::path Template::motif_path() const { return motif ? dir / *motif : fs::path(); }

}  // namespace telar
