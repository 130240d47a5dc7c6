// SPDX-License-Identifier: GPL-3.0-or-later
// The story-circle parser: front matter, then `## ` rounds of turns, highlights and
// narration, with indented continuation lines and blank lines ending paragraphs.
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "base/utf8.h"
#include "story/story.h"
#include "story/story_text.h"

namespace telar {
namespace {

using story_detail::Line;
using story_detail::LineParse;

class BodyParser {
 public:
  BodyParser(const std::string& file, Diagnostics& diags, Story& story)
      : file_(file), diags_(diags), story_(story) {}

  void feed(const Line& line) {
    const std::string& s = line.text;
    if (open_ != Open::none && space_len(s, 0) > 0 && !is_blank(s)) {
      append(trim(s));  // an indented line continues what is open
      return;
    }
    LineParse p = story_detail::parse_line(line, file_, open_ == Open::narration, diags_);
    switch (p.kind) {
      case LineParse::Kind::blank:
        close();
        return;
      case LineParse::Kind::heading:
        close();
        heading(line, p);
        return;
      case LineParse::Kind::narration:
        if (open_ == Open::narration && !p.at_seconds) return append(p.text);
        break;
      case LineParse::Kind::turn:
        // "> more words" right under a highlight continues it, as in a Markdown quote.
        if (open_ == Open::highlight && p.highlight && p.speaker.empty() && !p.at_seconds)
          return append(p.text);
        break;
    }
    close();
    open(line, std::move(p));
  }

  void finish() { close(); }

 private:
  enum class Open { none, turn, narration, highlight };

  void heading(const Line& line, const LineParse& p) {
    if (p.level != 2)
      diags_.warning(Loc{file_, line.number, 1, {}}, msg(MsgId::story_heading_level), line.text);
    story_.rounds.push_back(Round{nfc(p.text), {}, Loc{file_, line.number, 1, {}}});
  }

  void open(const Line& line, LineParse p) {
    open_ = p.highlight ? Open::highlight : p.kind == LineParse::Kind::turn ? Open::turn
                                                                            : Open::narration;
    current_ = Turn{std::move(p.speaker), std::move(p.text), p.at_seconds, p.highlight,
                    Loc{file_, line.number, p.column, {}}};
    current_text_ = line.text;
  }

  void append(std::string_view more) {
    if (more.empty()) return;
    if (!current_.text.empty()) current_.text += ' ';
    current_.text.append(more);
  }

  void close() {
    if (open_ == Open::none) return;
    open_ = Open::none;
    if (current_.text.empty()) {
      // "Name:" with nothing after it (and no continuation) is an error; an empty
      // narration (a lone timestamp, a bare escape) is simply nothing.
      if (!current_.speaker.empty())
        diags_.error(current_.loc, msg(MsgId::story_empty_turn, current_.speaker),
                     current_text_);
      return;
    }
    check_size();
    current_.text = nfc(current_.text);
    if (story_.rounds.empty())
      story_.rounds.push_back(Round{{}, {}, Loc{file_, current_.loc.line, 1, {}}});
    story_.rounds.back().turns.push_back(std::move(current_));
  }

  /// A turn past kMaxTurnChars, or a word past kMaxWordChars, is an error: the layout
  /// would only spend minutes finding that it cannot fit.
  void check_size() {
    const std::string& t = current_.text;
    if (std::size_t n = count_code_points(t); n > story_detail::kMaxTurnChars) {
      diags_.error(current_.loc, msg(MsgId::story_turn_too_long, n, story_detail::kMaxTurnChars),
                   current_text_);
      current_.text.resize(story_detail::kMaxTurnChars);
      current_.text = valid_utf8(current_.text);
      return;
    }
    std::size_t run = 0, run_start = 0;
    for (std::size_t i = 0; i < t.size(); i += std::max<std::size_t>(1, utf8_length_at(t, i))) {
      if (space_len(t, i) > 0) {
        run = 0;
        continue;
      }
      if (run++ == 0) run_start = i;
      if (run > story_detail::kMaxWordChars) {
        Loc at = current_.loc;
        diags_.error(at, msg(MsgId::story_word_too_long, valid_utf8(t.substr(run_start, 40)), story_detail::kMaxWordChars),
                     current_text_);
        return;
      }
    }
  }

  const std::string& file_;
  Diagnostics& diags_;
  Story& story_;
  Open open_ = Open::none;
  Turn current_;
  std::string current_text_;  ///< the first line of the open turn, for excerpts
};

}  // namespace

std::vector<std::string> Story::speakers() const {
  std::vector<std::string> out;
  for (const Round& r : rounds)
    for (const Turn& t : r.turns)
      if (!t.speaker.empty() && std::find(out.begin(), out.end(), t.speaker) == out.end())
        out.push_back(t.speaker);
  return out;
}

Story parse_circle(const SourceText& src, Diagnostics& diags) {
  Story story;
  if (src.bytes().size() > story_detail::kMaxStoryBytes) {
    diags.error(Loc{src.name()}, msg(MsgId::io_too_big, src.bytes().size(), story_detail::kMaxStoryBytes));
    return story;
  }
  std::vector<Line> lines = story_detail::decode_lines(src, diags);
  story_detail::FrontMatterResult fm = story_detail::parse_front_matter(lines, src.name(), diags);
  story.meta = std::move(fm.meta);
  if (!fm.body_ok) return story;

  BodyParser body(src.name(), diags, story);
  for (std::size_t i = fm.body_begin; i < lines.size(); ++i) body.feed(lines[i]);
  body.finish();

  bool any_turn = false;
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns) any_turn = any_turn || !t.speaker.empty() || t.highlight;
  if (!any_turn) diags.warning(Loc{src.name(), 0, 0, {}}, msg(MsgId::story_no_turns));
  // Counted with a set: speakers() is quadratic, and so are later stages (--anonymize).
  std::unordered_set<std::string_view> names;
  for (const Round& r : story.rounds)
    for (const Turn& t : r.turns)
      if (!t.speaker.empty()) names.insert(t.speaker);
  if (names.size() > story_detail::kMaxSpeakers)
    diags.error(Loc{src.name()},
                msg(MsgId::story_too_many_speakers, names.size(), story_detail::kMaxSpeakers));
  return story;
}

}  // namespace telar
