// SPDX-License-Identifier: GPL-3.0-or-later
// Boost.Program_options, wrapped: parse a command's flags, turn Boost's errors into usage
// errors in the user's language, print per-command help, convert typed values.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <boost/program_options.hpp>

#include "base/units.h"
#include "jobs/flags.h"
#include "cli/commands.h"

namespace telar::cli {

namespace po = boost::program_options;

/// Translates a help or UI string through the interface language's po/<lang>.po.
std::string tr(std::string_view english, Lang lang);

/// Parses `args` (after the command name); `hidden` holds the positional inputs (not in help). Throws Error(usage) with a translated message
/// (and "did you mean" for a misspelt option). Returns nullopt when --help was printed.
std::optional<po::variables_map> parse_flags(std::string_view command, std::string_view usage,
                                             const Args& args, po::options_description& desc,
                                             const po::options_description& hidden,
                                             const po::positional_options_description& pos,
                                             const Env& env);

/// Boost options for a flag table (help translated; defaults shown).
po::options_description flag_options(std::span<const FlagSpec> flags, Lang lang);
/// What argv gave for each flag of the table, plus the positional inputs, defaults filled.
FlagValues flag_values(const po::variables_map& vm, std::span<const FlagSpec> flags);

}  // namespace telar::cli
