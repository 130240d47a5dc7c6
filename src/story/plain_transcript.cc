// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-text transcript exports, recognised by their shape: WhisperX's "[SPEAKER_00]: text"
// lines, whisper.cpp's "[00:00:00.000 --> 00:00:04.000]  (speaker 0) text", and Otter's
// "Name  0:12" header line above each paragraph.
#include "story/transcript.h"

namespace telar::story_detail {
namespace {

/// m:ss or h:mm:ss at the end of `s` after two spaces or a tab (Otter's header), with the
/// name before it; -1 when `s` is not such a header.
int otter_header(std::string_view s, std::string& name) {
  s = trim(s);
  std::size_t sp = s.find_last_of(" \t");
  if (sp == std::string_view::npos) return -1;
  std::string_view time = s.substr(sp + 1);
  std::string_view who = trim(s.substr(0, sp));
  std::size_t i = 0;
  long parts[3] = {0, 0, 0};
  int count = 0;
  while (count < 3) {
    long v = 0;
    int n = 0;
    while (i < time.size() && time[i] >= '0' && time[i] <= '9' && n < 3) v = v * 10 + (time[i++] - '0'), ++n;
    if (n == 0) return -1;
    parts[count++] = v;
    if (i == time.size()) break;
    if (time[i++] != ':') return -1;
  }
  if (i != time.size() || count < 2) return -1;
  if (parts[count - 1] > 59 || (count == 3 && (parts[1] > 59 || parts[0] > kMaxTranscriptHours))) return -1;
  if (who.empty() || !(looks_like_name(who, true) || is_generic_label(who))) return -1;
  name = std::string(who);
  long secs = count == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : parts[0] * 60 + parts[1];
  return static_cast<int>(secs * 1000);
}

/// "[00:00:00.000 --> 00:00:04.000]" at the start of `s` (whisper.cpp's console/txt form).
bool bracket_timing(std::string_view s, int& start, int& end, std::size_t& after) {
  std::size_t i = skip_space(s, 0);
  if (i >= s.size() || s[i] != '[') return false;
  ++i;
  start = srt_timestamp(s, i);
  i = skip_space(s, i);
  if (start < 0 || s.substr(i, 3) != "-->") return false;
  i = skip_space(s, i + 3);
  end = srt_timestamp(s, i);
  if (end < 0 || i >= s.size() || s[i] != ']') return false;
  after = i + 1;
  return true;
}

}  // namespace

bool looks_like_plain_transcript(std::string_view text) {
  std::size_t from = 0;
  int seen = 0;
  while (from < text.size() && seen < 20) {
    std::size_t nl = text.find('\n', from);
    std::string_view line = trim(text.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    from = nl == std::string_view::npos ? text.size() : nl + 1;
    if (is_blank(line)) continue;
    if (seen == 0 && line == "---") return false;  // a story circle's front matter
    ++seen;
    std::string name;
    int a = 0, b = 0;
    std::size_t after = 0;
    if (line.substr(0, 9) == "[SPEAKER_" || line.substr(0, 9) == "(speaker " ||
        bracket_timing(line, a, b, after) || otter_header(line, name) >= 0)
      return true;
  }
  return false;
}

std::vector<Cue> read_plain_transcript(const SourceText& src, Diagnostics& diags) {
  std::vector<Cue> cues;
  bool open = false;  // an Otter paragraph continues until a blank line
  for (const Line& line : decode_lines(src, diags)) {
    if (is_blank(line.text)) {
      open = false;
      continue;
    }
    const Loc loc{src.name(), line.number, 1, {}};
    std::string name;
    if (int at = otter_header(line.text, name); at >= 0) {
      cues.push_back(Cue{at, at, name, {}, loc});
      open = true;
      continue;
    }
    int start = -1, end = -1;
    std::size_t after = 0;
    std::string_view text = line.text;
    if (bracket_timing(text, start, end, after)) text.remove_prefix(after);
    std::string speaker;
    std::optional<std::string> rest = strip_speaker_label(text, speaker);
    if (open && !rest && !cues.empty()) {
      Cue& c = cues.back();
      c.text += (c.text.empty() ? "" : " ") + std::string(trim(text));
      continue;
    }
    open = false;
    add_cue_text(cues, text, start, end, loc);
  }
  return cues;
}

}  // namespace telar::story_detail
