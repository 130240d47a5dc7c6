// SPDX-License-Identifier: GPL-3.0-or-later
// Template YAML -> Template: yaml-cpp parses, this walks the tree against the kind's schema
// (template/schema.h) and reports every problem with file, line, column and key path.
#include <fmt/format.h>
#include <pango/pango.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "base/c_handles.h"
#include "template/schema.h"
#include "template/template.h"
#include "template/yaml_doc.h"

namespace telar {
namespace {

constexpr std::string_view kSides[] = {"top", "right", "bottom", "left"};
constexpr std::string_view kMinMax[] = {"min", "max"};
constexpr std::string_view kQrKeys[] = {"ec", "style"};
constexpr std::string_view kQrLevels[] = {"L", "M", "Q", "H"};

/// Largest paper side (1.5 m, past A0) and type sizes (banners: a 1 m short side).
constexpr Length kMaxPaperSide = Length::mm(1500);
constexpr Length kMaxTypeSize = Length::pt(96);
constexpr Length kMaxBannerTypeSize = Length::pt(3000);

/// `rel` names a file under `dir`: relative, no "..", no NUL, and (followed through
/// symlinks) still under `dir` once resolved.
bool inside_folder(const std::filesystem::path& dir, const std::filesystem::path& rel) {
  namespace fs = std::filesystem;
  const std::string& s = rel.native();
  if (rel.empty() || rel.is_absolute() || s.find('\0') != std::string::npos) return false;
  for (const auto& part : rel)
    if (part == "..") return false;
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(dir.empty() ? fs::path(".") : dir, ec);
  if (ec) return false;
  const fs::path full = fs::weakly_canonical(base / rel, ec);
  if (ec) return false;
  const auto [b, f] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
  return b == base.end() && f != full.end();
}

/// An option value that only makes sense with a motif file.
struct NeedsMotif {
  std::string_view option, value;
};
constexpr NeedsMotif kNeedsMotif[] = {{"cover", "motif"}};

bool contains(std::span<const std::string_view> names, std::string_view n) {
  return std::find(names.begin(), names.end(), n) != names.end();
}

class Loader {
 public:
  Loader(const SourceText& src, Diagnostics& diags) : y_(src, diags) {}

  Template run() {
    namespace fs = std::filesystem;
    t_.name = fs::path(y_.source().name()).stem().string();
    t_.dir = fs::path(y_.source().name()).parent_path();
    t_.loc = Loc{y_.source().name(), 0, 0, {}};
    std::optional<YAML::Node> root = y_.parse();
    if (!root) return t_;
    root_ = *root;
    auto top = y_.entries(root_, root_, "");
    if (top) walk(*top);
    return std::move(t_);
  }

 private:
  // --- the top level
  using TopFn = void (Loader::*)(const YAML::Node&, const YAML::Node&);
  struct TopKey {
    std::string_view name;
    TopFn parse;
  };
  static std::span<const TopKey> top_keys();

  void walk(const std::vector<YamlEntry>& top) {
    for (const auto& [k, v] : top)  // first: the kind decides what the rest must hold
      if (k.Scalar() == "kind") kind(k, v);
    const std::span<const TopKey> table = top_keys();
    std::vector<std::string_view> names;
    for (const TopKey& t : table) names.push_back(t.name);
    std::set<std::string> seen;
    for (const auto& [k, v] : top) {
      const std::string key = k.Scalar();
      seen.insert(key);
      auto t =
          std::find_if(table.begin(), table.end(), [&](const TopKey& e) { return e.name == key; });
      if (t == table.end())
        y_.unknown_key(k, key, names);
      else if (t->parse != nullptr)
        (this->*(t->parse))(k, v);
    }
    require_sections(seen);
    cross_checks();
  }

  void bleed(const YAML::Node& k, const YAML::Node& v) {
    if (auto l = y_.length(v, k, "bleed")) t_.bleed = *l;
  }
  void gap(const YAML::Node& k, const YAML::Node& v) {
    if (auto l = y_.length(v, k, "gap")) t_.min_gap = *l;
  }
  void fonts(const YAML::Node& k, const YAML::Node& v) {
    roles(k, v, schema_ ? schema_->fonts : Names{}, &Loader::font);
  }
  void colors(const YAML::Node& k, const YAML::Node& v) {
    roles(k, v, schema_ ? schema_->colors : Names{}, &Loader::color);
  }
  void sizes(const YAML::Node& k, const YAML::Node& v) {
    roles(k, v, schema_ ? schema_->sizes : Names{}, &Loader::size);
  }

  void require_sections(const std::set<std::string>& seen) {
    auto need = [&](std::string_view key, bool required) {
      std::string k(key);
      if (required && !seen.count(k) && !y_.was_suggested(k))
        y_.error(y_.at(root_.Mark(), k), msg(MsgId::tpl_missing_key, key));
    };
    need("kind", true);
    if (!schema_) return;
    need("fonts", !schema_->fonts.empty());
    need("colors", !schema_->colors.empty());
    need("sizes", !schema_->sizes.empty());
    need("labels", !schema_->labels.empty());
    const bool any_required_option = std::any_of(schema_->options.begin(), schema_->options.end(),
                                                 [](const OptionSpec& o) { return o.required; });
    need("options", any_required_option);
  }

  void cross_checks() {
    if (motif_written_) return;  // a motif that is given but broken is reported already
    for (const NeedsMotif& n : kNeedsMotif) {
      auto it = option_nodes_.find(std::string(n.option));
      if (it != option_nodes_.end() && t_.option(std::string(n.option)) == n.value)
        y_.error(y_.at(it->second.Mark(), "options." + std::string(n.option)),
                 msg(MsgId::tpl_needs_motif, n.option, n.value));
    }
  }

  void kind(const YAML::Node& k, const YAML::Node& v) {
    auto text = y_.scalar(v, k, "kind");
    if (!text) return;
    schema_ = find_kind_schema(*text);
    if (schema_)
      t_.kind = schema_->kind;
    else {
      std::vector<std::string_view> kinds;
      for (const KindSchema& s : all_kind_schemas()) kinds.push_back(s.name);
      y_.error(y_.at(v, k, "kind"), msg(MsgId::tpl_bad_choice, *text, join_names(kinds)));
    }
  }

  void description(const YAML::Node& k, const YAML::Node& v) {
    auto es = y_.entries(v, k, "description");
    if (!es) return;
    for (const auto& [lk, lv] : *es)
      if (auto text = y_.scalar(lv, lk, "description." + lk.Scalar()))
        t_.description[lk.Scalar()] = *text;
    for (std::string_view lang : kRequiredLangs)
      if (!t_.description.count(std::string(lang)))
        y_.error(y_.at(k.Mark(), "description." + std::string(lang)),
                 msg(MsgId::tpl_missing_lang, lang));
  }

  void paper(const YAML::Node& k, const YAML::Node& v) {
    auto text = y_.scalar(v, k, "paper");
    if (!text) return;
    t_.paper = parse_paper(*text);
    if (!t_.paper) {
      y_.error(y_.at(v, k, "paper"), msg(MsgId::tpl_bad_paper, *text));
    } else if (t_.paper->w > kMaxPaperSide || t_.paper->h > kMaxPaperSide) {
      y_.error(y_.at(v, k, "paper"), msg(MsgId::tpl_too_large, *text, "1500 mm"));
      t_.paper.reset();
    }
  }

  void margins(const YAML::Node& k, const YAML::Node& v) {
    if (!v.IsMap()) {
      if (auto l = y_.length(v, k, "margins")) t_.margins = Box::all(*l);
      return;
    }
    auto es = y_.entries(v, k, "margins");
    if (!es) return;
    std::map<std::string, Length> got;
    for (const auto& [sk, sv] : *es) {
      const std::string path = "margins." + sk.Scalar();
      if (!contains(kSides, sk.Scalar()))
        y_.unknown_key(sk, path, kSides);
      else if (auto l = y_.length(sv, sk, path))
        got[sk.Scalar()] = *l;
    }
    for (std::string_view side : kSides)
      if (!YamlDoc::has_key(*es, side) && !y_.was_suggested("margins." + std::string(side)))
        y_.error(y_.at(k.Mark(), "margins." + std::string(side)),
                 msg(MsgId::tpl_missing_key, side));
    t_.margins = Box{got["top"], got["right"], got["bottom"], got["left"]};
  }

  // --- role sections: fonts, colors, sizes
  using Names = std::span<const std::string_view>;
  using RoleFn = void (Loader::*)(const std::string&, const YAML::Node&, const YAML::Node&,
                                  const std::string&);

  void roles(const YAML::Node& k, const YAML::Node& v, Names known, RoleFn parse_one) {
    const std::string section = k.Scalar();
    auto es = y_.entries(v, k, section);
    if (!es) return;
    std::set<std::string> seen;
    for (const auto& [rk, rv] : *es) {
      const std::string role = rk.Scalar(), path = section + "." + role;
      if (!known.empty() && !contains(known, role)) {
        if (auto hint = closest_name(role, known)) {
          y_.suggest(section + "." + std::string(*hint));
          y_.error(y_.at(rk.Mark(), path), msg(MsgId::tpl_unknown_role_hint, role, *hint));
        } else {
          y_.error(y_.at(rk.Mark(), path),
                   msg(MsgId::tpl_unknown_role, role, schema_->name, join_names(known)));
        }
        continue;
      }
      seen.insert(role);
      (this->*parse_one)(role, rk, rv, path);
    }
    for (std::string_view r : known) {
      const std::string path = section + "." + std::string(r);
      if (!seen.count(std::string(r)) && !y_.was_suggested(path))
        y_.error(y_.at(k.Mark(), path),
                 msg(MsgId::tpl_missing_role, r, schema_->name, join_names(known)));
    }
  }

  void font(const std::string& role, const YAML::Node& k, const YAML::Node& v,
            const std::string& path) {
    auto text = y_.scalar(v, k, path);
    if (!text) return;
    FontDescription d(pango_font_description_from_string(text->c_str()));
    const char* family = pango_font_description_get_family(d.get());
    if (pango_font_description_get_set_fields(d.get()) & PANGO_FONT_MASK_SIZE)
      y_.error(y_.at(v, k, path), msg(MsgId::tpl_font_has_size, *text));
    else if (family == nullptr || *family == '\0')
      y_.error(y_.at(v, k, path), msg(MsgId::tpl_font_no_family, *text));
    else
      t_.fonts[role] = FontSpec{*text, y_.at(v, k, path)};
  }

  void color(const std::string& role, const YAML::Node& k, const YAML::Node& v,
             const std::string& path) {
    auto text = y_.scalar(v, k, path);
    if (!text) return;
    if (text->empty()) {
      // `ink: #1a1a1a` unquoted: YAML reads a comment and an empty value.
      const Loc kl = y_.at(k.Mark(), path);
      const bool comment = y_.source().line_text(kl.line).find('#') != std::string_view::npos;
      y_.error(y_.at(v, k, path),
               comment ? msg(MsgId::tpl_color_comment) : msg(MsgId::tpl_bad_color, *text));
    } else if (auto c = parse_rgba(*text)) {
      t_.colors[role] = *c;
    } else {
      y_.error(y_.at(v, k, path), msg(MsgId::tpl_bad_color, *text));
    }
  }

  void size(const std::string& role, const YAML::Node& k, const YAML::Node& v,
            const std::string& path) {
    auto es = y_.entries(v, k, path);
    if (!es) return;
    std::map<std::string, std::pair<Length, YAML::Node>> got;
    bool ok = true;
    for (const auto& [mk, mv] : *es) {
      const std::string sub = path + "." + mk.Scalar();
      if (!contains(kMinMax, mk.Scalar())) {
        y_.unknown_key(mk, sub, kMinMax);
        ok = false;
      } else if (auto l = y_.length(mv, mk, sub)) {
        if (l->pt() <= 0) {
          y_.error(y_.at(mv, mk, sub), msg(MsgId::tpl_not_positive, mv.Scalar()));
          ok = false;
        }
        got[mk.Scalar()] = {*l, mv};
      } else {
        ok = false;
      }
    }
    for (std::string_view m : kMinMax)
      if (!got.count(std::string(m))) {
        ok = false;
        if (!YamlDoc::has_key(*es, m) && !y_.was_suggested(path + "." + std::string(m)))
          y_.error(y_.at(k.Mark(), path + "." + std::string(m)), msg(MsgId::tpl_missing_key, m));
      }
    if (!ok) return;
    const auto& [mn, mn_node] = got["min"];
    const auto& [mx, mx_node] = got["max"];
    // The layouts try every size from max down to min: a huge max costs minutes.
    const bool banner = schema_ != nullptr && schema_->kind == ArtifactKind::banner;
    if (const Length cap = banner ? kMaxBannerTypeSize : kMaxTypeSize; mx > cap) {
      y_.error(y_.at(mx_node, k, path + ".max"),
               msg(MsgId::tpl_too_large, mx_node.Scalar(), fmt::format("{} pt", cap.pt())));
      return;
    }
    if (mn > mx) {
      y_.error(y_.at(mn_node, k, path + ".min"),
               msg(MsgId::tpl_size_min_max, mn_node.Scalar(), mx_node.Scalar()));
      return;
    }
    t_.sizes[role] = SizeRange{mn, mx, y_.at(k.Mark(), path)};
  }

  // --- options, motif, qr, labels
  void options(const YAML::Node& k, const YAML::Node& v) {
    auto es = y_.entries(v, k, "options");
    if (!es) return;
    const std::span<const OptionSpec> specs =
        schema_ ? schema_->options : std::span<const OptionSpec>{};
    std::vector<std::string_view> keys;
    for (const OptionSpec& s : specs) keys.push_back(s.key);
    for (const auto& [ok, ov] : *es) {
      const std::string key = ok.Scalar(), path = "options." + key;
      auto spec = std::find_if(specs.begin(), specs.end(),
                               [&](const OptionSpec& s) { return s.key == key; });
      if (!specs.empty() && spec == specs.end()) {
        y_.unknown_key(ok, path, keys);
        continue;
      }
      auto text = y_.scalar(ov, ok, path);
      if (!text) continue;
      if (spec != specs.end() && !spec->values.empty() && !contains(spec->values, *text)) {
        y_.error(y_.at(ov, ok, path), msg(MsgId::tpl_bad_choice, *text, join_names(spec->values)));
        continue;
      }
      if (spec != specs.end() && spec->length && !y_.length(ov, ok, path)) continue;
      t_.options[key] = *text;
      option_nodes_[key] = ov;
    }
    for (const OptionSpec& s : specs) {
      const std::string path = "options." + std::string(s.key);
      if (s.required && !YamlDoc::has_key(*es, s.key) && !y_.was_suggested(path))
        y_.error(y_.at(k.Mark(), path),
                 msg(MsgId::tpl_missing_option, s.key, join_names(s.values)));
    }
  }

  void motif(const YAML::Node& k, const YAML::Node& v) {
    motif_written_ = true;
    auto text = y_.scalar(v, k, "motif");
    if (!text) return;
    if (*text == "woven") {  // the node's own motif, woven from its circle's shared words
      t_.woven_motif = true;
      return;
    }
    std::filesystem::path rel(*text);
    std::string ext = rel.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::error_code ec;
    if (ext != ".svg" && ext != ".png") {
      y_.error(y_.at(v, k, "motif"), msg(MsgId::tpl_motif_bad_type, *text));
    } else if (!inside_folder(t_.dir, rel)) {
      y_.error(y_.at(v, k, "motif"), msg(MsgId::tpl_motif_outside, *text));
    } else if (!std::filesystem::is_regular_file(t_.dir / rel, ec)) {
      y_.error(y_.at(v, k, "motif"), msg(MsgId::tpl_motif_not_found, *text));
    } else {
      t_.motif = rel;
    }
  }

  void braid(const YAML::Node& k, const YAML::Node& v) {
    auto text = y_.scalar(v, k, "braid");
    if (!text) return;
    if (*text == "true" || *text == "false")
      t_.braid = *text == "true";
    else
      y_.error(y_.at(v, k, "braid"), msg(MsgId::tpl_bad_choice, *text, "true, false"));
  }

  void qr(const YAML::Node& k, const YAML::Node& v) {
    auto es = y_.entries(v, k, "qr");
    if (!es) return;
    for (const auto& [qk, qv] : *es) {
      const std::string path = "qr." + qk.Scalar();
      if (!contains(kQrKeys, qk.Scalar())) {
        y_.unknown_key(qk, path, kQrKeys);
        continue;
      }
      auto text = y_.scalar(qv, qk, path);
      if (!text) continue;
      if (qk.Scalar() == "style") {
        const auto* it = std::find(std::begin(kQrStyleNames), std::end(kQrStyleNames), *text);
        if (it != std::end(kQrStyleNames))
          t_.qr_style = static_cast<QrStyle>(it - std::begin(kQrStyleNames));
        else
          y_.error(y_.at(qv, qk, path), msg(MsgId::tpl_bad_choice, *text, join_names(kQrStyleNames)));
        continue;
      }
      std::string up = *text;
      for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (contains(kQrLevels, up))
        t_.qr_ec = up[0];
      else
        y_.error(y_.at(qv, qk, path), msg(MsgId::tpl_bad_choice, *text, join_names(kQrLevels)));
    }
  }

  void labels(const YAML::Node& k, const YAML::Node& v) {
    auto langs = y_.entries(v, k, "labels");
    if (!langs) return;
    const Names known = schema_ ? schema_->labels : Names{};
    std::map<std::string, YAML::Node> lang_keys;
    std::map<std::string, std::vector<YamlEntry>> written;
    for (const auto& [lk, lv] : *langs) {
      const std::string lang = lk.Scalar(), lpath = "labels." + lang;
      lang_keys[lang] = lk;
      auto es = y_.entries(lv, lk, lpath);
      if (!es) continue;
      written[lang] = *es;
      auto& dst = t_.labels[lang];
      for (const auto& [ek, ev] : *es) {
        const std::string path = lpath + "." + ek.Scalar();
        if (!known.empty() && !contains(known, ek.Scalar()))
          y_.unknown_key(ek, path, known);
        else if (auto text = y_.scalar(ev, ek, path))
          dst[ek.Scalar()] = *text;
      }
    }
    for (std::string_view lang_v : kRequiredLangs) {
      const std::string lang(lang_v);
      auto lk = lang_keys.find(lang);
      if (lk == lang_keys.end()) {
        y_.error(y_.at(k.Mark(), "labels." + lang), msg(MsgId::tpl_missing_lang, lang));
        continue;
      }
      if (!written.count(lang)) continue;  // not a mapping: reported already
      for (std::string_view key : known) {
        const std::string path = "labels." + lang + "." + std::string(key);
        if (!YamlDoc::has_key(written[lang], key) && !y_.was_suggested(path))
          y_.error(y_.at(lk->second.Mark(), path), msg(MsgId::tpl_missing_label, key, lang));
      }
    }
  }

  YamlDoc y_;
  Template t_;
  YAML::Node root_;
  const KindSchema* schema_ = nullptr;
  std::map<std::string, YAML::Node> option_nodes_;  ///< option key -> its value node
  bool motif_written_ = false;
};

// Every top-level key, in the order docs/templates.md describes them. "kind" is read first.
std::span<const Loader::TopKey> Loader::top_keys() {
  static constexpr TopKey kTop[] = {
      {"kind", nullptr},           {"description", &Loader::description},
      {"paper", &Loader::paper},   {"margins", &Loader::margins},
      {"bleed", &Loader::bleed},   {"gap", &Loader::gap},
      {"fonts", &Loader::fonts},   {"colors", &Loader::colors},
      {"sizes", &Loader::sizes},   {"options", &Loader::options},
      {"motif", &Loader::motif},   {"qr", &Loader::qr},
      {"labels", &Loader::labels}, {"braid", &Loader::braid},
  };
  return kTop;
}

}  // namespace

Template load_template(const SourceText& yaml, Diagnostics& diags) {
  return Loader(yaml, diags).run();
}

}  // namespace telar
