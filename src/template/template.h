// SPDX-License-Identifier: GPL-3.0-or-later
// How an artifact should look: one YAML file per template (PRODUCT.md §2). Nothing here
// knows who spoke. Each artifact kind declares the font, colour and size roles it needs;
// the loader checks them and names file, line and key for every problem.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/geometry.h"
#include "base/lang.h"
#include "base/source.h"
#include "base/units.h"
#include "base/color.h"

namespace telar {

enum class ArtifactKind { zine, banner, manual };

/// A font role: a Pango family/style description without a size, e.g.
/// "Noto Sans ExtraCondensed Black" or "Charis SIL Italic".
struct FontSpec {
  std::string description;
  Loc loc;
};

/// A size role: text starts at `max` and may shrink down to `min` to fit (never below).
struct SizeRange {
  Length min, max;
  Loc loc;
};

/// How a QR code's dark modules are drawn: squares joined into outlines (ISO/IEC 18004),
/// the same outlines with their outer corners rounded, or dots with rounded finder patterns.
/// A style other than square is used only where the code reads back in it (layout/qr.h).
enum class QrStyle { square, rounded, dots };
/// The styles' names in templates (`qr: {style: rounded}`), in QrStyle's order.
inline constexpr std::string_view kQrStyleNames[] = {"square", "rounded", "dots"};

struct Template {
  ArtifactKind kind = ArtifactKind::zine;
  std::string name;                               ///< file stem, e.g. "fotocopia"
  std::map<std::string, std::string> description; ///< by language: "en", "es"
  std::filesystem::path dir;                      ///< folder of the YAML (motif paths are relative)
  Loc loc;                                        ///< the file itself

  std::optional<Size> paper;   ///< default sheet/page ("a4", "letter", or "210x297mm")
  Box margins;                 ///< zine: inside each mini page; banner/manual: page margins
  Length bleed;                ///< banner: default bleed
  Length min_gap = Length::mm(3);  ///< spacing unit between blocks

  std::map<std::string, FontSpec> fonts;      ///< role -> face, e.g. "title", "body", "speaker"
  std::map<std::string, Rgba> colors;         ///< role -> colour, e.g. "ink", "paper", "accent"
  std::map<std::string, SizeRange> sizes;     ///< role -> size range, e.g. "body"
  std::map<std::string, std::string> options; ///< kind-specific scalars (e.g. "cover_style")

  /// SVG or PNG, relative to `dir` as written in the YAML; open it through motif_path().
  std::optional<std::filesystem::path> motif;
  /// `motif: woven`: the node's motif, woven from its circle's shared words (compose/
  /// weave_draft.h), drawn where the template's motif goes; `motif` is then empty.
  bool woven_motif = false;
  /// `braid: true`: the braid of shared words goes in (a zine's spare page, a banner's
  /// panel, a manual's figure); --braid turns it on for any template.
  bool braid = false;
  char qr_ec = 'M';                            ///< QR error correction: L, M, Q, H
  QrStyle qr_style = QrStyle::square;          ///< how QR modules are drawn (qr.style)

  /// Label strings by language then key, e.g. labels["es"]["scan"].
  std::map<std::string, std::map<std::string, std::string>> labels;

  /// The label in `lang` (BCP 47, e.g. "es-CL"), then its primary subtag ("es"), then
  /// telar's label catalogue po/labels/<primary>.po (so a Haitian or Arabic story gets
  /// Haitian or Arabic labels from any template), then the UI language it maps onto
  /// (lang_from_tag: "arn" -> es) and then "en", each from the template then the
  /// catalogue, then `key` itself.
  std::string label(const std::string& key, const std::string& lang) const;
  const FontSpec& font(const std::string& role) const;   ///< throws std::out_of_range
  Rgba color(const std::string& role) const;
  const SizeRange& size(const std::string& role) const;
  std::string option(const std::string& key, const std::string& fallback = {}) const;
  /// dir / motif (empty when the template has no motif).
  std::filesystem::path motif_path() const;
};

/// Parses and validates a template. Problems go to `diags` with file, line and key
/// (e.g. "fonts.title"); loading goes on so that `telar check` reports them all.
Template load_template(const SourceText& yaml, Diagnostics& diags);

/// Where the shipped templates live (templates/<kind>/*.yaml), found from the executable.
std::filesystem::path builtin_template_dir();

/// Resolves -t: a path to a .yaml file, or the name of a shipped template of `kind`.
/// With an empty `name`, the kind's default template. Throws Error(no_input) when missing.
std::filesystem::path resolve_template(const std::string& name, ArtifactKind kind);

struct TemplateInfo {
  std::string name;
  ArtifactKind kind;
  std::string description;  ///< in the UI language
  std::filesystem::path path;
};

/// Every shipped template, sorted by kind then name (for `telar templates`).
std::vector<TemplateInfo> list_templates(Lang ui);

const char* kind_name(ArtifactKind k);  ///< "zine", "banner", "manual"
/// The kind named `name` ("zine", "banner", "manual"), or nullopt.
std::optional<ArtifactKind> kind_from_name(std::string_view name);

}  // namespace telar
