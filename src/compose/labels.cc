// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/labels.h"

namespace telar {

void anonymize_labels(Template& tpl, const Anonymizer& anon, Diagnostics& diags) {
  for (auto& [lang, labels] : tpl.labels)
    for (auto& [key, text] : labels) {
      std::string rewritten = anon.apply(text);
      if (rewritten == text) continue;
      const std::string where = "labels." + lang + "." + key;
      diags.warning(Loc{tpl.loc.file, tpl.loc.line, tpl.loc.column, where},
                    msg(MsgId::anonymize_template_label, where));
      text = std::move(rewritten);
    }
}

}  // namespace telar
