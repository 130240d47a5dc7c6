// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/node_mark.h"

namespace telar {

NodeMark node_mark(const SharedWords* shared, const Template& tpl, bool braid) {
  const SharedWords none;
  const SharedWords& words = shared ? *shared : none;
  NodeMark m;
  if (tpl.woven_motif) m.woven = weave_draft(motif_seed(words));
  if (braid || tpl.braid) m.braid = words;
  return m;
}

}  // namespace telar
