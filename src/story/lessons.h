// SPDX-License-Identifier: GPL-3.0-or-later
// A field-manual lesson: Markdown (CommonMark + GFM tables, task lists, strikethrough,
// autolinks) with optional YAML front matter, read into a plain model. No cmark type leaks.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/diag.h"
#include "base/loc.h"
#include "base/source.h"

namespace telar {

/// A run of inline text with one set of styles. A hard line break is a Span whose text is
/// "\n"; soft breaks become a space. Adjacent runs with equal styles are merged.
struct Span {
  std::string text;  ///< UTF-8, NFC
  bool emphasis = false;
  bool strong = false;
  bool strike = false;
  bool code = false;
  std::string link;  ///< target URL when the run is (part of) a link, else empty
  friend bool operator==(const Span&, const Span&) = default;
};
using Inlines = std::vector<Span>;

struct Block;

struct Heading {
  int level = 1;  ///< 1..6
  Inlines text;
};
struct Paragraph {
  Inlines text;
};
struct ListItem {
  std::optional<bool> task;  ///< nullopt: not a task; true/false: "[x]" / "[ ]"
  std::vector<Block> blocks;
  Loc loc;
};
struct List {
  bool ordered = false;
  int start = 1;      ///< first number of an ordered list
  bool tight = true;  ///< no blank lines between items
  std::vector<ListItem> items;
};
struct BlockQuote {
  std::vector<Block> blocks;
};
struct CodeBlock {
  std::string info;  ///< the fence's info string ("sh"), empty when indented
  std::string text;  ///< verbatim, ends with a newline
};
enum class Align { none, left, center, right };
struct Table {
  std::vector<Align> align;                ///< one per column
  std::vector<Inlines> header;             ///< one per column
  std::vector<std::vector<Inlines>> rows;  ///< each padded to the column count
};
/// An image. Markdown images are inline; each becomes a block of its own, and the text
/// around it stays in paragraphs before and after.
struct Image {
  std::string src;             ///< as written
  std::filesystem::path path;  ///< src resolved against the lesson's folder (no I/O done)
  std::string alt;             ///< plain text
};
struct ThematicBreak {};

struct Block {
  std::variant<Heading, Paragraph, List, BlockQuote, CodeBlock, Table, Image, ThematicBreak> value;
  Loc loc;  ///< where the block starts in the lesson file
};

struct LessonMeta {
  std::string title;  ///< empty when the front matter has none (see lesson_title())
  std::string lang;   ///< BCP 47 tag; empty when not given (the manual decides)
  std::vector<std::string> private_names;  ///< `private: [..]`: removed under --anonymize
  Loc title_loc, lang_loc;
};

struct Lesson {
  LessonMeta meta;
  std::vector<Block> blocks;
};

/// Parses a lesson. Never throws on bad data: problems go to `diags` with file:line:col
/// (invalid UTF-8, an unclosed or invalid front matter, remote or unsupported images).
Lesson parse_lesson(const SourceText& src, Diagnostics& diags);

/// The runs' text joined, styles dropped.
std::string plain_text(const Inlines& text);
/// The front matter title, else the text of the first heading, else "".
std::string lesson_title(const Lesson& lesson);

}  // namespace telar
