// SPDX-License-Identifier: GPL-3.0-or-later
// The manual's row: its flags, its options and its stages (the runner does the rest).
#include "jobs/manual.h"

#include <fmt/format.h>

#include "base/error.h"
#include "compose/labels.h"
#include "compose/manual.h"
#include "compose/shared_words.h"
#include "jobs/artifact.h"
#include "jobs/runner.h"
#include "layout/hyphenate.h"
#include "layout/manual.h"
#include "layout/text.h"
#include "story/lessons.h"
#include "story/read_story.h"

namespace telar {
namespace {

constexpr std::string_view kImpose[] = {"saddle", "none"};
constexpr std::string_view kDuplex[] = {"short", "long"};

constexpr auto kManualFlags = join_flags(kTemplateOutputFlags, std::to_array<FlagSpec>({
    {"page", 0, FlagType::paper, "page size of the booklet (default: the template's, a5)"},
    {"sheet", 0, FlagType::paper, "paper the printer takes, two pages side by side (default: a4)"},
    {"impose", 0, FlagType::choice, "saddle: sheets to print duplex, fold and staple (default for PDF); none: the pages in order", {}, kImpose},
    {"title", 0, FlagType::text, "the manual's title (default: 'Field manual' in the lessons' language)"},
    {"node", 0, FlagType::text, "the node the manual is for, printed on the cover"},
    {"crew", 0, FlagType::text, "the outgoing crew, e.g. \"Ana, Rodrigo\""},
    {"cycle", 0, FlagType::date, "a day of the lunar cycle the manual covers, YYYY-MM-DD (default: today)"},
    {"creep", 0, FlagType::text, "creep per sheet, e.g. 0.1mm: inner sheets' pages move toward the fold"},
    {"paper-weight", 0, FlagType::text, "creep from the paper: 60gsm to 120gsm"},
    {"duplex", 0, FlagType::choice, "how your printer flips the sheet: short or long edge (see --calibrate)", "short", kDuplex},
    {"calibrate", 0, FlagType::boolean, "print a two-sided test sheet that shows which --duplex to use"},
    {"circle", 0, FlagType::text, "the story circle of the node: its shared words weave the manual's motif and braid"},
}), kAnonymizeFlags, kGlyphFlags, kDpiFlags, kBraidFlags);

/// The duplex instruction, in the foot margin of the back cover on the first sheet's front
/// (the only page there without a folio): the first thing seen when the stack comes out.
void add_duplex_note(Sheet& first, const std::vector<Page>& pages, const Template& tpl,
                     const FontSet& fonts, const std::string& lang, Duplex duplex) {
  const std::size_t back = pages.size() - 1;
  for (const Placement& pl : first.placements) {
    if (pl.page != back) continue;
    const Page& page = pages[back];
    const double inner = tpl.margins.left.pt(), outer = tpl.margins.right.pt();
    const double width = page.trim.w.pt() - inner - outer;
    const std::string key = duplex == Duplex::long_edge ? "duplex_long" : "duplex_short";
    TextRun note = duplex_note(tpl.label(key, lang), tpl, fonts, lang, width);
    const double h = layout_height(note.layout.get());
    const double bottom = tpl.margins.bottom.pt();
    // The back cover is an even page: its outer margin is on the left.
    note.origin = pl.to_sheet.apply(Point{outer, page.trim.h.pt() - bottom * 0.5 - h / 2});
    first.marks.push_back(std::move(note));
  }
}

class ManualStages final : public ArtifactStages {
 public:
  explicit ManualStages(ManualJob job) : job_(std::move(job)) {
    out_ = !job_.out.empty() ? job_.out : job_.calibrate ? "duplex-test.pdf" : "manual.pdf";
    sheet_ = job_.sheet ? *job_.sheet : *paper_size("a4");
  }
  std::filesystem::path output() const override { return out_; }
  std::string template_name() const override { return job_.template_name; }
  std::vector<std::filesystem::path> inputs() const override {
    std::vector<std::filesystem::path> in = job_.lessons;
    if (!job_.circle.empty()) in.push_back(job_.circle);
    return in;
  }
  std::vector<std::filesystem::path> dependencies() const override {
    std::vector<std::filesystem::path> deps = job_.lessons;
    deps.insert(deps.end(), circle_deps_.begin(), circle_deps_.end());
    deps.insert(deps.end(), images_.begin(), images_.end());
    return deps;
  }
  std::string source_name() const override {
    return job_.lessons.size() == 1 ? job_.lessons.front().string() : std::string();
  }
  std::string text() const override { return text_ + job_.title + job_.node + job_.crew; }

  void read(Diagnostics& diags) override {
    for (const auto& f : job_.lessons) {
      SourceText src = read_source(f);
      if (is_transcript(src)) {
        diags.error(Loc{src.name()}, msg(MsgId::transcript_manual, src.name()));
        continue;
      }
      text_ += src.bytes();
      Lesson l = parse_lesson(src, diags);
      if (lesson_title(l).empty()) l.meta.title = f.stem().string();
      for (const Block& b : l.blocks)
        if (const auto* img = std::get_if<Image>(&b.value)) images_.push_back(img->path);
      lessons_.push_back(std::move(l));
      lesson_texts_.push_back(std::string(src.bytes()));
    }
    read_circle(diags);
  }

  /// The node's shared words: from --circle, else the words two lessons or more share (the
  /// crew's and `private:` names left out). What they are found in is taken before
  /// --anonymize, which never changes them; the braid shows words only.
  void read_circle(Diagnostics& diags) {
    if (job_.calibrate) return;
    if (!job_.circle.empty()) {
      StoryInputs none;
      shared_ = shared_words(read_story(job_.circle, diags, none, &circle_deps_));
      return;
    }
    shared_names_ = split_crew(job_.crew);
    for (const Lesson& l : lessons_)
      shared_names_.insert(shared_names_.end(), l.meta.private_names.begin(), l.meta.private_names.end());
    shared_lang_ = manual_lang(lessons_);
    from_lessons_ = true;
  }

  /// The lessons' shared words, found only for a template or flag that shows them (a woven
  /// motif, the braid): 7 % of a 19-page manual's instructions went to words no page
  /// showed.
  const SharedWords* shared_words_for(const Template& tpl) {
    if (!from_lessons_ || !(tpl.woven_motif || tpl.braid || job_.braid)) return &shared_;
    std::vector<Said> said;
    for (std::size_t i = 0; i < lesson_texts_.size(); ++i)
      said.push_back({fmt::format("{}", i + 1), lesson_texts_[i], Loc{job_.lessons[i].string()}});
    shared_ = find_shared_words(said, shared_lang_, shared_names_);
    from_lessons_ = false;
    return &shared_;
  }

  void anonymize(Template& tpl, Diagnostics& diags) override {
    if (!job_.anonymize || job_.calibrate || diags.has_errors()) return;
    // The crew first (in the order given), then each lesson's `private:` names.
    const std::vector<std::string> crew = split_crew(job_.crew);
    std::vector<std::string> names = crew;
    for (const Lesson& l : lessons_)
      names.insert(names.end(), l.meta.private_names.begin(), l.meta.private_names.end());
    const Anonymizer anon(names, manual_lang(lessons_), job_.anonymize_mode);
    anonymize_labels(tpl, anon, diags);
    for (Lesson& l : lessons_) l = anonymize_lesson(std::move(l), anon, diags);
    job_.title = anon.apply(job_.title);
    job_.node = anon.apply(job_.node);
    job_.crew.clear();
    for (const std::string& n : crew) job_.crew += (job_.crew.empty() ? "" : ", ") + anon.alias(n);
  }

  void compose(const Template& tpl, Diagnostics&) override {
    lang_ = std::string(job_.ui_lang.code());
    if (job_.calibrate) {
      calibrate_title_ = tpl.label("calibrate_title", lang_);
      return;
    }
    page_ = job_.page ? *job_.page : tpl.paper ? *tpl.paper : *paper_size("a5");
    saddle_ = job_.impose == ManualImpose::saddle ||
              (job_.impose == ManualImpose::automatic && format_of(out_) == Format::pdf);
    sopt_.page = page_;
    sopt_.sheet = sheet_;
    sopt_.bleed = tpl.bleed;
    sopt_.creep = job_.creep;
    sopt_.duplex = job_.duplex;
    sopt_.mark_color = tpl.color("rule");
    if (saddle_) impose_saddle(4, sopt_);  // pages that do not fit the sheet: a usage error now
    doc_ = compose_manual(std::move(lessons_), tpl,
                          ManualOptions{job_.title, job_.node, job_.crew, job_.cycle});
    doc_.mark = node_mark(shared_words_for(tpl), tpl, job_.braid);
    lang_ = doc_.lang;
    sopt_.right_to_left = is_rtl_language(doc_.lang);  // stapled on the right
  }

  std::vector<Page> layout(const Template& tpl, const FontSet& fonts, Diagnostics& diags) override {
    if (job_.calibrate) return calibration_pages(tpl, fonts, lang_, sheet_);
    const Hyphenator hyphenator = Hyphenator::load(doc_.lang);
    ManualLayoutOptions lopt;
    lopt.page = page_;
    return layout_manual(doc_, tpl, fonts, hyphenator, lopt, diags).pages;
  }

  std::vector<Sheet> impose(const std::vector<Page>& pages, const Template& tpl,
                            const FontSet& fonts) override {
    if (job_.calibrate || !saddle_) return impose_reader(pages);
    std::vector<Sheet> sheets = impose_saddle(pages.size(), sopt_);
    add_duplex_note(sheets.front(), pages, tpl, fonts, doc_.lang, job_.duplex);
    return sheets;
  }

  void encoding(EncodeOptions& enc) const override {
    enc.dpi = job_.dpi;
    enc.png_compression = job_.png_compression;
    enc.title = job_.calibrate ? calibrate_title_ : doc_.title;
  }

 private:
  ManualJob job_;
  std::filesystem::path out_;
  Size sheet_, page_;
  std::string text_, lang_, calibrate_title_;
  std::vector<Lesson> lessons_;
  std::vector<std::string> lesson_texts_;  ///< each lesson's file, for its shared words
  SharedWords shared_;
  bool from_lessons_ = false;              ///< shared_ is still to be found in the lessons
  std::vector<std::string> shared_names_;  ///< never a shared word: the crew, `private:` names
  std::string shared_lang_;
  std::vector<std::filesystem::path> circle_deps_;  ///< --circle, its sidecar
  std::vector<std::filesystem::path> images_;  ///< top-level images of the lessons
  bool saddle_ = false;
  SaddleOptions sopt_;
  ManualDoc doc_;
};

Length creep_value(const std::string& value) {
  auto l = parse_length(value, "mm");
  if (!l || l->mm() < 0 || l->mm() > 2)
    throw Error::usage(msg(MsgId::usage_bad_value, "creep", value,
                           ui_word("a length from 0 to 2mm, such as 0.1mm")));
  return *l;
}

Length paper_weight_value(const std::string& value) {
  if (auto c = creep_for_paper_weight(value)) return *c;
  std::string names;
  for (const PaperWeight& w : paper_weights())
    names += (names.empty() ? "" : ", ") + std::string(w.name);
  throw Error::usage(msg(MsgId::usage_bad_value, "paper-weight", value, names));
}

}  // namespace

std::span<const FlagSpec> manual_flags() { return kManualFlags; }

std::unique_ptr<ArtifactStages> configure_manual(const FlagValues& v, const JobEnv& env) {
  ManualJob job;
  job.calibrate = v.on("calibrate");
  for (const auto& f : v.inputs) job.lessons.emplace_back(f);
  if (job.calibrate && !job.lessons.empty()) throw Error::usage(msg(MsgId::manual_calibrate_inputs));
  if (!job.calibrate && job.lessons.empty()) throw Error::usage(msg(MsgId::usage_missing_input));
  job.template_name = v.text("template");
  job.out = v.text("output");
  if (v.has("page")) job.page = paper_value("page", v.text("page"));
  if (v.has("sheet")) job.sheet = paper_value("sheet", v.text("sheet"));
  if (v.has("impose"))
    job.impose = choice_value("impose", v.text("impose"), kImpose) == "saddle" ? ManualImpose::saddle
                                                                                : ManualImpose::none;
  job.title = v.text("title");
  job.node = v.text("node");
  job.crew = v.text("crew");
  job.cycle = v.has("cycle") ? date_value("cycle", v.text("cycle")) : env.today;
  if (v.has("creep") && v.has("paper-weight"))
    throw Error::usage(msg(MsgId::usage_conflict, "creep", "paper-weight"));
  if (v.has("creep")) job.creep = creep_value(v.text("creep"));
  if (v.has("paper-weight")) job.creep = paper_weight_value(v.text("paper-weight"));
  job.duplex = choice_value("duplex", v.text("duplex"), kDuplex) == "long" ? Duplex::long_edge
                                                                            : Duplex::short_edge;
  job.dpi = dpi_value("dpi", v.text("dpi"));
  job.png_compression = png_compression_value(v.text("png-compression"));
  job.anonymize = v.on("anonymize");
  if (v.on("initials")) job.anonymize_mode = AnonymizeMode::initials;
  job.ui_lang = env.ui_lang;
  job.circle = v.text("circle");
  job.braid = v.on("braid");
  auto stages = std::make_unique<ManualStages>(std::move(job));
  stages->allow_missing_glyphs = v.on("allow-missing-glyphs");
  return stages;
}

std::vector<std::filesystem::path> make_manual(const ManualJob& job, Diagnostics& diags) {
  ManualStages stages(job);
  return run_job(*find_artifact("manual"), stages, diags).files;
}

}  // namespace telar
