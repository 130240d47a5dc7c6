// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/manual.h"

#include "base/text.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace telar {
namespace {

struct DateWords {
  std::string_view lang;
  std::array<std::string_view, 12> months;
  std::array<std::string_view, 7> weekdays;  // Monday first
};

constexpr DateWords kDateWords[] = {
    {"en",
     {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
     {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}},
    {"es",
     {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
     {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"}},
    {"pt",
     {"jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"},
     {"seg", "ter", "qua", "qui", "sex", "sáb", "dom"}},
    {"fr",
     {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
      "déc."},
     {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."}},
};

const DateWords* words_for(std::string_view lang) {
  const std::string_view primary = lang.substr(0, lang.find('-'));
  for (const DateWords& w : kDateWords)
    if (w.lang == primary) return &w;
  return nullptr;
}

std::string day_month(Date d, const DateWords& w) {
  return fmt::format("{} {}", d.day, w.months[static_cast<std::size_t>(d.month - 1)]);
}

Date add_days(Date d, int days) { return date_from_julian_day(julian_day(d) + days + 0.5); }

}  // namespace

std::string manual_lang(const std::vector<Lesson>& lessons) {
  for (const Lesson& l : lessons)
    if (!l.meta.lang.empty()) return l.meta.lang;
  return "en";
}

std::vector<std::string> split_crew(std::string_view crew) { return split_names(crew); }

int weekday(Date d) {
  // JD 0 (at noon) was a Monday.
  const auto jdn = static_cast<long>(std::floor(julian_day(d) + 0.5));
  return static_cast<int>(((jdn % 7) + 7) % 7);
}

std::string calendar_date(Date d, std::string_view lang, bool with_weekday) {
  const DateWords* w = words_for(lang);
  if (w == nullptr) return format_date(d);
  std::string text = fmt::format("{} {}", day_month(d, *w), d.year);
  if (with_weekday)
    text = fmt::format("{} {}", w->weekdays[static_cast<std::size_t>(weekday(d))], text);
  return text;
}

std::string date_span(Date from, Date to, std::string_view lang) {
  const DateWords* w = words_for(lang);
  if (w == nullptr) return fmt::format("{} – {}", format_date(from), format_date(to));
  if (from.year == to.year)
    return fmt::format("{} – {} {}", day_month(from, *w), day_month(to, *w), to.year);
  return fmt::format("{} – {}", calendar_date(from, lang, false), calendar_date(to, lang, false));
}

ManualDoc compose_manual(std::vector<Lesson> lessons, const Template& tpl,
                         const ManualOptions& opt) {
  ManualDoc doc;
  doc.lang = manual_lang(lessons);
  doc.title = opt.title.empty() ? tpl.label("title", doc.lang) : opt.title;
  doc.node = opt.node;
  doc.crew = split_crew(opt.crew);
  doc.cycle = opt.cycle;
  doc.moons = next_new_moons(opt.cycle, kCalendarMoons);
  // The lunation containing the cycle date: the last new moon on or before it, to the next.
  const std::vector<Date> around = next_new_moons(add_days(opt.cycle, -31), 3);
  doc.cycle_start = around.front();
  for (const Date& m : around)
    if (m <= opt.cycle) doc.cycle_start = m;
  doc.cycle_end =
      doc.moons.front() == opt.cycle && doc.moons.size() > 1 ? doc.moons[1] : doc.moons.front();
  doc.lessons = std::move(lessons);
  return doc;
}

}  // namespace telar
