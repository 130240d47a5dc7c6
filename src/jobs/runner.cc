// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/runner.h"

#include <fmt/format.h>

#include <optional>

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

void check_run(const TextRun& run, const std::string& source, Diagnostics& diags) {
  for (const MissingGlyph& g : FontSet::missing_glyphs(run.layout.get()))
    diags.error(Loc{source}, msg(MsgId::font_missing_glyph,
                                 fmt::format("{:04X}", static_cast<unsigned>(g.code_point)),
                                 ui_word(run.slot)));
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
                  const std::string& source, Diagnostics& diags) {
  for (const Page& p : pages)
    for (const Item& it : p.items)
      if (const auto* run = std::get_if<TextRun>(&it)) check_run(*run, source, diags);
  for (const Sheet& s : sheets)
    for (const Item& it : s.marks)
      if (const auto* run = std::get_if<TextRun>(&it)) check_run(*run, source, diags);
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

    // CJK comes only from the system fonts (FONTS.md), added when the text needs it; a
    // shared font set stays as it was loaded, so the next job lays out the same.
    std::optional<FontSet> own;
    FontSet* fonts = shared.fonts;
    const bool cjk = FontSet::has_cjk(stages.text());
    if (!fonts || cjk) fonts = &own.emplace(bundled_fonts_dir());
    if (cjk) fonts->add_system_cjk();
    check_template_fonts(tpl, *fonts, diags);  // a family no font has: no quiet fallback
    diags.throw_if_errors();

    stages.compose(tpl, diags);
    diags.throw_if_errors();
    std::vector<Page> pages = stages.layout(tpl, *fonts, diags);
    diags.throw_if_errors();
    std::vector<Sheet> sheets = stages.impose(pages, tpl, *fonts);
    check_glyphs(pages, sheets, stages.source_name(), diags);
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
