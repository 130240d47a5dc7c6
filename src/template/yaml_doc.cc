// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/yaml_doc.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/utf8.h"
#include "template/schema.h"

namespace telar {

std::string join_key(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::optional<YAML::Node> YamlDoc::parse() {
  if (auto bad = find_invalid_utf8(src_.bytes())) {
    const auto byte = static_cast<unsigned char>(src_.bytes()[*bad]);
    error(src_.loc_at(*bad), msg(MsgId::utf8_invalid, fmt::format("{:02X}", byte)));
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(src_.bytes());
  } catch (const YAML::Exception& e) {
    error(at(e.mark, {}), msg(MsgId::tpl_yaml_syntax, e.msg));
    return std::nullopt;
  }
  if (!root.IsDefined() || root.IsNull()) {
    error(Loc{src_.name(), 1, 1, {}}, msg(MsgId::tpl_empty));
    return std::nullopt;
  }
  return root;
}

Loc YamlDoc::at(const YAML::Mark& m, std::string key) const {
  Loc l;
  if (m.is_null()) l = Loc{src_.name(), 1, 1, {}};
  // yaml-cpp counts bytes; a phone editor shows code points.
  else if (m.pos >= 0 && static_cast<std::size_t>(m.pos) <= src_.bytes().size())
    l = src_.loc_at(static_cast<std::size_t>(m.pos));
  else
    l = Loc{src_.name(), m.line + 1, m.column + 1, {}};
  l.key = std::move(key);
  return l;
}

Loc YamlDoc::at(const YAML::Node& value, const YAML::Node& key, std::string path) const {
  YAML::Mark m = value.Mark();
  if (m.is_null() || value.IsNull()) m = key.Mark();
  return at(m, std::move(path));
}

std::optional<std::vector<YamlEntry>> YamlDoc::entries(const YAML::Node& map, const YAML::Node& key,
                                                       const std::string& path) {
  if (!map.IsMap()) {
    error(at(map, key, path), msg(MsgId::tpl_expected_map));
    return std::nullopt;
  }
  std::vector<YamlEntry> out;
  std::map<std::string, int> first_line;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node k = it->first;
    if (!k.IsScalar()) {
      error(at(k.Mark(), path), msg(MsgId::tpl_expected_value));
      continue;
    }
    const Loc kl = at(k.Mark(), join_key(path, k.Scalar()));
    if (auto [first, fresh] = first_line.emplace(k.Scalar(), kl.line); !fresh) {
      error(kl, msg(MsgId::tpl_duplicate_key, k.Scalar(), first->second));
      continue;
    }
    out.emplace_back(k, it->second);
  }
  return out;
}

bool YamlDoc::has_key(const std::vector<YamlEntry>& es, std::string_view key) {
  return std::any_of(es.begin(), es.end(),
                     [&](const YamlEntry& e) { return e.first.Scalar() == key; });
}

std::optional<std::string> YamlDoc::scalar(const YAML::Node& v, const YAML::Node& k,
                                           const std::string& path) {
  if (v.IsNull()) return std::string();
  if (!v.IsScalar()) {
    error(at(v, k, path), msg(MsgId::tpl_expected_value));
    return std::nullopt;
  }
  return v.Scalar();
}

std::optional<Length> YamlDoc::length(const YAML::Node& v, const YAML::Node& k,
                                      const std::string& path) {
  auto text = scalar(v, k, path);
  if (!text) return std::nullopt;
  auto l = parse_template_length(*text);
  if (!l) {
    error(at(v, k, path), msg(MsgId::tpl_bad_length, *text));
  } else if (*l > kMaxTemplateLength) {
    error(at(v, k, path), msg(MsgId::tpl_too_large, *text, "3 m"));
    return std::nullopt;
  }
  return l;
}

void YamlDoc::unknown_key(const YAML::Node& k, const std::string& path,
                          std::span<const std::string_view> known) {
  const std::string name = k.Scalar();
  if (auto hint = closest_name(name, known)) {
    const std::size_t dot = path.rfind('.');
    suggest(join_key(dot == std::string::npos ? std::string() : path.substr(0, dot),
                     std::string(*hint)));
    error(at(k.Mark(), path), msg(MsgId::tpl_unknown_key_hint, name, *hint));
  } else {
    error(at(k.Mark(), path), msg(MsgId::tpl_unknown_key, name, join_names(known)));
  }
}

}  // namespace telar
