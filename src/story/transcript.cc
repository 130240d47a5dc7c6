// SPDX-License-Identifier: GPL-3.0-or-later
// What every transcript reader shares: cue markup removed, speaker labels recognised, and
// cues merged into turns (speaker inheritance, one turn per speaker until a long pause).
#include <algorithm>
#include <array>
#include <cctype>

#include <glib.h>

#include "base/utf8.h"
#include "story/transcript.h"

namespace telar::story_detail {
namespace {

void append_cp(std::string& out, char32_t c) {
  char buf[6];
  int n = g_unichar_to_utf8(static_cast<gunichar>(c), buf);
  out.append(buf, static_cast<std::size_t>(n));
}

/// "&amp;" "&#233;" "&#xE9;" at s[i] (s[i] == '&'): the text it stands for, and its length.
std::optional<std::string> entity(std::string_view s, std::size_t i, std::size_t& len) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return std::nullopt;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  len = semi - i + 1;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kNamed = {{
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
      {"nbsp", "\u00A0"}, {"lrm", ""}, {"rlm", ""},
  }};
  for (auto [n, v] : kNamed)
    if (name == n) return std::string(v);
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return std::nullopt;
    unsigned long v = 0;
    for (char c : digits) {
      if (!(hex ? std::isxdigit(static_cast<unsigned char>(c)) : std::isdigit(static_cast<unsigned char>(c))))
        return std::nullopt;
      v = v * (hex ? 16 : 10) + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
      if (v > 0x10FFFF) return std::nullopt;
    }
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v < 0x20 || (v >= 0x7F && v <= 0x9F)) return std::string();
    std::string out;
    append_cp(out, static_cast<char32_t>(v));
    return out;
  }
  return std::nullopt;
}

std::string collapse(std::string_view s) {
  std::string out;
  for (std::size_t i = skip_space(s, 0); i < s.size();) {
    if (std::size_t n = space_len(s, i)) {
      i = skip_space(s, i + n);
      if (i < s.size()) out += ' ';
      continue;
    }
    out += s[i++];
  }
  return out;
}

/// "ANA MARÍA" -> "Ana María": subtitle files shout names; the zine sets its own case.
std::string title_case_if_shouting(const std::string& name) {
  bool has_upper = false;
  for (std::size_t i = 0; i < name.size();) {
    char32_t c = next_code_point(name, i);
    if (g_unichar_islower(c)) return name;
    has_upper = has_upper || g_unichar_isupper(c);
  }
  if (!has_upper || count_code_points(name) < 2) return name;
  std::string low = to_lower(name), out;
  bool start = true;
  for (std::size_t i = 0; i < low.size();) {
    char32_t c = next_code_point(low, i);
    append_cp(out, start ? static_cast<char32_t>(g_unichar_totitle(c)) : c);
    start = c == U' ' || c == U'-' || c == U'\'';
  }
  return out;
}

constexpr std::array<std::string_view, 14> kSounds = {
    "music", "música", "musica", "applause", "aplausos", "laughter", "laughs", "risas",
    "silence", "silencio", "inaudible", "noise", "ruido", "crosstalk"};

bool is_label_name(std::string_view name) {
  return is_generic_label(name) || (looks_like_name(name, true) && count_code_points(name) <= 40 &&
                                    std::count(name.begin(), name.end(), ' ') < 4);
}

}  // namespace

bool is_generic_label(std::string_view speaker) {
  std::string s = to_lower(speaker);
  for (std::string_view word : {"speaker", "spk", "hablante", "locutor", "unknown", "desconocido"}) {
    if (s.rfind(word, 0) != 0) continue;
    std::size_t i = word.size();
    if (i < s.size() && (s[i] == '_' || s[i] == ' ' || s[i] == '-')) ++i;
    bool digits = std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (digits && (i < s.size() || word == "unknown" || word == "desconocido")) return true;
  }
  return false;
}

std::optional<std::string> strip_speaker_label(std::string_view line, std::string& speaker) {
  std::size_t i = skip_space(line, 0);
  // Dialogue dashes and closed-caption chevrons introduce a speaker change.
  for (std::string_view lead : {"- ", "\u2013 ", "\u2014 ", ">> "})
    if (line.substr(i, lead.size()) == lead) i = skip_space(line, i + lead.size());
  std::string_view s = line.substr(i);
  auto rest_after = [&](std::size_t at) {
    std::size_t j = skip_space(s, at);
    if (j < s.size() && s[j] == ':') j = skip_space(s, j + 1);
    return std::string(trim(s.substr(j)));
  };
  if (!s.empty() && (s[0] == '[' || s[0] == '(')) {
    const char close = s[0] == '[' ? ']' : ')';
    std::size_t end = s.find(close);
    if (end == std::string_view::npos) return std::nullopt;
    std::string name = collapse(s.substr(1, end - 1));
    const bool colon = s.substr(skip_space(s, end + 1), 1) == ":";
    if (std::find(kSounds.begin(), kSounds.end(), to_lower(name)) != kSounds.end()) {
      speaker.clear();
      return rest_after(end + 1);  // "[music]" is no speaker and no text
    }
    // "(speaker 0)" (whisper.cpp), "[SPEAKER_00]:" (WhisperX), "[Ana]" or "[Ana]:".
    if (is_generic_label(name) || ((colon || close == ']') && is_label_name(name))) {
      speaker = is_generic_label(name) ? name : title_case_if_shouting(name);
      return rest_after(end + 1);
    }
    return std::nullopt;
  }
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  if (colon + 1 < s.size() && space_len(s, colon + 1) == 0) return std::nullopt;  // "10:30", "https://"
  std::string name = collapse(s.substr(0, colon));
  if (!is_label_name(name)) return std::nullopt;
  speaker = is_generic_label(name) ? name : title_case_if_shouting(name);
  return std::string(trim(s.substr(colon + 1)));
}

std::vector<Span> strip_markup(std::string_view text) {
  std::vector<Span> out(1);
  int in_ruby_text = 0;
  auto add = [&](std::string_view piece) {
    if (in_ruby_text == 0) out.back().text.append(piece);
  };
  auto voice = [&](std::string name) {
    if (!out.back().text.empty() || !out.back().speaker.empty()) out.emplace_back();
    out.back().speaker = std::move(name);
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '<') {
      std::size_t end = text.find('>', i);
      const char next = i + 1 < text.size() ? text[i + 1] : '\0';
      const bool tagish = next == '/' || std::isalnum(static_cast<unsigned char>(next));
      if (end == std::string_view::npos || !tagish || text.substr(i, end - i).find('\n') != std::string_view::npos) {
        add("<");
        ++i;
        continue;
      }
      std::string_view tag = text.substr(i + 1, end - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      std::size_t name_end = 0;
      while (name_end < tag.size() && tag[name_end] != '.' && tag[name_end] != ' ' && tag[name_end] != '\t')
        ++name_end;
      std::string name = to_lower(tag.substr(0, name_end));
      if (name == "v" || name == "voice") {
        if (closing) {
          voice({});
        } else {
          std::size_t ann = tag.find_first_of(" \t", name_end);
          voice(ann == std::string_view::npos ? std::string() : collapse(tag.substr(ann)));
        }
      } else if (name == "rt") {
        in_ruby_text += closing ? (in_ruby_text > 0 ? -1 : 0) : 1;
      }
      // Every other tag (<i> <b> <u> <c.x> <ruby> <lang> <font …> <00:01.000>) goes.
      i = end + 1;
      continue;
    }
    if (c == '&') {
      std::size_t len = 0;
      if (auto e = entity(text, i, len)) {
        add(*e);
        i += len;
        continue;
      }
    }
    if (c == '{' && text.substr(i, 2) == "{\\") {  // SSA/ASS override: {\an8}, {\i1}
      std::size_t end = text.find('}', i);
      if (end != std::string_view::npos) {
        i = end + 1;
        continue;
      }
    }
    add(text.substr(i, 1));
    ++i;
  }
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const Span& s) { return is_blank(s.text); }),
            out.end());
  return out;
}

void add_cue_lines(std::vector<Cue>& cues, const std::vector<std::string>& lines, int start_ms,
                   int end_ms, const Loc& loc) {
  Cue cue{start_ms, end_ms, {}, {}, loc};
  auto flush = [&] {
    if (!cue.text.empty() || !cue.speaker.empty()) cues.push_back(cue);
    cue.text.clear();
    cue.speaker.clear();
  };
  for (const std::string& raw : lines) {
    std::string speaker;
    std::optional<std::string> rest = strip_speaker_label(raw, speaker);
    std::string_view line = trim(rest ? std::string_view(*rest) : std::string_view(raw));
    if (rest && (!speaker.empty() || !cue.text.empty())) {
      flush();
      cue.speaker = speaker;
    }
    if (line.empty()) continue;
    if (!cue.text.empty()) cue.text += ' ';
    cue.text += collapse(line);
  }
  flush();
}

void add_cue_text(std::vector<Cue>& cues, std::string_view text, int start_ms, int end_ms,
                  const Loc& loc) {
  for (Span& span : strip_markup(text)) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    for (std::size_t nl; (nl = span.text.find('\n', from)) != std::string::npos; from = nl + 1)
      lines.push_back(span.text.substr(from, nl - from));
    lines.push_back(span.text.substr(from));
    const std::size_t before = cues.size();
    add_cue_lines(cues, lines, start_ms, end_ms, loc);
    // A <v Name> span names the speaker of its text; a label inside it starts a new one.
    if (!span.speaker.empty() && before < cues.size() && cues[before].speaker.empty())
      cues[before].speaker = span.speaker;
  }
}

Story merge_cues(std::vector<Cue> cues) {
  Story story;
  Round round;
  std::string speaker;
  int last_end = -1;
  for (Cue& c : cues) {
    if (!c.speaker.empty()) speaker = nfc(c.speaker);
    if (c.text.empty()) continue;
    Turn* last = round.turns.empty() ? nullptr : &round.turns.back();
    const bool paused = c.start_ms >= 0 && last_end >= 0 && c.start_ms - last_end > kPauseMs;
    if (last != nullptr && last->speaker == speaker && !paused) {
      last->text += ' ';
      last->text += c.text;
    } else {
      if (round.turns.empty()) round.loc = Loc{c.loc.file, c.loc.line, 1, {}};
      std::optional<int> at;
      if (c.start_ms >= 0) at = c.start_ms / 1000;
      round.turns.push_back(Turn{speaker, c.text, at, false, c.loc});
    }
    if (c.end_ms >= 0) last_end = c.end_ms;
    else if (c.start_ms >= 0) last_end = c.start_ms;
  }
  for (Turn& t : round.turns) t.text = nfc(t.text);
  if (!round.turns.empty()) story.rounds.push_back(std::move(round));
  return story;
}

}  // namespace telar::story_detail
