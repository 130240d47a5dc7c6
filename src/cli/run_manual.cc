// SPDX-License-Identifier: GPL-3.0-or-later
// `telar manual`: argv -> ManualJob -> make_manual. Today's date (the default --cycle) is
// read here, the one impure input, and passed down as data.
#include <ctime>
#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/flags.h"
#include "jobs/manual.h"
#include "render/output.h"

namespace telar::cli {
namespace {

/// Today in UTC; SOURCE_DATE_EPOCH, when set, stands for "now" (reproducible builds).
Date today() {
  std::time_t now = std::time(nullptr);
  if (auto sde = parse_source_date_epoch(std::getenv("SOURCE_DATE_EPOCH")))
    now = static_cast<std::time_t>(*sde);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Length creep_flag(const std::string& value) {
  auto l = parse_length(value, "mm");
  if (!l || l->mm() < 0 || l->mm() > 2)
    throw Error::usage(msg(MsgId::usage_bad_value, "creep", value,
                           ui_word("a length from 0 to 2mm, such as 0.1mm")));
  return *l;
}

Length paper_weight_flag(const std::string& value) {
  if (auto c = creep_for_paper_weight(value)) return *c;
  std::string names;
  for (const PaperWeight& w : paper_weights())
    names += (names.empty() ? "" : ", ") + std::string(w.name);
  throw Error::usage(msg(MsgId::usage_bad_value, "paper-weight", value, names));
}

}  // namespace

Exit run_manual(const Args& args, const Env& env) {
  const Lang l = env.lang;
  po::options_description desc, hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>());
  desc.add_options()
      ("template,t", po::value<std::string>(), tr("template name (see 'telar templates') or a .yaml file", l).c_str())
      ("output,o", po::value<std::string>(), tr("output file: .pdf, .svg (one file per page) or .png", l).c_str())
      ("page", po::value<std::string>(), tr("page size of the booklet (default: the template's, a5)", l).c_str())
      ("sheet", po::value<std::string>(), tr("paper the printer takes, two pages side by side (default: a4)", l).c_str())
      ("impose", po::value<std::string>(), tr("saddle: sheets to print duplex, fold and staple (default for PDF); none: the pages in order", l).c_str())
      ("title", po::value<std::string>(), tr("the manual's title (default: 'Field manual' in the lessons' language)", l).c_str())
      ("node", po::value<std::string>(), tr("the node the manual is for, printed on the cover", l).c_str())
      ("crew", po::value<std::string>(), tr("the outgoing crew, e.g. \"Ana, Rodrigo\"", l).c_str())
      ("cycle", po::value<std::string>(), tr("a day of the lunar cycle the manual covers, YYYY-MM-DD (default: today)", l).c_str())
      ("creep", po::value<std::string>(), tr("creep per sheet, e.g. 0.1mm: inner sheets' pages move toward the fold", l).c_str())
      ("paper-weight", po::value<std::string>(), tr("creep from the paper: 60gsm to 120gsm", l).c_str())
      ("duplex", po::value<std::string>()->default_value("short"), tr("how your printer flips the sheet: short or long edge (see --calibrate)", l).c_str())
      ("calibrate", po::bool_switch(), tr("print a two-sided test sheet that shows which --duplex to use", l).c_str())
      ("dpi", po::value<std::string>()->default_value("150"), tr("resolution of PNG output", l).c_str());
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse_flags("manual",
                        "LESSON.md... [-t TEMPLATE] [-o OUT] [--page a5] [--sheet a4] "
                        "[--impose saddle|none] [--crew NAMES] [--cycle YYYY-MM-DD]",
                        args, desc, hidden, pos, env);
  if (!vm) return Exit::ok;
  const po::variables_map& v = *vm;
  auto text = [&](const char* name) {
    return v.count(name) ? v[name].as<std::string>() : std::string();
  };

  ManualJob job;
  job.calibrate = v["calibrate"].as<bool>();
  if (v.count("input"))
    for (const auto& f : v["input"].as<std::vector<std::string>>()) job.lessons.emplace_back(f);
  if (job.calibrate && !job.lessons.empty())
    throw Error::usage(msg(MsgId::manual_calibrate_inputs));
  if (!job.calibrate && job.lessons.empty()) throw Error::usage(msg(MsgId::usage_missing_input));
  job.template_name = text("template");
  job.out = text("output");
  if (v.count("page")) job.page = paper_flag(text("page"));
  if (v.count("sheet")) job.sheet = paper_flag(text("sheet"));
  if (v.count("impose"))
    job.impose = choice_flag("impose", text("impose"), {"saddle", "none"}) == "saddle"
                     ? ManualImpose::saddle
                     : ManualImpose::none;
  job.title = text("title");
  job.node = text("node");
  job.crew = text("crew");
  if (v.count("cycle")) {
    auto d = parse_date(text("cycle"));
    if (!d)
      throw Error::usage(msg(MsgId::usage_bad_value, "cycle", text("cycle"),
                             ui_word("a date written YYYY-MM-DD")));
    job.cycle = *d;
  } else {
    job.cycle = today();
  }
  if (v.count("creep") && v.count("paper-weight"))
    throw Error::usage(msg(MsgId::usage_conflict, "creep", "paper-weight"));
  if (v.count("creep")) job.creep = creep_flag(text("creep"));
  if (v.count("paper-weight")) job.creep = paper_weight_flag(text("paper-weight"));
  const bool long_edge = choice_flag("duplex", text("duplex"), {"short", "long"}) == "long";
  job.duplex = long_edge ? Duplex::long_edge : Duplex::short_edge;
  job.dpi = dpi_flag(text("dpi"));
  job.ui_lang = l;
  Diagnostics diags;
  make_manual(job, diags);
  print(env.err, diags.all(), l);
  return Exit::ok;
}

}  // namespace telar::cli
