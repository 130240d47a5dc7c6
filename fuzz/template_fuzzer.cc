// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the template loader: any YAML bytes give a Template and
// diagnostics, never a crash, a hang or a huge allocation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "template/template.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  telar::Diagnostics diags;
  // A name inside the shipped zine folder, so that motif paths resolve against it.
  telar::SourceText src(TELAR_SOURCE_DATA_DIR "/templates/zine/fuzz.yaml",
                        std::string(reinterpret_cast<const char*>(data), size));
  (void)telar::load_template(src, diags);
  for (const auto& d : diags.all()) (void)telar::format_diagnostic(d, telar::Lang::en);
  return 0;
}
