// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/story_flags.h"

namespace telar::cli {

void add_story_flags(po::options_description& desc, Lang l) {
  desc.add_options()
      ("title", po::value<std::string>(), tr("front matter for a transcript: the title", l).c_str())
      ("node", po::value<std::string>(), tr("front matter for a transcript: the node", l).c_str())
      ("date", po::value<std::string>(), tr("front matter for a transcript: the date, YYYY-MM-DD", l).c_str())
      ("lang", po::value<std::string>(), tr("front matter for a transcript: the language (BCP 47)", l).c_str())
      ("link", po::value<std::string>(), tr("front matter for a transcript: the link", l).c_str())
      ("speakers", po::value<std::string>(), tr("YAML map renaming speaker labels (SPEAKER_00: Ana)", l).c_str())
      ("anonymize", po::bool_switch(), tr("replace speakers' names by stable pseudonyms", l).c_str())
      ("initials", po::bool_switch(), tr("with --anonymize: initials instead of pseudonyms", l).c_str());
}

StoryInputs story_inputs(const po::variables_map& vm) {
  StoryInputs in;
  auto get = [&](const char* key, std::string& into) {
    if (vm.count(key)) into = vm[key].as<std::string>();
  };
  get("title", in.title);
  get("node", in.node);
  get("date", in.date);
  get("lang", in.lang);
  get("link", in.link);
  if (vm.count("speakers")) in.speakers = vm["speakers"].as<std::string>();
  return in;
}

bool anonymize_flag(const po::variables_map& vm, AnonymizeMode& mode) {
  if (vm["initials"].as<bool>()) mode = AnonymizeMode::initials;
  return vm["anonymize"].as<bool>();
}

}  // namespace telar::cli
