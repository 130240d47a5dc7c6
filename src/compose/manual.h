// SPDX-License-Identifier: GPL-3.0-or-later
// Lessons + template + the job's words -> what goes in the field manual: its title, node,
// crew, language, the lunar cycle it covers and the next new moons. No Pango, no paper.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compose/moon.h"
#include "compose/node_mark.h"
#include "story/lessons.h"
#include "template/template.h"

namespace telar {

struct ManualOptions {
  std::string title;  ///< --title; empty: the template's "title" label in the manual's language
  std::string node;   ///< --node
  std::string crew;   ///< --crew, "Ana, Rodrigo"
  Date cycle;         ///< --cycle (the CLI passes today when it is not given)
};

struct ManualDoc {
  std::string title, node;
  std::vector<std::string> crew;
  std::string lang;             ///< BCP 47: the first lesson's `lang`, else "en"
  Date cycle;                   ///< as given
  Date cycle_start, cycle_end;  ///< the lunation containing `cycle`: new moon to new moon
  std::vector<Date> moons;      ///< the next kCalendarMoons new moons on or after `cycle`
  std::vector<Lesson> lessons;
  NodeMark mark;  ///< the woven motif and the braid, when asked for (jobs/manual.cc fills it)
};

inline constexpr int kCalendarMoons = 13;

ManualDoc compose_manual(std::vector<Lesson> lessons, const Template& tpl,
                         const ManualOptions& opt);

/// The manual's language: the first lesson's `lang`, else "en".
std::string manual_lang(const std::vector<Lesson>& lessons);

/// "Ana, Rodrigo ,, Marisol" -> {"Ana", "Rodrigo", "Marisol"}.
std::vector<std::string> split_crew(std::string_view crew);

/// 0 = Monday … 6 = Sunday.
int weekday(Date d);
/// The date as a calendar line shows it, in `lang` (BCP 47; en, es, pt, fr; others get
/// ISO): "9 dic 2026" / "Dec 9, 2026"; with the short weekday in front when asked.
std::string calendar_date(Date d, std::string_view lang, bool with_weekday);
/// A span of two dates, shortened when they share a year: "9 nov – 9 dic 2026".
std::string date_span(Date from, Date to, std::string_view lang);

}  // namespace telar
