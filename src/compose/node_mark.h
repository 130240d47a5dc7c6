// SPDX-License-Identifier: GPL-3.0-or-later
// What a node's circle gives each of its artifacts: the woven motif's draft (when the
// template says `motif: woven`) and the braid of shared words (when --braid or the
// template's `braid: true` asks for it). Both come from words only, never from names.
#pragma once

#include <optional>

#include "compose/shared_words.h"
#include "compose/weave_draft.h"
#include "template/template.h"

namespace telar {

struct NodeMark {
  std::optional<WeaveDraft> woven;
  std::optional<SharedWords> braid;
};

/// `shared` null: a circle with no shared words (the motif of no words; an empty braid).
NodeMark node_mark(const SharedWords* shared, const Template& tpl, bool braid);

}  // namespace telar
