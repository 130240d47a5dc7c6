// SPDX-License-Identifier: GPL-3.0-or-later
#include "template/schema.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace telar {
namespace {

// --- zine (PRODUCT.md §2; the roles layout/zine*.cc reads)
constexpr std::string_view kZineFonts[] = {"title",   "headline", "body",
                                           "speaker", "quote",    "small"};
constexpr std::string_view kZineColors[] = {"ink", "paper", "accent", "soft", "guide"};
constexpr std::string_view kZineSizes[] = {"title", "headline", "body", "quote", "small"};
constexpr std::string_view kZineLabels[] = {"scan", "colophon", "notes"};
constexpr std::string_view kZineCover[] = {"band", "motif", "plain"};
constexpr std::string_view kZineQuotes[] = {"rule", "tint"};
constexpr std::string_view kMotifInk[] = {"palette", "one"};
// Typography per language (base/quotes.h): the marks a pull quote takes (empty: the
// language's own), and French/Haitian spacing before : ; ! ?.
constexpr std::string_view kQuoteMarks[] = {"curly", "guillemets"};
constexpr std::string_view kOnOff[] = {"true", "false"};
constexpr OptionSpec kZineOptions[] = {{"cover", kZineCover},
                                       {"quotes", kZineQuotes},
                                       {"motif_ink", kMotifInk, false},
                                       {"quote_marks", kQuoteMarks, false},
                                       {"punctuation_spacing", kOnOff, false}};

// --- manual (the roles layout/manual*.cc reads; margins: left = inner, right = outer)
constexpr std::string_view kManualFonts[] = {"title", "heading", "body", "quote", "code", "small"};
constexpr std::string_view kManualColors[] = {"ink", "paper", "accent", "soft", "rule"};
constexpr std::string_view kManualSizes[] = {"title", "lesson", "section", "body", "code", "small"};
constexpr std::string_view kManualLabels[] = {
    "title",       "toc",          "node",          "crew",         "cycle",
    "calendar",    "calendar_note", "new_moon",     "notes",        "duplex_short",
    "duplex_long", "calibrate_title", "calibrate_front", "calibrate_short", "calibrate_long"};
constexpr std::string_view kManualCover[] = {"band", "moon"};
constexpr std::string_view kManualAlign[] = {"justify", "left"};
constexpr std::string_view kManualParagraphs[] = {"indent", "space"};
constexpr OptionSpec kManualOptions[] = {
    {"cover", kManualCover}, {"align", kManualAlign}, {"paragraphs", kManualParagraphs},
    {"motif_ink", kMotifInk, false}};

// --- banner (layout/banner.cc; the tile labels: impose/tile_sheets.cc). Lengths in
// options are checked here, at their line; sizes and margins are for a 1 m short side.
constexpr std::string_view kBannerFonts[] = {"headline", "quote", "speaker", "small"};
constexpr std::string_view kBannerColors[] = {"ink", "paper", "accent", "soft"};
constexpr std::string_view kBannerSizes[] = {"headline", "quote", "small"};
constexpr std::string_view kBannerLabels[] = {"scan", "glue", "on_top", "assembly", "sheets", "steps"};
constexpr std::string_view kBannerBorder[] = {"woven", "bar", "none"};
constexpr std::string_view kBannerCase[] = {"as_written", "upper"};
constexpr std::string_view kBannerQuotes[] = {"0", "1", "2"};
constexpr OptionSpec kBannerOptions[] = {
    {"size", {}},
    {"presets", {}, false},
    {"border", kBannerBorder},
    {"quotes", kBannerQuotes},
    {"headline_case", kBannerCase, false},
    {"quote_marks", kQuoteMarks, false},
    {"punctuation_spacing", kOnOff, false},
    {"overlap", {}, false, true},
    {"printer_margin", {}, false, true},
    {"motif_ink", kMotifInk, false}};

constexpr KindSchema kKinds[] = {
    {ArtifactKind::zine, "zine", "fotocopia", kZineFonts, kZineColors, kZineSizes, kZineLabels,
     kZineOptions},
    {ArtifactKind::banner, "banner", "tejido", kBannerFonts, kBannerColors, kBannerSizes,
     kBannerLabels, kBannerOptions},
    {ArtifactKind::manual, "manual", "cuaderno", kManualFonts, kManualColors, kManualSizes,
     kManualLabels, kManualOptions},
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::span<const KindSchema> all_kind_schemas() { return kKinds; }

const KindSchema& kind_schema(ArtifactKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  return kKinds[0];
}

const KindSchema* find_kind_schema(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return &k;
  return nullptr;
}

std::string join_names(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::optional<Rgba> parse_rgba(std::string_view text) {
  if ((text.size() != 7 && text.size() != 9) || text.front() != '#') return std::nullopt;
  double ch[4] = {0, 0, 0, 1};
  for (std::size_t i = 1, k = 0; i < text.size(); i += 2, ++k) {
    const int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    ch[k] = (hi * 16 + lo) / 255.0;
  }
  return Rgba{ch[0], ch[1], ch[2], ch[3]};
}

}  // namespace telar
