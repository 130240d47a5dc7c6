// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout/qr_cards.h"

#include <algorithm>

#include "layout/qr.h"
#include "layout/qr_verify.h"
#include "layout/text.h"

namespace telar {
namespace {

constexpr Length kMargin = Length::mm(10);
constexpr Length kPad = Length::mm(4);       // inside each card, around caption and code
constexpr Length kCaption = Length::mm(7);   // the caption's band above the code
constexpr Length kGoodModule = Length::mm(0.8);
constexpr int kMaxCardVersion = 25;          // denser codes are hard for cheap cameras

struct Grid {
  int cols, rows;
};

Grid grid_for(std::size_t n, bool portrait) {
  static constexpr Grid kGrids[] = {{1, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 3}, {3, 4}, {4, 4}};
  for (Grid g : kGrids)
    if (static_cast<std::size_t>(g.cols * g.rows) >= n) return portrait ? g : Grid{g.rows, g.cols};
  return portrait ? Grid{4, 4} : Grid{4, 4};
}

Rect cell(Size paper, Grid g, int i) {
  const double w = (paper.w.pt() - 2 * kMargin.pt()) / g.cols;
  const double h = (paper.h.pt() - 2 * kMargin.pt()) / g.rows;
  return Rect{kMargin.pt() + (i % g.cols) * w, kMargin.pt() + (i / g.cols) * h, w, h};
}

double code_side(const Rect& c) {
  return std::min(c.w - 2 * kPad.pt(), c.h - 2 * kPad.pt() - kCaption.pt());
}

}  // namespace

std::optional<StorySheetPlan> plan_story_sheet(const Story& story, Size paper) {
  const bool portrait = paper.h >= paper.w;
  std::optional<StorySheetPlan> best;
  auto better = [](const StorySheetPlan& a, const StorySheetPlan& b) {
    if (a.sheets != b.sheets) return a.sheets < b.sheets;
    const bool ga = a.module >= kGoodModule, gb = b.module >= kGoodModule;
    if (ga != gb) return ga;
    if (ga) return a.cards.size() < b.cards.size();
    return a.module > b.module;
  };
  for (char ec : {'M', 'L'}) {
    for (int v = 2; v <= kMaxCardVersion; ++v) {
      StorySheetPlan p;
      p.cards = offline_cards(story, static_cast<std::size_t>(qr_capacity_bytes(v, ec, true)));
      if (p.cards.empty()) continue;
      // Sheets as full as they need to be: 17 cards are two sheets of 3 x 3, not 16 + 1.
      const std::size_t sheets = (p.cards.size() + kCardsPerSheet - 1) / kCardsPerSheet;
      const Grid g = grid_for((p.cards.size() + sheets - 1) / sheets, portrait);
      p.cols = g.cols;
      p.rows = g.rows;
      p.sheets = static_cast<int>(sheets);
      p.version = v;
      p.ec = ec;
      p.module = Length::pt(code_side(cell(paper, g, 0)) / (17 + 4 * v + 2 * kQrQuietModules));
      if (p.module < kQrMinModule) continue;
      if (!best || better(p, *best)) best = std::move(p);
    }
    if (best) return best;
  }
  return best;
}

std::vector<Page> layout_story_sheets(const StorySheetPlan& plan, Size paper, const Template& tpl,
                                      const FontSet& fonts, const std::string& lang,
                                      Diagnostics& diags) {
  const Grid g{plan.cols, plan.rows};
  const std::size_t per_sheet = static_cast<std::size_t>(g.cols * g.rows);
  // Cut guides: dashed lines along every card edge, across the whole sheet.
  Stroke guide;
  guide.width = 0.4;
  guide.color = tpl.color("guide");
  guide.dash = {3, 2};
  Path cuts;
  const Rect all{kMargin.pt(), kMargin.pt(), paper.w.pt() - 2 * kMargin.pt(), paper.h.pt() - 2 * kMargin.pt()};
  for (int c = 0; c <= g.cols; ++c) {
    const double x = all.x + all.w * c / g.cols;
    cuts.move_to({x, 0}).line_to({x, paper.h.pt()});
  }
  for (int r = 0; r <= g.rows; ++r) {
    const double y = all.y + all.h * r / g.rows;
    cuts.move_to({0, y}).line_to({paper.w.pt(), y});
  }

  TextStyle cs;
  cs.font = tpl.font("small").description;
  cs.size = tpl.size("small").max.pt();
  cs.color = tpl.color("ink");
  cs.align = PANGO_ALIGN_CENTER;
  std::vector<Page> pages;
  for (std::size_t i = 0; i < plan.cards.size(); ++i) {
    if (i % per_sheet == 0) {
      Page& page = pages.emplace_back();
      page.trim = paper;
      page.paper = tpl.color("paper");
      Shape cut_shape;
      cut_shape.path = cuts;
      cut_shape.stroke = guide;
      cut_shape.slot = "cut";
      page.items.push_back(std::move(cut_shape));
    }
    Page& page = pages.back();
    const Rect c = cell(paper, g, static_cast<int>(i % per_sheet));
    const std::string caption = plan.cards[i].substr(0, plan.cards[i].find('\n'));
    auto l = make_layout(fonts, lang, cs, markup_escape(caption), c.w - 2 * kPad.pt());
    page.items.push_back(text_run(l, {c.x + kPad.pt(), c.y + kPad.pt()}, cs.color, "card"));
    const double side = code_side(c);
    const Rect box{c.x + (c.w - side) / 2, c.y + kPad.pt() + kCaption.pt(), side, side};
    // One independent symbol per card, without structured-append bits: zbar (and the
    // phone apps built on it) shows nothing for a linked symbol until it has seen the
    // whole set, and a card must read alone. The "k/n Title" header links the cards.
    add_qr_code(page.items, encode_qr(plan.cards[i], plan.ec), box, plan.cards[i], tpl,
                "card " + caption.substr(0, caption.find(' ')), diags);
  }
  return pages;
}

}  // namespace telar
