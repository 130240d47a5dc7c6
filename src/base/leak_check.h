// SPDX-License-Identifier: GPL-3.0-or-later
// LeakSanitizer and fontconfig. fontconfig keeps a pattern's element array and a charset's
// leaves as offsets from the object that owns them (FcPtrToOffset), not as pointers, so
// LeakSanitizer, which follows pointers, reports the patterns and charsets of every
// configuration still alive at exit as leaked: fontconfig's current configuration (telar's
// own, made current by FontSet) holds the whole bundled font set until the process ends.
// A `LibraryCacheScope` around the calls that load fonts into a configuration tells
// LeakSanitizer not to report what those calls allocate. Everything else stays checked:
// telar's own objects, and a configuration, font map or Cairo surface that telar forgets to
// release (a suppression naming libfontconfig.so or libcairo.so hid all of those).
// Without a sanitizer it is nothing.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define TELAR_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define TELAR_LEAK_CHECK 1
#endif
#endif

#ifdef TELAR_LEAK_CHECK
#include <sanitizer/lsan_interface.h>
#endif

namespace telar {

class LibraryCacheScope {
 public:
#ifdef TELAR_LEAK_CHECK
  LibraryCacheScope() { __lsan_disable(); }
  ~LibraryCacheScope() { __lsan_enable(); }
#else
  LibraryCacheScope() {}   // user-provided: a scope variable is not "unused"
  ~LibraryCacheScope() {}  // NOLINT(modernize-use-equals-default)
#endif
  LibraryCacheScope(const LibraryCacheScope&) = delete;
  LibraryCacheScope& operator=(const LibraryCacheScope&) = delete;
};

}  // namespace telar
