// SPDX-License-Identifier: GPL-3.0-or-later
// A template's fonts checked against the bundled faces: a family that is not bundled would
// silently fall back to another font (Pango never fails), so it is an error at its key.
#pragma once

#include "base/diag.h"
#include "layout/fonts.h"
#include "template/template.h"

namespace telar {

/// Reports, at the template's `fonts.ROLE` key, every font whose family (each of a
/// comma-separated list) no bundled face has; case-insensitive, as fontconfig matches.
void check_template_fonts(const Template& tpl, const FontSet& fonts, Diagnostics& diags);

}  // namespace telar
