// SPDX-License-Identifier: GPL-3.0-or-later
// The sheets of a tiled banner: the assembly map, then each tile with its glue bands
// (tinted, dashed where the next tile's edge lands, labelled), alignment ticks across every
// seam, and a cut line where the paper runs past the banner. Never a file name or path.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "impose/tiles.h"
#include "layout/text.h"

namespace telar {
namespace {

constexpr double kEps = 1e-6;
constexpr double kTick = Length::mm(3).pt();     ///< half length of an alignment tick
constexpr double kLabelRoom = Length::mm(6).pt();  ///< overhang wide enough for a label
constexpr double kNameHeight = Length::mm(22).pt();  ///< a tile name's ink height

Rect moved(const Rect& r, double dx, double dy) { return {r.x + dx, r.y + dy, r.w, r.h}; }

Shape moved(Shape s, double dx, double dy) {
  for (Path::Segment& seg : s.path.segments)
    for (Point& p : seg.p) p = {p.x + dx, p.y + dy};
  return s;
}

Shape line(Point a, Point b, Stroke stroke, std::string slot) {
  Shape s;
  s.path.move_to(a).line_to(b);
  s.stroke = std::move(stroke);
  s.slot = std::move(slot);
  return s;
}

std::string replace_all(std::string text, std::string_view key, const std::string& value) {
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

/// A seam: where tile `top` (later) lies on tile `under` (earlier); `edge` is the segment
/// (banner coordinates) along which top's edge lands on under's glue band.
struct Seam {
  std::size_t under, top;
  Rect band;
  bool vertical;  ///< the edge runs up and down (a right band) or across (a bottom band)
  Point a, b;     ///< the edge segment
};

std::vector<Seam> seams(const TilePlan& plan) {
  const Rect whole{0, 0, plan.banner.w.pt(), plan.banner.h.pt()};
  std::vector<Seam> out;
  for (std::size_t i = 0; i < plan.tiles.size(); ++i) {
    const Rect& mine = plan.tiles[i].area;
    for (std::size_t j = i + 1; j < plan.tiles.size(); ++j) {
      const Rect& other = plan.tiles[j].area;
      const Rect band = intersect(intersect(mine, whole), other);
      if (band.w < kEps || band.h < kEps) continue;
      // The edge of the later tile that lies inside this one is where it lands: a left
      // edge makes a vertical seam, a top edge a horizontal one. A corner touched by a
      // diagonal neighbour is tinted with the other bands and has no seam of its own.
      const bool left_in = other.x > mine.x + kEps, top_in = other.y > mine.y + kEps;
      const double o2 = 2 * plan.overlap.pt() + kEps;
      if (!left_in && !top_in) continue;
      if (band.w <= o2 && band.h <= o2) continue;
      if (left_in && (!top_in || band.h > band.w))
        out.push_back({i, j, band, true, {other.x, band.y}, {other.x, band.bottom()}});
      else
        out.push_back({i, j, band, false, {band.x, other.y}, {band.right(), other.y}});
    }
  }
  return out;
}

/// Points along a seam where alignment ticks go: one in the middle of a short seam, else
/// 20 mm from each end and every 80 mm or so between.
std::vector<double> tick_positions(double from, double to) {
  const double len = to - from, inset = Length::mm(20).pt();
  if (len < 2 * inset) return {from + len / 2};
  const int gaps = std::max(1, static_cast<int>(std::round((len - 2 * inset) / Length::mm(80).pt())));
  std::vector<double> out;
  for (int k = 0; k <= gaps; ++k) out.push_back(from + inset + (len - 2 * inset) * k / gaps);
  return out;
}

/// The part of segment a-b (axis-aligned) inside r, or nullopt.
std::optional<std::pair<Point, Point>> clip_segment(Point a, Point b, const Rect& r) {
  const double x0 = std::max(std::min(a.x, b.x), r.x), x1 = std::min(std::max(a.x, b.x), r.right());
  const double y0 = std::max(std::min(a.y, b.y), r.y), y1 = std::min(std::max(a.y, b.y), r.bottom());
  if (x1 < x0 - kEps || y1 < y0 - kEps || (x1 - x0 < kEps && y1 - y0 < kEps)) return std::nullopt;
  return std::pair{Point{x0, y0}, Point{x1, y1}};
}

class TileSheets {
 public:
  TileSheets(const TilePlan& plan, const Sheet& banner, const FontSet& fonts, const TileLook& look,
             const TileLabels& labels)
      : plan_(plan), banner_(banner), fonts_(fonts), look_(look), labels_(labels),
        seams_(seams(plan)), whole_{0, 0, plan.banner.w.pt(), plan.banner.h.pt()} {}

  std::vector<Sheet> build() {
    std::vector<Sheet> out;
    out.push_back(assembly_map());
    for (std::size_t i = 0; i < plan_.tiles.size(); ++i) out.push_back(tile(i));
    return out;
  }

 private:
  GRef<PangoLayout> text(const std::string& markup, double size, bool bold, double width = 0,
                         PangoAlignment align = PANGO_ALIGN_LEFT) const {
    TextStyle st;
    st.font = bold ? look_.bold_font : look_.font;
    st.size = size;
    st.color = look_.ink;
    st.align = align;
    return make_layout(fonts_, look_.lang, st, markup, width);
  }

  /// A label centred in `box`, rotated to read upwards when the box is tall, shrunk to fit.
  void label(Sheet& s, const std::string& markup, const Rect& box, double max_size) const {
    const bool upright = box.h > box.w;
    const double along = upright ? box.h : box.w, across = upright ? box.w : box.h;
    double size = std::min(max_size, across * 0.5);
    GRef<PangoLayout> l = text(markup, size, false);
    const double natural = layout_width(l.get());
    if (natural > along * 0.92) {
      size *= along * 0.92 / natural;
      l = text(markup, size, false);
    }
    const double w = layout_width(l.get()), h = layout_height(l.get()), pad = size * 0.3;
    TextRun r = text_run(l, {}, look_.ink, "tile");
    Shape chip;  // the label stays readable on dark art
    chip.fill = Rgba{1, 1, 1, 0.85};
    chip.slot = "tile";
    if (upright) {
      r.origin = {box.x + (box.w - h) / 2, box.y + (box.h + w) / 2};
      r.rotation_deg = 270;
      chip.path.rect({r.origin.x, r.origin.y - w - pad, h, w + 2 * pad});
    } else {
      r.origin = {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2};
      chip.path.rect({r.origin.x - pad, r.origin.y, w + 2 * pad, h});
    }
    s.marks.push_back(std::move(chip));
    s.marks.push_back(std::move(r));
  }

  std::string band_text(const Seam& seam) const {
    const Tile& under = plan_.tiles[seam.under];
    return fmt::format("<b>{}</b>  ·  {}  ·  {}", markup_escape(under.name), markup_escape(labels_.glue),
                       markup_escape(replace_all(labels_.on_top, "{tiles}", plan_.tiles[seam.top].name)));
  }

  Sheet tile(std::size_t i) const {
    const Tile& t = plan_.tiles[i];
    const double dx = t.printable.x - t.area.x, dy = t.printable.y - t.area.y;
    Sheet s;
    s.paper = t.paper;
    const Rect clip = intersect(t.printable, moved(whole_, dx, dy));
    for (const Placement& pl : banner_.placements) {
      const Rect c = pl.clip.w > 0 ? intersect(clip, moved(pl.clip, dx, dy)) : clip;
      s.placements.push_back({pl.page, Affine::translate(dx, dy) * pl.to_sheet, c});
    }
    for (const Item& m : banner_.marks)
      if (const Shape* sh = std::get_if<Shape>(&m); sh && intersect(sh->path.bounds(), t.area).w > 0)
        s.marks.push_back(moved(*sh, dx, dy));

    const double thin = 0.5;
    const Rect visible = intersect(t.area, whole_);
    Shape tint;
    tint.fill = look_.glue;
    tint.slot = "glue";
    for (const Rect& band : glue_bands(plan_, i)) tint.path.rect(moved(band, dx, dy));
    bool labelled = false;
    for (const Seam& seam : seams_) {
      if (seam.under == i) {
        s.marks.push_back(line({seam.a.x + dx, seam.a.y + dy}, {seam.b.x + dx, seam.b.y + dy},
                               Stroke{thin, look_.ink, {3, 2}}, "seam"));
        label(s, band_text(seam), moved(seam.band, dx, dy), 7);
        labelled = true;
      }
      if (seam.under != i && seam.top != i) continue;
      const bool v = seam.vertical;
      const double from = v ? seam.a.y : seam.a.x, to = v ? seam.b.y : seam.b.x;
      for (double p : tick_positions(from, to)) {
        const Point a = v ? Point{seam.a.x - kTick, p} : Point{p, seam.a.y - kTick};
        const Point b = v ? Point{seam.a.x + kTick, p} : Point{p, seam.a.y + kTick};
        if (auto c = clip_segment(a, b, visible))
          s.marks.push_back(line({c->first.x + dx, c->first.y + dy}, {c->second.x + dx, c->second.y + dy},
                                 Stroke{thin, look_.ink, {}}, "tick"));
      }
    }
    if (!tint.path.segments.empty()) s.marks.insert(s.marks.begin(), std::move(tint));
    cut_lines(s, t, dx, dy, labelled);
    corner_name(s, i, dx, dy);
    return s;
  }

  /// The tile's name, large enough to sort a pile of loose sheets by (its digits at least
  /// kNameHeight tall), in the top-left corner: later tiles go on top to the right and
  /// below, so that corner is never covered and the name can still be checked once glued.
  /// Its neighbours under it. Half-tone ink on a light chip: seen up close, quiet from afar.
  void corner_name(Sheet& s, std::size_t i, double dx, double dy) const {
    const Tile& t = plan_.tiles[i];
    const Rect vis = moved(intersect(t.area, whole_), dx, dy);
    const double inset = Length::mm(3).pt();
    GRef<PangoLayout> probe = text(markup_escape(t.name), 100, true);
    PangoRectangle ink, logical;
    pango_layout_get_extents(probe.get(), &ink, &logical);
    const double size = 100 * kNameHeight / (ink.height / double(PANGO_SCALE));
    GRef<PangoLayout> name = text(markup_escape(t.name), size, true);
    pango_layout_get_extents(name.get(), &ink, &logical);
    const double k = 1.0 / PANGO_SCALE;
    const std::string around = neighbours(i);
    GRef<PangoLayout> near = text(markup_escape(around), 9, false);
    const double near_h = around.empty() ? 0 : layout_height(near.get()) + 2;
    const double w = std::max(ink.width * k, around.empty() ? 0 : layout_width(near.get()));
    const double h = ink.height * k + near_h;
    if (w + 2 * inset > vis.w || h + 2 * inset > vis.h) return;  // a sliver of a tile
    // The name's logical box at the inset corner (so that it stays on the printable part);
    // the chip behind its ink and the neighbours' line.
    const Point at{vis.x + inset, vis.y + inset};
    const Point ink_at{at.x + ink.x * k, at.y + ink.y * k};
    if (ink_at.y + h + inset > vis.bottom() || at.x + logical.width * k + inset > vis.right()) return;
    Shape chip;
    chip.fill = Rgba{1, 1, 1, 0.6};
    chip.slot = "tile";
    chip.path.rect({ink_at.x - 2, ink_at.y - 2, w + 4, h + 4});
    s.marks.push_back(std::move(chip));
    Rgba half = look_.ink;
    half.a = 0.6;
    s.marks.push_back(text_run(name, at, half, "tile"));
    if (!around.empty())
      s.marks.push_back(text_run(near, {ink_at.x, ink_at.y + ink.height * k + 2}, look_.ink, "tile"));
  }

  /// "← B2  ↑ A3  → B4  ↓ C3": the tiles that meet this one, as they lie on the banner.
  std::string neighbours(std::size_t i) const {
    const std::vector<Rect> cells = map_cells();
    const Rect& mine = cells[i];
    const Point c = mine.center();
    const char* arrows[4] = {"\u2190", "\u2191", "\u2192", "\u2193"};
    const Point probes[4] = {{mine.x - 1, c.y}, {c.x, mine.y - 1}, {mine.right() + 1, c.y}, {c.x, mine.bottom() + 1}};
    std::string out;
    for (int d = 0; d < 4; ++d)
      for (std::size_t j = 0; j < plan_.tiles.size(); ++j) {
        const Rect& v = cells[j];
        const Point p = probes[d];
        if (j == i || p.x < v.x || p.x > v.right() || p.y < v.y || p.y > v.bottom()) continue;
        out += (out.empty() ? "" : "   ") + std::string(arrows[d]) + " " + plan_.tiles[j].name;
        break;
      }
    return out;
  }

  /// Where the paper runs past the banner: a dashed cut line at the banner's edge, and the
  /// tile's name there when it has no glue band to carry it.
  void cut_lines(Sheet& s, const Tile& t, double dx, double dy, bool labelled) const {
    const Stroke dashed{0.5, look_.ink, {6, 3}};
    const Rect vis = intersect(t.area, whole_);
    const double right_past = t.area.right() - whole_.right(), below = t.area.bottom() - whole_.bottom();
    if (right_past > kEps)
      s.marks.push_back(line({whole_.right() + dx, vis.y + dy}, {whole_.right() + dx, vis.bottom() + dy}, dashed, "cut"));
    if (below > kEps)
      s.marks.push_back(line({vis.x + dx, whole_.bottom() + dy}, {vis.right() + dx, whole_.bottom() + dy}, dashed, "cut"));
    if (labelled) return;
    const std::string name = "<b>" + markup_escape(t.name) + "</b>";
    if (right_past >= kLabelRoom)
      label(s, name, {whole_.right() + dx + 1, vis.y + dy, right_past - 2, vis.h}, 28);
    else if (below >= kLabelRoom)
      label(s, name, {vis.x + dx, whole_.bottom() + dy + 1, vis.w, below - 2}, 28);
    else  // the one tile on top of all, flush with the banner's corner: a small label
      label(s, name, {vis.right() + dx - Length::mm(12).pt(), vis.bottom() + dy - Length::mm(6).pt(),
                      Length::mm(10).pt(), Length::mm(4).pt()}, 6);
  }

  /// The assembly map on the printer's paper turned whichever way draws it larger.
  Sheet assembly_map() const {
    const Size paper = plan_.tiles.front().paper;
    double k1 = 0, k2 = 0;
    Sheet a = assembly_map(paper, k1), b = assembly_map(paper.transposed(), k2);
    return k2 > k1 + kEps ? b : a;
  }

  /// The title, the size line, the banner in miniature and, beside or under it at the
  /// same scale, a plan of its cells with each sheet's name (never a name on the art),
  /// then the steps. `k` is the miniature's scale.
  Sheet assembly_map(Size paper, double& k) const {
    Sheet s;
    s.paper = paper;
    const double m = plan_.margin.pt() + Length::mm(5).pt();
    const Rect area{m, m, s.paper.w.pt() - 2 * m, s.paper.h.pt() - 2 * m};
    double y = area.y;

    auto title = text(markup_escape(labels_.assembly), 16, true, area.w);
    s.marks.push_back(text_run(title, {area.x, y}, look_.ink, "assembly"));
    y += layout_height(title.get()) + 2;
    auto sub = text(markup_escape(size_line()), 10, false, area.w);
    s.marks.push_back(text_run(sub, {area.x, y}, look_.ink, "assembly"));
    y += layout_height(sub.get()) + Length::mm(5).pt();

    auto steps = text(markup_escape(labels_.steps), 9, false, area.w);
    const double steps_h = layout_height(steps.get());
    const Rect room{area.x, y, area.w, area.bottom() - steps_h - Length::mm(5).pt() - y};

    // The art and the plan under it (wide banners) or beside it (tall ones), whichever
    // draws them larger. One placement of the art: Cairo 1.16 writes a picture drawn twice
    // on a page with a duplicated resource key.
    const double W = whole_.w, H = whole_.h, gap = Length::mm(5).pt();
    const double k_under = std::min(room.w / W, (room.h - gap) / (2 * H));
    const double k_beside = std::min((room.w - gap) / (2 * W), room.h / H);
    const bool under = k_under >= k_beside;
    k = std::max(0.0, under ? k_under : k_beside);
    const double w = W * k, h = H * k;
    const Rect art{room.x + (room.w - (under ? w : 2 * w + gap)) / 2, room.y, w, h};
    const double dx = under ? 0 : w + gap, dy = under ? h + gap : 0;
    const Rect plan{art.x + dx, art.y + dy, w, h};
    s.marks.push_back(text_run(steps, {area.x, plan.bottom() + Length::mm(5).pt()}, look_.ink, "assembly"));
    for (const Placement& pl : banner_.placements)
      s.placements.push_back({pl.page, Affine::translate(art.x, art.y) * Affine::scale(k) * pl.to_sheet, art});

    const std::vector<Rect> cells = map_cells();
    Shape grid;
    grid.stroke = Stroke{0.6, look_.ink, {}};
    grid.slot = "grid";
    Shape paper_tint;  // the plan's cells tinted like paper, so that it reads as sheets
    paper_tint.fill = Rgba{0.96, 0.95, 0.92, 1};
    paper_tint.slot = "grid";
    for (const Rect& v : cells) {
      grid.path.rect({art.x + v.x * k, art.y + v.y * k, v.w * k, v.h * k});
      grid.path.rect({plan.x + v.x * k, plan.y + v.y * k, v.w * k, v.h * k});
    }
    grid.path.rect(art);
    grid.path.rect(plan);
    paper_tint.path.rect(plan);
    s.marks.push_back(paper_tint);
    s.marks.push_back(grid);
    // The names at one size, as large as a typical cell takes (6 to 14 pt); a sliver of a
    // cell at the banner's edge gets its name smaller.
    auto fit = [&](const Rect& v) { return std::min(v.w * k * 0.26, v.h * k * 0.45); };
    std::vector<double> fits;
    for (const Rect& v : cells) fits.push_back(fit(v));
    std::nth_element(fits.begin(), fits.begin() + static_cast<std::ptrdiff_t>(fits.size() / 2), fits.end());
    const double size = std::clamp(fits[fits.size() / 2], 6.0, 14.0);
    for (std::size_t i = 0; i < plan_.tiles.size(); ++i) {
      const Rect& v = cells[i];
      const Rect cell{plan.x + v.x * k, plan.y + v.y * k, v.w * k, v.h * k};
      auto l = text(markup_escape(plan_.tiles[i].name), std::max(4.5, std::min(size, fit(v))), true);
      const double lw = layout_width(l.get()), lh = layout_height(l.get());
      s.marks.push_back(text_run(l, {cell.x + (cell.w - lw) / 2, cell.y + (cell.h - lh) / 2}, look_.ink, "grid"));
    }
    return s;
  }

  /// Each tile's share of the banner once glued: its area cut at the middle of every
  /// overlap, so that the map's cells meet without doubling.
  std::vector<Rect> map_cells() const {
    std::vector<Rect> cells;
    for (const Tile& t : plan_.tiles) cells.push_back(intersect(t.area, whole_));
    const double half = plan_.overlap.pt() / 2;
    for (const Seam& seam : seams_) {
      Rect& under = cells[seam.under];
      Rect& top = cells[seam.top];
      if (seam.vertical) {
        under.w = std::min(under.right(), seam.a.x + half) - under.x;
        const double right = top.right();
        top.x = std::max(top.x, seam.a.x + half);
        top.w = right - top.x;
      } else {
        under.h = std::min(under.bottom(), seam.a.y + half) - under.y;
        const double bottom = top.bottom();
        top.y = std::max(top.y, seam.a.y + half);
        top.h = bottom - top.y;
      }
    }
    return cells;
  }

  /// "2 × 1 m · 41 sheets, overlapping 10 mm" from the template's words.
  std::string size_line() const {
    // The finished size (the trim, not the sheet with its bleed and marks) in the unit the
    // banner was asked in; the overlap in millimetres, or inches for a banner in inches.
    const Size trim = banner_.trim_box ? Size{Length::pt(banner_.trim_box->w), Length::pt(banner_.trim_box->h)}
                                       : plan_.banner;
    const std::string& u = labels_.unit;
    const double per = u == "in" ? 72.0 : u == "cm" ? 72 / 2.54 : u == "mm" ? 72 / 25.4 : 72 / 0.0254;
    auto in_unit = [&](Length l, int digits) {
      const double k = std::pow(10.0, digits);
      return fmt::format("{:g}", std::round(l.pt() / per * k) / k);
    };
    const std::string overlap = u == "in" ? in_unit(plan_.overlap, 2) + " in"
                                          : fmt::format("{:g} mm", std::round(plan_.overlap.mm() * 10) / 10);
    std::string sheets = replace_all(labels_.sheets, "{count}", std::to_string(plan_.tiles.size()));
    sheets = replace_all(sheets, "{overlap}", overlap);
    const int digits = u == "m" ? 2 : 1;
    return fmt::format("{} × {} {}  ·  {}", in_unit(trim.w, digits), in_unit(trim.h, digits), u, sheets);
  }


  const TilePlan& plan_;
  const Sheet& banner_;
  const FontSet& fonts_;
  const TileLook& look_;
  const TileLabels& labels_;
  std::vector<Seam> seams_;
  Rect whole_;
};

}  // namespace

std::vector<Sheet> impose_tiles(const TilePlan& plan, const Sheet& banner, const FontSet& fonts,
                                const TileLook& look, const TileLabels& labels) {
  if (plan.tiles.empty()) return {};
  return TileSheets(plan, banner, fonts, look, labels).build();
}

Sheet impose_banner_sheet(const Page& page, std::size_t index) {
  const double b = page.bleed.pt(), w = page.trim.w.pt(), h = page.trim.h.pt();
  // With a bleed, crop marks go outside it (a print shop's RIP and guillotine must never
  // see them in the art): each starts kCropGap past the bleed's edge on the trim's line
  // and runs kCropLength outwards; the media grows to hold them.
  const double marks = b > 0 ? kCropGap.pt() + kCropLength.pt() + kCropGap.pt() : 0;
  const double m = b + marks;
  Sheet s;
  s.paper = {Length::pt(w + 2 * m), Length::pt(h + 2 * m)};
  s.placements.push_back({index, Affine::translate(m, m), {}});
  s.trim_box = Rect{m, m, w, h};
  s.bleed_box = Rect{m - b, m - b, w + 2 * b, h + 2 * b};
  if (b <= 0) return s;
  const double from = b + kCropGap.pt(), to = from + kCropLength.pt();
  Shape crop;
  crop.stroke = Stroke{0.25, {0, 0, 0, 1}, {}};  // registration-thin, on white paper
  crop.slot = "crop";
  for (double x : {m, m + w})
    for (double y : {m, m + h}) {
      const double sx = x == m ? -1 : 1, sy = y == m ? -1 : 1;
      crop.path.move_to({x + sx * from, y}).line_to({x + sx * to, y});
      crop.path.move_to({x, y + sy * from}).line_to({x, y + sy * to});
    }
  s.marks.push_back(crop);
  return s;
}

}  // namespace telar
