// SPDX-License-Identifier: GPL-3.0-or-later
// SubRip (.srt) as subtitle apps really write it: an optional index line, a timing line
// "00:00:01,000 --> 00:00:04,000" (also '.', short hours, X1/Y1 coordinates after it),
// text lines, blank lines between cues (sometimes missing, sometimes doubled).
#include <algorithm>

#include "story/transcript.h"

namespace telar::story_detail {
namespace {

bool is_index(std::string_view s) {
  s = trim(s);
  return !s.empty() && s.size() <= 9 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_arrow(std::string_view s) { return s.find("-->") != std::string_view::npos; }

int field(std::string_view s, std::size_t& i, int max_digits, long& v) {
  int n = 0;
  v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < max_digits) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n;
}

}  // namespace

int srt_timestamp(std::string_view s, std::size_t& i) {
  long h = 0, m = 0, sec = 0, frac = 0;
  if (field(s, i, 6, h) == 0 || i >= s.size() || s[i] != ':') return -1;
  ++i;
  if (field(s, i, 2, m) == 0 || i >= s.size() || s[i] != ':') return -1;
  ++i;
  if (field(s, i, 2, sec) == 0) return -1;
  int frac_digits = 0;
  if (i < s.size() && (s[i] == ',' || s[i] == '.')) {
    ++i;
    frac_digits = field(s, i, 3, frac);
    if (frac_digits == 0) return -1;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;  // more precision than we keep
  }
  for (int k = frac_digits; k < 3; ++k) frac *= 10;
  if (m > 59 || sec > 59 || h > kMaxTranscriptHours) return -1;  // else the ms overflow int
  return static_cast<int>(((h * 60 + m) * 60 + sec) * 1000 + frac);
}

std::vector<Cue> read_srt(const SourceText& src, Diagnostics& diags) {
  std::vector<Cue> cues;
  std::vector<Line> lines = decode_lines(src, diags);
  auto timing_at = [&](std::size_t k) { return k < lines.size() && has_arrow(lines[k].text); };
  std::size_t pos = 0;
  while (pos < lines.size()) {
    if (is_blank(lines[pos].text)) {
      ++pos;
      continue;
    }
    if (is_index(lines[pos].text) && timing_at(pos + 1)) ++pos;
    const Line& tl = lines[pos];
    std::vector<std::string> text;
    if (!has_arrow(tl.text)) {
      // Text after a blank line inside a cue: it belongs to the cue before.
      while (pos < lines.size() && !is_blank(lines[pos].text)) text.push_back(lines[pos++].text);
      if (!cues.empty()) {
        const Cue& prev = cues.back();
        std::string joined;
        for (const std::string& l : text) joined += (joined.empty() ? "" : "\n") + l;
        add_cue_text(cues, joined, prev.start_ms, prev.end_ms, Loc{src.name(), tl.number, 1, {}});
      } else {
        diags.warning(loc_at(src.name(), tl, 0),
                      msg(MsgId::transcript_bad_timing, "00:00:01,000 --> 00:00:04,000",
                          std::string(trim(tl.text))),
                      tl.text);
      }
      continue;
    }
    std::string_view t = tl.text;
    std::size_t i = skip_space(t, 0);
    const std::size_t at = i;
    int start = srt_timestamp(t, i);
    i = skip_space(t, i);
    int end = -1;
    if (start >= 0 && t.substr(i, 3) == "-->") {
      i = skip_space(t, i + 3);
      end = srt_timestamp(t, i);
    }
    ++pos;
    // The cue's text: up to a blank line, or to the next cue when the blank line is missing.
    while (pos < lines.size() && !is_blank(lines[pos].text) && !has_arrow(lines[pos].text) &&
           !(is_index(lines[pos].text) && timing_at(pos + 1)))
      text.push_back(lines[pos++].text);
    if (start < 0 || end < 0) {
      diags.warning(loc_at(src.name(), tl, at),
                    msg(MsgId::transcript_bad_timing, "00:00:01,000 --> 00:00:04,000",
                        std::string(trim(t))),
                    tl.text);
      continue;
    }
    std::string joined;
    for (const std::string& l : text) joined += (joined.empty() ? "" : "\n") + l;
    const Loc loc{src.name(), tl.number + 1, 1, {}};
    add_cue_text(cues, joined, start, end, loc);
  }
  return cues;
}

}  // namespace telar::story_detail
