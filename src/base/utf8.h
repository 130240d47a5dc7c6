// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-8 helpers: validation with the offending byte's position, code-point counting,
// NFC normalisation (through GLib), and making text safe to echo on a terminal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace telar {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when `s` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);
/// Text with every invalid UTF-8 sequence (NUL included) replaced by U+FFFD, and where
/// the first bad byte was: the one decoder every reader of user files goes through.
struct DecodedUtf8 {
  std::string text;
  std::optional<std::size_t> first_bad;  ///< byte offset into the input
  unsigned char bad_byte = 0;            ///< the byte found there (0: a NUL)
};
DecodedUtf8 decode_utf8(std::string_view s);
/// `s` with every invalid UTF-8 sequence and NUL byte replaced by U+FFFD.
std::string valid_utf8(std::string_view s);
/// Number of code points in valid UTF-8 (invalid bytes count one each).
std::size_t count_code_points(std::string_view s);
/// NFC (canonical composition): l + U+0331 becomes ḻ U+1E3B. `s` must be valid UTF-8.
std::string nfc(std::string_view s);
/// Replaces control characters (tabs included) by spaces so an excerpt lines up.
std::string sanitize_for_terminal(std::string_view s);
/// Upper-case in a locale-independent, Unicode-aware way (GLib), e.g. for cover titles.
std::string to_upper(std::string_view s);
/// Lower-case, the same way (GLib), for matching names and words.
std::string to_lower(std::string_view s);
/// Case-folded (GLib), for comparing text without regard to case.
std::string casefold(std::string_view s);
/// Length in bytes of the UTF-8 sequence starting at s[i] (1 for an invalid byte).
std::size_t utf8_length_at(std::string_view s, std::size_t i);
/// Decodes one code point at s[i], advancing i; returns U+FFFD for invalid bytes.
char32_t next_code_point(std::string_view s, std::size_t& i);

}  // namespace telar
