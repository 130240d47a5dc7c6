// SPDX-License-Identifier: GPL-3.0-or-later
// `telar motif`'s row: a story in, the node's woven motif and its weave draft out (SVG, PDF
// or PNG), in a zine template's palette (the default template's one ink unless -t says).
#include "base/error.h"
#include "compose/shared_words.h"
#include "compose/weave_draft.h"
#include "impose/sheet.h"
#include "jobs/options.h"
#include "jobs/artifact.h"
#include "jobs/runner.h"
#include "jobs/zine.h"
#include "layout/weave_chart.h"
#include "story/read_story.h"

namespace telar {
namespace {

constexpr auto kMotifFlags = join_flags(
    std::to_array<FlagSpec>({
        {"template", 't', FlagType::text, "zine template whose palette the motif takes (see 'telar templates')"},
        {"output", 'o', FlagType::text, "output file: .svg, .pdf or .png (default: <story>-motif.svg)"},
    }),
    kTranscriptFlags, kDpiFlags);

struct MotifJob {
  std::filesystem::path story, out;
  std::string template_name;
  StoryInputs inputs;
  double dpi = 150;
  Lang ui = Lang::en;
};

class MotifStages final : public ArtifactStages {
 public:
  explicit MotifStages(MotifJob job) : job_(std::move(job)) {
    // The motif carries no name, so the default file name need not hide the story's.
    out_ = job_.out.empty() ? default_output(job_.story, "-motif.svg", false) : job_.out;
  }
  std::filesystem::path output() const override { return out_; }
  std::string template_name() const override { return job_.template_name; }
  std::vector<std::filesystem::path> inputs() const override { return {job_.story}; }
  std::vector<std::filesystem::path> dependencies() const override { return depends_; }
  std::string source_name() const override { return job_.story.string(); }
  std::string text() const override { return {}; }  // the chart's labels only: no CJK

  void read(Diagnostics& diags) override {
    Story story = read_story(job_.story, diags, job_.inputs, &depends_);
    shared_ = shared_words(story);
  }

  void compose(const Template&, Diagnostics&) override { draft_ = weave_draft(motif_seed(shared_)); }

  std::vector<Page> layout(const Template& tpl, const FontSet& fonts, Diagnostics&) override {
    return {weave_chart_page(draft_, tpl, fonts, job_.ui)};
  }

  std::vector<Sheet> impose(const std::vector<Page>& pages, const Template&, const FontSet&) override {
    return impose_reader(pages);
  }

  bool verify_qr() const override { return false; }  // no QR code

  void encoding(EncodeOptions& enc) const override { enc.dpi = job_.dpi; }

 private:
  MotifJob job_;
  std::filesystem::path out_;
  std::vector<std::filesystem::path> depends_;
  SharedWords shared_;
  WeaveDraft draft_;
};

}  // namespace

std::span<const FlagSpec> motif_flags() { return kMotifFlags; }

std::unique_ptr<ArtifactStages> configure_motif(const FlagValues& v, const JobEnv& env) {
  if (v.inputs.empty()) throw Error::usage(msg(MsgId::usage_missing_input));
  MotifJob job;
  job.story = v.inputs.front();
  job.template_name = v.text("template");
  job.out = v.text("output");
  job.inputs = story_inputs(v);
  job.dpi = dpi_value("dpi", v.text("dpi"));
  job.ui = env.ui_lang;
  return std::make_unique<MotifStages>(std::move(job));
}

}  // namespace telar
