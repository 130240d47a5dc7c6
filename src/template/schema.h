// SPDX-License-Identifier: GPL-3.0-or-later
// What a template of each artifact kind must declare (roles, options, labels), as one
// table; plus the colour parser (sizes and lengths: base/units.h).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/units.h"
#include "base/color.h"
#include "base/spell.h"
#include "template/template.h"

namespace telar {

/// One kind-specific option: its key and allowed values (empty = any single value).
struct OptionSpec {
  std::string_view key;
  std::span<const std::string_view> values;
  bool required = true;
  bool length = false;  ///< a length with a unit (options.overlap), checked at its line
};

/// The schema of one artifact kind. A list left empty is open: any role (or option, or
/// label key) is accepted and none is required. Filling a list makes it closed: unknown
/// names are errors (with "did you mean") and every listed name is required.
struct KindSchema {
  ArtifactKind kind;
  std::string_view name;              ///< "zine"
  std::string_view default_template;  ///< for -t omitted; empty = the first shipped one
  std::span<const std::string_view> fonts;
  std::span<const std::string_view> colors;
  std::span<const std::string_view> sizes;
  std::span<const std::string_view> labels;  ///< required in each of kRequiredLangs
  std::span<const OptionSpec> options;
};

/// Languages every template must give its description and labels in.
inline constexpr std::string_view kRequiredLangs[] = {"en", "es"};

std::span<const KindSchema> all_kind_schemas();
const KindSchema& kind_schema(ArtifactKind kind);
const KindSchema* find_kind_schema(std::string_view name);

/// "a, b, c" (for messages listing what is allowed).
std::string join_names(std::span<const std::string_view> names);

/// "#rrggbb" or "#rrggbbaa" (hex digits in either case).
std::optional<Rgba> parse_rgba(std::string_view text);

/// A length in a template: a number with a unit ("7mm", "9.5pt"), or a bare "0"
/// (base/units.h parse_length with no default unit: "7" could be mm or pt).
inline std::optional<Length> parse_template_length(std::string_view text) {
  return parse_length(text, "");
}

}  // namespace telar
