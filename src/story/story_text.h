// SPDX-License-Identifier: GPL-3.0-or-later
// Private to src/story: a story file as decoded lines (BOM stripped, any line ending, bad
// bytes reported and replaced), plus the small text helpers the story parsers share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "base/text.h"
#include "base/utf8.h"
#include "story/story.h"

namespace YAML {
class Node;
}

namespace telar::story_detail {

struct Line {
  int number = 0;    ///< 1-based, counting LF, CRLF and lone CR endings alike
  std::string text;  ///< valid UTF-8 (bad bytes replaced by U+FFFD), no ending, no BOM
};

/// Story limits (docs/limits.md). Past each, an error naming the line; never a silent cut.
inline constexpr std::size_t kMaxLineBytes = 20000;        ///< one line of a story file
inline constexpr std::size_t kMaxTurnChars = 20000;        ///< a turn with its continuations
inline constexpr std::size_t kMaxWordChars = 200;          ///< a run without a space
inline constexpr std::size_t kMaxSpeakers = 300;           ///< different speakers in a story
inline constexpr std::size_t kMaxStoryBytes = 2u << 20;    ///< a story-circle file: 2 MiB

/// Splits `src` into lines. Lines longer than kMaxLineBytes are an error (each such line
/// is kept only up to the limit, so that later stages stay fast). Reports the first invalid UTF-8 sequence or NUL byte at its
/// line:column (one error per file: the cause is the same everywhere) and goes on.
std::vector<Line> decode_lines(const SourceText& src, Diagnostics& diags);

/// Control characters (C0 but tab, DEL, C1) are never drawn: each is removed from `text`
/// (line `number` of `file`), and the first of the file (`warned` false) is a warning at
/// its line:column. (NUL is an error of decode_lines.)
void drop_controls(const std::string& file, int number, std::string& text, bool& warned,
                   Diagnostics& diags);
/// `src` with drop_controls() applied to every line (line endings kept).
SourceText without_controls(const SourceText& src, Diagnostics& diags);

/// 1-based column, in code points, of byte `offset` in `line`.
int column_of(std::string_view line, std::size_t offset);

/// Where a diagnostic about `line` at byte `offset` points.
Loc loc_at(const std::string& file, const Line& line, std::size_t offset);

struct FrontMatterResult {
  FrontMatter meta;
  std::size_t body_begin = 0;  ///< index into the lines where the body starts
  bool body_ok = true;         ///< false when the front matter swallowed the whole file
};

/// Reads the `---` YAML block at the top of the file (front_matter.cc).
FrontMatterResult parse_front_matter(const std::vector<Line>& lines, const std::string& file,
                                     Diagnostics& diags);

/// Sets one front-matter key, validated as in a story file; the problem, if any.
std::optional<Message> set_front_matter_key(FrontMatter& meta, const std::string& key,
                                            std::string text, const Loc& at);
/// A sidecar FILE.yaml: the same keys as a story's front matter, without the `---` lines.
FrontMatter parse_sidecar(const SourceText& src, Diagnostics& diags);

/// `private:` as a story's and a lesson's front matter take it: a list, or one text of
/// comma-separated names; each NFC and trimmed. Returns the items that are not a text
/// (the caller reports them where they stand).
std::vector<std::string> read_private_names(const YAML::Node& value, std::vector<YAML::Node>& bad);

/// One body line, classified (turn_line.cc). Continuation lines never get here.
struct LineParse {
  enum class Kind { blank, heading, narration, turn };
  Kind kind = Kind::narration;
  int level = 0;                  ///< number of '#' for a heading
  bool highlight = false;         ///< the line starts with '>'
  std::optional<int> at_seconds;  ///< a valid leading [hh:mm:ss] / [mm:ss]
  std::string speaker;            ///< NFC, inner whitespace collapsed; empty for narration
  std::string text;               ///< trimmed, not yet NFC (heading: the question)
  int column = 1;                 ///< where the speaker (or else the text) starts
};

/// `in_narration`: the line sits right under a narration line, so (as in a Markdown
/// paragraph) a "Name:" whose name is not written like a name continues the narration.
LineParse parse_line(const Line& line, const std::string& file, bool in_narration,
                     Diagnostics& diags);

/// The exact name rules of docs/story-format.md, exposed for tests.
bool looks_like_name(std::string_view candidate, bool in_narration);

}  // namespace telar::story_detail
