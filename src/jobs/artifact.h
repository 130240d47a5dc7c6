// SPDX-License-Identifier: GPL-3.0-or-later
// An artifact (zine, banner, manual) as one row of a table: its flags, how its options are
// read from them, and its stage functions. jobs/runner.h runs every row's stages through
// one pipeline, so what one artifact gets (fonts with CJK fallback, the glyph check,
// warnings kept when a later step fails) every artifact gets.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/lang.h"
#include "compose/moon.h"
#include "impose/sheet.h"
#include "jobs/flags.h"
#include "layout/fonts.h"
#include "layout/page.h"
#include "render/output.h"
#include "template/template.h"

namespace telar {

/// What a job takes from its surroundings rather than from its flags.
struct JobEnv {
  Lang ui_lang = Lang::en;  ///< labels with no story to give the language; the test sheet
  Date today;               ///< the default --cycle (the CLI reads the clock)
  std::function<void(double)> progress;  ///< PNG: fraction done
};

/// One job's stages, over the artifact's own state (its options, story, document). The
/// runner calls them in order; each may record diagnostics and keep going.
class ArtifactStages {
 public:
  virtual ~ArtifactStages() = default;
  /// The file to write (its extension picks the format).
  virtual std::filesystem::path output() const = 0;
  /// -t: a shipped template's name or a .yaml path; empty: the kind's default.
  virtual std::string template_name() const = 0;
  /// The files the job reads (for `telar batch`'s up-to-date check).
  virtual std::vector<std::filesystem::path> inputs() const = 0;
  /// Every file the job read, once it has run: the inputs and what they pulled in (the
  /// manual's images). `telar batch` hashes these to tell whether the output is current.
  virtual std::vector<std::filesystem::path> dependencies() const { return inputs(); }
  /// Reads and parses the inputs.
  virtual void read(Diagnostics& diags) = 0;
  /// --anonymize: replaces names before any later stage sees them, in the job's texts and
  /// in the template's labels (`tpl` is the job's own copy).
  virtual void anonymize(Template& tpl, Diagnostics& diags) {
    (void)tpl;
    (void)diags;
  }
  /// Every text that will be laid out, to decide whether CJK fonts are needed.
  virtual std::string text() const = 0;
  /// The file diagnostics about laid-out text name.
  virtual std::string source_name() const = 0;
  virtual void compose(const Template& tpl, Diagnostics& diags) = 0;
  virtual std::vector<Page> layout(const Template& tpl, const FontSet& fonts,
                                   Diagnostics& diags) = 0;
  virtual std::vector<Sheet> impose(const std::vector<Page>& pages, const Template& tpl,
                                    const FontSet& fonts) = 0;
  /// Whether every QR code is read back before writing (false with --no-verify).
  virtual bool verify_qr() const { return true; }
  /// Title, dpi, progress: what the encoder needs besides the sheets.
  virtual void encoding(EncodeOptions& enc) const = 0;

  /// --allow-missing-glyphs: a character no installed font has is a warning, not an error.
  bool allow_missing_glyphs = false;
};

struct Artifact {
  std::string_view name;     ///< the command: "zine"
  ArtifactKind kind;         ///< the template kind it takes
  std::string_view summary;  ///< English, for `telar --help`
  std::string_view usage;    ///< after "telar NAME " in --help
  std::span<const FlagSpec> flags;
  int max_inputs;            ///< 1, or -1 for any number
  /// Reads the options from flags (defaults filled in); throws Error::usage.
  std::unique_ptr<ArtifactStages> (*configure)(const FlagValues& values, const JobEnv& env);
};

/// Every artifact, in `telar --help` order.
std::span<const Artifact> artifacts();
const Artifact* find_artifact(std::string_view name);

// The rows' configure functions (jobs/zine.cc, banner.cc, manual.cc) and flags.
std::unique_ptr<ArtifactStages> configure_zine(const FlagValues& values, const JobEnv& env);
std::unique_ptr<ArtifactStages> configure_banner(const FlagValues& values, const JobEnv& env);
std::unique_ptr<ArtifactStages> configure_manual(const FlagValues& values, const JobEnv& env);
std::unique_ptr<ArtifactStages> configure_motif(const FlagValues& values, const JobEnv& env);
std::span<const FlagSpec> zine_flags();
std::span<const FlagSpec> motif_flags();
std::span<const FlagSpec> banner_flags();
std::span<const FlagSpec> manual_flags();

}  // namespace telar
