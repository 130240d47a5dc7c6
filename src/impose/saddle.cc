// SPDX-License-Identifier: GPL-3.0-or-later
#include "impose/saddle.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/error.h"

namespace telar {
namespace {

constexpr std::array<PaperWeight, 7> kPaperWeights{{
    {"60gsm", 0.075},
    {"70gsm", 0.0875},
    {"75gsm", 0.09375},
    {"80gsm", 0.1},
    {"90gsm", 0.1125},
    {"100gsm", 0.125},
    {"120gsm", 0.15},
}};

std::string size_text(Size s) {
  auto mm = [](Length l) { return std::round(l.mm() * 10) / 10; };
  return fmt::format("{:g} × {:g} mm", mm(s.w), mm(s.h));
}

Shape fold_tick(double x, double y0, double y1, Rgba color) {
  Shape s;
  s.path.move_to({x, y0}).line_to({x, y1});
  s.stroke = Stroke{0.5, color, {}};
  s.slot = "fold";
  return s;
}

// The top tick's vertical extent (the bottom one mirrors it), see impose_saddle().
std::pair<double, double> tick_span(double gap, double margin) {
  const double len = Length::mm(5).pt(), min_len = Length::mm(2).pt();
  if (gap - margin >= len) return {gap - len, gap};
  if (gap - margin >= min_len) return {margin, gap};
  return {margin, margin + len};
}

}  // namespace

int saddle_padded_count(int pages) { return pages <= 0 ? 0 : (pages + 3) / 4 * 4; }

std::vector<SaddleSheetPages> saddle_order(int pages, bool right_to_left) {
  const int n = saddle_padded_count(pages);
  std::vector<SaddleSheetPages> out;
  for (int k = 0; k < n / 4; ++k) {
    if (right_to_left)
      out.push_back({{2 * k + 1, n - 2 * k}, {n - 2 * k - 1, 2 * k + 2}});
    else
      out.push_back({{n - 2 * k, 2 * k + 1}, {2 * k + 2, n - 2 * k - 1}});
  }
  return out;
}

std::vector<std::optional<std::size_t>> saddle_booklet(std::size_t pages, BlankPages blanks) {
  const auto n = static_cast<std::size_t>(saddle_padded_count(static_cast<int>(pages)));
  std::vector<std::optional<std::size_t>> out(n);
  for (std::size_t i = 0; i < pages; ++i) out[i] = i;
  if (blanks == BlankPages::before_back_cover && pages >= 2 && n > pages) {
    out[pages - 1].reset();
    out[n - 1] = pages - 1;
  }
  return out;
}

std::span<const PaperWeight> paper_weights() { return kPaperWeights; }

std::optional<Length> creep_for_paper_weight(std::string_view name) {
  for (const PaperWeight& w : kPaperWeights)
    if (w.name == name) return Length::mm(w.thickness_mm);
  return std::nullopt;
}

std::vector<Sheet> impose_saddle(std::size_t pages, const SaddleOptions& opt) {
  const Size paper{std::max(opt.sheet.w, opt.sheet.h), std::min(opt.sheet.w, opt.sheet.h)};
  const double W = paper.w.pt(), H = paper.h.pt();
  const double pw = opt.page.w.pt(), ph = opt.page.h.pt();
  const double tolerance = Length::mm(0.05).pt();
  if (2 * pw > W + tolerance || ph > H + tolerance)
    throw Error::usage(msg(MsgId::saddle_pages_do_not_fit, size_text(opt.page), size_text(paper)));

  const double spine = W / 2, top = (H - ph) / 2, bleed = opt.bleed.pt();
  const Affine turn =
      opt.duplex == Duplex::long_edge ? Affine::translate(W, H) * Affine::rotate90(2) : Affine{};
  const auto booklet = saddle_booklet(pages, opt.blanks);
  const std::vector<SaddleSheetPages> order = saddle_order(static_cast<int>(pages), opt.right_to_left);

  // Clip rectangles: the page's trim box plus bleed on the three outer sides, never past
  // the spine or off the paper. They do not move with creep: the paper stays where it is.
  const double clip_top = std::max(0.0, top - bleed);
  const double clip_h = std::min(H, top + ph + bleed) - clip_top;
  const double left_x = std::max(0.0, spine - pw - bleed);
  const Rect left_clip{left_x, clip_top, spine - left_x, clip_h};
  const Rect right_clip{spine, clip_top, std::min(W, spine + pw + bleed) - spine, clip_h};

  std::vector<Sheet> out;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const double shift = creep_shift(static_cast<int>(k), opt.creep).pt();
    for (int side = 0; side < 2; ++side) {
      const SpreadPages spread = side == 0 ? order[k].front : order[k].back;
      const Affine frame = side == 1 ? turn : Affine{};
      Sheet sheet;
      sheet.paper = paper;
      auto place = [&](int number, double x, const Rect& clip) {
        const auto& page = booklet[static_cast<std::size_t>(number - 1)];
        if (!page) return;
        sheet.placements.push_back({*page, frame * Affine::translate(x, top), frame.apply(clip)});
      };
      place(spread.left, spine - pw + shift, left_clip);
      place(spread.right, spine - shift, right_clip);
      if (side == 0 && opt.fold_marks) {
        const auto [a, b] = tick_span(top, opt.printer_margin.pt());
        sheet.marks.push_back(fold_tick(spine, a, b, opt.mark_color));
        sheet.marks.push_back(fold_tick(spine, H - b, H - a, opt.mark_color));
      }
      out.push_back(std::move(sheet));
    }
  }
  return out;
}

}  // namespace telar
