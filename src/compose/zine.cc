// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/zine.h"

#include <array>
#include <cstdio>

#include <fmt/format.h>

#include "base/quotes.h"
#include "compose/qr_payload.h"

namespace telar {
namespace {

bool lang_is(const std::string& tag, std::string_view base) {
  return tag.rfind(base, 0) == 0 && (tag.size() == base.size() || tag[base.size()] == '-');
}

}  // namespace

std::string spell_date(const std::string& iso, const std::string& lang) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      m < 1 || m > 12 || d < 1 || d > 31)
    return iso;
  using Months = std::array<const char*, 12>;
  static constexpr Months kEs = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                 "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
  static constexpr Months kPt = {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
                                 "agosto", "setembro", "outubro", "novembro", "dezembro"};
  static constexpr Months kHt = {"janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè",
                                 "out", "septanm", "oktòb", "novanm", "desanm"};
  static constexpr Months kFr = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                 "août", "septembre", "octobre", "novembre", "décembre"};
  static constexpr Months kEn = {"January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"};
  const auto i = static_cast<std::size_t>(m - 1);
  if (lang_is(lang, "es") || lang_is(lang, "arn") || lang_is(lang, "qu") || lang_is(lang, "ay"))
    return fmt::format("{} de {} de {}", d, kEs[i], y);
  if (lang_is(lang, "pt")) return fmt::format("{} de {} de {}", d, kPt[i], y);
  if (lang_is(lang, "ht")) return fmt::format("{} {} {}", d, kHt[i], y);
  if (lang_is(lang, "fr")) return fmt::format("{} {} {}", d, kFr[i], y);
  if (lang_is(lang, "en")) return fmt::format("{} {} {}", d, kEn[i], y);
  return iso;
}

ZineDoc compose_zine(const Story& story_in, const std::string& source_name, const Template& tpl, const ZineOptions& opt,
                     Diagnostics& /*diags*/) {
  // A circle that marks no highlight (a transcript) gets its best sentences as highlights.
  const Story story = with_highlights(story_in);
  ZineDoc doc;
  const FrontMatter& fm = story.meta;
  doc.source_name = source_name;
  doc.title_loc = fm.title_loc.line > 0 ? fm.title_loc : Loc{source_name};
  doc.link_loc = fm.link_loc.line > 0 ? fm.link_loc : Loc{source_name};
  doc.lang = fm.lang.empty() ? "en" : fm.lang;
  doc.title = fm.title;
  doc.node = fm.node;
  doc.date = spell_date(fm.date, doc.lang);
  doc.headline = choose_headline(story);
  if (!doc.headline) doc.headline = headline_from_turns(story);  // a thin circle still opens on a voice
  if (doc.headline && !doc.headline->speaker.empty())
    doc.headline_attribution = "— " + doc.headline->speaker;

  for (const Round& r : story.rounds) {
    if (!r.question.empty())
      doc.body.push_back({ZineBlock::Kind::round, {}, r.question, r.loc});
    for (const Turn& t : r.turns) {
      // The highlight chosen as headline already has a page of its own: in the flow it reads
      // as the ordinary turn it was.
      bool is_headline = doc.headline && doc.headline->source == &t;
      ZineBlock::Kind kind = t.highlight && !is_headline ? ZineBlock::Kind::quote
                             : t.speaker.empty()         ? ZineBlock::Kind::narration
                                                         : ZineBlock::Kind::turn;
      doc.body.push_back({kind, t.speaker, t.text, t.loc});
    }
  }

  // French and Haitian spacing before : ; ! ? when the template asks for it.
  if (tpl.option("punctuation_spacing") == "true") {
    if (doc.headline) doc.headline->text = space_high_punctuation(doc.headline->text, doc.lang);
    for (ZineBlock& b : doc.body) b.text = space_high_punctuation(b.text, doc.lang);
  }

  doc.qr_payload = !opt.qr_url.empty() ? opt.qr_url : fm.link;
  doc.link_text = shorten_link(doc.qr_payload);
  doc.label_scan = tpl.label("scan", doc.lang);
  doc.label_colophon = tpl.label("colophon", doc.lang);
  doc.label_notes = tpl.label("notes", doc.lang);
  doc.mark = node_mark(opt.shared, tpl, opt.braid);
  return doc;
}

}  // namespace telar
