// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/zine.h"

#include "base/error.h"
#include "compose/qr_payload.h"
#include "compose/zine.h"
#include "impose/zine8.h"
#include "jobs/write_output.h"
#include "layout/fonts.h"
#include "layout/qr_cards.h"
#include "layout/qr_verify.h"
#include "layout/zine.h"
#include "render/output.h"
#include "story/anonymize.h"
#include "story/read_story.h"
#include "template/template.h"

namespace telar {

std::filesystem::path default_output(const std::filesystem::path& input, const std::string& suffix) {
  std::string stem = input.filename().string();
  for (const char* ext : {".md", ".markdown", ".txt", ".vtt", ".srt", ".circle"})
    if (stem.size() > std::string(ext).size() && stem.ends_with(ext)) stem.resize(stem.size() - std::string(ext).size());
  return stem + suffix;
}

namespace {

// Every text of the story, for deciding which fonts it needs.
std::string story_text(const Story& story) {
  std::string all = story.meta.title + story.meta.node + story.meta.headline;
  for (const Round& r : story.rounds) {
    all += r.question;
    for (const Turn& t : r.turns) all += t.speaker + t.text;
  }
  return all;
}

/// --qr-offline: the story on the back cover when one code holds it there at 0.4 mm
/// modules or more; otherwise a story sheet of cards (page 9), and the back cover's code
/// says how many cards there are.
std::vector<Page> offline_pages(const Story& story, ZineDoc& doc, const Template& tpl, const FontSet& fonts,
                                Size paper, Diagnostics& diags) {
  const Size mini = zine8_page_size(paper);
  std::vector<std::string> one = offline_cards(story, 2900, 1);  // v40-L holds 2953 bytes
  if (one.size() == 1) {
    ZineDoc cover = doc;
    cover.qr_payload = one[0];
    cover.link_text = one[0].substr(0, one[0].find('\n'));
    Diagnostics probe;
    try {
      std::vector<Page> pages = layout_zine(cover, tpl, fonts, mini, probe);
      // The choice itself is verified (with --no-verify too): a dense code that would not
      // survive a photocopy goes to the story sheet instead.
      verify_qr_codes(pages, Loc{doc.source_name}, probe);
      if (!probe.has_errors()) {
        for (const Diagnostic& d : probe.all()) diags.add(d);
        doc = std::move(cover);
        return pages;
      }
    } catch (const Error&) {
      // too dense for the back cover: the story sheet below
    }
  }
  std::optional<StorySheetPlan> plan = plan_story_sheet(story, paper);
  if (!plan) diags.fail(Loc{doc.source_name}, msg(MsgId::qr_offline_too_long, kMaxOfflineCards));
  doc.qr_payload = offline_cover_text(story, plan->cards.size());
  doc.link_text = offline_cover_caption(story, plan->cards.size());
  std::vector<Page> pages = layout_zine(doc, tpl, fonts, mini, diags);
  pages.push_back(layout_story_sheet(*plan, paper, tpl, fonts, doc.lang));
  return pages;
}

}  // namespace

std::vector<std::filesystem::path> make_zine(const ZineJob& job, Diagnostics& diags) {
  const std::filesystem::path out = job.out.empty() ? default_output(job.story, "-zine.pdf") : job.out;
  const Format format = format_of(out);  // a usage error before any work

  Story story = read_story(job.story, diags);
  if (job.anonymize && !diags.has_errors()) {
    // Names go before any later stage sees them; a link cannot be rewritten, so a link
    // that carries a name is refused rather than printed into the QR code.
    const std::string link = job.qr_url.empty() ? story.meta.link : job.qr_url;
    if (std::string name = name_inside(story, link); !name.empty())
      diags.error(job.qr_url.empty() ? story.meta.link_loc : Loc{},
                  msg(MsgId::anonymize_name_in_link, name));
    story = anonymize(std::move(story));
  }
  SourceText tsrc = read_source(resolve_template(job.template_name, ArtifactKind::zine));
  Template tpl = load_template(tsrc, diags);
  diags.throw_if_errors();
  if (tpl.kind != ArtifactKind::zine)
    throw Error(Exit::data_error, Loc{tsrc.name()}, msg(MsgId::template_wrong_kind, kind_name(tpl.kind), "zine"));

  const Size paper = job.paper ? *job.paper : tpl.paper ? *tpl.paper : *paper_size("a4");
  FontSet fonts(bundled_fonts_dir());
  if (FontSet::has_cjk(story_text(story))) fonts.add_system_cjk();  // CJK only from the system
  ZineOptions zopt;
  zopt.qr_url = job.qr_url;
  ZineDoc doc = compose_zine(story, job.story.string(), tpl, zopt, diags);
  std::vector<Page> pages;
  if (job.qr_offline)
    pages = offline_pages(story, doc, tpl, fonts, paper, diags);
  else
    pages = layout_zine(doc, tpl, fonts, zine8_page_size(paper), diags);
  // Verify before write: every code is read back from a 150 dpi photocopy of itself.
  if (job.verify) verify_qr_codes(pages, Loc{job.story.string()}, diags);
  diags.throw_if_errors();

  std::vector<Sheet> sheets = job.reader_layout
                                  ? impose_reader(pages)
                                  : std::vector<Sheet>{impose_zine8(paper, tpl.color("guide"))};
  if (!job.reader_layout && pages.size() > 8) sheets.push_back(impose_reader(pages).back());
  EncodeOptions enc = EncodeOptions::from_env();
  enc.dpi = job.dpi;
  enc.title = story.meta.title;
  return write_outputs(out, format, sheets, pages, enc);
}

}  // namespace telar
