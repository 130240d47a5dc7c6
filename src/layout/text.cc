// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/text.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <glib.h>

#include <optional>

#include "base/lang.h"
#include "base/utf8.h"

namespace telar {

std::string markup_escape(std::string_view text) {
  gchar* e = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  std::string out(e);
  g_free(e);
  return out;
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
    PangoAttrList* copy = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    if (track)
      pango_attr_list_insert_before(
          copy, pango_attr_letter_spacing_new(static_cast<int>(std::lround(style.letter_spacing * PANGO_SCALE))));
    if (style.leading > 0)
      pango_attr_list_insert_before(copy, pango_attr_line_height_new_absolute(static_cast<int>(
                                              std::lround(style.leading * style.size * PANGO_SCALE))));
    pango_layout_set_attributes(l, copy);
    pango_attr_list_unref(copy);
  }
  return layout;
}

double layout_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.x + logical.width) / PANGO_SCALE;
}

double layout_height(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.y + logical.height) / PANGO_SCALE;
}

int line_count(PangoLayout* layout) { return pango_layout_get_line_count(layout); }

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

double balance_lines(PangoLayout* layout, double max_width) {
  const int lines = line_count(layout);
  if (lines <= 1) return max_width;
  double lo = max_width / 2, hi = max_width;  // hi always keeps the line count
  for (int step = 0; step < 14; ++step) {
    double mid = (lo + hi) / 2;
    pango_layout_set_width(layout, static_cast<int>(std::lround(mid * PANGO_SCALE)));
    if (line_count(layout) == lines && fits_width(layout, mid))
      hi = mid;
    else
      lo = mid;
  }
  pango_layout_set_width(layout, static_cast<int>(std::lround(hi * PANGO_SCALE)));
  return hi;
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
  const int lines = line_count(layout);
  if (!lone_last_word(layout)) return max_width;
  for (int k = 1; k <= 10; ++k) {
    const double w = max_width * (1 - 0.015 * k);
    pango_layout_set_width(layout, static_cast<int>(std::lround(w * PANGO_SCALE)));
    if (line_count(layout) == lines && !lone_last_word(layout)) return w;
  }
  pango_layout_set_width(layout, static_cast<int>(std::lround(max_width * PANGO_SCALE)));
  return max_width;
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

}  // namespace telar
