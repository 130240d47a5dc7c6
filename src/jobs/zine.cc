// SPDX-License-Identifier: GPL-3.0-or-later
// The zine's row: its flags, its options and its stages (the runner does the rest).
#include "jobs/zine.h"

#include "base/error.h"
#include "compose/labels.h"
#include "compose/shared_words.h"
#include "compose/qr_payload.h"
#include "compose/zine.h"
#include "impose/zine8.h"
#include "jobs/artifact.h"
#include "jobs/runner.h"
#include "layout/qr_cards.h"
#include "layout/qr_verify.h"
#include "layout/zine.h"
#include "story/anonymize.h"
#include "story/read_story.h"

namespace telar {

std::filesystem::path default_output(const std::filesystem::path& input, const std::string& suffix,
                                     bool anonymous) {
  if (anonymous) return "anonymous" + suffix;  // the input's name is often a person's
  std::string stem = input.filename().string();
  for (const char* ext : {".md", ".markdown", ".txt", ".vtt", ".srt", ".json", ".circle"})
    if (stem.size() > std::string(ext).size() && stem.ends_with(ext)) stem.resize(stem.size() - std::string(ext).size());
  return stem + suffix;
}

StoryInputs story_inputs(const FlagValues& v) {
  StoryInputs in;
  in.title = v.text("title");
  in.node = v.text("node");
  in.date = v.text("date");
  in.lang = v.text("lang");
  in.link = v.text("link");
  in.speakers = v.text("speakers");
  return in;
}

std::string story_text(const Story& story) {
  std::string all = story.meta.title + story.meta.node + story.meta.headline;
  for (const Round& r : story.rounds) {
    all += r.question;
    for (const Turn& t : r.turns) all += t.speaker + t.text;
  }
  return all;
}

namespace {

constexpr std::string_view kLayouts[] = {"print", "reader"};

constexpr auto kZineFlags = join_flags(
    kTemplateOutputFlags,
    std::to_array<FlagSpec>({
        {"paper", 0, FlagType::paper, "sheet: a4 or letter (default: the template's)"},
        {"layout", 0, FlagType::choice, "print: the imposed sheet; reader: the 8 pages in order", "print", kLayouts},
        {"qr", 0, FlagType::text, "link for the back cover's QR code (default: the story's link)"},
        {"qr-offline", 0, FlagType::boolean, "put the story text itself into QR codes"},
    }),
    kAnonymizeFlags, kTranscriptFlags,
    std::to_array<FlagSpec>({
        {"no-verify", 0, FlagType::boolean, "do not read the QR codes back before writing (faster)"},
    }),
    kGlyphFlags, kDpiFlags, kBraidFlags);

class ZineStages final : public ArtifactStages {
 public:
  explicit ZineStages(ZineJob job) : job_(std::move(job)) {
    out_ = job_.out.empty() ? default_output(job_.story, "-zine.pdf", job_.anonymize) : job_.out;
  }
  std::filesystem::path output() const override { return out_; }
  std::string template_name() const override { return job_.template_name; }
  std::vector<std::filesystem::path> inputs() const override { return {job_.story}; }
  std::string source_name() const override { return job_.story.string(); }
  std::string text() const override { return story_text(story_); }

  std::vector<std::filesystem::path> dependencies() const override { return depends_; }

  void read(Diagnostics& diags) override {
    story_ = read_story(job_.story, diags, job_.inputs, &depends_);
    shared_ = shared_words(story_);  // before --anonymize: the motif must not change with it
  }

  void anonymize(Template& tpl, Diagnostics& diags) override {
    if (!job_.anonymize || diags.has_errors()) return;
    const Anonymizer anon(names_of(story_), story_.meta.lang, job_.anonymize_mode);
    anonymize_labels(tpl, anon, diags);
    for (std::string& voice : shared_.voices) voice = anon.alias(voice);
    // A link cannot be rewritten, so a link that carries a name (even percent-encoded) is
    // refused rather than printed into the QR code.
    const std::vector<std::pair<std::string, Loc>> links = {
        {story_.meta.link, story_.meta.link_loc}, {job_.qr_url, Loc{"--qr"}}};
    story_ = anonymize_for_output(std::move(story_), job_.anonymize_mode, links, diags);
  }

  void compose(const Template& tpl, Diagnostics& diags) override {
    paper_ = job_.paper ? *job_.paper : tpl.paper ? *tpl.paper : *paper_size("a4");
    ZineOptions zopt;
    zopt.qr_url = job_.qr_url;
    zopt.shared = &shared_;
    zopt.braid = job_.braid;
    doc_ = compose_zine(story_, job_.story.string(), tpl, zopt, diags);
  }

  std::vector<Page> layout(const Template& tpl, const FontSet& fonts, Diagnostics& diags) override {
    if (job_.qr_offline) return offline_pages(tpl, fonts, diags);
    return layout_zine(doc_, tpl, fonts, zine8_page_size(paper_), diags);
  }

  std::vector<Sheet> impose(const std::vector<Page>& pages, const Template& tpl,
                            const FontSet&) override {
    if (job_.reader_layout) return impose_reader(pages);
    // A right-to-left zine reads from the other side: the imposition mirrored.
    std::vector<Sheet> sheets{
        impose_zine8(paper_, tpl.color("guide"), Length::mm(5), is_rtl_language(doc_.lang))};
    std::vector<Sheet> story = impose_reader(pages);  // the story sheets: pages 9 on, alone
    for (std::size_t i = 8; i < story.size(); ++i) sheets.push_back(std::move(story[i]));
    return sheets;
  }

  bool verify_qr() const override { return job_.verify; }

  void encoding(EncodeOptions& enc) const override {
    enc.dpi = job_.dpi;
    enc.png_compression = job_.png_compression;
    enc.title = story_.meta.title;
  }

 private:
  /// --qr-offline: the story on the back cover when one code holds it there at 0.4 mm
  /// modules or more and reads back; otherwise story sheets of cards (page 9 on), and the
  /// back cover's code says how many cards there are. Only the back cover is laid out to
  /// try: the zine itself once, with the payload chosen.
  std::vector<Page> offline_pages(const Template& tpl, const FontSet& fonts, Diagnostics& diags) {
    const Size mini = zine8_page_size(paper_);
    std::vector<std::string> one = offline_cards(story_, 2900, 1);  // v40-L holds 2953 bytes
    if (one.size() == 1) {
      ZineDoc cover = doc_;
      cover.qr_payload = one[0];
      cover.link_text = one[0].substr(0, one[0].find('\n'));
      Diagnostics probe;
      try {
        std::vector<Page> back;
        back.push_back(layout_zine_back_cover(cover, tpl, fonts, mini, probe));
        // The choice itself is verified (with --no-verify too): a dense code that would
        // not survive a photocopy goes to the story sheet, and the output never depends
        // on the flag.
        verify_qr_codes(back, Loc{doc_.source_name}, probe);
        if (!probe.has_errors()) {
          doc_ = std::move(cover);
          return layout_zine(doc_, tpl, fonts, mini, diags);
        }
      } catch (const Error&) {
        // too dense for the back cover: the story sheets below
      }
    }
    std::optional<StorySheetPlan> plan = plan_story_sheet(story_, paper_);
    if (!plan)
      diags.fail(Loc{doc_.source_name},
                 msg(MsgId::qr_offline_too_long, kMaxOfflineCards, kMaxStorySheets));
    const auto sheets = static_cast<std::size_t>(plan->sheets);
    doc_.qr_payload = offline_cover_text(story_, plan->cards.size(), sheets);
    doc_.link_text = offline_cover_caption(story_, plan->cards.size(), sheets);
    std::vector<Page> pages = layout_zine(doc_, tpl, fonts, mini, diags);
    for (Page& sheet : layout_story_sheets(*plan, paper_, tpl, fonts, doc_.lang, diags))
      pages.push_back(std::move(sheet));
    return pages;
  }

  ZineJob job_;
  std::filesystem::path out_;
  std::vector<std::filesystem::path> depends_;  ///< the story, its sidecars, --speakers
  Story story_;
  SharedWords shared_;
  Size paper_;
  ZineDoc doc_;
};

}  // namespace

std::span<const FlagSpec> zine_flags() { return kZineFlags; }

std::unique_ptr<ArtifactStages> configure_zine(const FlagValues& v, const JobEnv&) {
  if (v.inputs.empty()) throw Error::usage(msg(MsgId::usage_missing_input));
  ZineJob job;
  job.story = v.inputs.front();
  job.template_name = v.text("template");
  job.out = v.text("output");
  if (v.has("paper")) job.paper = paper_value("paper", v.text("paper"));
  job.reader_layout = choice_value("layout", v.text("layout"), kLayouts) == "reader";
  job.qr_url = v.text("qr");
  job.qr_offline = v.on("qr-offline");
  job.anonymize = v.on("anonymize");
  if (v.on("initials")) job.anonymize_mode = AnonymizeMode::initials;
  job.inputs = story_inputs(v);
  job.verify = !v.on("no-verify");
  if (!job.qr_url.empty() && job.qr_offline) throw Error::usage(msg(MsgId::usage_conflict, "qr", "qr-offline"));
  if (!job.qr_url.empty() && !is_web_link(job.qr_url))
    throw Error::usage(msg(MsgId::usage_bad_qr, job.qr_url));
  job.dpi = dpi_value("dpi", v.text("dpi"));
  job.png_compression = png_compression_value(v.text("png-compression"));
  job.braid = v.on("braid");
  auto stages = std::make_unique<ZineStages>(std::move(job));
  stages->allow_missing_glyphs = v.on("allow-missing-glyphs");
  return stages;
}

std::vector<std::filesystem::path> make_zine(const ZineJob& job, Diagnostics& diags) {
  ZineStages stages(job);
  return run_job(*find_artifact("zine"), stages, diags).files;
}

}  // namespace telar
