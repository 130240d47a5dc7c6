// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/qr_payload.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "base/utf8.h"

namespace telar {
namespace {

constexpr std::size_t kTitleChars = 40;

bool lang_is(const std::string& tag, std::string_view base) {
  return tag.rfind(base, 0) == 0 && (tag.size() == base.size() || tag[base.size()] == '-');
}

/// The longest prefix of `s` of at most `max` bytes that ends on a code point boundary.
std::size_t utf8_prefix(std::string_view s, std::size_t max) {
  if (max >= s.size()) return s.size();
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return end;
}

/// Where to cut `s` so the first part has at most `max` bytes: after a sentence's end
/// ("." "?" "!" ";" ":" "…" followed by a space), else at a space, else at a code point.
/// Returns {cut, skip}: the first part is s[0, cut), the rest starts at cut + skip.
/// With `sentence_only`, {0, 0} when no sentence ends within `max`.
std::pair<std::size_t, std::size_t> cut_point(std::string_view s, std::size_t max, bool sentence_only) {
  const std::size_t limit = utf8_prefix(s, max);
  std::size_t sentence = 0, word = 0;
  for (std::size_t i = 1; i < limit; ++i) {
    if (s[i] != ' ') continue;
    if (i < limit) word = i;
    const char p = s[i - 1];
    if (p == '.' || p == '?' || p == '!' || p == ';' || p == ':' ||
        (i >= 3 && s.substr(i - 3, 3) == "\u2026"))
      sentence = i;
  }
  if (sentence_only) return {sentence, sentence > 0 ? 1 : 0};
  if (sentence > limit / 3) return {sentence, 1};  // a sentence end, unless it leaves little
  if (word > 0) return {word, 1};
  return {std::max<std::size_t>(limit, 1), 0};
}

std::string header(std::size_t k, std::size_t n, const std::string& title) {
  return fmt::format("{}/{} {}\n", k, n, title);
}

std::string yaml_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string offline_card_title(const std::string& title) {
  if (count_code_points(title) <= kTitleChars) return title;
  std::size_t i = 0;
  for (std::size_t n = 0; n < kTitleChars - 1 && i < title.size(); ++n) next_code_point(title, i);
  return title.substr(0, i) + "\u2026";
}

std::vector<std::string> offline_lines(const Story& story) {
  const FrontMatter& fm = story.meta;
  std::vector<std::string> lines;
  if (offline_card_title(fm.title) != fm.title) lines.push_back("@t " + fm.title);
  if (!fm.node.empty()) lines.push_back("@n " + fm.node);
  if (!fm.date.empty()) lines.push_back("@d " + fm.date);
  if (!fm.lang.empty() && fm.lang != "en") lines.push_back("@l " + fm.lang);
  if (!fm.link.empty()) lines.push_back("@u " + fm.link);
  if (!fm.headline.empty()) lines.push_back("@h " + fm.headline);
  for (const Round& r : story.rounds) {
    if (!r.question.empty()) lines.push_back("# " + r.question);
    for (const Turn& t : r.turns) {
      std::string line = t.highlight ? "> " : t.speaker.empty() ? "- " : "";
      if (!t.speaker.empty()) line += t.speaker + ": ";
      lines.push_back(line + t.text);
    }
  }
  return lines;
}

std::vector<std::string> offline_cards(const Story& story, std::size_t budget,
                                       std::size_t max_cards) {
  const std::string title = offline_card_title(story.meta.title);
  const std::size_t head = header(max_cards, max_cards, title).size();  // the widest header
  if (budget <= head + 8) return {};
  const std::size_t room = budget - head;
  std::vector<std::string> bodies(1);
  auto put = [&](const std::string& line) {  // a line that fits an empty card
    if (!bodies.back().empty() && bodies.back().size() + 1 + line.size() > room) bodies.emplace_back();
    if (!bodies.back().empty()) bodies.back() += '\n';
    bodies.back() += line;
  };
  for (const std::string& line : offline_lines(story)) {
    if (line.size() <= room) {
      put(line);
      continue;
    }
    // Too long for any card: cut at sentence ends (at a word only when one sentence is
    // longer than a card), the first piece in what is left of this card; the rest go as
    // "+ " continuations.
    std::string_view rest = line;
    std::string prefix;
    while (!rest.empty()) {
      const std::size_t used = bodies.back().empty() ? 0 : bodies.back().size() + 1;
      std::size_t avail = room > used + prefix.size() ? room - used - prefix.size() : 0;
      if (rest.size() <= avail) {
        put(prefix + std::string(rest));
        break;
      }
      auto [cut, skip] = cut_point(rest, avail, true);
      if (cut == 0 && !bodies.back().empty()) {  // no sentence ends here: a new card
        bodies.emplace_back();
        continue;
      }
      if (cut == 0) std::tie(cut, skip) = cut_point(rest, avail, false);
      put(prefix + std::string(rest.substr(0, cut)));
      rest.remove_prefix(cut + skip);
      prefix = skip ? "+ " : "+";
    }
  }
  if (bodies.size() > max_cards) return {};
  std::vector<std::string> cards;
  for (std::size_t i = 0; i < bodies.size(); ++i)
    cards.push_back(header(i + 1, bodies.size(), title) + bodies[i]);
  return cards;
}

bool parse_card_header(const std::string& text, CardHeader& out) {
  const std::size_t nl = std::min(text.find('\n'), text.size());
  const std::string line = text.substr(0, nl);
  int k = 0, n = 0, used = 0;
  if (std::sscanf(line.c_str(), "%d/%d%n", &k, &n, &used) != 2) return false;
  if (k < 1 || n < 1 || k > n || n > static_cast<int>(kMaxOfflineCards)) return false;
  if (used < static_cast<int>(line.size()) && line[static_cast<std::size_t>(used)] != ' ') return false;
  out.index = k;
  out.count = n;
  out.title = used + 1 < static_cast<int>(line.size()) ? line.substr(static_cast<std::size_t>(used) + 1) : "";
  return true;
}

Reassembled reassemble_cards(const std::vector<std::string>& texts) {
  Reassembled r;
  std::map<int, std::string> bodies;
  for (const std::string& t : texts) {
    CardHeader h;
    if (!parse_card_header(t, h)) continue;
    if (r.count == 0) {
      r.count = h.count;
      r.title = h.title;
    }
    if (h.count != r.count || h.title != r.title) continue;  // a card of another story
    const std::size_t nl = t.find('\n');
    bodies.emplace(h.index, nl == std::string::npos ? "" : t.substr(nl + 1));
  }
  if (bodies.empty()) return r;
  for (int k = 1; k <= r.count; ++k)
    if (!bodies.count(k)) r.missing.push_back(k);

  // The lines, continuations joined; a continuation whose start is on a missing card
  // stands alone, marked with "…".
  std::vector<std::string> lines;
  int prev = 0;
  for (const auto& [k, body] : bodies) {
    const bool after_gap = k != prev + 1;
    prev = k;
    std::size_t pos = 0;
    bool first = true;
    while (pos <= body.size()) {
      std::size_t end = std::min(body.find('\n', pos), body.size());
      std::string line = body.substr(pos, end - pos);
      pos = end + 1;
      const bool cont = !line.empty() && line[0] == '+';
      if (cont && !lines.empty() && !(first && after_gap)) {
        lines.back() += line.rfind("+ ", 0) == 0 ? " " + line.substr(2) : line.substr(1);
      } else if (cont) {
        lines.push_back("- \u2026" + line.substr(line.rfind("+ ", 0) == 0 ? 2 : 1));
      } else if (!line.empty()) {
        lines.push_back(line);
      }
      first = false;
      if (end == body.size()) break;
    }
  }

  std::string title = r.title, node, date, lang, link, headline, body;
  for (const std::string& line : lines) {
    if (line.size() >= 3 && line[0] == '@' && line[2] == ' ') {
      const std::string v = line.substr(3);
      switch (line[1]) {
        case 't': title = v; break;
        case 'n': node = v; break;
        case 'd': date = v; break;
        case 'l': lang = v; break;
        case 'u': link = v; break;
        case 'h': headline = v; break;
        default: break;  // a later version's field: ignored
      }
    } else if (line.rfind("# ", 0) == 0) {
      body += "\n## " + line.substr(2) + "\n\n";
    } else if (line.rfind("- ", 0) == 0) {
      body += line.substr(2) + "\n";
    } else {
      body += line + "\n";  // "Name: text" and "> Name: text" are the circle's own syntax
    }
  }
  std::string fm = "---\ntitle: " + yaml_quote(title) + "\n";
  if (!node.empty()) fm += "node: " + yaml_quote(node) + "\n";
  if (!date.empty()) fm += "date: " + date + "\n";
  if (!lang.empty()) fm += "lang: " + lang + "\n";
  if (!headline.empty()) fm += "headline: " + yaml_quote(headline) + "\n";
  if (!link.empty()) fm += "link: " + yaml_quote(link) + "\n";
  r.circle = fm + "---\n" + body;
  return r;
}

std::string offline_cover_caption(const Story& story, std::size_t cards, std::size_t sheets) {
  const std::string& lang = story.meta.lang;
  // Sheet 1 is the zine itself; the story sheets follow it.
  const std::string range = sheets <= 1 ? "2" : fmt::format("2\u2013{}", sheets + 1);
  if (lang_is(lang, "es") || lang_is(lang, "arn") || lang_is(lang, "qu") || lang_is(lang, "ay"))
    return fmt::format("la historia completa va en {} tarjetas QR ({} {})", cards,
                       sheets <= 1 ? "hoja" : "hojas", range);
  if (lang_is(lang, "pt"))
    return fmt::format("a história completa está em {} cartões QR ({} {})", cards,
                       sheets <= 1 ? "folha" : "folhas", range);
  return fmt::format("the whole story is on {} QR cards ({} {})", cards,
                     sheets <= 1 ? "sheet" : "sheets", range);
}

std::string offline_cover_text(const Story& story, std::size_t cards, std::size_t sheets) {
  std::string text = story.meta.title + ": " + offline_cover_caption(story, cards, sheets);
  if (!story.meta.link.empty()) text += "\n" + story.meta.link;
  return text;
}

std::string shorten_link(const std::string& url) {
  std::string s = url;
  for (std::string_view p : {"https://", "http://"})
    if (s.rfind(p, 0) == 0) s.erase(0, p.size());
  if (s.rfind("www.", 0) == 0) s.erase(0, 4);
  if (!s.empty() && s.back() == '/') s.pop_back();
  constexpr std::size_t kMax = 44;
  const std::size_t n = count_code_points(s);
  if (n <= kMax) return s;
  // Keep the host and the end: "example.org/nodos/…/villa-francia".
  const std::size_t head_cps = kMax * 3 / 5, tail_cps = kMax - head_cps - 1;
  std::size_t head = 0;
  for (std::size_t i = 0; i < head_cps; ++i) next_code_point(s, head);
  std::size_t tail = 0;
  for (std::size_t i = 0; i < n - tail_cps; ++i) next_code_point(s, tail);
  return s.substr(0, head) + "\u2026" + s.substr(tail);
}

}  // namespace telar
