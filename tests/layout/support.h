// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the layout tests: one FontSet, the shipped templates, item bounds, files.
#pragma once

#include <filesystem>
#include <string>

#include "layout/fonts.h"
#include "layout/page.h"
#include "template/template.h"

namespace telar::test {

/// The repository's examples/ folder.
std::filesystem::path examples_dir();
/// One FontSet on the bundled fonts for the whole test run.
const FontSet& fonts();
/// A shipped template, loaded; fails the test when it has diagnostics.
Template shipped_template(const std::string& name, ArtifactKind kind);
/// The box an item covers on its page (logical text box, turned for 270° text).
Rect item_bounds(const Item& item);
std::string slurp(const std::filesystem::path& path);

}  // namespace telar::test
