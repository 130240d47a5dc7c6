// SPDX-License-Identifier: GPL-3.0-or-later
// `telar manual`: lesson files in, a saddle-stitched field manual out (or its pages in
// order, or the duplex test sheet). The whole pipeline, I/O at both ends.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/lang.h"
#include "base/units.h"
#include "compose/moon.h"
#include "impose/saddle.h"
#include "story/anonymize.h"

namespace telar {

enum class ManualImpose { automatic, saddle, none };

struct ManualJob {
  std::vector<std::filesystem::path> lessons;
  std::string template_name;  ///< empty: the default manual template (cuaderno)
  std::filesystem::path out;  ///< empty: manual.pdf (duplex-test.pdf with calibrate)
  std::optional<Size> page;   ///< --page; default: the template's, else A5
  std::optional<Size> sheet;  ///< --sheet; default A4
  ManualImpose impose = ManualImpose::automatic;  ///< automatic: saddle for PDF, else none
  std::string title, node, crew;                  ///< --title, --node, --crew ("Ana, Rodrigo")
  Date cycle;                                     ///< --cycle; the CLI passes today when not given
  Length creep;  ///< per sheet (--creep, or --paper-weight's preset)
  Duplex duplex = Duplex::short_edge;
  double dpi = 150;         ///< PNG only
  int png_compression = 1;  ///< PNG only: zlib level, --png-compression
  bool calibrate = false;   ///< --calibrate: the duplex test sheet instead
  bool anonymize = false;   ///< --anonymize: the crew and every lesson's `private:` names
  AnonymizeMode anonymize_mode = AnonymizeMode::pseudonyms;  ///< --initials
  Lang ui_lang = Lang::en;  ///< the test sheet's language
  std::filesystem::path circle;  ///< --circle: the node's story circle (motif and braid)
  bool braid = false;            ///< --braid: the braid figure after the lessons
};

/// Renders the manual (or the test sheet) and writes it atomically. Returns the files
/// written. Throws Error (with every diagnostic) before touching the disk when anything is
/// wrong; warnings stay in `diags`.
std::vector<std::filesystem::path> make_manual(const ManualJob& job, Diagnostics& diags);

}  // namespace telar
