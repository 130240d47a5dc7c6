// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/write_output.h"

#include "base/atomic_file.h"

namespace telar {

std::vector<FileBytes> encode_outputs(const std::filesystem::path& out, Format format,
                                      const std::vector<Sheet>& sheets,
                                      const std::vector<Page>& pages, const EncodeOptions& enc) {
  return name_outputs(out, encode(sheets, pages, format, enc));
}

std::vector<std::filesystem::path> write_outputs(const std::filesystem::path& out, Format format,
                                                 const std::vector<Sheet>& sheets,
                                                 const std::vector<Page>& pages,
                                                 const EncodeOptions& enc) {
  std::vector<FileBytes> files = encode_outputs(out, format, sheets, pages, enc);
  commit_files(files, files.size() > 1 ? out : std::filesystem::path{});
  std::vector<std::filesystem::path> written;
  for (const auto& f : files) written.push_back(f.path);
  return written;
}

}  // namespace telar
