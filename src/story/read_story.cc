// SPDX-License-Identifier: GPL-3.0-or-later
#include "story/read_story.h"

#include <cctype>
#include <string>

#include <glib.h>
#include <yaml-cpp/yaml.h>

#include "base/error.h"
#include "base/utf8.h"
#include "story/story_text.h"
#include "story/transcript.h"

namespace telar {
namespace {

enum class StoryFormat { circle, vtt, srt, json, plain };

std::string lower_ext(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

StoryFormat format_of(const SourceText& src) {
  const std::string ext = lower_ext(src.name());
  if (ext == ".vtt") return StoryFormat::vtt;
  if (ext == ".srt") return StoryFormat::srt;
  if (ext == ".json") return StoryFormat::json;
  if (ext == ".txt" && story_detail::looks_like_plain_transcript(src.bytes()))
    return StoryFormat::plain;
  return StoryFormat::circle;  // .md, .markdown, .txt, and anything else: try the circle format
}

std::vector<std::pair<std::string, std::string>> read_speakers_map(const std::filesystem::path& p,
                                                                   Diagnostics& diags) {
  SourceText src = read_source(p);
  std::vector<std::pair<std::string, std::string>> out;
  try {
    YAML::Node root = YAML::Load(src.bytes());
    if (!root.IsMap()) throw YAML::Exception(root.Mark(), "not a map");
    for (const auto& kv : root) {
      if (!kv.first.IsScalar() || !kv.second.IsScalar())
        throw YAML::Exception(kv.first.Mark(), "not a scalar");
      out.emplace_back(kv.first.Scalar(), nfc(valid_utf8(kv.second.Scalar())));
    }
  } catch (const YAML::Exception& e) {
    diags.error(Loc{src.name(), e.mark.is_null() ? 1 : e.mark.line + 1,
                    e.mark.is_null() ? 1 : e.mark.column + 1, {}},
                msg(MsgId::transcript_speakers_map));
  }
  return out;
}

void apply_inputs(Story& story, const StoryInputs& in, Diagnostics& diags) {
  const std::pair<const char*, const std::string*> flags[] = {
      {"title", &in.title}, {"node", &in.node}, {"date", &in.date},
      {"lang", &in.lang},   {"link", &in.link}};
  for (auto [key, value] : flags) {
    if (value->empty()) continue;
    const Loc at{std::string("--") + key};
    if (auto bad = story_detail::set_front_matter_key(story.meta, key, nfc(*value), at))
      diags.error(at, std::move(*bad));
  }
}

}  // namespace

bool is_generic_speaker(std::string_view label) { return story_detail::is_generic_label(label); }

bool is_transcript(const SourceText& src) { return format_of(src) != StoryFormat::circle; }

void rename_speakers(Story& story, const std::vector<std::pair<std::string, std::string>>& map) {
  for (Round& r : story.rounds)
    for (Turn& t : r.turns) {
      if (t.speaker.empty()) continue;
      for (const auto& [label, name] : map)
        if (casefold(label) == casefold(t.speaker)) {
          t.speaker = name;
          break;
        }
    }
}

Story parse_story(const SourceText& src, Diagnostics& diags) {
  using namespace story_detail;
  const StoryFormat format = format_of(src);
  if (format == StoryFormat::circle) return parse_circle(src, diags);
  std::optional<SourceText> text = decode_transcript(src, diags);
  if (!text) return Story{};
  std::vector<Cue> cues = format == StoryFormat::vtt   ? read_vtt(*text, diags)
                          : format == StoryFormat::srt ? read_srt(*text, diags)
                          : format == StoryFormat::json ? read_whisperx_json(*text, diags)
                                                       : read_plain_transcript(*text, diags);
  Story story = merge_cues(std::move(cues));
  if (story.rounds.empty() && !diags.has_errors())
    diags.error(Loc{src.name()}, msg(MsgId::transcript_no_cues));
  return story;
}

Story read_story(const std::filesystem::path& path, Diagnostics& diags, const StoryInputs& in,
                 std::vector<std::filesystem::path>* depends) {
  SourceText src = read_source(path);
  Story story = parse_story(src, diags);
  const bool transcript = is_transcript(src);
  std::filesystem::path sidecar = path;
  sidecar += ".yaml";
  if (depends) {
    depends->push_back(path);
    if (transcript) depends->insert(depends->end(), {sidecar, std::filesystem::path(path).replace_extension(".yaml")});
    if (!in.speakers.empty()) depends->push_back(in.speakers);
  }
  if (transcript) {
    std::filesystem::path other = std::filesystem::path(path).replace_extension(".yaml");
    if (!source_exists(sidecar) && source_exists(other)) sidecar = other;
    if (source_exists(sidecar))
      story.meta = story_detail::parse_sidecar(read_source(sidecar), diags);
  }
  apply_inputs(story, in, diags);
  if (!in.speakers.empty()) rename_speakers(story, read_speakers_map(in.speakers, diags));
  if (transcript && story.meta.title.empty() && in.title.empty() && !diags.has_errors())
    diags.error(Loc{src.name()}, msg(MsgId::transcript_no_title, sidecar.filename().string()));
  return story;
}

}  // namespace telar
