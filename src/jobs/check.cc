// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/check.h"

#include <fmt/format.h>

#include "base/error.h"
#include "base/utf8.h"
#include "layout/fonts.h"
#include "story/read_story.h"
#include "template/template.h"

namespace telar {
namespace {

bool is_yaml(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Each turn laid out in the zine's body face (with the bundled fallbacks): a character no
// bundled font has is reported at its own line and column.
void check_glyphs(const Story& story, const FontSet& fonts, Diagnostics& diags) {
  auto check = [&](const std::string& text, const Loc& loc, std::string_view what) {
    if (text.empty()) return;
    GRef<PangoLayout> l = fonts.layout(story.meta.lang, "Noto Sans 10", text);
    for (const MissingGlyph& g : FontSet::missing_glyphs(l.get())) {
      Loc at = loc;
      if (at.line > 0 && at.column > 0 && text.find('\n') == std::string::npos)
        at.column += 0;  // the turn's own column: the text may be joined from several lines
      diags.error(at, msg(MsgId::font_missing_glyph,
                          fmt::format("{:04X}", static_cast<unsigned>(g.code_point)), what));
    }
  };
  check(story.meta.title, story.meta.title_loc, "title");
  check(story.meta.headline, story.meta.headline_loc, "headline");
  for (const Round& r : story.rounds) {
    check(r.question, r.loc, "round");
    for (const Turn& t : r.turns) {
      check(t.speaker, t.loc, "speaker");
      check(t.text, t.loc, t.highlight ? "highlight" : "turn");
    }
  }
}

}  // namespace

void check_files(const CheckJob& job, Diagnostics& diags) {
  std::optional<FontSet> fonts;
  std::optional<Error> missing;
  for (const auto& path : job.files) {
    try {
      if (is_yaml(path)) {
        load_template(read_source(path), diags);
      } else {
        Diagnostics local;
        Story story = read_story(path, local);
        bool parsed = !local.has_errors();
        for (auto& d : local.take()) diags.add(std::move(d));
        if (parsed) {
          if (!fonts) fonts.emplace(bundled_fonts_dir());
          check_glyphs(story, *fonts, diags);
        }
      }
    } catch (const Error& e) {
      if (e.code() != Exit::no_input) throw;
      for (const auto& d : e.diagnostics()) diags.add(d);
      if (!missing) missing = e;
    }
  }
  if (missing) throw Error(Exit::no_input, std::vector<Diagnostic>(diags.all().begin(), diags.all().end()));
  diags.throw_if_errors();
}

}  // namespace telar
