// SPDX-License-Identifier: GPL-3.0-or-later
// TELAR_LEAK_CHECK: defined when LeakSanitizer checks this build (ASan, or LSan alone).
// Code that only helps LeakSanitizer see the truth goes under it, never anything a user's
// build needs. Today that is one thing (layout/fonts.cc, release_font_libraries): at exit,
// the font libraries' last caches are let go, because fontconfig keeps a pattern's
// elements and a charset's leaves as offsets from their owner (FcPtrToOffset), not as
// pointers, and LeakSanitizer, which follows pointers, would count everything a
// configuration still alive at exit holds. No library is suppressed (tests/lsan.supp).
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define TELAR_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define TELAR_LEAK_CHECK 1
#endif
#endif
