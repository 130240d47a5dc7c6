// SPDX-License-Identifier: GPL-3.0-or-later
// PDF: one page per sheet, written to memory. Metadata is set explicitly (no date unless
// SOURCE_DATE_EPOCH gives one, title only when known); links, destinations and outline.
#include <cairo-pdf.h>
#include <fmt/format.h>

#include "render/output.h"
#include "render/paint.h"
#include "render/paint_cache.h"

namespace telar {
namespace {

bool has_links(const std::vector<Sheet>& sheets, const std::vector<Page>& pages) {
  auto any_link = [](const std::vector<Item>& items) {
    for (const Item& i : items)
      if (std::holds_alternative<Link>(i)) return true;
    return false;
  };
  for (const Sheet& s : sheets) {
    if (any_link(s.marks)) return true;
    for (const Placement& p : s.placements)
      if (p.page < pages.size() && any_link(pages[p.page].items)) return true;
  }
  return false;
}

/// Outline entries of every page that is placed on some sheet, in page order; `level`
/// nests under the nearest shallower entry before it.
void add_outline(cairo_surface_t* surface, const std::vector<Sheet>& sheets,
                 const std::vector<Page>& pages) {
  std::vector<bool> placed(pages.size(), false);
  for (const Sheet& s : sheets)
    for (const Placement& p : s.placements)
      if (p.page < pages.size()) placed[p.page] = true;
  std::vector<int> parents;  // outline id of the last entry at each level
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (!placed[i]) continue;
    for (const OutlineEntry& e : pages[i].outline) {
      std::size_t level = e.level < 1 ? 1 : static_cast<std::size_t>(e.level);
      if (level > parents.size() + 1) level = parents.size() + 1;
      parents.resize(level - 1);
      const int parent = parents.empty() ? CAIRO_PDF_OUTLINE_ROOT : parents.back();
      const std::string link = "dest=" + tag_string(pdf_safe(e.dest, false));
      parents.push_back(cairo_pdf_surface_add_outline(surface, parent, e.title.c_str(),
                                                      link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN));
    }
  }
}

// Days from 1970-01-01 to a civil date, inverted (H. Hinnant's civil_from_days).
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

}  // namespace

std::optional<std::string> iso_date(std::int64_t t) {
  if (t < -62167219200 || t > 253402300799) return std::nullopt;  // years 0000..9999
  std::int64_t days = t / 86400, secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, secs / 3600, secs / 60 % 60,
                     secs % 60);
}

Blob encode_pdf(const std::vector<Sheet>& sheets, const std::vector<Page>& pages,
                const EncodeOptions& opt) {
  Blob blob;
  const Size first = sheets.empty() ? Size{} : sheets.front().paper;
  const double first_unit = pdf_user_unit(first);
  CairoSurface surface(cairo_pdf_surface_create_for_stream(
      append_to_string, &blob.bytes, first.w.pt() / first_unit, first.h.pt() / first_unit));
  cairo_surface_t* s = surface.get();
  check_cairo(cairo_surface_status(s));
  if (!opt.title.empty())
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, opt.title.c_str());
  std::optional<std::string> date;
  if (opt.source_date_epoch) date = iso_date(*opt.source_date_epoch);
  // An empty CREATE_DATE removes Cairo's own "now" from the file.
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date ? date->c_str() : "");

  Cairo cr(cairo_create(s));
  // Cairo 1.16 writes a damaged PDF (a ParentTree entry pointing at an object it never
  // writes) when link tags meet drawing outside any structure element. One Document
  // element around everything avoids that; it is only added when there are links.
  // It must begin after the first page's set_size (which drops what came before).
  const bool wrap = has_links(sheets, pages);
  std::set<std::string> dests_seen;
  const PaintCache cache(sheets, pages);  // a page on many sheets (tiles) is written once
  std::vector<int> units;                 // pages past 14,400 pt: /UserUnit
  for (const Sheet& sheet : sheets) {
    const int unit = pdf_user_unit(sheet.paper);
    units.push_back(unit);
    cairo_pdf_surface_set_size(s, sheet.paper.w.pt() / unit, sheet.paper.h.pt() / unit);
    if (wrap && &sheet == &sheets.front()) cairo_tag_begin(cr.get(), "Document", nullptr);
    cairo_save(cr.get());
    cairo_scale(cr.get(), 1.0 / unit, 1.0 / unit);
    paint_sheet(cr.get(), sheet, pages, &dests_seen, &cache);
    cairo_restore(cr.get());
    cairo_show_page(cr.get());
  }
  add_outline(s, sheets, pages);
  if (wrap) cairo_tag_end(cr.get(), "Document");
  check_cairo(cairo_status(cr.get()));
  cr.reset();
  cairo_surface_finish(s);
  check_cairo(cairo_surface_status(s));
  for (int u : units)
    if (u > 1) {
      blob.bytes = set_pdf_user_units(blob.bytes, units);
      break;
    }
  // A print shop's boxes, in PDF units: y up from the foot, divided by the page's UserUnit.
  std::vector<PdfBoxes> boxes;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const Sheet& sh = sheets[i];
    if (!sh.trim_box) continue;
    const double k = 1.0 / units[i], H = sh.paper.h.pt();
    auto pdf_rect = [&](const Rect& r) { return Rect{r.x * k, (H - r.bottom()) * k, r.w * k, r.h * k}; };
    boxes.push_back({i, pdf_rect(*sh.trim_box), pdf_rect(sh.bleed_box ? *sh.bleed_box : *sh.trim_box)});
  }
  if (!boxes.empty()) blob.bytes = set_pdf_boxes(blob.bytes, boxes);
  return blob;
}

}  // namespace telar
