// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/banner.h"

#include <algorithm>

#include "base/quotes.h"
#include "compose/headline.h"
#include "compose/qr_payload.h"  // shorten_link
#include "compose/zine.h"  // spell_date

namespace telar {
namespace {

std::size_t word_count(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

BannerDoc compose_banner(const Story* story_in, const std::string& source_name,
                         const std::string& headline, const std::string& lang,
                         const Template& tpl, Diagnostics& diags) {
  // A circle that marks no highlight (a transcript) gets its best sentences as highlights.
  std::optional<Story> marked;
  if (story_in != nullptr) marked = with_highlights(*story_in);
  const Story* story = marked ? &*marked : nullptr;
  BannerDoc doc;
  doc.source_name = source_name;
  doc.lang = story && !story->meta.lang.empty() ? story->meta.lang : lang.empty() ? "en" : lang;
  const Turn* headline_turn = nullptr;
  if (!headline.empty()) {
    doc.headline = headline;
  } else if (story) {
    if (auto h = choose_headline(*story)) {
      doc.headline = h->text;
      doc.headline_loc = h->loc;
      headline_turn = h->source;
    }
  }
  if (doc.headline.empty()) diags.error(Loc{source_name}, msg(MsgId::banner_no_headline));
  if (doc.headline_loc.file.empty()) doc.headline_loc = Loc{source_name};
  doc.label_scan = tpl.label("scan", doc.lang);
  if (!story) return doc;

  const FrontMatter& fm = story->meta;
  doc.node = fm.node;
  doc.date = spell_date(fm.date, doc.lang);
  doc.qr_payload = fm.link;
  doc.link_text = shorten_link(doc.qr_payload);
  doc.link_loc = fm.link_loc.line > 0 ? fm.link_loc : Loc{source_name};

  // The quotes: the highlights that would have made the next-best headlines, short enough
  // to read from a few metres, shown in the order they were said.
  std::size_t wanted = 0;
  const std::string q = tpl.option("quotes", "0");
  if (q == "1" || q == "2") wanted = static_cast<std::size_t>(q[0] - '0');
  std::vector<std::pair<double, const Turn*>> scored;
  for (const Round& r : story->rounds)
    for (const Turn& t : r.turns)
      if (t.highlight && &t != headline_turn && !t.text.empty() && t.text != doc.headline &&
          word_count(t.text) <= kBannerQuoteMaxWords)
        scored.emplace_back(headline_score(t, *story), &t);
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (scored.size() > wanted) scored.resize(wanted);
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.second->loc.line < b.second->loc.line;
  });
  for (const auto& [score, t] : scored) doc.quotes.push_back({t->text, t->speaker, t->loc});
  // French and Haitian spacing before : ; ! ? when the template asks for it.
  if (tpl.option("punctuation_spacing") == "true") {
    doc.headline = space_high_punctuation(doc.headline, doc.lang);
    for (BannerQuote& quote : doc.quotes) quote.text = space_high_punctuation(quote.text, doc.lang);
  }
  return doc;
}

}  // namespace telar
