// SPDX-License-Identifier: GPL-3.0-or-later
// --anonymize for what a template prints itself: its labels and colophon.
#pragma once

#include "base/diag.h"
#include "story/anonymize.h"
#include "template/template.h"

namespace telar {

/// Each label of `tpl`, in every language, with the names `anon` knows replaced. A label
/// that changed ("Made by Carmen's circle") is reported as a warning naming the label's key
/// (labels.es.colophon), never the name.
void anonymize_labels(Template& tpl, const Anonymizer& anon, Diagnostics& diags);

}  // namespace telar
