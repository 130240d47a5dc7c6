// SPDX-License-Identifier: GPL-3.0-or-later
// Private to src/story: what the transcript readers (vtt.cc, srt.cc, transcript.cc) share.
// A reader turns its format into Cues; merge_cues() turns cues into a Story's turns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "story/story.h"
#include "story/story_text.h"

namespace telar::story_detail {

/// One timed piece of a transcript, after tags and entities are gone.
struct Cue {
  int start_ms = -1;    ///< -1: not timed (Otter-style paragraphs may lack a time)
  int end_ms = -1;
  std::string speaker;  ///< empty: not named in this cue (it inherits the previous speaker)
  std::string text;     ///< plain UTF-8, lines joined with one space
  Loc loc;
};

/// WhisperX JSON limits (docs/limits.md): objects and lists inside each other (an export
/// has 4 levels), and segments in one file.
inline constexpr std::size_t kMaxJsonDepth = 16;
inline constexpr std::size_t kMaxSegments = 100'000;
/// The latest time a cue may start or end at, in hours (milliseconds stay within an int).
constexpr long kMaxTranscriptHours = 500;

/// A pause longer than this between two cues of one speaker starts a new turn.
constexpr int kPauseMs = 10'000;

/// Transcript bytes as UTF-8: a UTF-8, UTF-16 or UTF-32 BOM is honoured; without a BOM the
/// bytes must be UTF-8. Anything else is an error at line:column with an iconv hint. C0/C1
/// control characters (not tab) are removed with one warning. nullopt when undecodable.
std::optional<SourceText> decode_transcript(const SourceText& raw, Diagnostics& diags);

/// A leading speaker label on a cue line: "Name:", "NAME:", "- Name:", "[Name]",
/// "[SPEAKER_00]:", "(speaker 0)", ">> Name:". Sets `speaker` and returns the rest, or
/// nullopt (the line has no label).
std::optional<std::string> strip_speaker_label(std::string_view line, std::string& speaker);

/// "SPEAKER_00", "Speaker 1", "speaker 0", "Unknown": labels that name nobody.
bool is_generic_label(std::string_view speaker);

/// Adds `text` to a list of cues, splitting it at each line that carries its own label
/// (several speakers in one cue, dialogue dashes).
void add_cue_lines(std::vector<Cue>& cues, const std::vector<std::string>& lines, int start_ms,
                   int end_ms, const Loc& loc);

/// A cue's raw text (lines joined by '\n'): markup stripped, then each <v Name> span and
/// each labelled line becomes cues of its own.
void add_cue_text(std::vector<Cue>& cues, std::string_view text, int start_ms, int end_ms,
                  const Loc& loc);

/// Cues -> turns in one round: a cue without a speaker inherits the previous one;
/// consecutive cues of one speaker are one turn unless a pause longer than kPauseMs lies
/// between them; a turn's time is its first cue's.
Story merge_cues(std::vector<Cue> cues);

/// A WebVTT timestamp at s[i], "[hh:]mm:ss.ttt", in milliseconds (i moves past it), or -1.
int vtt_timestamp(std::string_view s, std::size_t& i);
/// An SRT timestamp at s[i]: "h:mm:ss,mmm" (also '.', 1-3 fraction digits), or -1.
int srt_timestamp(std::string_view s, std::size_t& i);

/// The readers. `src` is already decoded UTF-8 (decode_transcript).
std::vector<Cue> read_vtt(const SourceText& src, Diagnostics& diags);
std::vector<Cue> read_srt(const SourceText& src, Diagnostics& diags);
/// Plain-text exports: "[SPEAKER_00]: text" lines (WhisperX), "(speaker 0) text"
/// (whisper.cpp), and Otter's "Name  0:12" header line before each paragraph.
std::vector<Cue> read_plain_transcript(const SourceText& src, Diagnostics& diags);
/// WhisperX's .json export: {"segments": [{"speaker", "text", "start", "end", "words"?}]}.
/// Syntax errors, values of the wrong kind and the limits above are errors at line:column.
std::vector<Cue> read_whisperx_json(const SourceText& src, Diagnostics& diags);
/// True when a .txt file looks like one of the plain-text exports above.
bool looks_like_plain_transcript(std::string_view text);

/// Text of a cue with WebVTT/SRT markup removed: tags (<i>, <font …>, <c.x>, <00:01.000>),
/// ruby annotations (<rt>…</rt>), SSA overrides ({\an8}), entities (&amp; &#233; &#xE9;);
/// split at each <v Name> voice span, in order.
struct Span {
  std::string speaker;  ///< from <v Name>; empty outside a voice span
  std::string text;
};
std::vector<Span> strip_markup(std::string_view text);

}  // namespace telar::story_detail
