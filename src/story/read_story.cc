// SPDX-License-Identifier: GPL-3.0-or-later
#include "story/read_story.h"

#include <cctype>
#include <string>

namespace telar {
namespace {

enum class StoryFormat { circle, transcript };

StoryFormat format_of(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".vtt" || ext == ".srt") return StoryFormat::transcript;
  return StoryFormat::circle;  // .md, .markdown, .txt, and anything else: try the circle format
}

}  // namespace

Story parse_story(const SourceText& src, Diagnostics& diags) {
  switch (format_of(src.name())) {
    case StoryFormat::transcript:
      diags.error(Loc{src.name()}, msg(MsgId::story_transcripts_unsupported));
      return Story{};
    case StoryFormat::circle:
      break;
  }
  return parse_circle(src, diags);
}

Story read_story(const std::filesystem::path& path, Diagnostics& diags) {
  return parse_story(read_source(path), diags);
}

}  // namespace telar
