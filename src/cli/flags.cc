// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/flags.h"

#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "base/messages.h"

namespace telar::cli {

std::string tr(std::string_view english, Lang lang) { return std::string(label(english, lang)); }

std::optional<po::variables_map> parse_flags(std::string_view command, std::string_view usage,
                                             const Args& args, po::options_description& desc,
                                             const po::options_description& hidden,
                                             const po::positional_options_description& pos,
                                             const Env& env) {
  desc.add_options()("help,h", tr("show this help", env.lang).c_str());
  po::options_description all;
  all.add(desc).add(hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    std::vector<std::string> names;
    for (const auto& o : desc.options()) names.push_back("--" + o->long_name());
    std::string near = closest(e.get_option_name(), names);
    throw Error::usage(near.empty() ? msg(MsgId::usage_unknown_option, e.get_option_name(), command)
                                    : msg(MsgId::usage_unknown_option_near, e.get_option_name(), command, near));
  } catch (const po::too_many_positional_options_error&) {
    throw Error::usage(msg(MsgId::usage_too_many_inputs, command));
  } catch (const po::invalid_command_line_syntax& e) {
    throw Error::usage(msg(MsgId::usage_missing_value, e.get_option_name()));
  } catch (const po::error& e) {
    throw Error::usage(msg(MsgId::usage_bad_option, e.what()));
  }
  if (vm.count("help")) {
    std::string text = fmt::format("{}: telar {} {}\n\n{}\n", tr("usage", env.lang), command,
                                   usage, tr("options", env.lang));
    std::fputs(text.c_str(), env.out);
    std::ostringstream os;
    os << desc;
    std::fputs(os.str().c_str(), env.out);
    return std::nullopt;
  }
  return vm;
}

Size paper_flag(const std::string& value) {
  if (auto s = paper_size(value)) return *s;
  if (auto x = value.find('x'); x != std::string::npos) {
    std::string unit;
    std::size_t u = value.find_first_not_of("0123456789.", x + 1);
    if (u != std::string::npos) unit = value.substr(u);
    auto w = parse_length(value.substr(0, x), unit.empty() ? "mm" : unit);
    auto h = parse_length(value.substr(x + 1), "mm");
    if (w && h && w->mm() >= 50 && h->mm() >= 50 && w->mm() <= 2000 && h->mm() <= 2000)
      return {*w, *h};
  }
  throw Error::usage(msg(MsgId::usage_bad_value, "paper", value, ui_word("a4, letter, a3, a5, legal, tabloid or WxH (210x297mm)")));
}

std::string choice_flag(std::string_view option, const std::string& value,
                        std::initializer_list<std::string_view> allowed) {
  std::string list;
  for (auto a : allowed) {
    if (a == value) return value;
    list += (list.empty() ? "" : "|") + std::string(a);
  }
  throw Error::usage(msg(MsgId::usage_bad_value, option, value, list));
}

double dpi_flag(const std::string& value) {
  double v = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size() || !(v >= 36 && v <= 1200))
    throw Error::usage(msg(MsgId::usage_bad_value, "dpi", value, "36..1200"));
  return v;
}

}  // namespace telar::cli
