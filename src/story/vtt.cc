// SPDX-License-Identifier: GPL-3.0-or-later
// WebVTT (.vtt), read as the W3C WebVTT parsing rules say: the WEBVTT signature, a header,
// blocks separated by blank lines (NOTE, STYLE and REGION blocks skipped), an optional cue
// id, a timing line with settings, and cue text whose <v Name> spans name the speakers.
#include "story/transcript.h"

namespace telar::story_detail {
namespace {

bool has_arrow(std::string_view s) { return s.find("-->") != std::string_view::npos; }

/// "NOTE", "STYLE", "REGION" followed by a space, a tab or the end of the line.
bool keyword_line(std::string_view s, std::string_view word) {
  return s.substr(0, word.size()) == word &&
         (s.size() == word.size() || s[word.size()] == ' ' || s[word.size()] == '\t');
}

int digits(std::string_view s, std::size_t& i, long& value) {
  int n = 0;
  value = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (n < 9) value = value * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n;
}

}  // namespace

/// A WebVTT timestamp at s[i]: [hh:]mm:ss.ttt (hours: 2 or more digits). -1 on failure.
int vtt_timestamp(std::string_view s, std::size_t& i) {
  long v1 = 0, v2 = 0, v3 = 0, v4 = 0;
  int n1 = digits(s, i, v1);
  if (n1 == 0) return -1;
  const bool hours = n1 != 2 || v1 > 59;
  if (i >= s.size() || s[i] != ':') return -1;
  ++i;
  if (digits(s, i, v2) != 2) return -1;
  if (hours || (i < s.size() && s[i] == ':')) {
    if (i >= s.size() || s[i] != ':') return -1;
    ++i;
    if (digits(s, i, v3) != 2) return -1;
  } else {
    v3 = v2;
    v2 = v1;
    v1 = 0;
  }
  if (i >= s.size() || s[i] != '.') return -1;
  ++i;
  if (digits(s, i, v4) != 3) return -1;
  if (v2 > 59 || v3 > 59 || v1 > kMaxTranscriptHours) return -1;  // else the ms overflow int
  return static_cast<int>(((v1 * 60 + v2) * 60 + v3) * 1000 + v4);
}

std::vector<Cue> read_vtt(const SourceText& src, Diagnostics& diags) {
  std::vector<Cue> cues;
  std::vector<Line> lines = decode_lines(src, diags);
  if (lines.empty() || !keyword_line(lines[0].text, "WEBVTT")) {
    diags.error(Loc{src.name(), 1, 1, {}}, msg(MsgId::vtt_no_signature),
                lines.empty() ? std::string() : lines[0].text);
    return cues;
  }
  std::size_t pos = 1;
  // The header runs to the first blank line (a line with "-->" ends it too).
  while (pos < lines.size() && !is_blank(lines[pos].text) && !has_arrow(lines[pos].text)) ++pos;
  while (pos < lines.size()) {
    if (is_blank(lines[pos].text)) {
      ++pos;
      continue;
    }
    // Collect one block: up to a blank line, or up to a later line with "-->" (which,
    // in the spec's words, starts the next block).
    std::vector<const Line*> block;
    int timing = -1;
    while (pos < lines.size() && !is_blank(lines[pos].text)) {
      const Line& l = lines[pos];
      if (has_arrow(l.text)) {
        if (timing < 0 && block.size() <= 1) {
          timing = static_cast<int>(block.size());
        } else {
          break;
        }
      }
      block.push_back(&l);
      ++pos;
    }
    // NOTE comments, STYLE and REGION definitions and stray blocks have no timing line.
    if (timing < 0 || keyword_line(block.front()->text, "NOTE")) continue;
    const Line& tl = *block[static_cast<std::size_t>(timing)];
    std::string_view t = tl.text;
    std::size_t i = skip_space(t, 0);
    const std::size_t start_at = i;
    int start = vtt_timestamp(t, i);
    i = skip_space(t, i);
    int end = -1;
    if (start >= 0 && t.substr(i, 3) == "-->") {
      i = skip_space(t, i + 3);
      end = vtt_timestamp(t, i);
    }
    if (start < 0 || end < 0) {
      diags.warning(loc_at(src.name(), tl, start_at),
                    msg(MsgId::transcript_bad_timing, "00:01.000 --> 00:04.000", std::string(trim(t))),
                    tl.text);
      continue;
    }
    std::string text;
    for (std::size_t k = static_cast<std::size_t>(timing) + 1; k < block.size(); ++k) {
      if (!text.empty()) text += '\n';
      text += block[k]->text;
    }
    const std::size_t first_text = static_cast<std::size_t>(timing) + 1;
    const Line& where = first_text < block.size() ? *block[first_text] : tl;
    const Loc loc{src.name(), where.number, 1, {}};
    add_cue_text(cues, text, start, end, loc);
  }
  return cues;
}

}  // namespace telar::story_detail
