// SPDX-License-Identifier: GPL-3.0-or-later
// A YAML file under inspection: yaml-cpp's tree plus what a loader needs to report
// problems (file, line, code-point column, key path) and to read mappings and values.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "base/units.h"

namespace telar {

using YamlEntry = std::pair<YAML::Node, YAML::Node>;  ///< key node, value node

/// "fonts" + "title" -> "fonts.title"; "" + "kind" -> "kind".
std::string join_key(const std::string& parent, const std::string& key);

/// No length in a template is longer than this (3 m): past it, an error at the key
/// (docs/limits.md). Paper and font sizes have smaller limits (template_loader.cc).
inline constexpr Length kMaxTemplateLength = Length::m(3);

class YamlDoc {
 public:
  YamlDoc(const SourceText& src, Diagnostics& diags) : src_(src), diags_(diags) {}

  /// The root node, or nullopt after reporting invalid UTF-8, a syntax error (at yaml-cpp's
  /// mark) or an empty file.
  std::optional<YAML::Node> parse();

  /// Where `m` points, with key path `key`.
  Loc at(const YAML::Mark& m, std::string key) const;
  /// Where `value` is; an empty value ("key:") has no place of its own, so its key's.
  Loc at(const YAML::Node& value, const YAML::Node& key, std::string path) const;
  void error(Loc where, Message what) { diags_.error(std::move(where), std::move(what)); }

  /// The pairs of a mapping in file order; reports a non-mapping, a non-scalar key and a
  /// key given twice (the second is dropped).
  std::optional<std::vector<YamlEntry>> entries(const YAML::Node& map, const YAML::Node& key,
                                                const std::string& path);
  /// Whether `key` was written among `es` (whatever its value).
  static bool has_key(const std::vector<YamlEntry>& es, std::string_view key);
  /// A single value as text ("" for an empty value); reports lists and mappings.
  std::optional<std::string> scalar(const YAML::Node& v, const YAML::Node& k,
                                    const std::string& path);
  /// A length with a unit (parse_template_length); reports anything else.
  std::optional<Length> length(const YAML::Node& v, const YAML::Node& k, const std::string& path);

  /// Reports key `k` (at `path`) as unknown, with "did you mean" when one of `known` is
  /// close. The suggested path is remembered, so that a loader can skip reporting it as
  /// missing as well.
  void unknown_key(const YAML::Node& k, const std::string& path,
                   std::span<const std::string_view> known);
  bool was_suggested(const std::string& path) const { return suggested_.count(path) > 0; }
  void suggest(std::string path) { suggested_.insert(std::move(path)); }

  const SourceText& source() const { return src_; }

 private:
  const SourceText& src_;
  Diagnostics& diags_;
  std::set<std::string> suggested_;
};

}  // namespace telar
