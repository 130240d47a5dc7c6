// SPDX-License-Identifier: GPL-3.0-or-later
// GFM tables for the field manual: cells measured, columns sized to the text area, rows
// laid out as items that the flow places (and splits between, header repeated).
#include <algorithm>
#include <numeric>
#include <string_view>

#include "base/lang.h"
#include "layout/manual_blocks.h"

namespace telar {
namespace {

struct Cell {
  RichText rich;
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

// "34", "1.5 %", "-2": figures, read down the column, line up on the right.
bool numeric(const std::string& s) {
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (std::string_view(" .,%+-").find(c) == std::string_view::npos)
      return false;
  }
  return digit;
}

/// Columns without an alignment of their own are right-aligned when every cell is a number.
std::vector<Align> column_alignment(const Table& t) {
  std::vector<Align> out = t.align;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k] != Align::none || t.rows.empty()) continue;
    bool all = true;
    for (const auto& row : t.rows)
      all = all && k < row.size() && (row[k].empty() || numeric(plain_text(row[k])));
    if (all) out[k] = Align::right;
  }
  return out;
}

PangoAlignment alignment(Align a) {
  switch (a) {
    case Align::right:
      return PANGO_ALIGN_RIGHT;
    case Align::center:
      return PANGO_ALIGN_CENTER;
    default:
      return PANGO_ALIGN_LEFT;
  }
}

class TableBuilder {
 public:
  TableBuilder(const Table& t, const BlockContext& ctx)
      : t_(t),
        ctx_(ctx),
        st_(ctx.style),
        pad_x_(st_.table.size * 0.45),
        pad_y_(st_.table.size * 0.38) {}

  Chunk build(Chunk c) {
    c.kind = Chunk::Kind::table;
    c.slot = "table";
    const std::vector<Align> align = column_alignment(t_);
    std::vector<Cell> header;
    for (std::size_t k = 0; k < t_.header.size(); ++k) {
      Cell cell{rich_text(t_.header[k], &ctx_.hyphenator), alignment(align[k])};
      for (RichRun& r : cell.rich.runs) r.strong = true;
      header.push_back(std::move(cell));
    }
    std::vector<std::vector<Cell>> rows;
    for (const auto& row : t_.rows) {
      rows.emplace_back();
      for (std::size_t k = 0; k < row.size(); ++k)
        rows.back().push_back({rich_text(row[k], &ctx_.hyphenator), alignment(align[k])});
    }
    widths(header, rows, c.width);
    c.header = row(header, true, c);
    for (std::size_t r = 0; r < rows.size(); ++r)
      c.rows.push_back(row(rows[r], false, c, r + 1 == rows.size()));
    return c;
  }

 private:
  GRef<PangoLayout> layout(const Cell& cell, const Chunk& c, double width, PangoWrapMode wrap) {
    TextStyle s = st_.table;
    s.align = cell.align;
    const std::string m = cell.rich.markup(0, cell.rich.text.size(), c.code_font, c.link_color);
    GRef<PangoLayout> l = make_layout(ctx_.fonts, ctx_.lang, s, m, width);
    if (width > 0) pango_layout_set_wrap(l.get(), wrap);
    return l;
  }

  // Natural width (one line) and narrowest width (widest word or syllable) per column,
  // then the text area shared out: natural widths when they fit, stretched to the full
  // width; otherwise every column gets its narrowest plus a share of the rest.
  void widths(const std::vector<Cell>& header, const std::vector<std::vector<Cell>>& rows,
              double total) {
    const std::size_t n = header.size();
    std::vector<double> natural(n, 0), narrow(n, 0);
    Chunk probe;
    probe.code_font = st_.code_font;
    auto measure = [&](const Cell& cell, std::size_t k) {
      natural[k] =
          std::max(natural[k], layout_width(layout(cell, probe, -1, PANGO_WRAP_WORD).get()));
      narrow[k] = std::max(narrow[k], layout_width(layout(cell, probe, 1, PANGO_WRAP_WORD).get()));
    };
    for (std::size_t k = 0; k < n; ++k) measure(header[k], k);
    for (const auto& r : rows)
      for (std::size_t k = 0; k < n && k < r.size(); ++k) measure(r[k], k);
    const double inner = total - 2 * pad_x_ * static_cast<double>(n);
    const double sum_nat = std::accumulate(natural.begin(), natural.end(), 0.0);
    const double sum_min = std::accumulate(narrow.begin(), narrow.end(), 0.0);
    widths_.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k) {
      if (sum_nat <= inner)
        widths_[k] =
            natural[k] + (inner - sum_nat) * (sum_nat > 0 ? natural[k] / sum_nat : 1.0 / n);
      else if (sum_min < inner)
        widths_[k] =
            narrow[k] + (inner - sum_min) * ((natural[k] - narrow[k]) / (sum_nat - sum_min));
      else
        widths_[k] = inner * (sum_min > 0 ? narrow[k] / sum_min : 1.0 / n);
      widths_[k] += 2 * pad_x_;
    }
  }

  TableRow row(const std::vector<Cell>& cells, bool head, const Chunk& c, bool last = false) {
    TableRow out;
    std::vector<GRef<PangoLayout>> ls;
    double h = 0;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      ls.push_back(layout(cells[k], c, widths_[k] - 2 * pad_x_, PANGO_WRAP_WORD_CHAR));
      h = std::max(h, layout_height(ls.back().get()));
    }
    out.height = h + 2 * pad_y_;
    if (head) {
      Shape bg;
      bg.path.rect({0, 0, c.width, out.height});
      bg.fill = st_.soft;
      bg.slot = "table";
      out.items.push_back(bg);
    }
    // Columns run from the start side: right to left in a right-to-left manual.
    const bool rtl = is_rtl_language(ctx_.lang);
    double x = 0;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const Point origin{(rtl ? c.width - x - widths_[k] : x) + pad_x_, pad_y_};
      for (const RichRun& r : cells[k].rich.runs) {
        if (r.link.empty()) continue;
        for (const Rect& a :
             text_areas(ls[k].get(), static_cast<int>(r.begin), static_cast<int>(r.end)))
          out.items.push_back(Link{{a.x + origin.x, a.y + origin.y, a.w, a.h}, r.link, {}});
      }
      out.items.push_back(
          text_run(ls[k], origin, st_.table.color, head ? "table-head" : "table-cell"));
      x += widths_[k];
    }
    Shape line;
    const double w = head ? 0.9 : (last ? 0.9 : 0.4);
    line.path.rect({0, out.height - w / 2, c.width, w});
    line.fill = head || last ? st_.ink : st_.rule;
    line.slot = "table";
    out.items.push_back(line);
    return out;
  }

  const Table& t_;
  const BlockContext& ctx_;
  const ManualStyle& st_;
  double pad_x_, pad_y_;
  std::vector<double> widths_;
};

}  // namespace

Chunk table_chunk(const Table& table, const BlockContext& ctx, Chunk base) {
  return TableBuilder(table, ctx).build(std::move(base));
}

}  // namespace telar
