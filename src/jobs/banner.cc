// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/banner.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "jobs/write_output.h"
#include "base/error.h"
#include "compose/banner.h"
#include "impose/tiles.h"
#include "jobs/banner_size.h"
#include "jobs/options.h"
#include "layout/banner.h"
#include "layout/font_check.h"
#include "layout/fonts.h"
#include "render/output.h"
#include "story/anonymize.h"
#include "story/read_story.h"
#include "template/schema.h"
#include "template/template.h"

namespace telar {

/// The largest --bleed (a print shop asks for 3 to 10 mm): docs/limits.md.
constexpr Length kMaxBleed = Length::mm(100);
namespace {

/// A length from the template's options (e.g. options.overlap), or `fallback`.
Length option_length(const Template& tpl, const std::string& key, Length fallback) {
  const std::string text = tpl.option(key);
  if (text.empty()) return fallback;
  if (auto l = parse_template_length(text)) return *l;
  throw Error(Exit::data_error, Loc{tpl.loc.file, 0, 0, "options." + key}, msg(MsgId::tpl_bad_length, text));
}

std::string mm(Length l) { return fmt::format("{:g} mm", std::round(l.mm() * 10) / 10); }

}  // namespace

std::vector<std::filesystem::path> make_banner(const BannerJob& job, Diagnostics& diags) {
  if (job.story.empty() && job.headline.empty()) throw Error::usage(msg(MsgId::banner_needs_input));
  const std::filesystem::path out = !job.out.empty()    ? job.out
                                    : job.story.empty() ? std::filesystem::path("banner.pdf")
                                                        : default_output(job.story, "-banner.pdf");
  const Format format = format_of(out);  // a usage error before any work
  std::optional<Size> tile_paper;
  if (!job.tile.empty()) tile_paper = paper_size(job.tile);

  std::optional<Story> story;
  std::string headline = job.headline;
  if (!job.story.empty()) story = read_story(job.story, diags);
  if (story && job.anonymize && !diags.has_errors()) {
    // Names go before any later stage sees them (a --headline too); a link that carries a
    // name cannot be rewritten, so it is refused rather than printed into the QR code.
    if (std::string name = name_inside(*story, story->meta.link); !name.empty())
      diags.error(story->meta.link_loc, msg(MsgId::anonymize_name_in_link, name));
    if (!headline.empty()) story->meta.headline = std::exchange(headline, {});
    story = anonymize(std::move(*story));
  }
  SourceText tsrc = read_source(resolve_template(job.template_name, ArtifactKind::banner));
  Template tpl = load_template(tsrc, diags);
  diags.throw_if_errors();
  if (tpl.kind != ArtifactKind::banner)
    throw Error(Exit::data_error, Loc{tsrc.name()}, msg(MsgId::template_wrong_kind, kind_name(tpl.kind), "banner"));

  const Size trim = resolve_banner_size(job.size, tpl, job.portrait);
  // Home-printed tiles are trimmed at the banner's edge: no bleed unless asked for.
  const Length bleed = job.bleed ? *job.bleed : tile_paper ? Length{} : tpl.bleed;
  if (bleed > kMaxBleed)  // before any layout: a 1e7 mm bleed is a 20 km page
    throw Error::usage(msg(MsgId::usage_too_large, "bleed", "100 mm"));
  const Length overlap = job.overlap ? *job.overlap : option_length(tpl, "overlap", Length::mm(10));
  const Length margin = option_length(tpl, "printer_margin", Length::mm(5));

  FontSet fonts(bundled_fonts_dir());
  check_template_fonts(tpl, fonts, diags);
  diags.throw_if_errors();
  BannerDoc doc = compose_banner(story ? &*story : nullptr, job.story.string(), headline, job.lang, tpl, diags);
  diags.throw_if_errors();
  std::vector<Page> pages{layout_banner(doc, tpl, fonts, trim, bleed, diags)};
  const Sheet banner = impose_banner_sheet(pages[0]);

  std::vector<Sheet> sheets;
  if (tile_paper) {
    std::optional<TilePlan> plan = plan_tiles(banner.paper, *tile_paper, margin, overlap);
    if (!plan) throw Error::usage(msg(MsgId::banner_tile_no_room, job.tile, mm(margin), mm(overlap)));
    if (plan->tiles.size() > kMaxTiles)
      throw Error::usage(msg(MsgId::banner_too_many_tiles, plan->tiles.size(), kMaxTiles));
    TileLook look;
    look.lang = doc.lang;
    look.font = tpl.font("small").description;
    look.bold_font = tpl.font("speaker").description;
    TileLabels labels{tpl.label("glue", doc.lang), tpl.label("on_top", doc.lang),
                      tpl.label("assembly", doc.lang), tpl.label("sheets", doc.lang),
                      tpl.label("steps", doc.lang)};
    sheets = impose_tiles(*plan, banner, fonts, look, labels);
  } else {
    sheets.push_back(banner);
  }

  EncodeOptions enc = EncodeOptions::from_env();
  enc.dpi = job.dpi;
  if (story) enc.title = story->meta.title;
  enc.progress = job.progress;
  return write_outputs(out, format, sheets, pages, enc);
}

}  // namespace telar
