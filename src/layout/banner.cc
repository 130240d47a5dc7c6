// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/banner.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "base/error.h"
#include "base/lang.h"
#include "base/quotes.h"
#include "base/utf8.h"
#include "layout/line_balance.h"
#include "layout/braid.h"
#include "layout/motif.h"
#include "layout/woven.h"
#include "layout/qr.h"
#include "layout/qr_verify.h"
#include "layout/text.h"

namespace telar {
namespace {

constexpr double kRefSize = 100;         ///< words are measured at this size, then scaled
constexpr double kLeading = 0.92;        ///< display type sits tighter than text
constexpr double kQrShare = 0.14;        ///< QR side as a share of the short side
constexpr double kOpticalRise = 0.12;    ///< share of the free height moved above the centre
constexpr double kEvenRatio = 1.25;      ///< a headline's longest line over its shortest, at most

Path rhombus(Point c, double w, double h) {
  Path p;
  p.move_to({c.x, c.y - h / 2}).line_to({c.x + w / 2, c.y}).line_to({c.x, c.y + h / 2})
      .line_to({c.x - w / 2, c.y}).close();
  return p;
}

/// Letters and digits (upper-cased), one space between words: text compared for sameness.
std::string words_only(std::string_view text) {
  std::string out;
  bool gap = false;
  for (unsigned char ch : to_upper(text)) {
    const bool word = std::isalnum(ch) || ch >= 0x80;
    if (!word) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += static_cast<char>(ch);
  }
  return out;
}

Rect ink_of(PangoLayout* l) {
  PangoRectangle ink, logical;
  pango_layout_get_extents(l, &ink, &logical);
  const double k = 1.0 / PANGO_SCALE;
  return {ink.x * k, ink.y * k, ink.width * k, ink.height * k};
}

class BannerPage {
 public:
  BannerPage(const BannerDoc& doc, const Template& tpl, const FontSet& fonts, Size trim,
             Length bleed, Diagnostics& diags, BannerLayoutInfo& info)
      : doc_(doc), tpl_(tpl), fonts_(fonts), trim_(trim), bleed_(bleed.pt()), diags_(diags),
        info_(info), k_(banner_scale(trim)) {
    info_.scale = k_;
    const Box& m = tpl.margins;
    content_ = inset(Rect{0, 0, trim.w.pt(), trim.h.pt()},
                     Box{m.top * k_, m.right * k_, m.bottom * k_, m.left * k_});
    gap_ = tpl.min_gap.pt() * k_;
    border_ = tpl.option("border", "none");
    page_.trim = trim;
    page_.bleed = bleed;
    page_.paper = tpl.color("paper");
  }

  Page build() {
    if (border_ == "woven" && doc_.mark.woven)
      woven_motif_border();
    else if (border_ == "woven")
      woven_border();
    double top = content_.y;
    if (doc_.mark.woven && trim_.h > trim_.w) {
      const Rect box{content_.x, top, content_.w, content_.h * 0.07};
      add_woven(page_.items, *doc_.mark.woven, box, box.h / std::min(doc_.mark.woven->picks(), 16),
                woven_inks(tpl_, *doc_.mark.woven));
      top = box.bottom() + gap_;
    } else if (tpl_.motif && trim_.h > trim_.w) {
      // A tall banner's foot is too narrow to share: the motif crowns the headline.
      Picture pic = load_motif(tpl_.motif_path(), Rect{content_.x, top, content_.w, content_.h * 0.07});
      pic.slot = "motif";
      top = pic.box.bottom() + gap_;
      page_.items.push_back(std::move(pic));
    }
    const double foot_top = footer();
    const std::size_t first_quote = page_.items.size();
    const double quotes_top = doc_.mark.braid ? braid_panel(foot_top) : quotes(foot_top);
    const std::size_t after_quotes = page_.items.size();
    headline({content_.x, top, content_.w, quotes_top - top});
    close_up(first_quote, after_quotes, top, foot_top);
    return std::move(page_);
  }

 private:
  // A headline held by the width leaves its room's height unused: the quotes move up
  // under it and the free height is shared out above, between and below, so that it is
  // the margin round the group, not a dead band inside it.
  void close_up(std::size_t q0, std::size_t q1, double top, double foot_top) {
    if (q1 <= q0 || page_.items.size() <= q1) return;
    double qtop = 1e300, qbottom = -1e300;
    for (std::size_t i = q0; i < q1; ++i)
      if (const auto* r = std::get_if<TextRun>(&page_.items[i])) {
        qtop = std::min(qtop, r->origin.y);
        qbottom = std::max(qbottom, r->origin.y + layout_height(r->layout.get()));
      }
    const Rect ink = info_.headline_ink;
    const double free = foot_top - gap_ - top - ink.h - (qbottom - qtop);
    if (free <= 0) return;
    // The free height shared out: a little less above the headline (the optical centre
    // sits high), less between headline and quotes (they read as one group), more above
    // the foot. No share is a band of its own.
    const double share = free / 3, between = std::max(gap_, share * 0.8);
    if (std::fabs((qtop - ink.bottom()) - between) < gap_ * 0.5) return;
    const double start = top + (free - between) * (0.9 / 2.2);
    auto shift = [&](std::size_t from, std::size_t to, double dy) {
      for (std::size_t i = from; i < to; ++i)
        if (auto* r = std::get_if<TextRun>(&page_.items[i])) r->origin.y += dy;
    };
    shift(q1, page_.items.size(), start - ink.y);
    shift(q0, q1, start + ink.h + between - qtop);
    info_.headline_ink.y = start;
    // The headline's room is now what is left above the quotes, round the ink.
    info_.headline_room.y = top;
    info_.headline_room.h = std::max(ink.h, 2 * (start - top) + ink.h);
  }

  double size(const std::string& role, bool max) const {
    const SizeRange& r = tpl_.size(role);
    return (max ? r.max : r.min).pt() * k_;
  }

  TextStyle style(const std::string& font_role, double pt, Rgba color,
                  PangoAlignment align = PANGO_ALIGN_LEFT) const {
    TextStyle s;
    s.font = tpl_.font(font_role).description;
    s.size = pt;
    s.color = color;
    s.align = align;
    return s;
  }

  [[noreturn]] void does_not_fit(const std::string& slot, double pt, Loc loc) {
    diags_.error(std::move(loc), msg(MsgId::zine_slot_does_not_fit, ui_word(slot), fmt::format("{:g}", std::round(pt * 4) / 4)));
    diags_.throw_if_errors();
    throw Error(Exit::data_error, Loc{}, msg(MsgId::zine_slot_does_not_fit, ui_word(slot), pt));
  }

  // --- the braid of shared words: a panel across the banner where the quotes would go
  // (they give way to it). Returns the top of what it used.
  double braid_panel(double bottom) {
    const Rect c = content_;
    const bool wide = trim_.w >= trim_.h;
    const double room_h = (wide ? 0.26 : 0.3) * c.h;
    const Rect box{c.x, bottom - gap_ - room_h, c.w, room_h};
    const std::size_t first = page_.items.size();
    add_braid(page_.items, *doc_.mark.braid, box, tpl_, fonts_, doc_.lang, "speaker");
    return page_.items.size() > first ? box.y : bottom;
  }

  // --- the node's woven motif as the border: a band of it along both long edges, into the
  // bleed, 12 picks deep.
  void woven_motif_border() {
    const WeaveDraft& d = *doc_.mark.woven;
    const bool wide = trim_.w >= trim_.h;
    const double band = (wide ? tpl_.margins.top.pt() : tpl_.margins.left.pt()) * k_ * 0.5;
    const double cell = band / 12;
    const double len = (wide ? trim_.w.pt() : trim_.h.pt()) + 2 * bleed_;
    const double across = wide ? trim_.h.pt() : trim_.w.pt();
    for (int side = 0; side < 2; ++side) {
      // Whole cells from the trim edge outwards: the band's inner edge is a full thread.
      const double deep = cell * std::floor((band + bleed_) / cell + 1e-9);
      const double c0 = side == 0 ? band - deep : across - band;
      const double c1 = side == 0 ? band : across - band + deep;
      const Rect box = wide ? Rect{-bleed_, c0, len, c1 - c0} : Rect{c0, -bleed_, c1 - c0, len};
      add_woven(page_.items, d, box, cell, woven_inks(tpl_, d));
    }
  }

  // --- the woven border: a terracotta band along both long edges, ochre diamonds woven in,
  // running into the bleed.
  void woven_border() {
    const bool wide = trim_.w >= trim_.h;
    const double band = (wide ? tpl_.margins.top.pt() : tpl_.margins.left.pt()) * k_ * 0.5;
    const double len = (wide ? trim_.w.pt() : trim_.h.pt()) + 2 * bleed_;
    for (int side = 0; side < 2; ++side) {
      // Along x for a wide banner (top, bottom), along y for a tall one (left, right).
      const double across0 = side == 0 ? -bleed_ : (wide ? trim_.h.pt() : trim_.w.pt()) - band;
      const double across1 = side == 0 ? band : across0 + band + bleed_;
      auto rect = [&](double a0, double a1, double c0, double c1) {
        return wide ? Rect{a0, c0, a1 - a0, c1 - c0} : Rect{c0, a0, c1 - c0, a1 - a0};
      };
      page_.items.push_back(filled(rect(-bleed_, len - bleed_, across0, across1), tpl_.color("accent"), "border"));
      // The diamonds sit in the band's visible part, centred across it.
      const double mid = side == 0 ? band / 2 : across0 + band / 2;
      const double d = band * 0.62, step = band * 0.9;
      const double count = std::floor((len - d) / step);
      const double first = -bleed_ + (len - count * step) / 2;
      Path big, small;
      for (double a = first; a <= first + count * step + 1e-6; a += step) {
        const Point c = wide ? Point{a, mid} : Point{mid, a};
        const Path r = rhombus(c, d, d);
        big.segments.insert(big.segments.end(), r.segments.begin(), r.segments.end());
        if (a + step > first + count * step + 1e-6) continue;
        const Point e = wide ? Point{a + step / 2, mid} : Point{mid, a + step / 2};
        const Path q = rhombus(e, d * 0.3, d * 0.3);
        small.segments.insert(small.segments.end(), q.segments.begin(), q.segments.end());
      }
      page_.items.push_back(filled(big, tpl_.color("soft"), "border"));
      page_.items.push_back(filled(small, tpl_.color("ink"), "border"));
      const double weft = band * 0.06;
      const double inner = side == 0 ? band - weft * 2.5 : across0 + weft * 1.5;
      page_.items.push_back(filled(rect(-bleed_, len - bleed_, inner, inner + weft), tpl_.color("ink"), "border"));
    }
  }

  // --- the foot: motif, node and date at the left; the QR code at the right. Returns the
  // top of what it used (content bottom when there is nothing).
  double footer() {
    const Rect c = content_;
    const bool bar = border_ == "bar";
    const Rgba text_color = bar ? tpl_.color("soft") : tpl_.color("ink");
    double side = 0;
    std::optional<QrSymbol> sym;
    if (!doc_.qr_payload.empty()) {
      const double room = std::min(c.w * 0.5, c.h * 0.45);
      QrFit fit = fit_qr(doc_.qr_payload, tpl_.qr_ec, Length::pt(room));
      if (!fit.symbol) {
        diags_.error(doc_.link_loc,
                     msg(MsgId::qr_no_room, fit.bytes, fmt::format("{:.0f}", Length::pt(room).mm()), fit.largest_version,
                         fit.largest_bytes, fmt::format("{:.2f}", fit.module_needed.mm())));
        diags_.throw_if_errors();
      }
      sym = std::move(fit.symbol);
      side = std::min(room, std::max(qr_min_side(*sym).pt(), std::min(trim_.w, trim_.h).pt() * kQrShare));
    }
    // Node and date: fitted into what the QR code and the motif leave.
    const double small_max = size("small", true), small_min = size("small", false);
    double text_h = 0;
    GRef<PangoLayout> meta;
    const bool has_meta = !doc_.node.empty() || !doc_.date.empty();
    double motif_w = 0;
    const double foot_h_guess = std::max(side, small_max * 2.6);
    if ((tpl_.motif || doc_.mark.woven) && has_meta && trim_.w >= trim_.h) motif_w = foot_h_guess * 2.2;
    GRef<PangoLayout> scan;
    double scan_w = 0;
    if (sym && !doc_.label_scan.empty()) {
      scan = make_layout(fonts_, doc_.lang, style("small", std::max(small_min, small_max * 0.6), text_color, PANGO_ALIGN_RIGHT),
                         markup_escape(doc_.label_scan), side * 1.6);
      scan_w = layout_width(scan.get());
    }
    // The link under the code, shortened as the zine prints it (no scheme, cut in the
    // middle): one line under the label and the code, flush right with the code, at the
    // label's size or smaller but never under the template's small minimum (then on two
    // lines, broken anywhere, as a URL must).
    GRef<PangoLayout> link_line;
    double link_x = 0, link_h = 0;
    const double link_gap = gap_ * 0.3;
    if (sym && !doc_.link_text.empty()) {
      const double link_max = std::max(small_min, small_max * 0.6);
      const double room_w = side + (scan ? scan_w + gap_ * 0.5 : 0);
      TextStyle ls = style("small", link_max, text_color, PANGO_ALIGN_RIGHT);
      const std::string text = markup_escape(doc_.link_text);
      if (auto f = fit_text(fonts_, doc_.lang, ls, text, Size{Length::pt(room_w), Length::pt(link_max * 1.5)},
                            small_min, link_max, false)) {
        link_line = f->layout;
        link_x = c.right() - f->width;
      } else {
        ls.size = small_min;
        ls.break_words = true;
        link_line = make_layout(fonts_, doc_.lang, ls, text, room_w);
        link_x = c.right() - room_w;
      }
      link_h = layout_height(link_line.get());
    }
    const double meta_w = c.w - side - (scan ? scan_w + gap_ : 0) - (motif_w > 0 ? motif_w + gap_ : 0) - gap_;
    if (has_meta) {
      std::string markup;
      if (!doc_.node.empty())
        markup += fmt::format("<span font_desc=\"{}\">{}</span>", markup_escape(tpl_.font("speaker").description),
                              markup_escape(doc_.node));
      if (!doc_.date.empty()) markup += (markup.empty() ? "" : "\n") + markup_escape(doc_.date);
      auto f = fit_text(fonts_, doc_.lang, style("small", small_max, text_color), markup,
                        Size{Length::pt(meta_w), Length::pt(std::max(foot_h_guess, small_max * 2.6))},
                        small_min, small_max, false);
      if (!f) does_not_fit("node", small_min, Loc{doc_.source_name});
      meta = f->layout;
      text_h = layout_height(meta.get());
    }
    const double code_h = side + (link_line ? link_gap + link_h : 0);  // the code and its link
    const double foot_h = std::max(code_h, text_h);
    if (foot_h <= 0) return c.bottom();
    const double top = c.bottom() - foot_h;
    if (bar) {
      const double bar_top = top - gap_ * 0.8;
      page_.items.push_back(filled(Rect{-bleed_, bar_top, trim_.w.pt() + 2 * bleed_, trim_.h.pt() - bar_top + bleed_},
                                   tpl_.color("accent"), "border"));
    }
    // Right to left the footer is mirrored: the QR code, its label and link at the left
    // edge, the node and date (and the motif) at the right.
    const bool rtl = is_rtl_language(doc_.lang);
    auto mx = [&](double left, double w) { return rtl ? c.x + c.right() - left - w : left; };
    double x = c.x;
    if (motif_w > 0 && doc_.mark.woven) {
      const WeaveDraft& d = *doc_.mark.woven;
      const double cell = foot_h / std::min(d.picks(), 24);
      const Rect box{x, top, cell * std::floor(motif_w / cell), foot_h};
      add_woven(page_.items, d, box, cell, woven_inks(tpl_, d));
      x = box.right() + gap_;
    } else if (motif_w > 0) {
      Picture pic = load_motif(tpl_.motif_path(), Rect{x, top, motif_w, foot_h});
      pic.slot = "motif";
      pic.box.x = mx(x, pic.box.w);  // flush to the edge, not centred in its room
      x += pic.box.w + gap_;
      page_.items.push_back(std::move(pic));
    }
    if (meta) {
      const double meta_layout_w = pango_layout_get_width(meta.get()) > 0
                                       ? pango_layout_get_width(meta.get()) / double(PANGO_SCALE)
                                       : layout_width(meta.get());
      page_.items.push_back(text_run(meta, {mx(x, meta_layout_w), c.bottom() - text_h}, text_color, "node"));
    }
    if (sym) {
      const Rect box{mx(c.right() - side, side), c.bottom() - code_h, side, side};
      add_qr_code(page_.items, *sym, box, doc_.qr_payload, tpl_, "qr", diags_);
      page_.items.push_back(Link{box, doc_.qr_payload, {}});
      info_.qr_box = box;
      info_.qr_module = side / (sym->width + 2 * kQrQuietModules);
      if (scan)
        page_.items.push_back(text_run(scan, {mx(c.right() - side - gap_ * 0.5 - side * 1.6, side * 1.6),
                                              box.bottom() - layout_height(scan.get())},
                                       text_color, "scan"));
      if (link_line) {
        const double link_w = pango_layout_get_width(link_line.get()) > 0
                                  ? pango_layout_get_width(link_line.get()) / double(PANGO_SCALE)
                                  : layout_width(link_line.get());
        page_.items.push_back(text_run(link_line, {mx(link_x, link_w), c.bottom() - link_h}, text_color, "link"));
      }
    }
    return top - (bar ? gap_ * 0.8 : 0);
  }

  // --- the quotes, side by side on a wide banner, one above the other on a tall one.
  // Returns the top of what they used.
  double quotes(double bottom) {
    // A quote that says what the headline says (its words, give or take punctuation and
    // case) would print the same text twice: it stays off.
    const std::string head = words_only(doc_.headline);
    std::vector<const BannerQuote*> shown;
    for (const BannerQuote& q : doc_.quotes) {
      const std::string t = words_only(q.text);
      if (!t.empty() && head.find(t) == std::string::npos && t.find(head) == std::string::npos)
        shown.push_back(&q);
    }
    if (shown.empty()) return bottom;
    const Rect c = content_;
    const bool wide = trim_.w >= trim_.h;
    const std::size_t n = shown.size();
    const double room_h = (wide ? 0.22 : 0.13 * static_cast<double>(n)) * c.h;
    const double top = bottom - gap_ - room_h;
    const double col_w = wide ? (n == 1 ? c.w * 0.7 : (c.w - gap_ * 2 * static_cast<double>(n - 1)) / static_cast<double>(n)) : c.w;
    const double cell_h = wide ? room_h : (room_h - gap_ * static_cast<double>(n - 1)) / static_cast<double>(n);
    const double qmin = size("quote", false), qmax = size("quote", true);
    for (std::size_t i = 0; i < n; ++i) {
      const BannerQuote& q = *shown[i];
      const double x = wide ? (n == 1 ? c.x + (c.w - col_w) / 2 : c.x + static_cast<double>(i) * (col_w + gap_ * 2)) : c.x;
      const double y = wide ? top : top + static_cast<double>(i) * (cell_h + gap_);
      GRef<PangoLayout> who;
      double who_h = 0;
      if (!q.speaker.empty()) {
        TextStyle ws = style("speaker", std::max(size("small", false), size("small", true) * 0.7),
                             tpl_.color("accent"), PANGO_ALIGN_CENTER);
        ws.letter_spacing = ws.size * 0.08;
        who = make_layout(fonts_, doc_.lang, ws, markup_escape("— " + to_upper(q.speaker)), col_w);
        who_h = layout_height(who.get());
      }
      const std::string text = markup_escape(quoted(q.text, doc_.lang, tpl_.option("quote_marks")));
      auto f = fit_text(fonts_, doc_.lang, style("quote", qmax, tpl_.color("ink"), PANGO_ALIGN_CENTER), text,
                        Size{Length::pt(col_w), Length::pt(cell_h - who_h - gap_ * 0.3)}, qmin, qmax, true);
      if (!f) does_not_fit("quote", qmin, q.loc);
      const double h = layout_height(f->layout.get()) + (who ? gap_ * 0.3 + who_h : 0);
      const double y0 = y + (cell_h - h) / 2;
      page_.items.push_back(text_run(f->layout, {x + (col_w - f->width) / 2, y0}, tpl_.color("ink"), "quote"));
      if (who) page_.items.push_back(text_run(who, {x, y0 + h - who_h}, tpl_.color("accent"), "quote"));
    }
    return top;
  }

  // The headline's lines at one size: the fewest lines, unless their longest is more than
  // kEvenRatio times their shortest; then one or two more lines when that is more even and
  // the block still fits (it grows back to the room afterwards). `first` is what the
  // first line box adds to a line's height, `line` the baseline-to-baseline distance.
  static std::optional<LineStarts> even_lines(const std::vector<double>& words, double space, const Rect& room,
                                              double first, double line) {
    std::optional<LineStarts> best = balance_breaks(words, space, room.w);
    if (!best || best->size() < 2) return best;
    const std::size_t fewest = best->size();
    if (auto e = even_breaks(words, space, room.w, fewest)) best = e;
    double best_ratio = width_ratio(words, space, *best);
    // How large the block can grow: what the room allows over what it takes.
    auto growth = [&](const LineStarts& st) {
      const std::vector<double> w = line_widths(words, space, st);
      const double widest = *std::max_element(w.begin(), w.end());
      return std::min(room.w / widest, room.h / (first + line * static_cast<double>(st.size())));
    };
    for (std::size_t n = fewest + 1; n <= fewest + 2 && best_ratio > kEvenRatio; ++n) {
      auto e = even_breaks(words, space, room.w, n);
      if (!e || first + line * static_cast<double>(n) > room.h) continue;
      const double r = width_ratio(words, space, *e);
      // More even, and not much smaller once grown back (a quarter at most).
      if (r < best_ratio && growth(*e) >= growth(*best) * 0.75) {
        best = e;
        best_ratio = r;
      }
    }
    return best;
  }

  // --- the headline: measured word by word, broken into the most even lines at the
  // largest size that fits, then placed by its ink so that it looks centred.
  void headline(Rect room) {
    room.h -= gap_;
    info_.headline_room = room;
    const std::string text = tpl_.option("headline_case") == "upper" ? to_upper(doc_.headline) : doc_.headline;
    const std::vector<std::string> words = split_words(text);
    TextStyle st = style("headline", kRefSize, tpl_.color("ink"), PANGO_ALIGN_CENTER);
    st.line_spacing = kLeading;
    auto width_of = [&](const std::string& s) {
      return layout_width(make_layout(fonts_, doc_.lang, st, markup_escape(s), 0).get());
    };
    std::vector<double> widths;
    for (const std::string& w : words) widths.push_back(width_of(w));
    const double space = width_of("x x") - 2 * width_of("x");
    const double line_h = layout_height(make_layout(fonts_, doc_.lang, st, "Hg\nHg", 0).get()) -
                          layout_height(make_layout(fonts_, doc_.lang, st, "Hg", 0).get());
    const double first_h = layout_height(make_layout(fonts_, doc_.lang, st, "Hg", 0).get());

    auto scaled = [&](double s) {
      std::vector<double> out;
      for (double w : widths) out.push_back(w * s / kRefSize);
      return out;
    };
    auto fits = [&](double s) {
      const std::size_t n = min_lines(scaled(s), space * s / kRefSize, room.w);
      return n > 0 && (first_h + line_h * static_cast<double>(n - 1)) * s / kRefSize <= room.h;
    };
    const double lo_size = size("headline", false), hi_size = size("headline", true);
    if (words.empty() || !fits(lo_size)) does_not_fit("headline", lo_size, doc_.headline_loc);
    double lo = lo_size, hi = hi_size;
    if (fits(hi)) lo = hi;
    for (int i = 0; i < 40 && hi - lo > 0.05; ++i) (fits((lo + hi) / 2) ? lo : hi) = (lo + hi) / 2;

    // Pango's shaping across a line can differ a hair from the sum of its words: check the
    // real layout and step down until it fits.
    for (double s = std::max(lo_size, std::floor(lo * 4) / 4); s >= lo_size - 1e-9;
         s = std::floor(s * 0.99 * 4) / 4) {
      auto starts = even_lines(scaled(s), space * s / kRefSize, room, (first_h - line_h) * s / kRefSize,
                               line_h * s / kRefSize);
      if (!starts) continue;
      std::vector<std::string> lines;
      for (std::size_t k = 0; k < starts->size(); ++k) {
        const std::size_t end = k + 1 < starts->size() ? (*starts)[k + 1] : words.size();
        std::string line;
        for (std::size_t i = (*starts)[k]; i < end; ++i) line += (line.empty() ? "" : " ") + words[i];
        lines.push_back(line);
      }
      std::string markup;
      for (const std::string& l : lines) markup += (markup.empty() ? "" : "\n") + markup_escape(l);
      st.size = s;
      GRef<PangoLayout> l = make_layout(fonts_, doc_.lang, st, markup, 0);
      if (layout_width(l.get()) > room.w + 0.01 || layout_height(l.get()) > room.h + 0.01) continue;
      // The line boxes hold space above the capitals and below the baseline that no ink
      // uses: with these lines, grow until the ink itself meets the room.
      Rect ink_r = ink_of(l.get());
      const double grow = std::min(room.w / layout_width(l.get()), room.h / ink_r.h);
      const double bigger = std::min(hi_size, std::floor(s * grow * 4) / 4);
      if (bigger > s) {
        st.size = bigger;
        GRef<PangoLayout> g = make_layout(fonts_, doc_.lang, st, markup, 0);
        const Rect gi = ink_of(g.get());
        if (layout_width(g.get()) <= room.w + 0.01 && gi.w <= room.w + 0.01 && gi.h <= room.h + 0.01) {
          l = g;
          ink_r = gi;
          s = bigger;
        }
      }
      // Centre the ink (not the line boxes, whose descender space would push the words
      // up), then lift it a little: the eye puts the middle above the geometric middle.
      const double ox = room.x + (room.w - ink_r.w) / 2 - ink_r.x;
      const double oy = room.y + (room.h - ink_r.h) * (0.5 - kOpticalRise) - ink_r.y;
      page_.items.push_back(text_run(l, {ox, oy}, st.color, "headline"));
      info_.headline_size = s;
      info_.headline_lines = lines;
      info_.headline_ink = {ox + ink_r.x, oy + ink_r.y, ink_r.w, ink_r.h};
      return;
    }
    does_not_fit("headline", lo_size, doc_.headline_loc);
  }

  const BannerDoc& doc_;
  const Template& tpl_;
  const FontSet& fonts_;
  Size trim_;
  double bleed_;
  Diagnostics& diags_;
  BannerLayoutInfo& info_;
  double k_;
  Page page_;
  Rect content_;
  double gap_ = 0;
  std::string border_;
};

}  // namespace

double banner_scale(Size trim) { return std::min(trim.w, trim.h) / Length::m(1); }

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Page layout_banner(const BannerDoc& doc, const Template& tpl, const FontSet& fonts, Size trim,
                   Length bleed, Diagnostics& diags, BannerLayoutInfo* info) {
  BannerLayoutInfo local;
  Page page = BannerPage(doc, tpl, fonts, trim, bleed, diags, info ? *info : local).build();
  // Characters no font has are the job runner's check (jobs/runner.h check_glyphs).
  diags.throw_if_errors();
  return page;
}

}  // namespace telar
