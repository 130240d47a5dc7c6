// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/zine_flow.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/lang.h"
#include "base/quotes.h"
#include "base/utf8.h"

namespace telar {
namespace {

constexpr int kMinLines = 2;  // widow and orphan control
// Vertical spacing, in body lines (leading).
constexpr double kQuoteGap = 0.6;    // around an inline pull quote
constexpr double kRoundBefore = 1.1; // above a round heading
constexpr double kRoundAfter = 0.5;  // below it

// A paragraph as markup: a fixed prefix (the run-in speaker name) and escaped text that
// can be cut at any byte offset of the plain text.
struct Para {
  std::string prefix_markup;
  std::size_t prefix_bytes = 0;  // plain-text length of the prefix
  std::string text;              // plain
  std::string wrap_open, wrap_close;
  TextStyle style;
  std::string slot;

  std::string markup(std::size_t from, std::size_t to) const {
    std::string m = wrap_open;
    if (from == 0) m += prefix_markup;
    m += markup_escape(std::string_view(text).substr(from, to - from));
    return m + wrap_close;
  }
};

class Flow {
 public:
  Flow(const ZineDoc& doc, const Template& tpl, const FontSet& fonts, const Rect& area,
       const FlowParams& p, int max_pages)
      : doc_(doc), tpl_(tpl), fonts_(fonts), area_(area), p_(p), max_pages_(max_pages) {
    const double s = p.body_size;
    leading_ = s * p.leading;
    para_gap_ = p.para_gap;
    body_.font = tpl.font("body").description;
    body_.size = s;
    body_.color = tpl.color("ink");
    body_.leading = p.leading;  // absolute: the same rhythm for every script on the page
    body_.break_words = true;   // a long link in a turn must not cross the margin
    round_ = body_;
    round_.font = tpl.font("headline").description;
    round_.size = s * 1.45;
    round_.leading = 1.1;
    round_.color = tpl.color("accent");
    quote_size_ = std::clamp(s * 1.3, tpl.size("quote").min.pt(), tpl.size("quote").max.pt());
    grid_ = line_grid(fonts, doc.lang, body_);
  }

  bool run() {
    new_page();
    for (std::size_t i = 0; i < doc_.body.size(); ++i) {
      if (p_.skip.count(i)) continue;
      const ZineBlock& b = doc_.body[i];
      bool ok = true;
      switch (b.kind) {
        case ZineBlock::Kind::round: ok = place_round(i); break;
        case ZineBlock::Kind::quote: ok = place_quote_block(i); break;
        default: ok = place_para(i, para_for(b, continues_turn(i))); break;
      }
      if (!ok) return false;
    }
    return true;
  }

  std::vector<FlowPage> pages() && {
    if (!pages_.empty()) pages_.back().filled = y_ - area_.y;
    return std::move(pages_);
  }

 private:
  // Block i is the rest of a turn cut around a highlight (the same speaker at the same
  // place in the story, with only that turn's highlight, set as a quote, between): it goes
  // on without the speaker's name again.
  bool continues_turn(std::size_t i) const {
    const ZineBlock& b = doc_.body[i];
    if (b.kind != ZineBlock::Kind::turn) return false;
    auto same_place = [&](const ZineBlock& o) {
      return o.speaker == b.speaker && o.loc.line == b.loc.line && o.loc.column == b.loc.column && o.loc.file == b.loc.file;
    };
    while (i > 0) {
      const ZineBlock& prev = doc_.body[--i];
      if (!same_place(prev)) return false;
      if (prev.kind == ZineBlock::Kind::turn) return !p_.skip.count(i);
    }
    return false;
  }

  Para para_for(const ZineBlock& b, bool continues = false) const {
    Para p;
    p.style = body_;
    p.text = b.text;
    if (b.kind == ZineBlock::Kind::narration) {
      Rgba muted = mix(tpl_.color("ink"), tpl_.color("paper"), 0.25);
      p.wrap_open = fmt::format("<span style=\"italic\" foreground=\"{}\">", hex_color(muted));
      p.wrap_close = "</span>";
      p.slot = "narration";
    } else if (continues) {
      p.slot = "turn";
    } else {
      std::string name = to_upper(b.speaker);
      double size = speaker_size(p_.body_size);
      // The name (and the space after it) gets a line height of 2 pt (markup reads values
      // over 1024 as absolute, in Pango units): the body's runs alone then set the line,
      // and a first line with a name is as tall as any other.
      p.prefix_markup = fmt::format(
          "<span font_desc=\"{} {}\" foreground=\"{}\" letter_spacing=\"{}\" line_height=\"{}\">{}\u2002</span>",
          tpl_.font("speaker").description, size, hex_color(tpl_.color("accent")),
          static_cast<int>(size * 0.06 * PANGO_SCALE), 2 * PANGO_SCALE, markup_escape(name));
      p.prefix_bytes = name.size() + std::string("\u2002").size();
      p.slot = "turn";
    }
    return p;
  }

  void new_page() {
    if (!pages_.empty()) pages_.back().filled = y_ - area_.y;
    pages_.emplace_back();
    y_ = area_.y;
  }
  bool at_top() const { return y_ <= area_.y + 0.01; }
  double room() const {
    const auto cap = p_.round_caps.find(current_round_);
    const double bottom = cap == p_.round_caps.end() ? area_.bottom() : std::min(area_.bottom(), area_.y + cap->second);
    return bottom - y_;
  }
  bool page_limit() const { return static_cast<int>(pages_.size()) > max_pages_; }

  bool advance_page() {
    new_page();
    return !page_limit();
  }

  bool place_round(std::size_t i) {
    const ZineBlock& b = doc_.body[i];
    current_round_ = i;
    // A new round starts a new page, except the first: the preamble (narration before the
    // first round) reads as its introduction.
    if (p_.round_breaks && in_round_ && !at_top() && !advance_page()) return false;
    double before = at_top() ? 0 : leading_ * kRoundBefore;
    GRef<PangoLayout> l = make_layout(fonts_, doc_.lang, round_, markup_escape(b.text), area_.w);
    balance_lines(l.get(), area_.w);
    double h = layout_height(l.get());
    // Keep with next: the heading plus as much of what follows as may start a page.
    double need = before + h + leading_ * kRoundAfter + first_part_height(i + 1);
    if (need > room() && !at_top()) {
      if (!advance_page()) return false;
      before = 0;
    }
    if (h > room()) return false;
    y_ += before;
    pages_.back().items.push_back(text_run(l, {area_.x, y_}, round_.color, "round"));
    in_round_ = true;
    pages_.back().blocks.push_back(i);
    pages_.back().done = i;
    y_ += h + leading_ * kRoundAfter;
    return true;
  }

  // The least of block `i` that can stand at the foot of a page: a whole quote or short
  // paragraph, else its first two lines.
  double first_part_height(std::size_t i) const {
    while (i < doc_.body.size() && p_.skip.count(i)) ++i;
    if (i >= doc_.body.size()) return 0;
    const ZineBlock& b = doc_.body[i];
    if (b.kind == ZineBlock::Kind::round) return 0;
    if (b.kind == ZineBlock::Kind::quote) {
      std::vector<Item> scratch;
      return leading_ * kQuoteGap + place_quote(scratch, b, doc_, tpl_, fonts_, quote_size_, 0, 0, area_.w, true);
    }
    Para p = para_for(b, continues_turn(i));
    GRef<PangoLayout> l = make_layout(fonts_, doc_.lang, p.style, p.markup(0, p.text.size()), area_.w);
    const int n = line_count(l.get());
    return leading_ * para_gap_ + grid_.height(n < 2 * kMinLines ? n : kMinLines);
  }

  bool place_quote_block(std::size_t i) {
    const ZineBlock& b = doc_.body[i];
    std::vector<Item> scratch;
    double before = at_top() ? 0 : leading_ * kQuoteGap;
    double h = place_quote(scratch, b, doc_, tpl_, fonts_, quote_size_, area_.x, 0, area_.w, true);
    if (before + h > room()) {
      if (!advance_page()) return false;
      before = 0;
      if (h > room()) return false;
    }
    y_ += before;
    place_quote(pages_.back().items, b, doc_, tpl_, fonts_, quote_size_, area_.x, y_, area_.w, false);
    pages_.back().blocks.push_back(i);
    pages_.back().done = i;
    y_ += h + leading_ * kQuoteGap;
    return true;
  }

  bool place_para(std::size_t i, const Para& p) {
    std::size_t from = 0;
    const std::size_t end = p.text.size();
    bool first_part = true;
    // One measure for every part of the paragraph, chosen on the whole of it so that its
    // last line is not one lone word when a slightly narrower measure avoids that.
    const double width = [&] {
      GRef<PangoLayout> whole = make_layout(fonts_, doc_.lang, p.style, p.markup(0, end), area_.w);
      return avoid_lone_last_word(whole.get(), area_.w);
    }();
    while (true) {
      double before = at_top() ? 0 : leading_ * para_gap_;
      GRef<PangoLayout> l =
          make_layout(fonts_, doc_.lang, p.style, p.markup(from, end), width);
      const int n = line_count(l.get());
      const double h = grid_.height(n);
      if (before + h <= room()) {
        y_ += before;
        pages_.back().items.push_back(text_run_on_grid(l, {area_.x, y_}, grid_, p.style.color, p.slot));
        if (first_part) pages_.back().blocks.push_back(i);
        pages_.back().done = i;
        y_ += h;
        return true;
      }
      // How many lines fit here? Split only with two lines on each side.
      int fit = 0;
      while (fit < n && before + grid_.height(fit + 1) <= room()) ++fit;
      if (n >= 2 * kMinLines && fit >= kMinLines) {
        fit = std::min(fit, n - kMinLines);
        const int cut = line_start(l.get(), fit);  // byte offset in the layout's text
        const std::size_t prefix = from == 0 ? p.prefix_bytes : 0;
        const std::size_t cut_text = from + static_cast<std::size_t>(cut) - prefix;
        GRef<PangoLayout> head =
            make_layout(fonts_, doc_.lang, p.style, p.markup(from, cut_text), width);
        y_ += before;
        pages_.back().items.push_back(text_run_on_grid(head, {area_.x, y_}, grid_, p.style.color, p.slot));
        if (first_part) pages_.back().blocks.push_back(i);
        first_part = false;
        from = cut_text;
        while (from < end && p.text[from] == ' ') ++from;
        if (!advance_page()) return false;
        continue;
      }
      if (at_top()) return false;  // taller than a page and cannot split: does not fit
      if (!advance_page()) return false;
    }
  }

  const ZineDoc& doc_;
  const Template& tpl_;
  const FontSet& fonts_;
  Rect area_;
  FlowParams p_;
  int max_pages_;
  TextStyle body_, round_;
  LineGrid grid_;  // the body's lines: one pitch for every script
  double leading_ = 12, para_gap_ = 0.4, quote_size_ = 12, y_ = 0;
  bool in_round_ = false;  // a round heading has been placed (the preamble is over)
  std::size_t current_round_ = FlowParams::kPreamble;  // the round being set (its heading's index)
  std::vector<FlowPage> pages_;
};

}  // namespace

double speaker_size(double body_size) { return std::max(body_size * 0.8, 6.5); }

double place_quote(std::vector<Item>& out, const ZineBlock& q, const ZineDoc& doc,
                   const Template& tpl, const FontSet& fonts, double quote_size, double x,
                   double y, double width, bool measure_only) {
  const bool tint = tpl.option("quotes", "rule") == "tint";
  const double pad = tint ? quote_size * 0.7 : 0;
  const double indent = tint ? pad : quote_size * 0.9;
  const bool rtl = is_rtl_language(doc.lang);
  TextStyle qs;
  qs.font = tpl.font("quote").description;
  qs.size = quote_size;
  qs.color = tpl.color("ink");
  qs.leading = 1.2;
  const double text_w = width - indent - pad;
  GRef<PangoLayout> ql =
      make_layout(fonts, doc.lang, qs, markup_escape(quoted(q.text, doc.lang, tpl.option("quote_marks"))), text_w);
  balance_lines(ql.get(), text_w);
  double h = layout_height(ql.get());
  GRef<PangoLayout> al;
  TextStyle as;
  if (!q.speaker.empty()) {
    as.font = tpl.font("speaker").description;
    as.size = std::max(quote_size * 0.55, tpl.size("small").min.pt());
    as.color = tpl.color("accent");
    as.letter_spacing = as.size * 0.06;
    al = make_layout(fonts, doc.lang, as, markup_escape("— " + to_upper(q.speaker)), text_w);
  }
  const double gap = quote_size * 0.35;
  const double total = pad + h + (al ? gap + layout_height(al.get()) : 0) + pad;
  if (measure_only) return total;

  if (tint) {
    Shape bg;
    bg.path.rect({x, y, width, total});
    bg.fill = tpl.color("soft");
    bg.slot = "quote";
    out.push_back(bg);
  } else {
    Shape bar;
    const double bar_w = std::max(1.2, quote_size * 0.14);
    bar.path.rect({rtl ? x + width - bar_w : x, y + quote_size * 0.15, bar_w, total - quote_size * 0.3});
    bar.fill = tpl.color("accent");
    bar.slot = "quote";
    out.push_back(bar);
  }
  // Right to left, the rule and the indent are on the right: the text starts at the pad.
  const double tx = rtl ? x + pad : x + indent;
  out.push_back(text_run(ql, {tx, y + pad}, qs.color, "quote"));
  if (al) out.push_back(text_run(al, {tx, y + pad + h + gap}, as.color, "quote"));
  return total;
}

std::optional<std::vector<FlowPage>> flow_zine_body(const ZineDoc& doc, const Template& tpl,
                                                    const FontSet& fonts, const Rect& area,
                                                    const FlowParams& params, int max_pages) {
  Flow flow(doc, tpl, fonts, area, params, max_pages);
  if (!flow.run()) return std::nullopt;
  std::vector<FlowPage> pages = std::move(flow).pages();
  while (!pages.empty() && pages.back().items.empty()) pages.pop_back();
  if (static_cast<int>(pages.size()) > max_pages) return std::nullopt;
  return pages;
}

}  // namespace telar
