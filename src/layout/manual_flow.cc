// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/manual_flow.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "layout/hyphenate.h"

namespace telar {
namespace {

constexpr int kMinLines = 2;  // widow and orphan control: lines kept together at a break

class Flow {
 public:
  Flow(const std::vector<Chunk>& chunks, const FontSet& fonts, std::string_view lang, double top,
       double height)
      : chunks_(chunks),
        fonts_(fonts),
        lang_(lang),
        top_(top),
        bottom_(top + height),
        full_(chunks.size()) {
    new_page();
  }

  FlowResult run() && {
    for (std::size_t i = 0; i < chunks_.size(); ++i) place(i);
    out_.pages.back().filled = y_ - top_;
    while (out_.pages.size() > 1 && out_.pages.back().items.empty()) out_.pages.pop_back();
    return std::move(out_);
  }

 private:
  double page_height() const { return bottom_ - top_; }
  bool at_top() const { return y_ <= top_ + 0.01; }
  double room() const { return bottom_ - y_; }

  void new_page() {
    if (!out_.pages.empty()) out_.pages.back().filled = y_ - top_;
    out_.pages.emplace_back();
    out_.pages.back().lesson = lesson_;
    y_ = top_;
    bars_.clear();
  }

  PangoLayout* full(std::size_t i) {
    if (!full_[i]) {
      const Chunk& c = chunks_[i];
      full_[i] = chunk_layout(c, fonts_, lang_, 0, c.rich.text.size());
    }
    return full_[i].get();
  }

  double text_height(std::size_t i) { return layout_height(full(i)) + 2 * chunks_[i].pad; }

  double total_height(std::size_t i) {
    const Chunk& c = chunks_[i];
    switch (c.kind) {
      case Chunk::Kind::text:
        return text_height(i);
      case Chunk::Kind::box:
        return c.height;
      case Chunk::Kind::table: {
        double h = c.header.height;
        for (const TableRow& r : c.rows) h += r.height;
        return h;
      }
    }
    return 0;
  }

  // The least of chunk i that may stand at the foot of a page, with what it must keep.
  double min_start(std::size_t i, int depth = 0) {
    const Chunk& c = chunks_[i];
    double h = 0;
    if (c.kind == Chunk::Kind::text) {
      PangoLayout* l = full(i);
      const int n = line_count(l);
      h = n < 2 * kMinLines ? text_height(i) : line_bottom(l, kMinLines - 1) + 2 * c.pad;
    } else if (c.kind == Chunk::Kind::box) {
      h = c.height;
    } else {
      const double total = total_height(i);
      h = total <= page_height() ? total : c.header.height;
      for (std::size_t r = 0; total > page_height() && r < std::min<std::size_t>(2, c.rows.size());
           ++r)
        h += c.rows[r].height;
    }
    if (c.keep_with_next && depth < 4 && i + 1 < chunks_.size() && !chunks_[i + 1].new_page) {
      h = total_height(i) + chunks_[i + 1].space_before + min_start(i + 1, depth + 1);
    }
    return std::min(h, page_height());
  }

  void place(std::size_t i) {
    const Chunk& c = chunks_[i];
    if (c.new_page && !out_.pages.back().items.empty()) new_page();
    lesson_ = c.lesson;
    double before = at_top() ? 0 : c.space_before;
    if (c.keep_with_next && !at_top() && before + min_start(i) > room()) {
      new_page();
      before = 0;
    }
    FlowedPage& page = out_.pages.back();
    page.lesson = lesson_;
    if (c.new_page && at_top()) page.opens_lesson = true;
    switch (c.kind) {
      case Chunk::Kind::text:
        place_text(i, before);
        break;
      case Chunk::Kind::box:
        place_box(i, before);
        break;
      case Chunk::Kind::table:
        place_table(i, before);
        break;
    }
  }

  void anchor(const Chunk& c, double y) {
    if (!c.anchor) return;
    FlowedPage& page = out_.pages.back();
    page.items.push_back(Dest{c.anchor->dest, {c.x, y}});
    page.outline.push_back({c.anchor->title, c.anchor->dest, c.anchor->level});
    out_.entries.push_back({*c.anchor, out_.pages.size() - 1});
  }

  void bars(const Chunk& c, double y0, double y1) {
    FlowedPage& page = out_.pages.back();
    for (const QuoteBar& b : c.bars) {
      auto open = bars_.find(b.id);
      const double from = open != bars_.end() ? open->second : y0;
      page.items.push_back(filled({b.x, from, b.width, y1 - from}, b.color, "quote"));
      bars_[b.id] = y1;
    }
  }

  void emit_text(const Chunk& c, GRef<PangoLayout> l, std::size_t from, std::size_t to, bool first,
                 double y) {
    FlowedPage& page = out_.pages.back();
    const double h = layout_height(l.get()) + 2 * c.pad;
    if (c.background) page.items.push_back(filled({c.x, y, c.width, h}, *c.background, c.slot));
    bars(c, y, y + h);
    const Point origin{c.x + c.pad, y + c.pad};
    if (first) {
      anchor(c, y);
      for (Item it : c.lead) {
        shift_item(it, origin.x, origin.y);
        page.items.push_back(std::move(it));
      }
    }
    for (const RichRun& r : c.rich.runs) {
      if (r.link.empty() || r.end <= from || r.begin >= to) continue;
      const int a = static_cast<int>(std::max(r.begin, from) - from);
      const int b = static_cast<int>(std::min(r.end, to) - from);
      for (const Rect& area : text_areas(l.get(), a, b))
        page.items.push_back(
            Link{{area.x + origin.x, area.y + origin.y, area.w, area.h}, r.link, {}});
    }
    page.items.push_back(text_run(std::move(l), origin, c.style.color, c.slot));
    y_ = y + h;
  }

  void place_text(std::size_t i, double before) {
    const Chunk& c = chunks_[i];
    const std::size_t end = c.rich.text.size();
    std::size_t from = 0;
    while (true) {
      if (from == 0) full(i);
      GRef<PangoLayout> l = from == 0 ? full_[i] : chunk_layout(c, fonts_, lang_, from, end);
      const int n = line_count(l.get());
      const double h = layout_height(l.get()) + 2 * c.pad;
      if (before + h <= room() || (at_top() && n <= 1)) {
        emit_text(c, l, from, end, from == 0, y_ + before);
        return;
      }
      int fit = 0;
      while (fit < n && before + line_bottom(l.get(), fit) + 2 * c.pad <= room()) ++fit;
      int cut_line = 0;
      if (n >= 2 * kMinLines && fit >= kMinLines)
        cut_line = std::min(fit, n - kMinLines);
      else if (at_top())
        cut_line = std::max(fit, 1);  // taller than a page and no good break: break anyway
      // No word hyphenated across the page turn: end the page a line sooner when that
      // still leaves two lines on each side (stricter than "not on a right-hand page",
      // which the flow cannot know: the page numbers come after it).
      auto ends_hyphenated = [&](int line) {
        const std::size_t at = from + static_cast<std::size_t>(line_start(l.get(), line));
        return at >= kSoftHyphen.size() && std::string_view(c.rich.text).substr(at - kSoftHyphen.size(), kSoftHyphen.size()) == kSoftHyphen;
      };
      if (cut_line > kMinLines && cut_line < n && ends_hyphenated(cut_line)) --cut_line;
      if (cut_line > 0 && cut_line < n) {
        const std::size_t cut = from + static_cast<std::size_t>(line_start(l.get(), cut_line));
        // A hard line break ending the piece would add an empty line below it.
        const std::size_t head_end = c.rich.text[cut - 1] == '\n' ? cut - 1 : cut;
        emit_text(c, chunk_layout(c, fonts_, lang_, from, head_end), from, head_end, from == 0,
                  y_ + before);
        from = cut;
      }
      new_page();
      before = 0;
    }
  }

  void place_items(const std::vector<Item>& items, double dx, double dy) {
    FlowedPage& page = out_.pages.back();
    for (Item it : items) {
      shift_item(it, dx, dy);
      page.items.push_back(std::move(it));
    }
  }

  void place_box(std::size_t i, double before) {
    const Chunk& c = chunks_[i];
    if (before + c.height > room() && !at_top()) {
      new_page();
      before = 0;
    }
    const double y = y_ + before;
    anchor(c, y);
    bars(c, y, y + c.height);
    place_items(c.items, c.x, y);
    y_ = y + c.height;
  }

  void place_table(std::size_t i, double before) {
    const Chunk& c = chunks_[i];
    const double total = total_height(i);
    const bool fits_a_page = total <= page_height();
    if (before + total > room() && !at_top() && (fits_a_page || before + min_start(i) > room())) {
      new_page();
      before = 0;
    }
    std::size_t r = 0;
    bool first = true;
    while (true) {
      double y = y_ + before;
      if (first) anchor(c, y);
      place_items(c.header.items, c.x, y);
      y += c.header.height;
      std::size_t on_page = 0;
      while (r < c.rows.size() && (y + c.rows[r].height <= bottom_ + 0.01 || on_page == 0)) {
        if (y + c.rows[r].height > bottom_ + 0.01) out_.overfull.push_back(c.loc);
        place_items(c.rows[r].items, c.x, y);
        y += c.rows[r].height;
        ++r;
        ++on_page;
      }
      y_ = y;
      first = false;
      if (r >= c.rows.size()) return;
      new_page();
      before = 0;
    }
  }

  const std::vector<Chunk>& chunks_;
  const FontSet& fonts_;
  std::string lang_;
  double top_, bottom_, y_ = 0;
  int lesson_ = -1;
  std::vector<GRef<PangoLayout>> full_;
  std::map<int, double> bars_;  // quote id -> bottom of its bar on this page
  FlowResult out_;
};

std::string span_open(const RichRun& r, std::string_view code_font, const Rgba& link_color) {
  std::string m;
  if (!r.link.empty()) m += fmt::format("<span foreground=\"{}\">", hex_color(link_color));
  if (r.code) m += fmt::format("<span font_desc=\"{}\">", markup_escape(code_font));
  if (r.strong) m += "<b>";
  if (r.emphasis) m += "<i>";
  if (r.strike) m += "<s>";
  return m;
}

std::string span_close(const RichRun& r) {
  std::string m;
  if (r.strike) m += "</s>";
  if (r.emphasis) m += "</i>";
  if (r.strong) m += "</b>";
  if (r.code) m += "</span>";
  if (!r.link.empty()) m += "</span>";
  return m;
}

}  // namespace

void RichText::append(std::string_view s, const RichRun& style) {
  if (s.empty()) return;
  RichRun r = style;
  r.begin = text.size();
  text += s;
  r.end = text.size();
  runs.push_back(std::move(r));
}

std::string RichText::markup(std::size_t from, std::size_t to, std::string_view code_font,
                             const Rgba& link_color) const {
  std::string m;
  for (const RichRun& r : runs) {
    const std::size_t a = std::max(r.begin, from), b = std::min(r.end, to);
    if (a >= b) continue;
    std::string_view piece = std::string_view(text).substr(a, b - a);
    std::string tail;
    if (b == to && to < text.size() && piece.ends_with(kSoftHyphen)) {
      piece.remove_suffix(kSoftHyphen.size());
      tail = "-";
    }
    m += span_open(r, code_font, link_color) + markup_escape(piece) + tail + span_close(r);
  }
  return m;
}

GRef<PangoLayout> chunk_layout(const Chunk& c, const FontSet& fonts, std::string_view lang,
                               std::size_t from, std::size_t to) {
  const std::string markup = c.rich.markup(from, to, c.code_font, c.link_color);
  GRef<PangoLayout> l = make_layout(fonts, lang, c.style, markup, c.width - 2 * c.pad);
  pango_layout_set_wrap(l.get(), c.wrap);
  if (c.wrap == PANGO_WRAP_CHAR) {  // code: a break inside a word shows no hyphen
    PangoAttrList* attrs = pango_layout_get_attributes(l.get());
    const AttrList copy{attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new()};
    pango_attr_list_insert_before(copy.get(), pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(l.get(), copy.get());  // takes a reference
  }
  if (from == 0 && c.first_indent > 0)
    pango_layout_set_indent(l.get(), static_cast<int>(c.first_indent * PANGO_SCALE));
  if (c.justify) {
    pango_layout_set_justify(l.get(), TRUE);
    // A piece cut at a page break ends mid-paragraph: its last line is a full line.
    if (to < c.rich.text.size()) pango_layout_set_justify_last_line(l.get(), TRUE);
  }
  return l;
}

FlowResult flow_manual(const std::vector<Chunk>& chunks, const FontSet& fonts,
                       std::string_view lang, double top, double height) {
  return Flow(chunks, fonts, lang, top, height).run();
}

void shift_item(Item& item, double dx, double dy) {
  std::visit(
      [&](auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, TextRun>) {
          x.origin.x += dx;
          x.origin.y += dy;
        } else if constexpr (std::is_same_v<T, Picture>) {
          x.box.x += dx;
          x.box.y += dy;
        } else if constexpr (std::is_same_v<T, Shape>) {
          for (Path::Segment& s : x.path.segments)
            for (Point& p : s.p) p = {p.x + dx, p.y + dy};
        } else if constexpr (std::is_same_v<T, Link>) {
          x.area.x += dx;
          x.area.y += dy;
        } else {
          x.at.x += dx;
          x.at.y += dy;
        }
      },
      item);
}

std::vector<Rect> text_areas(PangoLayout* layout, int from, int to) {
  std::vector<Rect> out;
  LayoutIter iter(pango_layout_get_iter(layout));
  PangoLayoutIter* it = iter.get();
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
    const int a = std::max(from, line->start_index);
    const int b = std::min(to, line->start_index + line->length);
    if (a < b) {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      int* raw = nullptr;
      int n = 0;
      pango_layout_line_get_x_ranges(line, a, b, &raw, &n);
      const GMem<int> ranges(raw);
      for (int k = 0; k < n; ++k) {
        const double x0 = raw[2 * k] / double(PANGO_SCALE);
        const double x1 = raw[2 * k + 1] / double(PANGO_SCALE);
        out.push_back(
            {x0, logical.y / double(PANGO_SCALE), x1 - x0, logical.height / double(PANGO_SCALE)});
      }
    }
  } while (pango_layout_iter_next_line(it));
  return out;
}

}  // namespace telar
