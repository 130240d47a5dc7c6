// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/manual.h"

#include "jobs/write_output.h"
#include "base/error.h"
#include "compose/manual.h"
#include "layout/font_check.h"
#include "layout/fonts.h"
#include "layout/hyphenate.h"
#include "layout/manual.h"
#include "layout/text.h"
#include "render/output.h"
#include "story/lessons.h"
#include "template/template.h"

namespace telar {
namespace {

Template manual_template(const std::string& name, Diagnostics& diags) {
  SourceText src = read_source(resolve_template(name, ArtifactKind::manual));
  Template tpl = load_template(src, diags);
  diags.throw_if_errors();
  if (tpl.kind != ArtifactKind::manual)
    throw Error(Exit::data_error, Loc{src.name()},
                msg(MsgId::template_wrong_kind, kind_name(tpl.kind), "manual"));
  return tpl;
}

std::vector<Lesson> read_lessons(const std::vector<std::filesystem::path>& files,
                                 Diagnostics& diags) {
  std::vector<Lesson> lessons;
  for (const auto& f : files) {
    Lesson l = parse_lesson(read_source(f), diags);
    if (lesson_title(l).empty()) l.meta.title = f.stem().string();
    lessons.push_back(std::move(l));
  }
  return lessons;
}

/// The duplex instruction, in the foot margin of the back cover on the first sheet's front
/// (the only page there without a folio): the first thing seen when the stack comes out.
void add_duplex_note(Sheet& first, const std::vector<Page>& pages, const Template& tpl,
                     const FontSet& fonts, const ManualDoc& doc, Duplex duplex) {
  const std::size_t back = pages.size() - 1;
  for (const Placement& pl : first.placements) {
    if (pl.page != back) continue;
    const Page& page = pages[back];
    const double inner = tpl.margins.left.pt(), outer = tpl.margins.right.pt();
    const double width = page.trim.w.pt() - inner - outer;
    const std::string key = duplex == Duplex::long_edge ? "duplex_long" : "duplex_short";
    TextRun note = duplex_note(tpl.label(key, doc.lang), tpl, fonts, doc.lang, width);
    const double h = layout_height(note.layout.get());
    const double bottom = tpl.margins.bottom.pt();
    // The back cover is an even page: its outer margin is on the left.
    note.origin = pl.to_sheet.apply(Point{outer, page.trim.h.pt() - bottom * 0.5 - h / 2});
    first.marks.push_back(std::move(note));
  }
}

}  // namespace

std::vector<std::filesystem::path> make_manual(const ManualJob& job, Diagnostics& diags) {
  const std::filesystem::path out = !job.out.empty() ? job.out
                                    : job.calibrate  ? "duplex-test.pdf"
                                                     : "manual.pdf";
  const Format format = format_of(out);  // a usage error before any work
  const Size sheet = job.sheet ? *job.sheet : *paper_size("a4");
  EncodeOptions enc = EncodeOptions::from_env();
  enc.dpi = job.dpi;

  if (job.calibrate) {
    Template tpl = manual_template(job.template_name, diags);
    FontSet fonts(bundled_fonts_dir());
  check_template_fonts(tpl, fonts, diags);
  diags.throw_if_errors();
    check_template_fonts(tpl, fonts, diags);
    diags.throw_if_errors();
    const std::string lang = job.ui_lang == Lang::es ? "es" : "en";
    std::vector<Page> pages = calibration_pages(tpl, fonts, lang, sheet);
    enc.title = tpl.label("calibrate_title", lang);
    return write_outputs(out, format, impose_reader(pages), pages, enc);
  }

  std::vector<Lesson> lessons = read_lessons(job.lessons, diags);
  Template tpl = manual_template(job.template_name, diags);
  diags.throw_if_errors();

  const Size page = job.page ? *job.page : tpl.paper ? *tpl.paper : *paper_size("a5");
  const bool saddle = job.impose == ManualImpose::saddle ||
                      (job.impose == ManualImpose::automatic && format == Format::pdf);
  SaddleOptions sopt;
  sopt.page = page;
  sopt.sheet = sheet;
  sopt.bleed = tpl.bleed;
  sopt.creep = job.creep;
  sopt.duplex = job.duplex;
  sopt.mark_color = tpl.color("rule");
  if (saddle) impose_saddle(4, sopt);  // pages that do not fit the sheet: a usage error now

  ManualDoc doc = compose_manual(std::move(lessons), tpl,
                                 ManualOptions{job.title, job.node, job.crew, job.cycle});
  FontSet fonts(bundled_fonts_dir());
  check_template_fonts(tpl, fonts, diags);
  diags.throw_if_errors();
  const Hyphenator hyphenator = Hyphenator::load(doc.lang);
  ManualLayoutOptions lopt;
  lopt.page = page;
  ManualPages laid = layout_manual(doc, tpl, fonts, hyphenator, lopt, diags);
  diags.throw_if_errors();

  std::vector<Sheet> sheets;
  if (saddle) {
    sheets = impose_saddle(laid.pages.size(), sopt);
    add_duplex_note(sheets.front(), laid.pages, tpl, fonts, doc, job.duplex);
  } else {
    sheets = impose_reader(laid.pages);
  }
  enc.title = doc.title;
  return write_outputs(out, format, sheets, laid.pages, enc);
}

}  // namespace telar
