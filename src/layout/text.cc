// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/text.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include <fmt/format.h>
#include <glib-object.h>

#include <optional>

#include "base/gstring.h"
#include "base/lang.h"
#include "base/utf8.h"

namespace telar {
namespace {

/// What balance_lines() and avoid_lone_last_word() found, remembered per font map (so it
/// lives and dies with its FontSet, on the FontSet's thread). Each is a pure function of
/// the layout's line breaks, and Pango shapes the whole text again for every width it
/// tries: the zine's candidate search asks the same question of the same paragraph at
/// every spacing, and callgrind had these two at 48 % of a zine. A hit replays the answer:
/// the same width set (or none), so the layout ends in the same state.
struct WidthAnswer {
  double width = 0;
  bool set = false;  ///< the search left the layout's width at `width`
};
/// A layout's line count and height, the flows' two questions of every candidate layout
/// (the zine's flow is redone with the same paragraphs at the same size and leading for
/// each way of breaking rounds and promoting quotes).
struct Metrics {
  int lines = 0;
  double height = 0;
};
struct WidthMemo {
  std::unordered_map<std::string, WidthAnswer> answers;
  std::unordered_map<std::string, Metrics> metrics;
};
constexpr const char* kMemoKey = "telar-width-memo";
constexpr std::size_t kMemoLimit = 50000;  ///< entries; past it the memo starts again

WidthMemo& memo_of(PangoLayout* layout) {
  GObject* map = G_OBJECT(pango_context_get_font_map(pango_layout_get_context(layout)));
  auto* memo = static_cast<WidthMemo*>(g_object_get_data(map, kMemoKey));
  if (memo == nullptr) {
    memo = new WidthMemo;
    g_object_set_data_full(map, kMemoKey, memo, [](gpointer p) { delete static_cast<WidthMemo*>(p); });
  }
  if (memo->answers.size() > kMemoLimit) memo->answers.clear();
  if (memo->metrics.size() > kMemoLimit) memo->metrics.clear();
  return *memo;
}

/// Everything the lines of `layout` depend on, and the question asked. For the width
/// searches line heights are left out (they move lines, never break them), so one answer
/// serves every leading; the metrics keep them.
std::string memo_key(char question, PangoLayout* layout, double max_width, bool line_heights = false) {
  PangoContext* ctx = pango_layout_get_context(layout);
  std::string key(1, question);
  key += fmt::format("|{}|{}|{}|{}|{}|{}|{}|{}|{}|", max_width, pango_layout_get_width(layout),
                     static_cast<int>(pango_layout_get_wrap(layout)),
                     static_cast<int>(pango_layout_get_alignment(layout)),
                     pango_layout_get_justify(layout) ? 1 : 0, pango_layout_get_indent(layout),
                     pango_layout_get_spacing(layout), pango_layout_get_line_spacing(layout),
                     pango_font_map_get_serial(pango_context_get_font_map(ctx)));
  // The rest of the layout's and the context's state, for layouts that set any of it
  // (direction for right-to-left text, ellipsis, a height limit, tabs, a matrix).
  key += fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|", static_cast<int>(pango_context_get_base_dir(ctx)),
                     static_cast<int>(pango_context_get_base_gravity(ctx)),
                     static_cast<int>(pango_context_get_gravity_hint(ctx)),
                     pango_context_get_round_glyph_positions(ctx) ? 1 : 0,
                     pango_layout_get_auto_dir(layout) ? 1 : 0,
                     pango_layout_get_single_paragraph_mode(layout) ? 1 : 0,
                     static_cast<int>(pango_layout_get_ellipsize(layout)), pango_layout_get_height(layout),
                     pango_layout_get_justify_last_line(layout) ? 1 : 0);
  if (const PangoMatrix* m = pango_context_get_matrix(ctx))
    key += fmt::format("{} {} {} {} {} {}|", m->xx, m->xy, m->yx, m->yy, m->x0, m->y0);
  if (const TabArray tabs{pango_layout_get_tabs(layout)})  // a copy
    key += take_gstring(pango_tab_array_to_string(tabs.get()));
  key += '|';
  key += reinterpret_cast<const char*>(pango_context_get_language(ctx));  // pango_language_to_string()
  key += '|';
  if (const PangoFontDescription* d = pango_layout_get_font_description(layout))
    key += take_gstring(pango_font_description_to_string(d));
  key += '|';
  if (PangoAttrList* attrs = pango_layout_get_attributes(layout)) {
    const AttrList kept{pango_attr_list_new()};
    GSList* all = pango_attr_list_get_attributes(attrs);  // copies, in order
    for (GSList* a = all; a != nullptr; a = a->next) {
      auto* attr = static_cast<PangoAttribute*>(a->data);
      const PangoAttrType t = attr->klass->type;
      if (!line_heights && (t == PANGO_ATTR_LINE_HEIGHT || t == PANGO_ATTR_ABSOLUTE_LINE_HEIGHT))
        pango_attribute_destroy(attr);
      else
        pango_attr_list_insert(kept.get(), attr);  // takes it
    }
    g_slist_free(all);  // every attribute was taken or destroyed; nothing in between throws
    key += take_gstring(pango_attr_list_to_string(kept.get()));
  }
  key += '|';
  key += pango_layout_get_text(layout);
  return key;
}

/// Runs `search` unless the memo has its answer; replays the answer on a hit.
template <class Search>
double remembered(char question, PangoLayout* layout, double max_width, Search&& search) {
  WidthMemo& memo = memo_of(layout);
  std::string key = memo_key(question, layout, max_width);
  if (auto it = memo.answers.find(key); it != memo.answers.end()) {
    if (it->second.set)
      pango_layout_set_width(layout, static_cast<int>(std::lround(it->second.width * PANGO_SCALE)));
    return it->second.width;
  }
  const WidthAnswer a = search();
  memo.answers.emplace(std::move(key), a);
  return a.width;
}

/// The metrics key of a layout, kept on the layout while it is unchanged (Pango's serial):
/// line_count() and layout_height() of one layout build it once.
struct KeyOnLayout {
  guint serial = 0;
  std::string key;
};

const Metrics& measured(PangoLayout* layout) {
  static const GQuark quark = g_quark_from_static_string("telar-metrics-key");
  auto* on = static_cast<KeyOnLayout*>(g_object_get_qdata(G_OBJECT(layout), quark));
  const guint serial = pango_layout_get_serial(layout);
  if (on == nullptr || on->serial != serial) {
    if (on == nullptr) {
      on = new KeyOnLayout;
      g_object_set_qdata_full(G_OBJECT(layout), quark, on, [](gpointer p) { delete static_cast<KeyOnLayout*>(p); });
    }
    on->key = memo_key('m', layout, 0, true);
    on->serial = pango_layout_get_serial(layout);  // reading state never changes it; to be sure
  }
  WidthMemo& memo = memo_of(layout);
  if (auto it = memo.metrics.find(on->key); it != memo.metrics.end()) return it->second;
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  const Metrics m{pango_layout_get_line_count(layout), static_cast<double>(logical.y + logical.height) / PANGO_SCALE};
  return memo.metrics.emplace(on->key, m).first->second;
}

}  // namespace

std::string markup_escape(std::string_view text) {
  return take_gstring(g_markup_escape_text(text.data(), static_cast<gssize>(text.size())));
}

std::string hex_color(const Rgba& c) {
  auto ch = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02x}{:02x}{:02x}", ch(c.r), ch(c.g), ch(c.b));
}

PangoDirection paragraph_direction(std::string_view lang, std::string_view text) {
  const bool rtl_lang = is_rtl_language(lang);
  std::optional<bool> first;  // first strong character: right to left?
  bool any_rtl = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    const bool rtl = is_rtl_char(c);
    if (rtl) any_rtl = true;
    if (!first && (rtl || g_unichar_isalpha(static_cast<gunichar>(c)))) first = rtl;
    if (first && (!rtl_lang || any_rtl)) break;
  }
  if (first.value_or(rtl_lang)) return PANGO_DIRECTION_RTL;
  return rtl_lang && any_rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

GRef<PangoLayout> make_layout(const FontSet& fonts, std::string_view lang, const TextStyle& style,
                              std::string_view markup, double width) {
  std::string desc = fmt::format("{} {}", style.font, style.size);
  GRef<PangoLayout> layout = fonts.layout(lang, desc, "");
  PangoLayout* l = layout.get();
  pango_layout_set_markup(l, markup.data(), static_cast<int>(markup.size()));
  const char* text = pango_layout_get_text(l);
  const PangoDirection dir = paragraph_direction(lang, text != nullptr ? text : "");
  pango_context_set_base_dir(pango_layout_get_context(l), dir);
  pango_layout_set_auto_dir(l, FALSE);
  pango_layout_context_changed(l);
  PangoAlignment align = style.align;
  if (dir == PANGO_DIRECTION_RTL || is_rtl_language(lang)) {
    if (align == PANGO_ALIGN_LEFT) align = PANGO_ALIGN_RIGHT;
    else if (align == PANGO_ALIGN_RIGHT) align = PANGO_ALIGN_LEFT;
  }
  pango_layout_set_alignment(l, align);
  if (style.line_spacing > 0 && style.leading <= 0)
    pango_layout_set_line_spacing(l, static_cast<float>(style.line_spacing));
  if (width > 0) {
    pango_layout_set_width(l, static_cast<int>(std::lround(width * PANGO_SCALE)));
    pango_layout_set_wrap(l, style.break_words ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  }
  // Letter spacing would break the joins of a cursive script (Arabic): tracked labels are
  // set solid there.
  const std::string_view plain = text != nullptr ? text : "";
  bool cursive = false;
  for (std::size_t i = 0; i < plain.size() && style.letter_spacing != 0 && !cursive;)
    cursive = is_rtl_char(next_code_point(plain, i));
  const bool track = style.letter_spacing != 0 && !cursive;
  if (track || style.leading > 0) {
    PangoAttrList* attrs = pango_layout_get_attributes(l);
    const AttrList copy{attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new()};
    if (track)
      pango_attr_list_insert_before(copy.get(), pango_attr_letter_spacing_new(static_cast<int>(
                                                    std::lround(style.letter_spacing * PANGO_SCALE))));
    if (style.leading > 0)
      pango_attr_list_insert_before(copy.get(), pango_attr_line_height_new_absolute(static_cast<int>(
                                                    std::lround(style.leading * style.size * PANGO_SCALE))));
    pango_layout_set_attributes(l, copy.get());  // takes a reference
  }
  return layout;
}

double layout_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.x + logical.width) / PANGO_SCALE;
}

double layout_height(PangoLayout* layout) { return measured(layout).height; }

int line_count(PangoLayout* layout) { return measured(layout).lines; }

double line_bottom(PangoLayout* layout, int index) {
  const LayoutIter it(pango_layout_get_iter(layout));
  for (int i = 0; i < index && pango_layout_iter_next_line(it.get()); ++i) {
  }
  PangoRectangle logical;
  pango_layout_iter_get_line_extents(it.get(), nullptr, &logical);
  return static_cast<double>(logical.y + logical.height) / PANGO_SCALE;
}

int line_start(PangoLayout* layout, int index) {
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout, index);
  return line ? line->start_index : 0;
}

bool fits_width(PangoLayout* layout, double width) {
  PangoRectangle ink, logical;
  int n = pango_layout_get_line_count(layout);
  for (int i = 0; i < n; ++i) {
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, i), &ink, &logical);
    if (static_cast<double>(logical.width) / PANGO_SCALE > width + 0.01) return false;
  }
  return true;
}

namespace {

/// The widths that break a layout as it is broken now: from its widest line up to its
/// width (greedy breaking: every line still holds what it held, and what did not fit
/// still does not). The width searches below answer those widths without laying out
/// again. None for justified text, whose lines are stretched to the width.
class SameBreaks {
 public:
  explicit SameBreaks(PangoLayout* layout) : layout_(layout), natural_(!pango_layout_get_justify(layout)) {
    measure();
  }
  /// After the layout is broken at another width.
  void measure() {
    if (!natural_) return;
    PangoRectangle logical;
    int widest = 0;
    const int n = pango_layout_get_line_count(layout_);
    for (int i = 0; i < n; ++i) {
      pango_layout_line_get_extents(pango_layout_get_line_readonly(layout_, i), nullptr, &logical);
      widest = std::max(widest, logical.width);
    }
    from_ = static_cast<double>(widest) / PANGO_SCALE;
    to_ = static_cast<double>(pango_layout_get_width(layout_)) / PANGO_SCALE;
  }
  bool covers(double width) const { return natural_ && width >= from_ && width <= to_; }

 private:
  PangoLayout* layout_;
  bool natural_;
  double from_ = 0, to_ = -1;
};

}  // namespace

double balance_lines(PangoLayout* layout, double max_width) {
  return remembered('b', layout, max_width, [&]() -> WidthAnswer {
    const int lines = line_count(layout);
    if (lines <= 1) return {max_width, false};
    // The bisection answers the widths that break as a width it kept (SameBreaks) without
    // laying out: the same steps and the same answer with a third fewer layouts.
    SameBreaks same(layout);
    double lo = max_width / 2, hi = max_width;  // hi always keeps the line count
    for (int step = 0; step < 14; ++step) {
      double mid = (lo + hi) / 2;
      if (same.covers(mid)) {
        hi = mid;
        continue;
      }
      pango_layout_set_width(layout, static_cast<int>(std::lround(mid * PANGO_SCALE)));
      if (line_count(layout) == lines && fits_width(layout, mid)) {
        hi = mid;
        same.measure();
      } else {
        lo = mid;
      }
    }
    pango_layout_set_width(layout, static_cast<int>(std::lround(hi * PANGO_SCALE)));
    return {hi, true};
  });
}

bool lone_last_word(PangoLayout* layout) {
  const int n = line_count(layout);
  if (n < 2) return false;
  const PangoLayoutLine* last = pango_layout_get_line_readonly(layout, n - 1);
  std::string_view line(pango_layout_get_text(layout));
  line = line.substr(static_cast<std::size_t>(last->start_index), static_cast<std::size_t>(last->length));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.remove_suffix(1);
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  return line.find(' ') == std::string_view::npos;
}

double avoid_lone_last_word(PangoLayout* layout, double max_width) {
  return remembered('w', layout, max_width, [&]() -> WidthAnswer {
    const int lines = line_count(layout);
    if (!lone_last_word(layout)) return {max_width, false};
    // A width that breaks as the last one tried (SameBreaks) still leaves the word alone.
    SameBreaks same(layout);
    for (int k = 1; k <= 10; ++k) {
      const double w = max_width * (1 - 0.015 * k);
      if (same.covers(w)) continue;
      pango_layout_set_width(layout, static_cast<int>(std::lround(w * PANGO_SCALE)));
      if (line_count(layout) == lines && !lone_last_word(layout)) return {w, true};
      same.measure();
    }
    pango_layout_set_width(layout, static_cast<int>(std::lround(max_width * PANGO_SCALE)));
    return {max_width, true};
  });
}

std::optional<Fitted> fit_text(const FontSet& fonts, std::string_view lang, TextStyle style,
                               std::string_view markup, Size box, double min, double max,
                               bool balance) {
  const double w = box.w.pt(), h = box.h.pt();
  auto try_size = [&](double size) -> GRef<PangoLayout> {
    style.size = size;
    GRef<PangoLayout> l = make_layout(fonts, lang, style, markup, w);
    if (!fits_width(l.get(), w) || layout_height(l.get()) > h) return {};
    return l;
  };
  // Quarter-point steps, searched by bisection: fit is monotone in size.
  int lo = static_cast<int>(std::ceil(min * 4)), hi = static_cast<int>(std::floor(max * 4));
  GRef<PangoLayout> best = try_size(lo / 4.0);
  if (!best) return std::nullopt;
  int best_q = lo;
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    if (GRef<PangoLayout> l = try_size(mid / 4.0)) {
      best = l;
      best_q = mid;
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  double width = w;
  if (balance) width = balance_lines(best.get(), w);
  return Fitted{best, best_q / 4.0, width};
}

TextRun text_run(GRef<PangoLayout> layout, Point origin, Rgba color, std::string slot) {
  TextRun r;
  r.origin = origin;
  r.layout = std::move(layout);
  r.color = color;
  r.slot = std::move(slot);
  return r;
}

LineGrid line_grid(const FontSet& fonts, std::string_view lang, const TextStyle& style) {
  GRef<PangoLayout> probe = make_layout(fonts, lang, style, "x", -1);
  LineGrid g;
  g.pitch = style.size * style.leading;
  g.first_baseline = static_cast<double>(pango_layout_get_baseline(probe.get())) / PANGO_SCALE;
  return g;
}

TextRun text_run_on_grid(GRef<PangoLayout> layout, Point origin, const LineGrid& grid, Rgba color,
                         std::string slot) {
  const int n = line_count(layout.get());
  TextRun r = text_run(std::move(layout), origin, color, std::move(slot));
  for (int i = 0; i < n; ++i) r.baselines.push_back(grid.first_baseline + i * grid.pitch);
  return r;
}

}  // namespace telar
