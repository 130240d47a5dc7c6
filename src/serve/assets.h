// SPDX-License-Identifier: GPL-3.0-or-later
// The page, compiled into telar (generated from src/serve/page/ by CMake): it works with
// the network unplugged and wherever the binary goes, and loads nothing from elsewhere.
#pragma once

#include <string_view>

namespace telar::serve {

std::string_view page_html();  ///< {{TOKEN}} and {{LANG}} are filled in per request
std::string_view page_js();
std::string_view page_css();

}  // namespace telar::serve
