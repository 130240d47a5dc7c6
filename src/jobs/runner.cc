// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/runner.h"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <utility>

#include "base/source.h"
#include "base/utf8.h"
#include "jobs/write_output.h"
#include "layout/font_check.h"
#include "layout/qr_verify.h"

namespace telar {
namespace {

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.severity == b.severity && a.loc.file == b.loc.file && a.loc.line == b.loc.line &&
         a.loc.column == b.loc.column && a.loc.key == b.loc.key && a.message.id == b.message.id &&
         a.message.args == b.message.args;
}

/// Where `ch` first stands in `files` (the job's inputs, then its template): file, line and
/// column (in characters), with the line shown. Empty when no file has it as UTF-8 (a
/// UTF-16 transcript, a label made by telar).
std::optional<std::pair<Loc, std::string>> locate(const std::vector<std::filesystem::path>& files,
                                                  const std::string& ch) {
  for (const std::filesystem::path& f : files) {
    if (f.empty()) continue;
    try {
      const SourceText src = read_source(f);
      for (int line = 1; line <= src.line_count(); ++line) {
        const std::string_view lt = src.line_text(line);
        if (auto pos = lt.find(ch); pos != std::string_view::npos)
          return std::pair(Loc{src.name(), line, static_cast<int>(count_code_points(lt.substr(0, pos))) + 1, {}},
                           std::string(lt));
      }
    } catch (const Error&) {
      // unreadable here: read() reported it, or it is not text
    }
  }
  return std::nullopt;
}

}  // namespace

Error with_earlier(const Error& e, const Diagnostics& diags) {
  std::vector<Diagnostic> all;
  for (const Diagnostic& d : diags.all()) {
    bool carried = false;
    for (const Diagnostic& c : e.diagnostics()) carried = carried || same(c, d);
    if (!carried) all.push_back(d);
  }
  if (all.empty()) return e;
  all.insert(all.end(), e.diagnostics().begin(), e.diagnostics().end());
  return Error(e.code(), std::move(all));
}

Template load_kind_template(const std::string& name, ArtifactKind kind, Diagnostics& diags) {
  SourceText src = read_source(resolve_template(name, kind));
  Template tpl = load_template(src, diags);
  diags.throw_if_errors();
  if (tpl.kind != kind)
    diags.fail(Loc{src.name()}, msg(MsgId::template_wrong_kind, kind_name(tpl.kind), kind_name(kind)));
  return tpl;
}

void check_glyphs(const std::vector<Page>& pages, const std::vector<Sheet>& sheets,
                  const std::vector<std::filesystem::path>& files, const std::string& source,
                  bool allow, Diagnostics& diags) {
  std::set<char32_t> seen;  // each character once, where it first stands
  auto check_run = [&](const TextRun& run) {
    const char* text = pango_layout_get_text(run.layout.get());
    const std::string_view all = text != nullptr ? text : "";
    for (const MissingGlyph& g : FontSet::missing_glyphs(run.layout.get())) {
      if (!seen.insert(g.code_point).second) continue;
      const std::string ch(all.substr(g.byte_offset, utf8_length_at(all, g.byte_offset)));
      const auto place = locate(files, ch);
      Message m = msg(allow ? MsgId::font_missing_glyph_allowed : MsgId::font_missing_glyph, ch,
                      fmt::format("{:04X}", static_cast<unsigned>(g.code_point)), ui_word(run.slot));
      const Loc at = place ? place->first : Loc{source};
      const std::string shown = place ? place->second : std::string();
      if (allow) diags.warning(at, std::move(m), shown);
      else diags.error(at, std::move(m), shown);
    }
  };
  for (const Page& p : pages)
    for (const Item& it : p.items)
      if (const auto* run = std::get_if<TextRun>(&it)) check_run(*run);
  for (const Sheet& s : sheets)
    for (const Item& it : s.marks)
      if (const auto* run = std::get_if<TextRun>(&it)) check_run(*run);
}

JobResult run_job(const Artifact& artifact, ArtifactStages& stages, Diagnostics& diags,
                  const JobShared& shared, const JobIo& io) {
  const ScopedSourceProvider provider(io.sources);
  try {
    const std::filesystem::path out = stages.output();
    const Format format = format_of(out);  // a usage error before any work
    stages.read(diags);
    const Template* loaded = nullptr;
    if (shared.templates)
      if (auto it = shared.templates->find({stages.template_name(), artifact.kind});
          it != shared.templates->end())
        loaded = &it->second;
    Template tpl =
        loaded ? *loaded : load_kind_template(stages.template_name(), artifact.kind, diags);
    stages.anonymize(tpl, diags);
    diags.throw_if_errors();

    // CJK, emoji and the scripts the bundle lacks come only from the system fonts
    // (fonts/README.md), added when the text needs them; a shared font set stays as it was
    // loaded, so the next job lays out the same.
    std::optional<FontSet> own;
    FontSet* fonts = shared.fonts;
    std::string text = stages.text();
    for (const auto& [lang, labels] : tpl.labels)
      for (const auto& [key, label] : labels) text += label;
    if (!fonts || !fonts->covers(text)) {
      fonts = &own.emplace(bundled_fonts_dir());
      fonts->add_system_fallback(text);
    }
    check_template_fonts(tpl, *fonts, diags);  // a family no font has: no quiet fallback
    diags.throw_if_errors();

    stages.compose(tpl, diags);
    diags.throw_if_errors();
    std::vector<Page> pages = stages.layout(tpl, *fonts, diags);
    diags.throw_if_errors();
    std::vector<Sheet> sheets = stages.impose(pages, tpl, *fonts);
    std::vector<std::filesystem::path> files = stages.inputs();
    files.push_back(tpl.loc.file);
    check_glyphs(pages, sheets, files, stages.source_name(), stages.allow_missing_glyphs, diags);
    // Verify before write: every QR code is read back from a 150 dpi photocopy of itself.
    if (stages.verify_qr()) verify_qr_codes(pages, Loc{stages.source_name()}, diags);
    diags.throw_if_errors();

    EncodeOptions enc = EncodeOptions::from_env();
    stages.encoding(enc);
    JobResult result;
    result.pages = pages.size();
    if (io.in_memory) {
      result.in_memory = encode_outputs(out, format, sheets, pages, enc);
      for (const FileBytes& f : result.in_memory) result.files.push_back(f.path);
    } else {
      result.files = write_outputs(out, format, sheets, pages, enc);
    }
    return result;
  } catch (const Error& e) {
    throw with_earlier(e, diags);
  }
}

}  // namespace telar
