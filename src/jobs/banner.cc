// SPDX-License-Identifier: GPL-3.0-or-later
// The banner's row: its flags, its options and its stages (the runner does the rest).
#include "jobs/banner.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "base/error.h"
#include "compose/banner.h"
#include "compose/labels.h"
#include "impose/tiles.h"
#include "jobs/artifact.h"
#include "jobs/banner_size.h"
#include "jobs/options.h"
#include "jobs/runner.h"
#include "jobs/zine.h"
#include "layout/banner.h"
#include "compose/shared_words.h"
#include "story/anonymize.h"
#include "story/read_story.h"
#include "template/schema.h"

namespace telar {

/// The largest --bleed (a print shop asks for 3 to 10 mm): docs/limits.md.
constexpr Length kMaxBleed = Length::mm(100);
namespace {

constexpr std::string_view kTiles[] = {"a4", "letter", "a3"};

constexpr auto kBannerFlags = join_flags(
    std::to_array<FlagSpec>({
        {"headline", 0, FlagType::text, "the headline (default: the story's)"},
    }),
    kTemplateOutputFlags,
    std::to_array<FlagSpec>({
        {"size", 0, FlagType::text, "banner size: 3x1m, 300x100cm, 120x36in, 2000x700mm or a preset of the template"},
        {"portrait", 0, FlagType::boolean, "turn the size so that it is taller than wide"},
        {"landscape", 0, FlagType::boolean, "turn the size so that it is wider than tall"},
        {"tile", 0, FlagType::choice, "split over home-printer pages: a4, letter or a3", {}, kTiles},
        {"overlap", 0, FlagType::length, "how far tiles overlap (default: the template's, 10mm)"},
        {"bleed", 0, FlagType::length, "art past the trim, with crop marks (default: the template's)"},
    }),
    kAnonymizeFlags, kTranscriptFlags,
    std::to_array<FlagSpec>({
        {"no-verify", 0, FlagType::boolean, "do not read the QR code back before writing (faster)"},
    }),
    kGlyphFlags, kDpiFlags, kBraidFlags);

std::string mm(Length l) { return fmt::format("{:g} mm", std::round(l.mm() * 10) / 10); }

class BannerStages final : public ArtifactStages {
 public:
  explicit BannerStages(BannerJob job) : job_(std::move(job)), headline_(job_.headline) {
    out_ = !job_.out.empty()    ? job_.out
           : job_.story.empty() ? std::filesystem::path("banner.pdf")
                                : default_output(job_.story, "-banner.pdf", job_.anonymize);
    if (!job_.tile.empty()) tile_paper_ = paper_size(job_.tile);
  }
  std::filesystem::path output() const override { return out_; }
  std::string template_name() const override { return job_.template_name; }
  std::vector<std::filesystem::path> inputs() const override {
    if (job_.story.empty()) return {};
    return {job_.story};
  }
  std::string source_name() const override { return job_.story.string(); }
  std::string text() const override { return (story_ ? story_text(*story_) : "") + headline_; }

  void read(Diagnostics& diags) override {
    if (!job_.story.empty()) story_ = read_story(job_.story, diags, job_.inputs, &depends_);
    if (story_) shared_ = shared_words(*story_);  // before --anonymize: the motif must not change
  }
  std::vector<std::filesystem::path> dependencies() const override { return depends_; }

  void anonymize(Template& tpl, Diagnostics& diags) override {
    if (!story_ || !job_.anonymize || diags.has_errors()) return;
    const Anonymizer anon(names_of(*story_), story_->meta.lang, job_.anonymize_mode);
    anonymize_labels(tpl, anon, diags);
    for (std::string& voice : shared_.voices) voice = anon.alias(voice);
    // Names go before any later stage sees them (a --headline too); a link that carries a
    // name cannot be rewritten, so it is refused rather than printed into the QR code.
    if (!headline_.empty()) story_->meta.headline = std::exchange(headline_, {});
    const std::vector<std::pair<std::string, Loc>> links = {{story_->meta.link, story_->meta.link_loc}};
    story_ = anonymize_for_output(std::move(*story_), job_.anonymize_mode, links, diags);
  }

  void compose(const Template& tpl, Diagnostics& diags) override {
    trim_ = resolve_banner_size(job_.size, tpl, job_.portrait);
    // Home-printed tiles are trimmed at the banner's edge: no bleed unless asked for.
    bleed_ = job_.bleed ? *job_.bleed : tile_paper_ ? Length{} : tpl.bleed;
    overlap_ = job_.overlap ? *job_.overlap : option_length(tpl, "overlap", Length::mm(10), diags);
    margin_ = option_length(tpl, "printer_margin", Length::mm(5), diags);
    doc_ = compose_banner(story_ ? &*story_ : nullptr, job_.story.string(), headline_, job_.lang,
                          tpl, diags);
    doc_.mark = node_mark(story_ ? &shared_ : nullptr, tpl, job_.braid);
  }

  std::vector<Page> layout(const Template& tpl, const FontSet& fonts, Diagnostics& diags) override {
    return {layout_banner(doc_, tpl, fonts, trim_, bleed_, diags, &laid_)};
  }

  std::vector<Sheet> impose(const std::vector<Page>& pages, const Template& tpl,
                            const FontSet& fonts) override {
    const Sheet banner = impose_banner_sheet(pages[0]);
    if (!tile_paper_) return {banner};
    std::optional<Rect> qr;  // on the banner sheet: no tile seam may cross it
    if (laid_.qr_box.w > 0)
      qr = Rect{laid_.qr_box.x + banner.trim_box->x, laid_.qr_box.y + banner.trim_box->y,
                laid_.qr_box.w, laid_.qr_box.h};
    std::optional<TilePlan> plan = plan_tiles(banner.paper, *tile_paper_, margin_, overlap_, qr);
    if (!plan) throw Error::usage(msg(MsgId::banner_tile_no_room, job_.tile, mm(margin_), mm(overlap_)));
    if (plan->tiles.size() > kMaxTiles)
      throw Error::usage(msg(MsgId::banner_too_many_tiles, plan->tiles.size(), kMaxTiles));
    TileLook look;
    look.lang = doc_.lang;
    look.font = tpl.font("small").description;
    look.bold_font = tpl.font("speaker").description;
    TileLabels labels{tpl.label("glue", doc_.lang), tpl.label("on_top", doc_.lang),
                      tpl.label("assembly", doc_.lang), tpl.label("sheets", doc_.lang),
                      tpl.label("steps", doc_.lang)};
    for (const char* u : {"in", "cm", "mm"})  // the map speaks the --size's unit
      if (job_.size.size() > 2 && job_.size.ends_with(u)) labels.unit = u;
    return impose_tiles(*plan, banner, fonts, look, labels);
  }

  bool verify_qr() const override { return job_.verify; }

  void encoding(EncodeOptions& enc) const override {
    enc.dpi = job_.dpi;
    enc.png_compression = job_.png_compression;
    if (story_) enc.title = story_->meta.title;
    enc.progress = job_.progress;
  }

 private:
  /// A length from the template's options (e.g. options.overlap), or `fallback`.
  static Length option_length(const Template& tpl, const std::string& key, Length fallback,
                              Diagnostics& diags) {
    const std::string text = tpl.option(key);
    if (text.empty()) return fallback;
    if (auto l = parse_template_length(text)) return *l;
    diags.fail(Loc{tpl.loc.file, 0, 0, "options." + key}, msg(MsgId::tpl_bad_length, text));
  }

  std::vector<std::filesystem::path> depends_;  ///< the story, its sidecars, --speakers
  BannerJob job_;
  std::string headline_;
  std::filesystem::path out_;
  std::optional<Size> tile_paper_;
  std::optional<Story> story_;
  Size trim_;
  Length bleed_, overlap_, margin_;
  BannerDoc doc_;
  SharedWords shared_;
  BannerLayoutInfo laid_;  ///< where layout put the QR code, for the tile seams
};

}  // namespace

std::span<const FlagSpec> banner_flags() { return kBannerFlags; }

std::unique_ptr<ArtifactStages> configure_banner(const FlagValues& v, const JobEnv& env) {
  BannerJob job;
  if (!v.inputs.empty()) job.story = v.inputs.front();
  job.headline = v.text("headline");
  if (job.story.empty() && job.headline.empty()) throw Error::usage(msg(MsgId::banner_needs_input));
  job.template_name = v.text("template");
  job.out = v.text("output");
  if (v.has("size")) {
    job.size = v.text("size");
    if (!is_size_preset_name(job.size)) parse_banner_size(job.size);  // a usage error now
  }
  const bool portrait = v.on("portrait"), landscape = v.on("landscape");
  if (portrait && landscape) throw Error::usage(msg(MsgId::usage_conflict, "portrait", "landscape"));
  if (portrait || landscape) job.portrait = portrait;
  if (v.has("tile")) job.tile = choice_value("tile", v.text("tile"), kTiles);
  if (v.has("overlap")) {
    if (job.tile.empty()) throw Error::usage(msg(MsgId::usage_needs, "overlap", "tile"));
    job.overlap = length_value("overlap", v.text("overlap"));
  }
  if (v.has("bleed")) {
    job.bleed = length_value("bleed", v.text("bleed"));
    if (*job.bleed > kMaxBleed)  // before any layout: a 1e7 mm bleed is a 20 km page
      throw Error::usage(msg(MsgId::usage_too_large, "bleed", "100 mm"));
  }
  job.anonymize = v.on("anonymize");
  if (v.on("initials")) job.anonymize_mode = AnonymizeMode::initials;
  job.inputs = story_inputs(v);
  job.verify = !v.on("no-verify");
  job.dpi = dpi_value("dpi", v.text("dpi"));
  job.png_compression = png_compression_value(v.text("png-compression"));
  job.braid = v.on("braid");
  job.lang = std::string(env.ui_lang.code());
  job.progress = env.progress;
  auto stages = std::make_unique<BannerStages>(std::move(job));
  stages->allow_missing_glyphs = v.on("allow-missing-glyphs");
  return stages;
}

std::vector<std::filesystem::path> make_banner(const BannerJob& job, Diagnostics& diags) {
  if (job.story.empty() && job.headline.empty()) throw Error::usage(msg(MsgId::banner_needs_input));
  BannerStages stages(job);
  return run_job(*find_artifact("banner"), stages, diags).files;
}

}  // namespace telar
