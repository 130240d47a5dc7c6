// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/zine.h"

#include "base/error.h"
#include "compose/zine.h"
#include "impose/zine8.h"
#include "jobs/write_output.h"
#include "layout/font_check.h"
#include "layout/fonts.h"
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

}  // namespace

std::vector<std::filesystem::path> make_zine(const ZineJob& job, Diagnostics& diags) {
  if (job.qr_offline) throw Error::usage(msg(MsgId::usage_not_yet, "--qr-offline"));
  if (!job.qr_url.empty() && !is_web_link(job.qr_url))
    throw Error::usage(msg(MsgId::usage_bad_qr, job.qr_url));
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
  check_template_fonts(tpl, fonts, diags);
  diags.throw_if_errors();
  if (FontSet::has_cjk(story_text(story))) fonts.add_system_cjk();  // CJK only from the system
  ZineOptions zopt;
  zopt.qr_url = job.qr_url;
  ZineDoc doc = compose_zine(story, job.story.string(), tpl, zopt, diags);
  std::vector<Page> pages = layout_zine(doc, tpl, fonts, zine8_page_size(paper), diags);
  diags.throw_if_errors();

  std::vector<Sheet> sheets = job.reader_layout
                                  ? impose_reader(pages)
                                  : std::vector<Sheet>{impose_zine8(paper, tpl.color("guide"))};
  EncodeOptions enc = EncodeOptions::from_env();
  enc.dpi = job.dpi;
  enc.title = story.meta.title;
  return write_outputs(out, format, sheets, pages, enc);
}

}  // namespace telar
