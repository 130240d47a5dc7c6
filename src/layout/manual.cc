// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/manual.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/color.h"
#include "base/lang.h"
#include "base/utf8.h"
#include "layout/manual_blocks.h"
#include "layout/manual_flow.h"
#include "layout/manual_pages.h"

namespace telar {
namespace {

using manual_detail::PageFrame;

constexpr std::string_view kTocDest = "contents";
constexpr long kTocMaxLines = 48;  // about two pages of contents

class Assembler {
 public:
  Assembler(const ManualDoc& doc, const Template& tpl, const FontSet& fonts, const ManualStyle& st,
            const PageFrame& frame)
      : doc_(doc), tpl_(tpl), fonts_(fonts), st_(st), frame_(frame) {}

  // The table of contents as chunks: a heading, then one box per lesson and section,
  // the page number at the end side after a dotted leader (right-aligned, or on the left
  // of a right-to-left manual), the whole line a link.
  std::vector<Chunk> toc_chunks(const std::vector<FlowEntry>& entries, int first_body_page,
                                std::vector<TocItem>& items) const {
    std::vector<Chunk> out;
    const double w = frame_.width();
    Chunk head;
    head.kind = Chunk::Kind::box;
    head.width = w;
    head.anchor = Anchor{std::string(kTocDest), tpl_.label("toc", doc_.lang), 1};
    TextStyle hs = st_.lesson;
    auto hl = make_layout(fonts_, doc_.lang, hs, markup_escape(tpl_.label("toc", doc_.lang)), w);
    head.items.push_back(text_run(hl, {0, 0}, hs.color, "toc"));
    head.height = layout_height(hl.get()) + st_.leading * 1.2;
    out.push_back(std::move(head));

    // Sections too, unless that makes the contents longer than a couple of pages: then
    // the lessons alone (the PDF's bookmarks still list every section).
    const auto listed = std::count_if(entries.begin(), entries.end(),
                                      [](const FlowEntry& e) { return e.anchor.level <= 2; });
    const int deepest = listed <= kTocMaxLines ? 2 : 1;
    for (const FlowEntry& e : entries) {
      if (e.anchor.level > deepest) continue;
      const int page = first_body_page + static_cast<int>(e.page);
      items.push_back({e.anchor.title, e.anchor.level, e.anchor.dest, page});
      out.push_back(toc_line(e.anchor, page, out.size() == 1, deepest == 2));
    }
    return out;
  }

  Chunk toc_line(const Anchor& a, int page, bool first, bool grouped) const {
    const double w = frame_.width();
    const bool lesson = a.level == 1;
    TextStyle ts = lesson ? st_.subsection : st_.body;
    ts.line_spacing = 1.15;
    const double indent = lesson ? 0 : st_.body.size * 1.2;
    const double num_w = st_.body.size * 2.4, gap = st_.body.size * 0.6;
    Chunk c;
    c.kind = Chunk::Kind::box;
    c.width = w;
    // Lessons with their sections are set apart in groups; lessons alone are a plain list.
    c.space_before = first ? 0 : st_.leading * (!grouped ? 0.3 : lesson ? 0.7 : 0.12);
    c.keep_with_next = lesson && grouped;
    c.slot = "toc";
    const std::string shown = st_.loud && lesson ? to_upper(a.title) : a.title;
    auto tl = make_layout(fonts_, doc_.lang, ts, markup_escape(shown), w - indent - num_w - gap);
    TextStyle ns = ts;
    ns.align = PANGO_ALIGN_RIGHT;
    ns.color = lesson ? st_.accent : st_.ink;
    auto nl = make_layout(fonts_, doc_.lang, ns, fmt::format("{}", page), num_w);
    const double h = layout_height(tl.get());
    // Start and end sides: in a right-to-left manual the title hangs from the right edge
    // (indented from it) and the number sits at the left, the leader between them.
    const bool rtl = frame_.rtl;
    const double title_x = rtl ? num_w + gap : indent, num_x = rtl ? 0 : w - num_w;
    // The leader runs along the last line's baseline, from its end to the number.
    const LayoutIter it(pango_layout_get_iter(tl.get()));
    while (!pango_layout_iter_at_last_line(it.get())) pango_layout_iter_next_line(it.get());
    PangoRectangle last;
    pango_layout_iter_get_line_extents(it.get(), nullptr, &last);
    const double baseline = pango_layout_iter_get_baseline(it.get()) / double(PANGO_SCALE);
    const double x0 = rtl ? layout_width(nl.get()) + gap
                          : indent + (last.x + last.width) / double(PANGO_SCALE) + gap;
    const double x1 = rtl ? title_x + last.x / double(PANGO_SCALE) - gap
                          : w - layout_width(nl.get()) - gap;
    if (x1 - x0 > gap) {
      Shape dots;
      dots.path.move_to({x0, baseline - 0.6}).line_to({x1, baseline - 0.6});
      dots.stroke = Stroke{0.8, st_.rule, {0.8, 2.6}};
      dots.slot = "toc";
      c.items.push_back(dots);
    }
    c.items.push_back(text_run(tl, {title_x, 0}, ts.color, "toc"));
    const double ny = baseline - pango_layout_get_baseline(nl.get()) / double(PANGO_SCALE);
    c.items.push_back(text_run(nl, {num_x, ny}, ns.color, "toc-page"));
    c.items.push_back(Link{{0, 0, w, h}, {}, a.dest});
    c.height = h;
    return c;
  }

  Page blank() const {
    Page p;
    p.trim = frame_.page;
    p.paper = st_.paper;
    return p;
  }

  /// A flowed page as page `number`: shifted to its side, with its running head and folio.
  Page flowed(FlowedPage fp, int number, bool head) const {
    Page p = blank();
    const double left = frame_.left(number);
    for (Item& it : fp.items) {
      shift_item(it, left, 0);
      p.items.push_back(std::move(it));
    }
    p.outline = std::move(fp.outline);
    if (head) running_head(p, number, fp.lesson);
    folio(p, number);
    return p;
  }

  void running_head(Page& p, int number, int lesson) const {
    const bool recto = number % 2 == 1;
    std::string text = doc_.title;
    if (recto && lesson >= 0 && lesson < static_cast<int>(doc_.lessons.size()))
      text = lesson_title(doc_.lessons[static_cast<std::size_t>(lesson)]);
    TextStyle hs = st_.small;
    hs.letter_spacing = hs.size * 0.08;
    hs.align = recto ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    const Rect area = frame_.text(number);
    auto l = make_layout(fonts_, doc_.lang, hs, markup_escape(to_upper(text)), area.w * 0.8);
    pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD);
    pango_layout_set_height(l.get(), -1);  // one line
    const double lh = layout_height(l.get());
    const double y = frame_.top * 0.5 - lh / 2;
    const double x = recto != frame_.rtl ? area.right() - area.w * 0.8 : area.x;  // outer side
    p.items.push_back(text_run(l, {x, y}, hs.color, "running-head"));
    Shape rule;
    const double ry = y + lh + Length::mm(1.2).pt();
    rule.path.rect({area.x, ry, area.w, st_.loud ? 0.8 : 0.4});
    rule.fill = st_.loud ? st_.ink : st_.rule;
    rule.slot = "running-head";
    p.items.push_back(rule);
  }

  void folio(Page& p, int number) const {
    const bool recto = number % 2 == 1;
    TextStyle fs = st_.small;
    if (st_.loud) {
      fs.font = tpl_.font("heading").description;
      fs.size = st_.small.size * 1.7;
      fs.color = st_.accent;
    } else {
      fs.size = st_.small.size * 1.15;
      fs.color = st_.ink;
    }
    fs.align = recto ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    const Rect area = frame_.text(number);
    auto l = make_layout(fonts_, doc_.lang, fs, fmt::format("{}", number), area.w);
    const double y = frame_.page.h.pt() - frame_.bottom * 0.55 - layout_height(l.get()) / 2;
    p.items.push_back(text_run(l, {area.x, y}, fs.color, "folio"));
  }

 private:
  const ManualDoc& doc_;
  const Template& tpl_;
  const FontSet& fonts_;
  const ManualStyle& st_;
  const PageFrame& frame_;
};

}  // namespace

ManualPages layout_manual(const ManualDoc& doc, const Template& tpl, const FontSet& fonts,
                          const Hyphenator& hyphenator, const ManualLayoutOptions& opt,
                          Diagnostics& diags) {
  const ManualStyle st = manual_style(tpl, fonts, doc.lang);
  PageFrame frame = PageFrame::from(tpl, opt.page);
  frame.rtl = is_rtl_language(doc.lang);
  BlockContext ctx{fonts, st, hyphenator, doc.lang, frame.width(), frame.height() * 0.55, diags};
  if (doc.mark.woven) {
    ctx.woven = &*doc.mark.woven;
    ctx.woven_inks = woven_inks(tpl, *doc.mark.woven);
  }
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i < doc.lessons.size(); ++i)
    lesson_chunks(doc.lessons[i], static_cast<int>(i), ctx, chunks);
  FlowResult body = flow_manual(chunks, fonts, doc.lang, frame.top, frame.height());
  for (const Loc& at : body.overfull) diags.warning(at, msg(MsgId::manual_row_too_tall));

  Assembler a(doc, tpl, fonts, st, frame);
  ManualPages out;
  // The contents' length does not depend on its page numbers (their column is fixed), so
  // one dry run gives the number of contents pages, and with it every page number.
  std::vector<TocItem> scratch;
  const auto toc_pages = [&](int first_body, std::vector<TocItem>& items) {
    return flow_manual(a.toc_chunks(body.entries, first_body, items), fonts, doc.lang, frame.top,
                       frame.height());
  };
  const int t = static_cast<int>(toc_pages(100, scratch).pages.size());
  FlowResult toc = toc_pages(2 + t, out.toc);
  out.toc_pages = static_cast<int>(toc.pages.size());

  const int multiple = std::max(1, opt.multiple);
  const int braid = doc.mark.braid ? 1 : 0;  // the braid figure: a page after the lessons
  const int count = 1 + out.toc_pages + static_cast<int>(body.pages.size()) + braid + 1;
  out.notes_pages = (multiple - count % multiple) % multiple;

  out.pages.push_back(manual_detail::cover_page(doc, tpl, st, fonts, frame, diags));
  int number = 2;
  for (FlowedPage& fp : toc.pages) out.pages.push_back(a.flowed(std::move(fp), number++, false));
  for (std::size_t i = 0; i < body.pages.size(); ++i) {
    FlowedPage& fp = body.pages[i];
    // A lesson's last page with half of it or more left blank: the rest is ruled for notes
    // (the crew's own additions), not left empty.
    const bool ends_lesson = i + 1 == body.pages.size() || body.pages[i + 1].opens_lesson;
    if (ends_lesson && fp.filled < frame.height() * 0.5)
      manual_detail::notes_block(fp, tpl, st, fonts, doc.lang, frame);
    const bool head = !fp.opens_lesson;
    out.pages.push_back(a.flowed(std::move(fp), number++, head));
  }
  if (braid) {
    out.pages.push_back(manual_detail::braid_page(doc, tpl, st, fonts, frame, number));
    a.folio(out.pages.back(), number++);
  }
  for (int k = 0; k < out.notes_pages; ++k, ++number) {
    out.pages.push_back(manual_detail::notes_page(tpl, st, fonts, doc.lang, frame, number));
    a.folio(out.pages.back(), number);
  }
  out.pages.push_back(manual_detail::calendar_page(doc, tpl, st, fonts, frame, number));
  return out;
}

}  // namespace telar
