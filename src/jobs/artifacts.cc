// SPDX-License-Identifier: GPL-3.0-or-later
// The artifact table. A fourth artifact is one row here plus its stage file.
#include "jobs/artifact.h"

namespace telar {
namespace {

const Artifact kArtifacts[] = {
    {"zine", ArtifactKind::zine, "make an 8-page QR-zine on one sheet from a story circle",
     "STORY [-t TEMPLATE] [-o OUT] [--paper a4|letter] [--layout print|reader] [--qr URL]",
     zine_flags(), 1, configure_zine},
    {"banner", ArtifactKind::banner, "make a banner, on one page or tiled over home-printer pages",
     "STORY | --headline TEXT [-t TEMPLATE] [-o OUT] [--size 3x1m] [--tile a4|letter|a3 "
     "[--overlap 10mm]] [--bleed 5mm]",
     banner_flags(), 1, configure_banner},
    {"manual", ArtifactKind::manual, "make a saddle-stitched field manual from lesson files",
     "LESSON.md... [-t TEMPLATE] [-o OUT] [--page a5] [--sheet a4] "
     "[--impose saddle|none] [--crew NAMES] [--cycle YYYY-MM-DD]",
     manual_flags(), -1, configure_manual},
    {"motif", ArtifactKind::zine, "the node's woven motif and its weave draft, from a story circle",
     "STORY [-t TEMPLATE] [-o motif.svg|.pdf|.png]", motif_flags(), 1, configure_motif},
};

}  // namespace

std::span<const Artifact> artifacts() { return kArtifacts; }

const Artifact* find_artifact(std::string_view name) {
  for (const Artifact& a : kArtifacts)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace telar
