// SPDX-License-Identifier: GPL-3.0-or-later
// Private to src/story: a lesson file decoded (bad bytes reported and replaced, BOM
// dropped), its front matter read, and the Markdown body with a map back to file lines.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "story/lessons.h"

namespace telar::lesson_detail {

class Body {
 public:
  Body(std::string file, std::string text, int first_line);

  const std::string& file() const { return file_; }
  /// The Markdown to hand to cmark: the file from line `first_line` on.
  const std::string& markdown() const { return markdown_; }
  /// File location of a 1-based cmark line and byte column of the Markdown body.
  Loc loc(int md_line, int md_byte_column) const;
  /// The decoded text of 1-based file line `line`, without its ending.
  std::string line_text(int line) const;

 private:
  std::string file_;
  std::string text_;
  std::vector<std::size_t> starts_;
  int first_line_;
  std::string markdown_;
};

/// Lesson limits (docs/limits.md). Past each, an error naming the line.
inline constexpr std::size_t kMaxLessonBytes = 1u << 20;  ///< the Markdown body: 1 MiB
inline constexpr std::size_t kMaxLessonLine = 20000;      ///< bytes in one line
inline constexpr int kMaxNesting = 16;                   ///< lists and quotes inside each other
inline constexpr int kMaxInlineNesting = 32;             ///< emphasis, links inside each other
inline constexpr std::size_t kMaxTableColumns = 64;      ///< '|' in one line, less one
inline constexpr std::size_t kMaxWordChars = 300;        ///< characters without a space

/// Checks the Markdown body against the limits above before cmark-gfm sees it (its table
/// extension is quadratic in the columns; a deep prefix of '>' or '- ' costs memory).
/// Reports every line past a limit and returns false when any was.
bool check_markdown_bounds(const Body& body, Diagnostics& diags);

/// Decodes `src`, reads the optional `---` front matter into `meta`, and returns the
/// Markdown body. Problems go to `diags`; never throws on bad data.
Body split_lesson(const SourceText& src, LessonMeta& meta, Diagnostics& diags);

/// Why an image source cannot be printed (remote, or not PNG/JPEG/SVG), or nullopt.
std::optional<Message> check_image_src(std::string_view src);
/// `src` (percent-escapes decoded) relative to the folder of the lesson `file`.
std::filesystem::path resolve_image(const std::string& file, std::string_view src);

/// BCP 47 shape: 2-8 letter language, then 1-8 letter/digit subtags ("es", "es-CL", "arn").
bool looks_like_language_tag(std::string_view tag);

}  // namespace telar::lesson_detail
