// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/check.h"

#include <fmt/format.h>

#include "base/error.h"
#include "base/utf8.h"
#include "compose/explain.h"
#include "compose/shared_words.h"
#include "compose/zine.h"
#include "impose/zine8.h"
#include "jobs/manifest.h"
#include "jobs/runner.h"
#include "layout/font_check.h"
#include "layout/fonts.h"
#include "layout/zine.h"
#include "story/lessons.h"
#include "story/read_story.h"
#include "template/template.h"

namespace telar {
namespace {

bool is_yaml(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// `text` laid out in the zine's body face (with the bundled and system fallbacks): a character
// no font has is reported where it stands in the file (from `loc`'s line on), with the line
// shown; at the file when it is not found there (a text joined from several lines).
void check_text_glyphs(const std::string& text, std::string_view lang, const Loc& loc,
                       std::string_view what, const SourceText& src, const FontSet& fonts,
                       Diagnostics& diags) {
  if (text.empty()) return;
  GRef<PangoLayout> l = fonts.layout(lang, "Noto Sans 10", text);
  for (const MissingGlyph& g : FontSet::missing_glyphs(l.get())) {
    const std::string ch = text.substr(g.byte_offset, utf8_length_at(text, g.byte_offset));
    Loc at = loc.line > 0 ? loc : Loc{src.name()};
    std::string line_text;
    for (int line = std::max(loc.line, 1); loc.line > 0 && line <= src.line_count(); ++line) {
      std::string_view lt = src.line_text(line);
      if (auto pos = lt.find(ch); pos != std::string_view::npos) {
        at = Loc{src.name(), line, static_cast<int>(count_code_points(lt.substr(0, pos))) + 1, loc.key};
        line_text = std::string(lt);
        break;
      }
    }
    diags.error(at, msg(MsgId::font_missing_glyph, ch,
                        fmt::format("{:04X}", static_cast<unsigned>(g.code_point)), ui_word(what)),
                line_text);
  }
}

// Each text of a story, as check_text_glyphs() reports it.
void check_glyphs(const Story& story, const SourceText& src, const FontSet& fonts,
                  Diagnostics& diags) {
  auto check = [&](const std::string& text, const Loc& loc, std::string_view what) {
    check_text_glyphs(text, story.meta.lang, loc, what, src, fonts, diags);
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

// The zine's layout with its default template, as `telar zine` lays it out, but nothing
// rendered and no QR code read back: a circle too long for the inside pages, or a title too
// long for the cover, is reported with the same message and location.
void check_fits_zine(const Story& story, const std::string& source_name, const FontSet& fonts,
                     Diagnostics& diags) {
  Diagnostics local;
  try {
    const Template tpl = load_kind_template("", ArtifactKind::zine, local);
    const ZineDoc doc = compose_zine(story, source_name, tpl, ZineOptions{}, local);
    local.throw_if_errors();
    const Size paper = tpl.paper ? *tpl.paper : *paper_size("a4");
    layout_zine(doc, tpl, fonts, zine8_page_size(paper), local);
  } catch (const Error& e) {
    for (const Diagnostic& d : e.diagnostics())
      if (d.severity == Severity::error) diags.add(d);
    return;
  }
  for (const Diagnostic& d : local.all())
    if (d.severity == Severity::error) diags.add(d);
}

// A .md file is a story circle when it is named *.circle.md, or has speakers' turns and no
// chapter heading ("# "); otherwise it is read as a field-manual lesson (telar manual's input).
bool is_lesson(const std::filesystem::path& path, const SourceText& src, const Story& story) {
  const std::string name = path.filename().string();
  if (name.ends_with(".circle.md") || is_transcript(src)) return false;
  if (story.speakers().empty()) return true;
  // Lessons have chapter headings ("# "); a story's rounds are "## ".
  const std::string_view text = src.bytes();
  return text.starts_with("# ") || text.find("\n# ") != std::string_view::npos;
}

}  // namespace

void check_files(const CheckJob& job, Diagnostics& diags) {
  std::optional<FontSet> fonts;
  std::optional<Error> missing;
  for (const auto& path : job.files) {
    try {
      if (is_yaml(path)) {
        SourceText src = read_source(path);
        if (is_manifest(src)) {
          // A batch manifest: validated exactly as `telar batch` does before it runs.
          try {
            load_manifest(src, ManifestOptions{}, diags);
          } catch (const Error&) {
            // Every problem is in `diags` already (load_manifest records, then throws).
          }
          continue;
        }
        Template tpl = load_template(src, diags);
        if (!fonts) fonts.emplace(bundled_fonts_dir());
        check_template_fonts(tpl, *fonts, diags);
        // Its labels, in their language, found at their line of the file.
        fonts->add_system_fallback(src.bytes());
        for (const auto& [lang, labels] : tpl.labels)
          for (const auto& [key, label] : labels)
            check_text_glyphs(label, lang, Loc{src.name(), 1, 1, "labels." + lang + "." + key},
                              "label", src, *fonts, diags);
      } else {
        Diagnostics local;
        SourceText src = read_source(path);
        // A transcript is read as the commands read it: with its sidecar and title check.
        Story story = is_transcript(src) ? read_story(path, local, job.inputs) : parse_story(src, local);
        bool parsed = !local.has_errors();
        if (is_lesson(path, src, story)) {
          // A field-manual lesson: Markdown with no "Name:" turns.
          Diagnostics lesson_diags;
          const Lesson lesson = parse_lesson(src, lesson_diags);
          if (!lesson_diags.has_errors()) {
            // Every line as `telar manual` would print it: no character without a font.
            if (!fonts) fonts.emplace(bundled_fonts_dir());
            fonts->add_system_fallback(src.bytes());
            for (int line = 1; line <= src.line_count(); ++line)
              check_text_glyphs(std::string(src.line_text(line)), lesson.meta.lang,
                                Loc{src.name(), line, 1, {}}, "lesson", src, *fonts, lesson_diags);
          }
          for (auto& d : lesson_diags.take()) diags.add(std::move(d));
          continue;
        }
        for (auto& d : local.take()) diags.add(std::move(d));
        if (parsed) {
          if (!fonts) fonts.emplace(bundled_fonts_dir());
          fonts->add_system_fallback(src.bytes());
          Diagnostics glyphs;
          check_glyphs(story, src, *fonts, glyphs);
          if (!glyphs.has_errors()) check_fits_zine(story, path.string(), *fonts, glyphs);
          for (auto& d : glyphs.take()) diags.add(std::move(d));
          if (job.explain) {
            // The same story the commands would print: names gone under --anonymize.
            Story shown = job.anonymize ? anonymize(story, job.anonymize_mode) : story;
            // Shared words as the artifacts find them: before --anonymize, voices renamed.
            SharedWords shared = shared_words(story);
            if (job.anonymize) {
              const Anonymizer anon(names_of(story), story.meta.lang, job.anonymize_mode);
              for (std::string& voice : shared.voices) voice = anon.alias(voice);
            }
            job.explain(explain_story(shown, job.anonymize ? std::string("-") : path.string(),
                                      job.ui, diags, &shared));
          }
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
