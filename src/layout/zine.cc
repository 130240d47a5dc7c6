// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/zine.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "base/error.h"
#include "base/lang.h"
#include "base/messages.h"
#include "base/quotes.h"
#include "base/utf8.h"
#include "compose/headline.h"
#include "layout/braid.h"
#include "layout/motif.h"
#include "layout/woven.h"
#include "layout/qr.h"
#include "layout/qr_verify.h"
#include "layout/text.h"
#include "layout/zine_flow.h"

namespace telar {
namespace {

class ZinePages {
 public:
  ZinePages(const ZineDoc& doc, const Template& tpl, const FontSet& fonts, Size page,
            Diagnostics& diags)
      : doc_(doc), tpl_(tpl), fonts_(fonts), page_(page), diags_(diags) {
    content_ = inset(Rect{0, 0, page.w.pt(), page.h.pt()}, tpl.margins);
    small_.font = tpl.font("small").description;
    small_.size = tpl.size("small").max.pt();
    small_.color = mix(tpl.color("ink"), tpl.color("paper"), 0.3);
    footer_h_ = small_.size * 1.4 + Length::mm(2).pt();
  }

  std::vector<Page> build(ZineLayoutInfo& info) {
    std::vector<Page> pages(8, blank());
    cover(pages[0]);
    int first_inside = 1;
    if (doc_.headline) {
      headline(pages[1]);
      first_inside = 2;
    }
    // Inside pages left for the body (less one kept for the braid when asked to).
    const int avail = 8 - 1 - first_inside - (reserve_braid_ ? 1 : 0);
    std::vector<Page> inside = body(avail, info);
    for (std::size_t i = 0; i < inside.size(); ++i) pages[static_cast<std::size_t>(first_inside) + i] = std::move(inside[i]);
    if (reserve_braid_) {
      pages[6] = braid_page(*doc_.mark.braid);
      info.braid_page = true;
    }
    back_cover(pages[7]);
    for (int n = 2; n <= 7; ++n) footer(pages[static_cast<std::size_t>(n - 1)], n);
    return pages;
  }

  /// The braid gets a page of its own: the body flows into one page fewer.
  void reserve_braid() { reserve_braid_ = true; }

  Page back_cover_alone() {
    Page p = blank();
    back_cover(p);
    return p;
  }

 private:
  Page blank() const {
    Page p;
    p.trim = page_;
    p.paper = tpl_.color("paper");
    return p;
  }

  Rect flow_area() const { return {content_.x, content_.y, content_.w, content_.h - footer_h_}; }

  [[noreturn]] void does_not_fit(const std::string& slot, double size, Loc loc) {
    diags_.fail(std::move(loc), msg(MsgId::zine_slot_does_not_fit, ui_word(slot), fmt::format("{:g}", size)));
  }

  void cover(Page& p) {
    const std::string style = tpl_.option("cover", "band");
    const Rect c = content_;
    TextStyle title;
    title.font = tpl_.font("title").description;
    const SizeRange& tr = tpl_.size("title");
    TextStyle meta = small_;
    meta.font = tpl_.font("speaker").description;
    meta.color = tpl_.color("ink");
    meta.letter_spacing = meta.size * 0.08;
    const std::string node = markup_escape(to_upper(doc_.node));
    const std::string date = markup_escape(doc_.date);

    if (style == "band") {
      const double band_h = c.h * 0.62, pad = Length::mm(3.5).pt();
      p.items.push_back(filled({c.x, c.y, c.w, band_h}, tpl_.color("ink"), "cover"));
      title.color = tpl_.color("paper");
      auto f = fit_text(fonts_, doc_.lang, title, markup_escape(doc_.title),
                        Size{Length::pt(c.w - 2 * pad), Length::pt(band_h - 2 * pad)},
                        tr.min.pt(), tr.max.pt(), true);
      if (!f) does_not_fit("title", tr.min.pt(), doc_.title_loc);
      double h = layout_height(f->layout.get());
      p.items.push_back(text_run(f->layout, {c.x + pad, c.y + band_h - pad - h}, title.color, "title"));
      double y = c.y + band_h + Length::mm(3).pt();
      y = meta_lines(p, node, date, meta, c.x, y, c.w, PANGO_ALIGN_LEFT);
      const double motif_h = std::min(c.bottom() - y - Length::mm(2).pt(), c.h * 0.16);
      if (motif_h > Length::mm(6).pt()) {
        Rect box{c.x, c.bottom() - motif_h, c.w, motif_h};
        if (doc_.mark.woven)
          add_woven(p.items, *doc_.mark.woven, box, woven_cell_for(*doc_.mark.woven, box), woven_inks(tpl_, *doc_.mark.woven));
        else if (tpl_.motif)
          add_motif(p, box);
        else
          weave(p, box);
      }
      return;
    }
    title.color = tpl_.color("ink");
    title.align = PANGO_ALIGN_CENTER;
    double y = c.y;
    if (style == "motif" && doc_.mark.woven) {
      const double mh = c.h * 0.44;
      const Rect box{c.x, c.y, c.w, mh};
      add_woven(p.items, *doc_.mark.woven, box, woven_cell_for(*doc_.mark.woven, box), woven_inks(tpl_, *doc_.mark.woven));
      y += mh + Length::mm(4).pt();
    } else if (style == "motif" && tpl_.motif) {
      const double mh = c.h * 0.44;
      add_motif(p, {c.x, c.y, c.w, mh});
      y += mh + Length::mm(4).pt();
    } else {
      y += c.h * 0.18;
    }
    const double title_h = c.h * 0.34;
    auto f = fit_text(fonts_, doc_.lang, title, markup_escape(doc_.title),
                      Size{Length::pt(c.w), Length::pt(title_h)}, tr.min.pt(), tr.max.pt(), true);
    if (!f) does_not_fit("title", tr.min.pt(), doc_.title_loc);
    double h = layout_height(f->layout.get());
    p.items.push_back(text_run(f->layout, {c.x + (c.w - f->width) / 2, y}, title.color, "title"));
    y += h + Length::mm(3).pt();
    const double rule_w = Length::mm(12).pt();
    p.items.push_back(filled({c.x + (c.w - rule_w) / 2, y, rule_w, 1.6}, tpl_.color("accent"), "cover"));
    y += Length::mm(3).pt();
    meta_lines(p, node, date, meta, c.x, y, c.w, PANGO_ALIGN_CENTER);
  }

  double meta_lines(Page& p, const std::string& node, const std::string& date, TextStyle meta,
                    double x, double y, double w, PangoAlignment align) {
    meta.align = align;
    if (!node.empty()) {
      auto l = make_layout(fonts_, doc_.lang, meta, node, w);
      p.items.push_back(text_run(l, {x, y}, meta.color, "node"));
      y += layout_height(l.get()) + 1.5;
    }
    if (!date.empty()) {
      TextStyle d = small_;
      d.align = align;
      auto l = make_layout(fonts_, doc_.lang, d, date, w);
      p.items.push_back(text_run(l, {x, y}, d.color, "date"));
      y += layout_height(l.get());
    }
    return y;
  }

  void add_motif(Page& p, const Rect& box) {
    Picture pic = load_motif(tpl_.dir / *tpl_.motif, box);
    pic.slot = "motif";
    p.items.push_back(std::move(pic));
  }

  // A strip of plain weave drawn in code (telar: a loom): ink weft threads pass over and
  // under accent warp threads in turn. Two colours, solid fills: it photocopies cleanly.
  void weave(Page& p, const Rect& box) {
    const int rows = 4;
    const double pitch = box.h / rows, thread = pitch * 0.62;
    const int cols = std::max(6, static_cast<int>(std::floor(box.w / pitch)));
    const double cw = box.w / cols, warp = cw * 0.62;
    Shape weft_under, warps, weft_over;
    weft_under.fill = weft_over.fill = tpl_.color("ink");
    warps.fill = tpl_.color("accent");
    weft_under.slot = warps.slot = weft_over.slot = "motif";
    for (int r = 0; r < rows; ++r)
      weft_under.path.rect({box.x, box.y + r * pitch + (pitch - thread) / 2, box.w, thread});
    for (int k = 0; k < cols; ++k) warps.path.rect({box.x + k * cw + (cw - warp) / 2, box.y, warp, box.h});
    for (int r = 0; r < rows; ++r)
      for (int k = r % 2; k < cols; k += 2)
        weft_over.path.rect({box.x + k * cw, box.y + r * pitch + (pitch - thread) / 2, cw, thread});
    p.items.push_back(std::move(weft_under));
    p.items.push_back(std::move(warps));
    p.items.push_back(std::move(weft_over));
  }

  void headline(Page& p) {
    const Rect c = flow_area();
    const bool tint = tpl_.option("quotes", "rule") == "tint";
    const SizeRange& hr = tpl_.size("headline");
    TextStyle hs;
    hs.font = tpl_.font("headline").description;
    hs.color = tint ? tpl_.color("accent") : tpl_.color("ink");
    hs.leading = 1.12;
    hs.align = tint ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
    const double pad = tint ? Length::mm(4).pt() : 0;
    const double bar = tint ? 0 : Length::mm(2.2).pt();
    TextStyle as = small_;
    as.font = tpl_.font("speaker").description;
    as.color = tpl_.color("accent");
    as.letter_spacing = as.size * 0.08;
    as.align = hs.align;
    GRef<PangoLayout> attribution;
    double ah = 0;
    const double inner_w = c.w - 2 * pad;
    if (!doc_.headline_attribution.empty()) {
      attribution = make_layout(fonts_, doc_.lang, as, markup_escape(to_upper(doc_.headline_attribution)), inner_w);
      ah = layout_height(attribution.get()) + Length::mm(3).pt();
    }
    const double box_h = c.h - 2 * pad - ah - bar * 3;
    const Size box{Length::pt(inner_w), Length::pt(box_h)};
    auto f = fit_text(fonts_, doc_.lang, hs, markup_escape(doc_.headline->text), box, hr.min.pt(), hr.max.pt(), true);
    if (!f) does_not_fit("headline", hr.min.pt(), doc_.headline->loc);
    // A headline never ends on one lone word: a size a little smaller (down to 85 %) that
    // breaks it better wins over the largest that fits.
    for (double s = f->size - 0.25; lone_last_word(f->layout.get()) && s >= std::max(hr.min.pt(), f->size * 0.85); s -= 0.25)
      if (auto g = fit_text(fonts_, doc_.lang, hs, markup_escape(doc_.headline->text), box, hr.min.pt(), s, true);
          g && !lone_last_word(g->layout.get())) {
        f = std::move(g);
        break;
      }
    const double h = layout_height(f->layout.get());
    const double block = bar * 3 + h + ah;
    double y = c.y + (c.h - block) / 2;  // optical centre: a touch above the middle
    y -= (c.h - block) * 0.08;
    if (tint) p.items.push_back(filled(c, tpl_.color("soft"), "headline"));
    // Right to left: the accent bar and the ragged block sit at the right edge.
    const bool rtl = is_rtl_language(doc_.lang);
    if (bar > 0) {
      const double bar_w = Length::mm(14).pt();
      p.items.push_back(filled({rtl ? c.right() - bar_w : c.x, y, bar_w, bar}, tpl_.color("accent"), "headline"));
      y += bar * 3;
    }
    const double x = c.x + pad + (hs.align == PANGO_ALIGN_CENTER ? (inner_w - f->width) / 2
                                  : rtl                          ? inner_w - f->width
                                                                 : 0);
    p.items.push_back(text_run(f->layout, {x, y}, hs.color, "headline"));
    if (attribution) {
      y += h + Length::mm(3).pt();
      p.items.push_back(text_run(attribution, {c.x + pad, y}, as.color, "headline"));
    }
  }

  // Ways to set the body, loosest first: to fit, the leading and the space between turns
  // tighten before the type gets smaller (a tighter step costs less than a quarter point).
  struct Spacing {
    double leading, para_gap;
  };
  static constexpr Spacing kSpacings[] = {{1.32, 0.45}, {1.26, 0.35}, {1.2, 0.25}};

  // The part of a candidate's badness known before flowing it: smaller type and tighter
  // leading cost.
  double leading_cost(const FlowParams& p) const {
    return (tpl_.size("body").max.pt() - p.body_size) * 4 + (kSpacings[0].leading - p.leading) * 7;
  }

  std::vector<Page> body(int avail, ZineLayoutInfo& info) {
    const SizeRange& br = tpl_.size("body");
    const Rect area = flow_area();
    std::vector<std::size_t> quotes;
    for (std::size_t i = 0; i < doc_.body.size(); ++i)
      if (doc_.body[i].kind == ZineBlock::Kind::quote) quotes.push_back(i);

    // One candidate: the body flowed at size s; with room to spare, the first highlights
    // move to pages of their own (the flow is redone without them), notes pages fill the rest.
    auto candidate = [&](FlowParams p) -> std::optional<std::pair<std::vector<FlowPage>, FlowParams>> {
      auto f = flow_zine_body(doc_, tpl_, fonts_, area, p, avail);
      if (!f) return std::nullopt;
      const int spare = avail - static_cast<int>(f->size());
      const std::size_t promote = std::min(quotes.size(), static_cast<std::size_t>(std::max(0, spare)));
      if (promote > 0) {
        FlowParams q = p;
        q.skip.insert(quotes.begin(), quotes.begin() + static_cast<std::ptrdiff_t>(promote));
        if (auto again = flow_zine_body(doc_, tpl_, fonts_, area, q, avail)) return std::pair{std::move(*again), q};
      }
      return std::pair{std::move(*f), p};
    };
    // The least bad candidate wins: smaller type costs, a nearly empty page (a runt) costs
    // more, a notes page (filler) costs a little, and so does giving up the round breaks.
    auto badness = [&](const std::vector<FlowPage>& pages, const FlowParams& p) {
      double b = leading_cost(p) + (p.round_breaks ? 0 : 3);
      // A page that goes on with the round of the page before is evened out with it
      // (balance_rounds): the two count at their average fill.
      std::vector<double> fill;
      for (std::size_t i = 0; i < pages.size(); ++i) {
        fill.push_back(pages[i].filled / area.h);
        const bool opens = !pages[i].blocks.empty() && doc_.body[pages[i].blocks.front()].kind == ZineBlock::Kind::round;
        if (i > 0 && !opens) fill[i] = fill[i - 1] = (fill[i - 1] + fill[i]) / 2;
      }
      for (double f : fill)
        if (f < 0.35) b += 16 * (1 - f / 0.35);
      const int notes = avail - static_cast<int>(pages.size() + p.skip.size());
      return b + 2.0 * std::max(0, notes);
    };
    std::optional<std::vector<FlowPage>> flow;
    FlowParams params;
    double best = 0;
    // Sizes from the largest down; at each leading the largest that fits is found by
    // bisection (fit is monotone in size), then smaller sizes are tried only while they
    // could still beat the best so far (a runt page may be worth a quarter point).
    std::vector<double> sizes;
    for (double s = br.max.pt(); s >= br.min.pt() - 1e-9; s -= 0.25) sizes.push_back(s);
    auto consider = [&](std::optional<std::pair<std::vector<FlowPage>, FlowParams>>& c) {
      const double bad = badness(c->first, c->second);
      if (!flow || bad < best) {
        flow = std::move(c->first);
        params = c->second;
        best = bad;
      }
    };
    for (bool breaks : {true, false})
      for (const Spacing& sp : kSpacings) {
        auto params_at = [&](std::size_t i) {
          FlowParams p;
          p.round_breaks = breaks;
          p.body_size = sizes[i];
          p.leading = sp.leading;
          p.para_gap = sp.para_gap;
          return p;
        };
        auto hopeless = [&](std::size_t i) { return flow && leading_cost(params_at(i)) >= best; };
        std::size_t lo = 0, hi = sizes.size(), first_at = sizes.size();
        std::optional<std::pair<std::vector<FlowPage>, FlowParams>> first;
        while (lo < hi) {  // the largest size that fits (and could still win) is sizes[lo]
          const std::size_t mid = (lo + hi) / 2;
          if (hopeless(mid)) {
            hi = mid;
            continue;
          }
          if (auto c = candidate(params_at(mid))) {
            hi = mid;
            first = std::move(c);
            first_at = mid;
          } else {
            lo = mid + 1;
          }
        }
        if (lo >= sizes.size() || hopeless(lo)) continue;
        if (first_at != lo) first = candidate(params_at(lo));
        if (!first) continue;
        consider(first);
        for (std::size_t i = lo + 1; i < sizes.size() && !hopeless(i); ++i)
          if (auto c = candidate(params_at(i))) consider(c);
      }
    if (!flow)
      diags_.fail(doc_.body.empty() ? Loc{doc_.source_name} : doc_.body.front().loc,
                  msg(MsgId::zine_body_too_long, avail, fmt::format("{:g}", br.min.pt())));
    balance_rounds(*flow, params, avail);
    info.body_size = params.body_size;
    info.leading = params.leading;
    info.round_breaks = params.round_breaks;
    info.flow_pages = static_cast<int>(flow->size());

    // Whole-page quotes and where each goes: after the block it follows. A promoted
    // highlight follows the turn before it; with pages still to spare (a thin circle),
    // sentences from the turns are set as quotes too, after their own turn, so that at most
    // one notes page is left.
    std::vector<std::pair<std::size_t, ZineBlock>> quotes_after;
    for (std::size_t q : params.skip) quotes_after.emplace_back(turn_before(q, params.skip), doc_.body[q]);
    const int spare = avail - static_cast<int>(flow->size() + params.skip.size());
    for (auto& [at, block] : turn_quotes(spare - 1)) quotes_after.emplace_back(at, std::move(block));
    for (const auto& q : quotes_after) quoted_.insert(q.second.text);
    if (doc_.headline) quoted_.insert(doc_.headline->text);
    std::stable_sort(quotes_after.begin(), quotes_after.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    info.quote_pages = static_cast<int>(quotes_after.size());
    std::vector<Page> out;
    auto next = quotes_after.begin();
    for (FlowPage& fp : *flow) {
      Page p = blank();
      p.items = std::move(fp.items);
      out.push_back(std::move(p));
      // After the page where the block it follows ends (a page holding only the rest of a
      // long turn does not take the quotes said after that turn).
      while (next != quotes_after.end() && fp.done && next->first <= *fp.done) out.push_back(quote_page((next++)->second));
    }
    while (next != quotes_after.end()) out.push_back(quote_page((next++)->second));
    // The braid of shared words takes the first spare page; notes pages fill the rest.
    if (doc_.mark.braid && !reserve_braid_ && static_cast<int>(out.size()) < avail) {
      out.push_back(braid_page(*doc_.mark.braid));
      info.braid_page = true;
    }
    while (static_cast<int>(out.size()) < avail) {
      out.push_back(notes_page());
      ++info.notes_pages;
    }
    return out;
  }

  // Evens each round that runs onto a second page out over its pages: the least text
  // height per page (down to half the text area) that still sets the body in as many
  // pages, so that a full page is not followed by a runt. A round that fits one page, and
  // the page count, stay as they are.
  void balance_rounds(std::vector<FlowPage>& flow, FlowParams& params, int avail) const {
    const Rect area = flow_area();
    const std::size_t pages = flow.size();
    auto round_of = [&](std::size_t block) {
      std::size_t r = FlowParams::kPreamble;
      for (std::size_t i = 0; i <= block && i < doc_.body.size(); ++i)
        if (doc_.body[i].kind == ZineBlock::Kind::round) r = i;
      return r;
    };
    // Rounds with a page that goes on with them (a page not opening on a round heading).
    std::vector<std::size_t> spread;
    for (std::size_t p = 1; p < pages; ++p) {
      const FlowPage& fp = flow[p];
      const bool opens = !fp.blocks.empty() && doc_.body[fp.blocks.front()].kind == ZineBlock::Kind::round &&
                         flow[p - 1].done && *flow[p - 1].done < fp.blocks.front();
      if (opens || !flow[p - 1].done) continue;
      const std::size_t r = round_of(*flow[p - 1].done);
      if (std::find(spread.begin(), spread.end(), r) == spread.end()) spread.push_back(r);
    }
    for (std::size_t r : spread) {
      double lo = area.h * 0.5, hi = area.h;  // hi always sets the body in `pages` pages
      std::optional<std::vector<FlowPage>> best;
      for (int step = 0; step < 7; ++step) {
        const double mid = (lo + hi) / 2;
        FlowParams p = params;
        p.round_caps[r] = mid;
        auto f = flow_zine_body(doc_, tpl_, fonts_, area, p, avail);
        if (f && f->size() == pages) {
          hi = mid;
          best = std::move(f);
        } else {
          lo = mid;
        }
      }
      if (!best) continue;
      params.round_caps[r] = hi;
      flow = std::move(*best);
    }
  }

  const ZineBlock* last_turn() const {
    const ZineBlock* last = nullptr;
    for (const ZineBlock& b : doc_.body)
      if (b.kind == ZineBlock::Kind::turn) last = &b;
    return last;
  }

  static std::string last_sentence(const std::string& text) {
    const std::size_t cut = text.find_last_of(".!?", text.size() >= 2 ? text.size() - 2 : 0);
    return cut != std::string::npos && cut + 2 < text.size() ? text.substr(cut + 2) : text;
  }

  // Up to `n` sentences of the turns for whole-page quotes: 5 to 18 words,
  // the headline's sentence excepted, spread through the circle (every k-th candidate).
  std::vector<std::pair<std::size_t, ZineBlock>> turn_quotes(int n) const {
    std::vector<std::pair<std::size_t, ZineBlock>> candidates;
    if (n <= 0) return candidates;
    // Sentences of 5 to 18 words; when there are too few, short ones (3 and 4 words) too;
    // then clauses (a circle of long one-sentence turns).
    const std::pair<long, bool> passes[] = {{5, false}, {3, false}, {3, true}};
    for (const auto& [least, clauses] : passes) {
      if (static_cast<int>(candidates.size()) >= n) break;
      candidates.clear();
      for (std::size_t i = 0; i < doc_.body.size(); ++i) {
        const ZineBlock& b = doc_.body[i];
        if (b.kind != ZineBlock::Kind::turn) continue;
        for (std::string& sentence : quotable_pieces(b.text, clauses)) {
          const auto words = std::count(sentence.begin(), sentence.end(), ' ') + 1;
          if (words < least || words > 18 || (doc_.headline && doc_.headline->text == sentence)) continue;
          candidates.emplace_back(i, ZineBlock{ZineBlock::Kind::quote, b.speaker, std::move(sentence), b.loc});
        }
      }
    }
    // With no link the last turn's last sentence closes the back cover: it stays off the
    // quote pages when there are sentences enough without it.
    if (doc_.qr_payload.empty() && static_cast<int>(candidates.size()) > n && last_turn()) {
      const std::string closing = last_sentence(last_turn()->text);
      for (auto it = candidates.begin(); it != candidates.end(); ++it)
        if (it->second.text == closing) {
          candidates.erase(it);
          break;
        }
    }
    std::vector<std::pair<std::size_t, ZineBlock>> out;
    const std::size_t want = std::min(candidates.size(), static_cast<std::size_t>(n));
    for (std::size_t k = 0; k < want; ++k) out.push_back(candidates[k * candidates.size() / want]);
    return out;
  }

  // The block a promoted quote follows: the nearest one before it that is not promoted too
  // (0 when there is none).
  static std::size_t turn_before(std::size_t quote, const std::set<std::size_t>& promoted) {
    std::size_t i = quote;
    while (i > 0 && (i == quote || promoted.count(i))) --i;
    return i;
  }

  Page quote_page(const ZineBlock& q) {
    Page p = blank();
    const Rect c = flow_area();
    // A whole-page quote is display type: as large as leaves a fifth of the page free (a
    // short quote set big, not a strip of 12 pt), never smaller than inline quotes.
    const double lo = tpl_.size("quote").max.pt(), hi = tpl_.size("headline").max.pt() * 1.6;
    double size = lo;
    std::optional<double> stranded;  // the largest size that fits but ends on a lone word
    std::vector<Item> scratch;
    for (double s = hi; s >= lo; s -= 0.5) {
      TextStyle probe;
      probe.font = tpl_.font("quote").description;
      probe.size = s;
      const double text_w = c.w - 1.6 * s;  // place_quote's indent and padding, at most
      auto l = make_layout(fonts_, doc_.lang, probe, markup_escape(quoted(q.text, doc_.lang, tpl_.option("quote_marks"))), text_w);
      if (!fits_width(l.get(), text_w)) continue;  // a long word would cross the margin
      if (place_quote(scratch, q, doc_, tpl_, fonts_, s, c.x, 0, c.w, true) <= c.h * 0.8) {
        // Display type ending on one lone word reads as a mistake: a size a little smaller
        // that gives the last line a second word is better, as long as the quote still
        // holds two fifths of its page (not a strip).
        probe.leading = 1.2;
        const double set_w = c.w - (tpl_.option("quotes", "rule") == "tint" ? 1.4 : 0.9) * s;  // as placed
        auto set = make_layout(fonts_, doc_.lang, probe, markup_escape("\u201C" + q.text + "\u201D"), set_w);
        balance_lines(set.get(), set_w);
        if (lone_last_word(set.get()) && s - 0.5 >= lo) {
          if (!stranded) stranded = s;
          if (place_quote(scratch, q, doc_, tpl_, fonts_, s - 0.5, c.x, 0, c.w, true) >= c.h * 0.4) continue;
          s = *stranded;
        }
        size = s;
        break;
      }
    }
    double h = place_quote(scratch, q, doc_, tpl_, fonts_, size, c.x, 0, c.w, true);
    if (h > c.h) does_not_fit("quote", size, q.loc);
    place_quote(p.items, q, doc_, tpl_, fonts_, size, c.x, c.y + (c.h - h) * 0.42, c.w, false);
    return p;
  }

  /// The braid of the circle's shared words, under a heading in the story's language.
  Page braid_page(const SharedWords& shared) {
    Page p = blank();
    const Rect c = flow_area();
    TextStyle ls = small_;
    ls.font = tpl_.font("speaker").description;
    ls.color = tpl_.color("accent");
    ls.letter_spacing = ls.size * 0.08;
    const std::string heading(label("the words we share", lang_from_tag(doc_.lang)));
    auto l = make_layout(fonts_, doc_.lang, ls, markup_escape(to_upper(heading)), c.w);
    p.items.push_back(text_run(l, {c.x, c.y}, ls.color, "braid"));
    const double top = c.y + layout_height(l.get()) + Length::mm(3).pt();
    add_braid(p.items, shared, {c.x, top, c.w, c.bottom() - top}, tpl_, fonts_, doc_.lang, "speaker");
    return p;
  }

  Page notes_page() {
    Page p = blank();
    const Rect c = flow_area();
    TextStyle ls = small_;
    ls.font = tpl_.font("speaker").description;
    ls.color = tpl_.color("accent");
    ls.letter_spacing = ls.size * 0.08;
    auto l = make_layout(fonts_, doc_.lang, ls, markup_escape(to_upper(doc_.label_notes)), c.w);
    p.items.push_back(text_run(l, {c.x, c.y}, ls.color, "notes"));
    const double step = Length::mm(7).pt();
    Shape lines;
    lines.stroke = Stroke{0.4, tpl_.color("guide"), {}};
    lines.slot = "notes";
    for (double y = c.y + layout_height(l.get()) + step; y <= c.bottom(); y += step)
      lines.path.move_to({c.x, y}).line_to({c.right(), y});
    p.items.push_back(std::move(lines));
    return p;
  }

  void back_cover(Page& p) {
    const Rect c = content_;
    double y = c.y;
    TextStyle ts;
    ts.font = tpl_.font("title").description;
    ts.size = std::min(tpl_.size("title").min.pt(), 14.0);
    ts.color = tpl_.color("ink");
    ts.align = PANGO_ALIGN_CENTER;
    auto tl = make_layout(fonts_, doc_.lang, ts, markup_escape(doc_.title), c.w);
    balance_lines(tl.get(), c.w);
    p.items.push_back(text_run(tl, {c.x + (c.w - layout_width_of(tl)) / 2, y}, ts.color, "back"));
    y += layout_height(tl.get()) + Length::mm(5).pt();

    // Colophon at the foot: the node, the date, and the template's line.
    TextStyle cs = small_;
    cs.align = PANGO_ALIGN_CENTER;
    std::string text = markup_escape(doc_.label_colophon);
    if (!doc_.date.empty()) text = markup_escape(doc_.date) + "\n" + text;
    if (!doc_.node.empty()) text = markup_escape(doc_.node) + "\n" + text;
    auto cl = make_layout(fonts_, doc_.lang, cs, text, c.w);
    const double colophon_top = c.bottom() - layout_height(cl.get());
    p.items.push_back(text_run(cl, {c.x, colophon_top}, cs.color, "colophon"));
    if (doc_.qr_payload.empty()) return closing(p, y, colophon_top - Length::mm(4).pt());

    // The QR code between title and colophon: as large as the room allows (up to 70 % of
    // the width), never with modules under 0.4 mm, the label and the link under it.
    TextStyle ss = small_;
    ss.align = PANGO_ALIGN_CENTER;
    ss.color = tpl_.color("ink");
    auto sl = make_layout(fonts_, doc_.lang, ss, markup_escape(doc_.label_scan), c.w);
    TextStyle us = small_;
    us.align = PANGO_ALIGN_CENTER;
    us.size = std::max(tpl_.size("small").min.pt(), small_.size * 0.85);
    us.break_words = true;
    auto ul = make_layout(fonts_, doc_.lang, us, markup_escape(doc_.link_text), c.w);
    const double gap = Length::mm(1).pt();
    const double labels_h = gap + layout_height(sl.get()) + 1 + layout_height(ul.get());
    const double room = colophon_top - Length::mm(3).pt() - y - labels_h;
    // Lower error correction first, then larger than 70 % of the width, within the room.
    QrFit fit = fit_qr(doc_.qr_payload, tpl_.qr_ec, Length::pt(std::max(0.0, std::min(c.w, room))));
    if (!fit.symbol) fail_qr_room(fit, std::min(c.w, room));
    const QrSymbol& sym = *fit.symbol;
    const double side = std::max(qr_min_side(sym).pt(), std::min({c.w * 0.7, c.w, room}));
    Rect box{c.x + (c.w - side) / 2, y, side, side};
    add_qr_code(p.items, sym, box, doc_.qr_payload, tpl_, "qr", diags_);
    y += side + gap;
    p.items.push_back(text_run(sl, {c.x, y}, ss.color, "scan"));
    y += layout_height(sl.get()) + 1;
    p.items.push_back(text_run(ul, {c.x, y}, us.color, "link"));
  }

  // With no link there is no QR code: the back cover closes on the circle's last word
  // instead (the last turn's last sentence, kept off the quote pages for it), set as
  // display type between two accent rules, centred between the title and the colophon.
  void closing(Page& p, double top, double bottom) {
    const ZineBlock* last = last_turn();
    if (!last) return;
    std::string text = last_sentence(last->text);
    std::string speaker = last->speaker;
    if (text.empty() || quoted_.count(text)) {
      // Said already, large, inside: the back cover says where the circle meets instead.
      text = doc_.node.empty() ? doc_.date : doc_.date.empty() ? doc_.node : doc_.node + " \u00B7 " + doc_.date;
      speaker.clear();
      if (text.empty()) return;
    }
    const bool quoted = !speaker.empty();
    const Rect c = content_;
    const double rule = Length::mm(10).pt(), gap = Length::mm(4).pt();
    TextStyle qs;
    qs.font = tpl_.font("quote").description;
    qs.color = tpl_.color("ink");
    qs.align = PANGO_ALIGN_CENTER;
    qs.leading = 1.2;
    TextStyle as = small_;
    as.font = tpl_.font("speaker").description;
    as.color = tpl_.color("accent");
    as.align = PANGO_ALIGN_CENTER;
    as.letter_spacing = as.size * 0.08;
    GRef<PangoLayout> who;
    double who_h = 0;
    if (!speaker.empty()) {
      who = make_layout(fonts_, doc_.lang, as, markup_escape("— " + to_upper(speaker)), c.w);
      who_h = layout_height(who.get()) + Length::mm(2).pt();
    }
    const double room = bottom - top - 2 * (gap + 1.6) - who_h;
    const SizeRange& qr = tpl_.size("quote");
    auto f = fit_text(fonts_, doc_.lang, qs, markup_escape(quoted ? telar::quoted(text, doc_.lang, tpl_.option("quote_marks")) : text),
                      Size{Length::pt(c.w * 0.9), Length::pt(room * 0.8)}, qr.min.pt(), qr.max.pt() * 1.3, true);
    if (!f) return;  // nothing fits: the back cover stays quiet rather than crowded
    const double h = layout_height(f->layout.get());
    const double block = 2 * (gap + 1.6) + h + who_h;
    double y = top + (bottom - top - block) / 2;
    p.items.push_back(filled({c.x + (c.w - rule) / 2, y, rule, 1.6}, tpl_.color("accent"), "back"));
    y += 1.6 + gap;
    p.items.push_back(text_run(f->layout, {c.x + (c.w - f->width) / 2, y}, qs.color, "back"));
    y += h + Length::mm(2).pt();
    if (who) {
      p.items.push_back(text_run(who, {c.x, y}, as.color, "back"));
      y += who_h - Length::mm(2).pt();
    }
    y += gap;
    p.items.push_back(filled({c.x + (c.w - rule) / 2, y, rule, 1.6}, tpl_.color("accent"), "back"));
  }

  [[noreturn]] void fail_qr_room(const QrFit& fit, double side) {
    diags_.fail(doc_.link_loc,
                msg(MsgId::qr_no_room, fit.bytes, fmt::format("{:.0f}", Length::pt(std::max(0.0, side)).mm()),
                    fit.largest_version, fit.largest_bytes, fmt::format("{:.2f}", fit.module_needed.mm())));
  }

  static double layout_width_of(const GRef<PangoLayout>& l) {
    return static_cast<double>(pango_layout_get_width(l.get())) / PANGO_SCALE;
  }

  void footer(Page& p, int number) {
    TextStyle fs = small_;
    fs.align = PANGO_ALIGN_CENTER;
    auto l = make_layout(fonts_, doc_.lang, fs, fmt::format("{}", number), content_.w);
    p.items.push_back(text_run(l, {content_.x, content_.bottom() - layout_height(l.get())}, fs.color, "folio"));
  }

  const ZineDoc& doc_;
  const Template& tpl_;
  const FontSet& fonts_;
  Size page_;
  Diagnostics& diags_;
  Rect content_;
  TextStyle small_;
  double footer_h_ = 0;
  bool reserve_braid_ = false;
  std::set<std::string> quoted_;  ///< texts set as whole-page quotes (the back cover repeats none)
};

}  // namespace

std::vector<Page> layout_zine(const ZineDoc& doc, const Template& tpl, const FontSet& fonts,
                              Size page, Diagnostics& diags, ZineLayoutInfo* info) {
  ZineLayoutInfo local;
  ZineLayoutInfo& out = info ? *info : local;
  std::vector<Page> pages = ZinePages(doc, tpl, fonts, page, diags).build(out);
  if (doc.mark.braid && !out.braid_page && !diags.has_errors()) {
    // No spare page: the body is flowed again into one page fewer (smaller type, down to
    // the template's minimum) to make room for the braid; when it does not fit there, the
    // zine is printed without the braid, and says so (as a slot that did not fit).
    Diagnostics probe;
    ZineLayoutInfo again;
    try {
      ZinePages tighter(doc, tpl, fonts, page, probe);
      tighter.reserve_braid();
      std::vector<Page> with = tighter.build(again);
      if (!probe.has_errors()) {
        for (const Diagnostic& d : probe.all()) diags.add(d);
        out = again;
        return with;
      }
    } catch (const Error&) {
      // the body needs every page: no braid
    }
    diags.warning(Loc{doc.source_name}, msg(MsgId::zine_slot_does_not_fit, ui_word("braid"), 7));
  }
  // Characters no font has are the job runner's check (jobs/runner.h check_glyphs).
  diags.throw_if_errors();
  return pages;
}

Page layout_zine_back_cover(const ZineDoc& doc, const Template& tpl, const FontSet& fonts,
                            Size page, Diagnostics& diags) {
  if (doc.qr_payload.empty())  // closing() would need the body's quotes: a bug
    throw Error(Exit::failure, Loc{}, msg(MsgId::internal_error, "back cover without a QR code alone"));
  Page p = ZinePages(doc, tpl, fonts, page, diags).back_cover_alone();
  diags.throw_if_errors();
  return p;
}

}  // namespace telar
