// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/manual_blocks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>

#include <glib.h>

#include "base/color.h"
#include "base/error.h"
#include "base/lang.h"
#include "base/utf8.h"
#include "layout/image.h"
#include "layout/motif.h"
#include "layout/woven.h"

namespace telar {
namespace {

/// Code lines longer than `columns` code points, wrapped: at the last space that fits
/// (else at the column), each continuation indented like its line and opened by "» ".
std::string wrap_code(const std::string& text, std::size_t columns) {
  static constexpr std::string_view kMark = "\u00BB ";  // in every bundled face, mono too
  std::string out;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(from, nl - from);
    const std::size_t indent = line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' ');
    bool first = true;
    while (true) {
      const glong n = g_utf8_strlen(line.data(), static_cast<gssize>(line.size()));
      const std::size_t lead = first ? 0 : indent + 2;  // what a continuation line starts with
      if (static_cast<std::size_t>(n) + lead <= columns || columns <= lead + 8) {
        if (!first) out += std::string(indent, ' ') + std::string(kMark);
        out += line;
        break;
      }
      const std::size_t room = columns - lead;  // code points that fit
      const std::size_t cut_bytes =
          static_cast<std::size_t>(g_utf8_offset_to_pointer(line.data(), static_cast<glong>(room)) - line.data());
      std::size_t cut = line.rfind(' ', cut_bytes);
      if (cut == std::string::npos || cut <= indent) cut = cut_bytes;
      if (!first) out += std::string(indent, ' ') + std::string(kMark);
      out += line.substr(0, cut);
      out += '\n';
      std::size_t rest = cut;
      while (rest < line.size() && line[rest] == ' ') ++rest;
      line = line.substr(rest);
      first = false;
    }
    if (nl >= text.size()) break;
    out += '\n';
    from = nl + 1;
  }
  return out;
}

// Vertical spacing, in body lines.
constexpr double kAfterHeading = 0.3;
constexpr double kSectionBefore = 1.3;
constexpr double kSubsectionBefore = 0.9;
constexpr double kParaSpace = 0.6;    // paragraphs: space
constexpr double kBlockSpace = 0.6;   // around lists, quotes, code
constexpr double kFigureSpace = 0.9;  // around tables, images, rules
constexpr double kTightItem = 0.15;
constexpr std::size_t kLeadInChars = 240;  // about three lines of an A5 page

/// Where nested blocks go: their column, the quote bars beside them, the list's spacing.
struct Frame {
  double x = 0, width = 0;
  std::vector<QuoteBar> bars;
  bool quoted = false;
  bool in_item = false;
  bool tight = true;
};

enum class Prev { none, heading, paragraph, other };

class Builder {
 public:
  Builder(const BlockContext& ctx, int lesson, std::vector<Chunk>& out)
      : ctx_(ctx), st_(ctx.style), rtl_(is_rtl_language(ctx.lang)), lesson_(lesson), out_(out) {}

  void opener(const std::string& title, int number) {
    Chunk c = base(Frame{0, ctx_.width, {}, false, false, true});
    c.kind = Chunk::Kind::box;
    c.new_page = true;
    c.keep_with_next = true;
    c.anchor = Anchor{fmt::format("lesson-{}", number), title, 1};
    c.slot = "lesson";
    const double sink = st_.loud ? 0 : st_.leading * 3;
    double y = sink;
    if (ctx_.woven) {
      // The node's motif as the section rule: six picks of it across the text width.
      const double cell = Length::mm(0.8).pt();
      add_woven(c.items, *ctx_.woven, {0, y, ctx_.width, cell * 6}, cell, ctx_.woven_inks);
      y += cell * 6 + st_.leading * 0.6;
    } else if (st_.loud) {
      Shape bar;
      bar.path.rect({0, 0, ctx_.width, Length::mm(2.2).pt()});
      bar.fill = st_.accent;
      bar.slot = "lesson";
      c.items.push_back(bar);
      y += Length::mm(2.2).pt() + st_.leading * 0.6;
    }
    const std::string num = st_.loud ? fmt::format("{:02}", number) : fmt::format("{}", number);
    auto n = make_layout(ctx_.fonts, ctx_.lang, st_.number, markup_escape(num), ctx_.width);
    c.items.push_back(text_run(n, {0, y}, st_.number.color, "lesson"));
    y += layout_height(n.get()) + (st_.loud ? st_.leading * 0.1 : st_.leading * 0.3);
    const std::string shown = st_.loud ? to_upper(title) : title;
    auto t = make_layout(ctx_.fonts, ctx_.lang, st_.lesson, markup_escape(shown), ctx_.width);
    balance_lines(t.get(), ctx_.width);
    c.items.push_back(text_run(t, {0, y}, st_.lesson.color, "lesson"));
    y += layout_height(t.get());
    if (!st_.loud && !ctx_.woven) {
      y += st_.leading * 0.6;
      Shape rule;
      const double rule_w = Length::mm(14).pt();
      rule.path.rect({rtl_ ? ctx_.width - rule_w : 0, y, rule_w, 1.2});
      rule.fill = st_.accent;
      rule.slot = "lesson";
      c.items.push_back(rule);
      y += 1.2;
    }
    c.height = y + st_.leading * (st_.loud ? 0.9 : 1.4);
    out_.push_back(std::move(c));
    prev_ = Prev::heading;
  }

  void blocks(std::span<const Block> bs, const Frame& f) {
    for (const Block& b : bs) block(b, f);
  }

 private:
  Chunk base(const Frame& f) const {
    Chunk c;
    c.x = f.x;
    c.width = f.width;
    c.lesson = lesson_;
    c.bars = f.bars;
    c.code_font = st_.code_font;
    c.link_color = st_.accent;
    c.loc = loc_;
    return c;
  }

  double gap(double lines) const { return st_.leading * lines; }

  /// Space above a chunk: a heading's own space, else the block's, but small after a heading.
  double space(double lines) const {
    if (prev_ == Prev::none) return 0;
    if (prev_ == Prev::heading) return gap(std::min(lines, kAfterHeading));
    return gap(lines);
  }

  void push(Chunk c, Prev kind) {
    if (!lead_.empty()) {
      for (Item& it : lead_) shift_item(it, -(c.x + c.pad), -c.pad);
      c.lead.insert(c.lead.end(), lead_.begin(), lead_.end());
      lead_.clear();
    }
    out_.push_back(std::move(c));
    prev_ = kind;
  }

  void block(const Block& b, const Frame& f) {
    loc_ = b.loc;
    std::visit([&](const auto& v) { add(v, f); }, b.value);
  }

  void add(const Heading& h, const Frame& f) {
    Chunk c = base(f);
    const bool section = h.level <= 2;
    c.style = section ? st_.section : st_.subsection;
    c.rich = rich_text(h.text, nullptr);
    c.keep_with_next = true;
    c.space_before = prev_ == Prev::none ? 0 : gap(section ? kSectionBefore : kSubsectionBefore);
    c.slot = "heading";
    const std::string title = plain_text(h.text);
    if (h.level <= 3 && !title.empty())
      c.anchor =
          Anchor{fmt::format("lesson-{}-{}", lesson_ + 1, ++headings_), title, section ? 2 : 3};
    push(std::move(c), Prev::heading);
  }

  void add(const Paragraph& p, const Frame& f) {
    Chunk c = base(f);
    c.style = f.quoted ? st_.quote : st_.body;
    c.rich = rich_text(p.text, &ctx_.hyphenator);
    c.justify = st_.justify && !f.in_item;
    c.slot = "body";
    if (f.in_item && item_start_) {
      c.space_before = space(f.tight ? kTightItem : kParaSpace);
    } else if (st_.indent && !f.in_item) {
      c.space_before = prev_ == Prev::paragraph ? 0 : space(kBlockSpace);
      if (prev_ == Prev::paragraph) c.first_indent = st_.body.size * 1.2;
    } else {
      c.space_before = space(f.in_item && f.tight ? kTightItem : kParaSpace);
    }
    item_start_ = false;
    // A lead-in ("Con el computador conectado al nodo:") introduces what follows: it never
    // stands alone at a page's foot. Short ones only: a long paragraph ending on a colon
    // moves whole, and a hole that tall is worse than the break.
    const std::string plain = plain_text(p.text);
    const std::size_t end = plain.find_last_not_of(" \n");
    c.keep_with_next = end != std::string::npos && plain[end] == ':' && plain.size() <= kLeadInChars;
    push(std::move(c), Prev::paragraph);
  }

  void add(const List& l, const Frame& f) {
    const TextStyle& ts = f.quoted ? st_.quote : st_.body;
    const bool tasks = std::any_of(l.items.begin(), l.items.end(),
                                   [](const ListItem& i) { return i.task.has_value(); });
    double col = ts.size * (tasks ? 1.55 : 1.25);
    if (l.ordered) {
      const std::string widest = fmt::format("{}.", l.start + static_cast<int>(l.items.size()) - 1);
      auto w = make_layout(ctx_.fonts, ctx_.lang, ts, markup_escape(widest), -1);
      col = std::max(col, layout_width(w.get()) + ts.size * 0.5);
    }
    // Markers stand at the start side: the items' text is indented from the right in a
    // right-to-left manual.
    Frame inner = f;
    inner.x = rtl_ ? f.x : f.x + col;
    inner.width = f.width - col;
    inner.in_item = true;
    inner.tight = l.tight;
    const double list_space = space(f.in_item ? kTightItem : kBlockSpace);
    int number = l.start;
    for (std::size_t k = 0; k < l.items.size(); ++k, ++number) {
      const ListItem& item = l.items[k];
      marker(item, l, number, rtl_ ? f.x + f.width - col : f.x, col, ts, depth_);
      item_start_ = true;
      const std::size_t before = out_.size();
      ++depth_;
      blocks(item.blocks, inner);
      --depth_;
      if (out_.size() == before) {  // an empty item: still print its marker
        Chunk c = base(inner);
        c.style = ts;
        c.rich.append(" ", RichRun{});
        push(std::move(c), Prev::paragraph);
      }
      if (k == 0) out_[before].space_before = list_space;
    }
    prev_ = Prev::other;
  }

  // The marker of one list item, in text-area x and first-line y (see push()); `x` is the
  // left edge of the marker column, `col` wide, at the start side of the item.
  void marker(const ListItem& item, const List& l, int number, double x, double col,
              const TextStyle& ts, int depth) {
    auto probe = make_layout(ctx_.fonts, ctx_.lang, ts, "Xg", -1);
    const double baseline = pango_layout_get_baseline(probe.get()) / double(PANGO_SCALE);
    if (item.task) {
      const double s = ts.size * 0.78, top = baseline - s + ts.size * 0.04;
      Shape box;
      if (rtl_) x += col - s;  // against the right edge, as the text column's start
      box.path.rect({x, top, s, s});
      box.stroke = Stroke{0.7, st_.ink, {}};
      box.slot = "task";
      lead_.push_back(box);
      if (*item.task) {
        Shape tick;
        tick.path.move_to({x + s * 0.18, top + s * 0.52})
            .line_to({x + s * 0.42, top + s * 0.78})
            .line_to({x + s * 0.92, top - s * 0.12});
        tick.stroke = Stroke{1.3, st_.accent, {}};
        tick.slot = "task";
        lead_.push_back(tick);
      }
      return;
    }
    static constexpr const char* kBullets[] = {"\u2022", "\u2013", "\u25E6"};
    const std::string text = l.ordered ? fmt::format("{}.", number) : kBullets[std::min(depth, 2)];
    TextStyle ms = ts;
    ms.color = st_.accent;
    ms.align = l.ordered ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    const double w = col - ts.size * 0.45;
    auto m = make_layout(ctx_.fonts, ctx_.lang, ms, markup_escape(text), l.ordered ? w : -1);
    // Right to left: the number's box against the right edge (make_layout aligns it to the
    // text), the bullet at the edge itself.
    if (rtl_) x += l.ordered ? col - w : col - layout_width(m.get());
    lead_.push_back(text_run(m, {x, 0}, ms.color, "marker"));
  }

  void add(const BlockQuote& q, const Frame& f) {
    Frame inner = f;
    const double indent = st_.body.size * 1.3;
    const double bar_w = st_.loud ? 2.4 : 1.2;
    inner.bars.push_back(
        QuoteBar{++quotes_, rtl_ ? f.x + f.width - 1 - bar_w : f.x + 1, bar_w, st_.accent});
    inner.x = rtl_ ? f.x : f.x + indent;
    inner.width = f.width - indent;
    inner.quoted = true;
    const std::size_t before = out_.size();
    const double s = space(kBlockSpace);
    prev_ = Prev::other;
    blocks(q.blocks, inner);
    if (out_.size() > before) out_[before].space_before = s;
    prev_ = Prev::other;
  }

  void add(const CodeBlock& code, const Frame& f) {
    Chunk c = base(f);
    std::string text = code.text;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    c.style = st_.code;
    c.wrap = PANGO_WRAP_CHAR;
    c.pad = st_.code.size * 0.8;
    // Long lines are wrapped here, not by Pango: at a space when there is one, the rest
    // under the line's own indent after a continuation mark, and never with a hyphen.
    GRef<PangoLayout> probe = make_layout(ctx_.fonts, ctx_.lang, c.style, "0000000000", 0);
    const double advance = layout_width(probe.get()) / 10;
    const auto columns = static_cast<std::size_t>(std::max(20.0, std::floor((f.width - 2 * c.pad) / advance)));
    text = wrap_code(text, columns);
    c.rich.append(text.empty() ? " " : text, RichRun{});
    c.background = st_.soft;
    c.space_before = space(kBlockSpace);
    c.slot = "code";
    push(std::move(c), Prev::other);
  }

  void add(const Table& t, const Frame& f) {
    Chunk c = table_chunk(t, ctx_, base(f));
    c.space_before = space(kFigureSpace);
    push(std::move(c), Prev::other);
  }

  void add(const Image& img, const Frame& f) {
    Chunk c = base(f);
    c.kind = Chunk::Kind::box;
    c.space_before = space(kFigureSpace);
    c.slot = "image";
    Picture pic;
    try {
      pic = load_image(img.path, Rect{0, 0, f.width, ctx_.max_image_h});
    } catch (const Error& e) {
      ctx_.diags.error(loc_, msg(MsgId::manual_image_bad, img.src));
      for (const Diagnostic& d : e.diagnostics()) ctx_.diags.add(d);
      return;
    }
    if (is_raster(pic)) {  // pixels: never wider than at 96 dpi
      const double w = std::min(pic.box.w, pic.natural.w.pt() * 0.75);
      pic.box = fit_into(pic.natural, Rect{0, 0, w, ctx_.max_image_h});
    }
    pic.box.x = (f.width - pic.box.w) / 2;
    pic.box.y = 0;
    pic.slot = "image";
    double h = pic.box.h;
    c.items.push_back(std::move(pic));
    if (!img.alt.empty()) {
      TextStyle cs = st_.small;
      cs.font = st_.quote.font;
      cs.size = st_.body.size * 0.85;
      cs.align = PANGO_ALIGN_CENTER;
      auto l = make_layout(ctx_.fonts, ctx_.lang, cs, markup_escape(img.alt), f.width);
      h += st_.leading * 0.35;
      c.items.push_back(text_run(l, {0, h}, cs.color, "caption"));
      h += layout_height(l.get());
    }
    c.height = h;
    push(std::move(c), Prev::other);
  }

  void add(const ThematicBreak&, const Frame& f) {
    Chunk c = base(f);
    c.kind = Chunk::Kind::box;
    c.space_before = space(kFigureSpace);
    const double w = Length::mm(18).pt();
    Shape s;
    s.path.rect({(f.width - w) / 2, st_.leading * 0.5, w, 0.7});
    s.fill = st_.rule;
    s.slot = "rule";
    c.items.push_back(s);
    c.height = st_.leading;
    push(std::move(c), Prev::other);
  }

  const BlockContext& ctx_;
  const ManualStyle& st_;
  const bool rtl_;  ///< a right-to-left manual: markers, quote bars and rules at the right
  int lesson_;
  std::vector<Chunk>& out_;
  Prev prev_ = Prev::none;
  std::vector<Item> lead_;  // the next chunk's list marker
  bool item_start_ = false;
  int depth_ = 0, quotes_ = 0, headings_ = 0;
  Loc loc_;
};

}  // namespace

ManualStyle manual_style(const Template& tpl, const FontSet& fonts, const std::string& lang) {
  ManualStyle st;
  st.ink = tpl.color("ink");
  st.paper = tpl.color("paper");
  st.accent = tpl.color("accent");
  st.soft = tpl.color("soft");
  st.rule = tpl.color("rule");
  st.muted = mix(st.ink, st.paper, 0.38);
  st.justify = tpl.option("align", "justify") == "justify";
  st.indent = tpl.option("paragraphs", "indent") == "indent";
  st.loud = tpl.option("cover", "moon") == "band";

  // `leading` is in ems: the line pitch is set from the face's own height, which differs
  // a lot between faces (Charis SIL is tall, Noto Sans less so).
  auto style = [&](const char* font, double size, double leading, Rgba color) {
    TextStyle s;
    s.font = tpl.font(font).description;
    s.size = size;
    s.color = color;
    auto probe = make_layout(fonts, lang, s, "Xg", -1);
    s.line_spacing = size * leading / layout_height(probe.get());
    return s;
  };
  const double body = tpl.size("body").max.pt();
  st.body = style("body", body, 1.42, st.ink);
  st.quote = style("quote", body, 1.42, st.ink);
  st.code = style("code", tpl.size("code").max.pt(), 1.3, st.ink);
  st.code_font = fmt::format("{} {:.2f}", tpl.font("code").description, body * 0.86);
  const double lesson = tpl.size("lesson").max.pt();
  st.lesson = style("heading", lesson, 1.12, st.ink);
  st.number = style(st.loud ? "title" : "heading", lesson * (st.loud ? 2.2 : 1.4), 1.0, st.accent);
  st.section = style("heading", tpl.size("section").max.pt(), 1.2, st.loud ? st.accent : st.ink);
  st.subsection = style("heading", body * 1.08, 1.3, st.ink);
  st.table = style("body", body * 0.88, 1.3, st.ink);
  st.small = style("small", tpl.size("small").max.pt(), 1.3, st.muted);
  st.leading = body * 1.42;
  return st;
}

RichText rich_text(const Inlines& text, const Hyphenator* hyphenator) {
  RichText out;
  for (const Span& s : text) {
    RichRun r;
    r.emphasis = s.emphasis;
    r.strong = s.strong;
    r.strike = s.strike;
    r.code = s.code;
    r.link = s.link;
    const bool hyphenate = hyphenator != nullptr && !s.code && s.link.empty();
    out.append(hyphenate ? hyphenator->hyphenate(s.text, &s == &text.back()) : s.text, r);
  }
  return out;
}

void lesson_chunks(const Lesson& lesson, int index, const BlockContext& ctx,
                   std::vector<Chunk>& out) {
  Builder b(ctx, index, out);
  const std::string title = lesson_title(lesson);
  std::size_t first = 0;
  if (!lesson.blocks.empty()) {
    const auto* h = std::get_if<Heading>(&lesson.blocks.front().value);
    // The lesson's title is its first heading at whatever level (`#`, `##`, setext): it
    // opens the lesson once, not again under the opener.
    if (h != nullptr && h->level <= 2 && plain_text(h->text) == title) first = 1;
  }
  b.opener(title, index + 1);
  b.blocks(std::span<const Block>(lesson.blocks).subspan(first),
           Frame{0, ctx.width, {}, false, false, true});
}

}  // namespace telar
