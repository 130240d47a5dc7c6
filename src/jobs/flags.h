// SPDX-License-Identifier: GPL-3.0-or-later
// The flag table: every option of every artifact, as data (name, kind of value, help,
// default). The CLI builds its Boost.Program_options parser from it and the batch
// manifest reads its keys through it, so a flag means the same thing in both places.
#pragma once

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/units.h"
#include "compose/moon.h"

namespace telar {

/// The kind of value a flag takes; each kind has exactly one parser (below).
enum class FlagType {
  text,     ///< any string (a path, a URL, a name)
  boolean,  ///< a switch: "--anonymize" / "anonymize: true"
  choice,   ///< one of FlagSpec::choices
  paper,    ///< a paper name or WxH (base/units.h parse_paper)
  length,   ///< "5mm", "0.2in", "0" (base/units.h parse_length)
  date,     ///< YYYY-MM-DD (compose/moon.h parse_date)
  dpi,      ///< a resolution, 36..1200
};

struct FlagSpec {
  std::string_view name;        ///< the long name, also the manifest key: "paper"
  char short_name = 0;          ///< 't' for -t, or 0
  FlagType type = FlagType::text;
  std::string_view help;        ///< English; translated through po/<lang>.po
  std::string_view default_value = {};  ///< used (and shown in --help) when absent
  std::span<const std::string_view> choices = {};
};

/// -t and -o, and --dpi: every artifact (zine, banner, manual) takes these rows.
inline constexpr std::array<FlagSpec, 2> kTemplateOutputFlags = {{
    {"template", 't', FlagType::text, "template name (see 'telar templates') or a .yaml file"},
    {"output", 'o', FlagType::text, "output file: .pdf, .svg (one file per page) or .png"},
}};
/// zlib's levels; deflate was three quarters of a big banner's PNG time at its default 6.
inline constexpr std::array<std::string_view, 10> kPngCompressionLevels = {"0", "1", "2", "3", "4",
                                                                          "5", "6", "7", "8", "9"};
inline constexpr std::array<FlagSpec, 2> kDpiFlags = {{
    {"dpi", 0, FlagType::dpi, "resolution of PNG output", "150"},
    {"png-compression", 0, FlagType::choice,
     "PNG compression, 0 (none) to 9 (smallest, slowest); 1 is fast and small enough for flat colour", "1",
     kPngCompressionLevels},
}};
/// --png-compression's value as a zlib level.
int png_compression_value(const std::string& value);

/// --anonymize and --initials: every command that can print a name (zine, banner, manual,
/// check) takes these rows.
inline constexpr std::array<FlagSpec, 2> kAnonymizeFlags = {{
    {"anonymize", 0, FlagType::boolean, "replace speakers' names by stable pseudonyms"},
    {"initials", 0, FlagType::boolean, "with --anonymize: initials instead of pseudonyms"},
}};

/// --braid: every artifact that shows a node's circle (zine, banner, manual) takes this row.
inline constexpr std::array<FlagSpec, 1> kBraidFlags = {{
    {"braid", 0, FlagType::boolean,
     "add the braid of the circle's shared words (zine: a spare page; banner: a panel; manual: a figure)"},
}};

/// --allow-missing-glyphs: every artifact (zine, banner, manual) takes this row; without it
/// a character no installed font has fails the job instead of printing as a box.
inline constexpr std::array<FlagSpec, 1> kGlyphFlags = {{
    {"allow-missing-glyphs", 0, FlagType::boolean, "print a character no installed font has as a box (a warning) instead of failing"},
}};

/// A transcript's front matter and --speakers: every command that reads a story (zine,
/// banner, check) takes these rows.
inline constexpr std::array<FlagSpec, 6> kTranscriptFlags = {{
    {"title", 0, FlagType::text, "front matter for a transcript: the title"},
    {"node", 0, FlagType::text, "front matter for a transcript: the node"},
    {"date", 0, FlagType::text, "front matter for a transcript: the date, YYYY-MM-DD"},
    {"lang", 0, FlagType::text, "front matter for a transcript: the language (BCP 47)"},
    {"link", 0, FlagType::text, "front matter for a transcript: the link"},
    {"speakers", 0, FlagType::text, "YAML map renaming speaker labels (SPEAKER_00: Ana)"},
}};

/// Flag tables joined in order, at compile time: a command's own rows and the shared ones.
template <std::size_t... N>
constexpr std::array<FlagSpec, (N + ...)> join_flags(const std::array<FlagSpec, N>&... parts) {
  std::array<FlagSpec, (N + ...)> out{};
  std::size_t at = 0;
  ((std::copy(parts.begin(), parts.end(), out.begin() + static_cast<std::ptrdiff_t>(at)), at += N), ...);
  return out;
}

/// One job's flags as text, whoever wrote them (argv or a manifest entry), plus its inputs.
class FlagValues {
 public:
  std::vector<std::string> inputs;

  void set(std::string_view name, std::string value) { values_[std::string(name)] = std::move(value); }
  bool has(std::string_view name) const { return values_.count(name) != 0; }
  /// The value, or "" when absent.
  std::string text(std::string_view name) const;
  /// A boolean flag: true when set to "true".
  bool on(std::string_view name) const { return text(name) == "true"; }
  /// Every flag that was given, by name (sorted: stable for hashing).
  const std::map<std::string, std::string, std::less<>>& all() const { return values_; }
  /// Adds each spec's default for a flag that was not given.
  void fill_defaults(std::span<const FlagSpec> specs);

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

/// The spec named `name` in `specs`, or nullptr.
const FlagSpec* find_flag(std::span<const FlagSpec> specs, std::string_view name);

/// Checks `value` against the spec's kind; throws Error::usage (usage_bad_value naming the
/// flag and what was expected) when it is not valid.
void check_flag_value(const FlagSpec& spec, const std::string& value);

// The one parser per kind of value; each throws Error::usage naming `flag`.
Size paper_value(std::string_view flag, const std::string& value);
Length length_value(std::string_view flag, const std::string& value);
Date date_value(std::string_view flag, const std::string& value);
double dpi_value(std::string_view flag, const std::string& value);
std::string choice_value(std::string_view flag, const std::string& value,
                         std::span<const std::string_view> allowed);

}  // namespace telar
