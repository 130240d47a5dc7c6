// SPDX-License-Identifier: GPL-3.0-or-later
// Banner sizes: "3x1m", "300x100cm", "120x36in", "2000x700mm", or the name of a preset the
// template lists; turned to portrait or landscape on request. A bad size is a usage error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/units.h"
#include "template/template.h"

namespace telar {

/// Each side of a banner: from 10 cm (a table card) to 50 m (a street).
inline constexpr Length kBannerMinSide = Length::cm(10);
inline constexpr Length kBannerMaxSide = Length::m(50);

/// True when `text` is a preset's name rather than a size: it has no digit.
bool is_size_preset_name(std::string_view text);

/// "WxH" with a unit after the height that applies to both ("3x1m"), or one after each
/// ("300cmx1m"); 'x', 'X' or '×' between. Throws Error::usage: usage_bad_value for anything
/// else (negative, "3xm", no unit), banner_size_range for a side outside the limits.
Size parse_banner_size(std::string_view text);

struct SizePreset {
  std::string name;
  Size size;
};

/// A template's `options.presets`: "calle=3x1m, mesa=1.2x0.4m". nullopt when an entry is
/// not name=size or its size is not valid.
std::optional<std::vector<SizePreset>> parse_size_presets(std::string_view text);

/// The banner's trim size: `text` (--size; when empty the template's `options.size`) read
/// as a preset name or a size, then turned to portrait (true) or landscape (false) when
/// asked. Throws Error::usage for an unknown preset (listing the template's), and
/// Error(data_error) naming the template and key when its presets or size are broken.
Size resolve_banner_size(std::string_view text, const Template& tpl,
                         std::optional<bool> portrait);

}  // namespace telar
