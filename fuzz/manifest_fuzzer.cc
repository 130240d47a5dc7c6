// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the batch manifest loader: any bytes must give a Manifest or
// Error(data_error) with diagnostics, never a crash or another exception. The manifest
// "lives" in docs/, so the example's relative inputs (../examples/...) resolve. Crashes
// found become fixtures in fuzz/regressions/manifest/.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.h"
#include "jobs/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  telar::Diagnostics diags;
  telar::SourceText src(TELAR_SOURCE_DATA_DIR "/docs/fuzz.yaml",
                        std::string(reinterpret_cast<const char*>(data), size));
  telar::ManifestOptions opt;
  opt.env.today = telar::Date{2026, 11, 20};
  (void)telar::is_manifest(src);
  try {
    telar::Manifest m = telar::load_manifest(src, opt, diags);
    for (const auto& j : m.jobs) (void)j.label();
  } catch (const telar::Error& e) {
    if (e.code() != telar::Exit::data_error) __builtin_trap();
  }
  for (const auto& d : diags.all()) (void)telar::format_diagnostic(d, telar::Lang::en);
  return 0;
}
