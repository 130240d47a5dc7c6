// SPDX-License-Identifier: GPL-3.0-or-later
// WhisperX's JSON export: {"segments": [{"start": 0.5, "end": 2.1, "text": " Hola",
// "speaker": "SPEAKER_00", "words": [...]}, ...], "word_segments": [...], "language": "es"}.
// Read with nlohmann/json's SAX parser, so that no tree of the file is ever built (the
// words, which are most of the bytes, are skipped as they stream by) and every problem is
// located: the parser is fed through an iterator that records how far it has read.
#include <cmath>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

#include "story/transcript.h"

namespace telar::story_detail {
namespace {

using json = nlohmann::json;

/// A char iterator that writes its position to `*at` as the parser advances.
class TrackedIt {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedIt() = default;
  TrackedIt(const char* p, const char** at) : p_(p), at_(at) {}
  reference operator*() const { return *p_; }
  TrackedIt& operator++() {
    ++p_;
    if (at_) *at_ = p_;
    return *this;
  }
  TrackedIt operator++(int) {
    TrackedIt old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const TrackedIt& a, const TrackedIt& b) { return a.p_ == b.p_; }

 private:
  const char* p_ = nullptr;
  const char** at_ = nullptr;
};

class Reader final : public nlohmann::json_sax<json> {
 public:
  Reader(const SourceText& src, Diagnostics& diags) : src_(src), diags_(diags), at_(src.bytes().data()) {}

  std::vector<Cue> read() {
    const std::string_view b = src_.bytes();
    json::sax_parse(TrackedIt(b.data(), &at_), TrackedIt(b.data() + b.size(), nullptr), this);
    if (!failed_ && !seen_segments_) error(0, msg(MsgId::transcript_json_shape));
    return failed_ ? std::vector<Cue>{} : std::move(cues_);
  }

  bool null() override { return value(Kind::other); }
  bool boolean(bool) override { return value(Kind::other); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool binary(binary_t&) override { return value(Kind::other); }

  bool string(string_t& s) override {
    if (!value(Kind::string)) return false;
    if (in_segment()) {
      if (key_ == "text") seg_.text = std::move(s);
      else if (key_ == "speaker") seg_.speaker = nfc(trim(s));
    }
    return true;
  }

  bool start_object(std::size_t) override {
    if (!value(Kind::object)) return false;
    return open(Role::object, at_ - 1);
  }
  bool start_array(std::size_t) override {
    if (!value(Kind::array)) return false;
    return open(Role::array, at_ - 1);
  }

  bool key(string_t& k) override {
    key_ = std::move(k);
    key_at_ = offset() - 1;  // the key's closing quote: back to its opening one
    while (key_at_ > 0 && src_.bytes()[key_at_ - 1] != '"') --key_at_;
    if (key_at_ > 0) --key_at_;
    return true;
  }

  bool end_object() override {
    if (in_segment()) {
      if (!seg_.text.empty()) {
        if (count_code_points(seg_.text) > kMaxTurnChars)
          return error(seg_at_, msg(MsgId::story_turn_too_long, count_code_points(seg_.text), kMaxTurnChars));
        const std::size_t first = cues_.size();
        const Loc loc = loc_of(seg_at_);
        add_cue_text(cues_, without_controls(seg_.text), seg_.start, seg_.end, loc);
        for (std::size_t i = first; i < cues_.size(); ++i)
          if (cues_[i].speaker.empty()) cues_[i].speaker = seg_.speaker;
      }
      seg_ = {};
    }
    stack_.pop_back();
    key_.clear();
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    key_.clear();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
    // parsing value - invalid literal; last read: 'tru,'": the location is ours, the rest
    // says what was expected.
    std::string what = ex.what();
    if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    // `position` counts the bytes read, the offending token included: point at its start.
    const std::size_t at = position > last_token.size() ? position - last_token.size() : 0;
    return error(at, msg(MsgId::transcript_json_syntax, what));
  }

 private:
  enum class Role { root, segments, segment, object, array };
  enum class Kind { string, number, object, array, other };
  struct Frame {
    Role role;
    bool is_object;
  };
  struct Segment {
    std::string text, speaker;
    int start = -1, end = -1;
  };

  std::size_t offset() const { return static_cast<std::size_t>(at_ - src_.bytes().data()); }
  bool in_segment() const { return !stack_.empty() && stack_.back().role == Role::segment; }

  bool open(Role generic, const char* where) {
    const bool is_object = generic == Role::object;
    const std::size_t at = static_cast<std::size_t>(where - src_.bytes().data());
    if (stack_.size() >= kMaxJsonDepth) return error(at, msg(MsgId::transcript_json_too_deep, kMaxJsonDepth));
    Role role = generic;
    if (stack_.empty()) {
      if (!is_object) return error(at, msg(MsgId::transcript_json_shape));
      role = Role::root;
    } else if (stack_.back().role == Role::root && key_ == "segments") {
      role = Role::segments;
      seen_segments_ = true;
    } else if (stack_.back().role == Role::segments) {
      if (!is_object) return error(at, msg(MsgId::transcript_json_type, "segments", ui_word("a list of objects")));
      if (++segments_ > kMaxSegments) return error(at, msg(MsgId::transcript_json_too_many, kMaxSegments));
      role = Role::segment;
      seg_at_ = at;
    }
    stack_.push_back(Frame{role, is_object});
    key_.clear();
    return true;
  }

  /// Checks a value's kind against what its key must hold.
  bool value(Kind kind) {
    if (stack_.empty()) return kind == Kind::object || error(0, msg(MsgId::transcript_json_shape));
    const Role role = stack_.back().role;
    if (role == Role::root && key_ == "segments" && kind != Kind::array)
      return error(key_at_, msg(MsgId::transcript_json_type, "segments", ui_word("a list of objects")));
    if (role == Role::segments && kind != Kind::object)
      return error(offset() - 1, msg(MsgId::transcript_json_type, "segments", ui_word("a list of objects")));
    if (role == Role::segment) {
      if ((key_ == "text" || key_ == "speaker") && kind != Kind::string && kind != Kind::other)
        return error(key_at_, msg(MsgId::transcript_json_type, key_, ui_word("a text")));
      if ((key_ == "start" || key_ == "end") && kind != Kind::number && kind != Kind::other)
        return error(key_at_, msg(MsgId::transcript_json_type, key_, ui_word("a number of seconds")));
    }
    return true;
  }

  bool number(double seconds) {
    if (!value(Kind::number)) return false;
    if (in_segment() && (key_ == "start" || key_ == "end")) {
      if (!(seconds >= 0 && seconds <= kMaxTranscriptHours * 3600.0))  // as for VTT/SRT
        return error(key_at_, msg(MsgId::transcript_json_type, key_, ui_word("a number of seconds")));
      (key_ == "start" ? seg_.start : seg_.end) = static_cast<int>(std::lround(seconds * 1000));
    }
    return true;
  }

  /// JSON escapes can carry what the raw bytes could not (\u0007): removed, with a warning.
  std::string without_controls(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t from = i;
      const char32_t c = next_code_point(text, i);
      if (c == '\n' || c == '\t' || c == '\r') {
        out += ' ';
      } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        if (!warned_controls_)
          diags_.warning(loc_of(seg_at_), msg(MsgId::transcript_control_char,
                                                   fmt::format("{:04X}", static_cast<unsigned>(c))));
        warned_controls_ = true;
      } else {
        out.append(text, from, i - from);
      }
    }
    return out;
  }

  /// src_.loc_at(offset), counted on from the last one asked for: segments come in order,
  /// and a minified export is one line of megabytes (loc_at would count it for each).
  Loc loc_of(std::size_t offset) {
    const std::string_view b = src_.bytes();
    offset = std::min(offset, b.size());
    if (offset < cur_off_) return src_.loc_at(offset);
    for (; cur_off_ < offset; ++cur_off_) {
      const auto c = static_cast<unsigned char>(b[cur_off_]);
      if (c == '\n') {
        ++cur_line_;
        cur_col_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++cur_col_;
      }
    }
    return Loc{src_.name(), cur_line_, cur_col_, {}};
  }

  bool error(std::size_t at, Message m) {
    diags_.error(loc_of(at), std::move(m));
    failed_ = true;
    return false;  // stops the parser
  }

  const SourceText& src_;
  Diagnostics& diags_;
  const char* at_;  ///< how far the parser has read
  std::vector<Frame> stack_;
  std::string key_;
  std::size_t key_at_ = 0, seg_at_ = 0, segments_ = 0;
  std::size_t cur_off_ = 0;  ///< loc_of's cursor
  int cur_line_ = 1, cur_col_ = 1;
  Segment seg_;
  std::vector<Cue> cues_;
  bool seen_segments_ = false, failed_ = false, warned_controls_ = false;
};

}  // namespace

std::vector<Cue> read_whisperx_json(const SourceText& src, Diagnostics& diags) {
  return Reader(src, diags).read();
}

}  // namespace telar::story_detail
