// SPDX-License-Identifier: GPL-3.0-or-later
// The node's woven motif and the braid on real artifacts: the zine, banner and manual of
// one circle draw one draft; --anonymize does not change it; another circle's differs.
#include <catch2/catch.hpp>

#include <set>

#include "compose/shared_words.h"
#include "compose/weave_draft.h"
#include "jobs/artifact.h"
#include "jobs/runner.h"
#include "story/read_story.h"
#include "support.h"

using namespace telar;
using namespace telar::test;

namespace {

struct Laid {
  std::vector<Page> pages;
  Diagnostics diags;
};

/// The artifact's pages, through its own stages (what `telar NAME ARGS` would lay out).
Laid lay_out(const std::string& name, std::vector<std::string> inputs,
             const std::vector<std::pair<std::string, std::string>>& flags) {
  const Artifact* a = find_artifact(name);
  REQUIRE(a != nullptr);
  FlagValues v;
  v.inputs = std::move(inputs);
  for (const auto& [k, val] : flags) v.set(k, val);
  v.fill_defaults(a->flags);
  JobEnv env;
  env.today = Date{2026, 11, 20};
  auto stages = a->configure(v, env);
  Laid out;
  stages->read(out.diags);
  Template tpl = load_kind_template(stages->template_name(), a->kind, out.diags);
  stages->anonymize(tpl, out.diags);
  stages->compose(tpl, out.diags);
  out.pages = stages->layout(tpl, fonts(), out.diags);
  REQUIRE_FALSE(out.diags.has_errors());
  return out;
}

/// The woven motifs drawn on `pages`, by draft fingerprint (the shapes' slot).
std::set<std::string> woven(const std::vector<Page>& pages) {
  std::set<std::string> out;
  for (const Page& p : pages)
    for (const Item& it : p.items)
      if (const auto* s = std::get_if<Shape>(&it); s && s->slot.starts_with("woven:")) out.insert(s->slot.substr(6));
  return out;
}

std::size_t count_slot(const std::vector<Page>& pages, const std::string& slot) {
  std::size_t n = 0;
  for (const Page& p : pages)
    for (const Item& it : p.items)
      if (const auto* s = std::get_if<Shape>(&it); s && s->slot == slot) ++n;
  return n;
}

std::string expected(const std::string& story) {
  Diagnostics d;
  StoryInputs none;
  return draft_fingerprint(weave_draft(motif_seed(shared_words(read_story(story, d, none, nullptr)))));
}

}  // namespace

TEST_CASE("one node's zine, banner and manual weave the same motif, seeded by its circle", "[node][layout]") {
  const std::string story = (examples_dir() / "la-bateria.circle.md").string();
  const std::string lesson = (examples_dir() / "lessons" / "01-antes-de-abrir.md").string();
  const auto zine = woven(lay_out("zine", {story}, {{"template", "fotocopia"}}).pages);
  const auto banner = woven(lay_out("banner", {story}, {{"template", "tejido"}, {"size", "3x1m"}}).pages);
  const auto manual = woven(lay_out("manual", {lesson}, {{"template", "brigada"}, {"circle", story}}).pages);
  const std::set<std::string> one{expected(story)};
  CHECK(zine == one);
  CHECK(banner == one);
  CHECK(manual == one);

  // --anonymize changes names, never the motif.
  CHECK(woven(lay_out("zine", {story}, {{"template", "fotocopia"}, {"anonymize", "true"}}).pages) == one);
  // Another circle, another motif.
  const std::string witral = (examples_dir() / "witral.circle.md").string();
  const auto other = woven(lay_out("zine", {witral}, {{"template", "fotocopia"}}).pages);
  CHECK(other.size() == 1);
  CHECK(other != one);
}

TEST_CASE("templates that do not ask for the woven motif draw none", "[node][layout]") {
  const std::string story = (examples_dir() / "la-bateria.circle.md").string();
  CHECK(woven(lay_out("zine", {story}, {{"template", "semilla"}}).pages).empty());
  CHECK(woven(lay_out("banner", {story}, {{"template", "pancarta"}, {"size", "3x1m"}}).pages).empty());
}

TEST_CASE("the braid (--braid) is a zine spare page, a banner panel and a manual figure", "[node][layout]") {
  const std::string story = (examples_dir() / "la-bateria.circle.md").string();
  const std::string lesson = (examples_dir() / "lessons" / "01-antes-de-abrir.md").string();
  CHECK(count_slot(lay_out("zine", {story}, {}).pages, "braid") == 0);
  const Laid z = lay_out("zine", {story}, {{"braid", "true"}});
  CHECK(count_slot(z.pages, "braid") > 0);
  CHECK(count_slot(lay_out("banner", {story}, {{"braid", "true"}, {"size", "3x1m"}}).pages, "braid") > 0);
  CHECK(count_slot(lay_out("manual", {lesson}, {{"braid", "true"}, {"circle", story}}).pages, "braid") > 0);
  // Every item of the braid stays on its page.
  for (const Page& p : z.pages)
    for (const Item& it : p.items)
      if (const auto* s = std::get_if<Shape>(&it); s && s->slot.starts_with("braid"))
        CHECK(Rect{0, 0, p.trim.w.pt(), p.trim.h.pt()}.contains(s->path.bounds()));
}
