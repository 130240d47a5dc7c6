// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/flags.h"

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

}  // namespace telar::cli
