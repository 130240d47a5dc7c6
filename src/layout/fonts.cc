// SPDX-License-Identifier: GPL-3.0-or-later
// FontSet: a private FcConfig over fonts/ (plus, on request, the system's CJK files),
// a Pango font map on it, contexts with stable metrics, and missing-glyph reports.
#include "layout/fonts.h"

#include <cairo.h>
#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <system_error>
#include <tuple>
#include <utility>

#include "base/data_dir.h"
#include "base/error.h"
#include "base/leak_check.h"
#include "base/utf8.h"

#ifdef TELAR_LEAK_CHECK
#include <atomic>
#include <chrono>
#include <thread>
#endif

namespace telar {
namespace {

using FcPatternRef = std::unique_ptr<FcPattern, Free<FcPatternDestroy>>;
using FcObjectSetRef = std::unique_ptr<FcObjectSet, Free<FcObjectSetDestroy>>;
using FcFontSetRef = std::unique_ptr<FcFontSet, Free<FcFontSetDestroy>>;
using FontOptions = std::unique_ptr<cairo_font_options_t, Free<cairo_font_options_destroy>>;

const FcChar8* fc_str(const std::string& s) { return reinterpret_cast<const FcChar8*>(s.c_str()); }

std::string get_string(FcPattern* p, const char* object, int n = 0) {
  FcChar8* v = nullptr;
  if (FcPatternGetString(p, object, n, &v) != FcResultMatch || v == nullptr) return {};
  return reinterpret_cast<const char*>(v);
}

/// Family, style, file name (no directory) and version of a fontconfig pattern.
FaceInfo face_info(FcPattern* p) {
  FaceInfo f;
  f.family = get_string(p, FC_FAMILY);
  f.style = get_string(p, FC_STYLE);
  f.file = std::filesystem::path(get_string(p, FC_FILE)).filename().string();
  int version = 0;
  if (FcPatternGetInteger(p, FC_FONTVERSION, 0, &version) == FcResultMatch)
    f.version = fmt::format("{:.3f}", version / 65536.0);
  return f;
}

void sort_faces(std::vector<FaceInfo>& faces) {
  std::ranges::sort(faces, [](const FaceInfo& a, const FaceInfo& b) {
    return std::tie(a.family, a.style, a.file) < std::tie(b.family, b.style, b.file);
  });
}

Error setup_error(std::string_view what) {
  return Error(Exit::failure, Loc{}, msg(MsgId::fonts_setup_failed, what));
}

/// fonts.conf's cache folder, as fontconfig resolves `<cachedir prefix="xdg">`.
std::filesystem::path cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
    return std::filesystem::path(xdg) / "telar" / "fontconfig";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::filesystem::path(home) / ".cache" / "telar" / "fontconfig";
  return {};
}

/// Adds every font of `dir`. With a writable cache folder, through fontconfig's directory
/// cache (0.3 ms warm); without one, FcConfigAppFontAddDir would print "No writable cache
/// directories" on stderr, so the files are scanned one by one instead (~10 ms).
bool add_bundled_fonts(FcConfig* config, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path cache = cache_dir();
  bool writable = false;
  if (!cache.empty()) {
    fs::create_directories(cache, ec);
    writable = !ec && ::access(cache.c_str(), W_OK) == 0;
  }
  if (writable) return FcConfigAppFontAddDir(config, fc_str(dir.string())) == FcTrue;
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string ext = e.path().extension().string();
    if (ext == ".ttf" || ext == ".otf" || ext == ".ttc") files.push_back(e.path());
  }
  std::ranges::sort(files);
  bool any = false;
  for (const fs::path& f : files)
    any |= FcConfigAppFontAddFile(config, fc_str(f.string())) == FcTrue;
  return any;
}

// --- system CJK (FONTS.md §5) ------------------------------------------------------

struct SystemFace {
  std::vector<std::string> families;  ///< every family name fontconfig knows it by
  std::string path;
  FcLangSet* langs = nullptr;  ///< owned by system_font_list()
};

/// Family-name prefixes in order of preference; a prefix covers every regional family
/// (Noto Sans CJK JP/KR/SC/TC/HK) and every file of it (Regular, Bold, …).
constexpr std::array<std::string_view, 8> kCjkPreference = {
    "Noto Sans CJK",  "Source Han Sans", "WenQuanYi Micro Hei", "Droid Sans Fallback",
    "Noto Serif CJK", "IPAGothic",       "NanumGothic",         "AR PL UMing"};
constexpr std::array<const char*, 4> kCjkLangs = {"zh-cn", "zh-tw", "ja", "ko"};

bool has_family_prefix(const SystemFace& f, std::string_view prefix) {
  return std::ranges::any_of(f.families,
                             [&](const std::string& fam) { return fam.starts_with(prefix); });
}

/// The system's fontconfig file as the environment names it, read before FontSet points
/// FONTCONFIG_FILE at telar's own (a relative name is looked up in fontconfig's folder).
const std::string& system_fonts_conf() {
  static const std::string name = [] {
    const char* env = std::getenv("FONTCONFIG_FILE");
    return std::string(env != nullptr && *env != '\0' ? env : "fonts.conf");
  }();
  return name;
}

/// Fontconfig's process-wide default configuration, which Pango loads in a thread of its own
/// although telar lays out only with its private FcConfig, becomes telar's fonts.conf: no
/// system configuration is read behind telar's back.
void use_own_default_config(const std::filesystem::path& conf) {
  static const bool done = [&] {
    (void)system_fonts_conf();
    return ::setenv("FONTCONFIG_FILE", conf.c_str(), 1) == 0;
  }();
  (void)done;
}

/// Every face of the system's fontconfig with its families, file, languages and characters;
/// the system configuration is read once per process, only when a text needs a fallback,
/// and released again (never made current). nullptr when it cannot be read.
const FcFontSet* system_font_list() {
  static const FcFontSetRef list = []() -> FcFontSetRef {
    FcConfigRef sys(FcConfigCreate());
    if (!sys || FcConfigParseAndLoad(sys.get(), fc_str(system_fonts_conf()), FcFalse) != FcTrue ||
        FcConfigBuildFonts(sys.get()) != FcTrue)
      return nullptr;
    FcPatternRef all(FcPatternCreate());
    FcObjectSetRef os(FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_LANG, FC_CHARSET, nullptr));
    return FcFontSetRef(FcFontList(sys.get(), all.get(), os.get()));
  }();
  return list.get();
}

/// The system font files to add, sorted; computed once per process (the system
/// fontconfig is loaded here and released again, and never made current).
const std::vector<std::string>& system_cjk_files() {
  static const std::vector<std::string> files = [] {
    std::vector<std::string> out;
    const FcFontSet* list = system_font_list();
    if (list == nullptr) return out;
    std::vector<SystemFace> faces;
    for (int i = 0; i < list->nfont; ++i) {
      SystemFace f;
      f.path = get_string(list->fonts[i], FC_FILE);
      for (int n = 0;; ++n) {
        std::string fam = get_string(list->fonts[i], FC_FAMILY, n);
        if (fam.empty()) break;
        f.families.push_back(std::move(fam));
      }
      if (FcPatternGetLangSet(list->fonts[i], FC_LANG, 0, &f.langs) != FcResultMatch) continue;
      if (!f.path.empty()) faces.push_back(std::move(f));
    }
    std::vector<std::string_view> chosen;
    for (const char* lang : kCjkLangs) {
      for (std::string_view prefix : kCjkPreference) {
        bool covers = std::ranges::any_of(faces, [&](const SystemFace& f) {
          return has_family_prefix(f, prefix) &&
                 FcLangSetHasLang(f.langs, reinterpret_cast<const FcChar8*>(lang)) == FcLangEqual;
        });
        if (covers) {
          if (std::ranges::find(chosen, prefix) == chosen.end()) chosen.push_back(prefix);
          break;
        }
      }
    }
    for (const SystemFace& f : faces)
      if (std::ranges::any_of(chosen, [&](std::string_view p) { return has_family_prefix(f, p); }))
        out.push_back(f.path);
    std::ranges::sort(out);
    out.erase(std::unique(out.begin(), out.end()), out.end());  // clang 14 (fuzz build): no ranges::unique
    return out;
  }();
  return files;
}

// --- other system fallback: Debian's Noto core and colour emoji ------------------------

using FcCharSetRef = std::unique_ptr<FcCharSet, Free<FcCharSetDestroy>>;

struct SystemNotoFace {
  std::string family;  ///< the first family name: "Noto Sans Devanagari"
  std::string path;
  FcCharSetRef chars;
};

/// Characters a font never needs a glyph for: controls (refused or dropped before layout),
/// line and paragraph separators, and Unicode's default-ignorable characters (joiners,
/// direction marks, variation selectors), which Pango draws as nothing.
bool needs_no_glyph(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x34F || c == 0x61C ||
         c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
         (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

/// Pictographs that have an emoji presentation: the colour emoji font first.
bool is_emoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2B00 && c <= 0x2BFF);
}

/// Order of preference among the system families that have a character (lower first).
int family_rank(std::string_view family, char32_t c) {
  if (family == "Noto Color Emoji") return is_emoji(c) ? 0 : 4;
  if (family.starts_with("Noto Sans Symbols") || family == "Noto Sans Math") return 3;
  if (family.starts_with("Noto Sans Mono") || family.starts_with("Noto Sans Display")) return 6;
  if (family.starts_with("Noto Sans ")) return 1;
  if (family.starts_with("Noto Serif ")) return 2;
  return 5;  // Noto Looped Thai, Noto Kufi Arabic, Noto Rashi Hebrew, …
}

/// Every system face of a "Noto" family other than CJK, with its characters; listed once
/// per process (only when a text needs a character the bundle lacks), sorted by path.
const std::vector<SystemNotoFace>& system_noto_faces() {
  static const std::vector<SystemNotoFace> faces = [] {
    std::vector<SystemNotoFace> out;
    const FcFontSet* list = system_font_list();
    if (list == nullptr) return out;
    for (int i = 0; i < list->nfont; ++i) {
      SystemNotoFace f;
      f.family = get_string(list->fonts[i], FC_FAMILY);
      f.path = get_string(list->fonts[i], FC_FILE);
      FcCharSet* cs = nullptr;
      if (!f.family.starts_with("Noto ") || f.family.find(" CJK") != std::string::npos ||
          f.path.empty() ||
          FcPatternGetCharSet(list->fonts[i], FC_CHARSET, 0, &cs) != FcResultMatch)
        continue;
      f.chars.reset(FcCharSetCopy(cs));
      out.push_back(std::move(f));
    }
    std::ranges::sort(out, {}, &SystemNotoFace::path);
    return out;
  }();
  return faces;
}

/// Code points that only CJK fonts have.
bool is_cjk(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) ||    // Hangul Jamo
         (c >= 0x2E80 && c <= 0x2FDF) ||    // CJK and Kangxi radicals
         (c >= 0x2FF0 && c <= 0x9FFF) ||    // ideographic description … CJK Unified
         (c >= 0xA960 && c <= 0xA97F) ||    // Hangul Jamo Extended-A
         (c >= 0xAC00 && c <= 0xD7FF) ||    // Hangul syllables, Jamo Extended-B
         (c >= 0xF900 && c <= 0xFAFF) ||    // CJK compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||    // CJK compatibility forms
         (c >= 0xFF00 && c <= 0xFFEF) ||    // half-width and full-width forms
         (c >= 0x1B000 && c <= 0x1B16F) ||  // kana supplement/extended
         (c >= 0x20000 && c <= 0x3FFFF);    // supplementary ideographic planes
}

#ifdef TELAR_LEAK_CHECK
/// Pango 1.50 matches and sorts every new font pattern in two detached threads of its own
/// (pangofc-fontmap.c, pango_fc_patterns_new), each holding the pattern, its configuration
/// and a reference to the font map until it ends, and offers no way to join them. A short
/// run (`telar check` stopping at an error) exits while a sort still runs, and
/// LeakSanitizer then counts that thread's patterns. So, under it only, every font map is
/// counted while it lives (the last reference, a thread's, may go last), and the exit waits
/// (10 s at most) until none is left.
std::atomic<int> live_font_maps{0};

void font_map_finalized(gpointer /*data*/, GObject* /*map*/) { live_font_maps.fetch_sub(1); }

void count_font_map(PangoFontMap* map) {
  live_font_maps.fetch_add(1);
  g_object_weak_ref(G_OBJECT(map), font_map_finalized, nullptr);
}

void wait_for_font_maps() {
  for (int tries = 0; tries < 1000 && live_font_maps.load() > 0; ++tries)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

/// Under LeakSanitizer only (base/leak_check.h): at exit, once every FontSet and static font
/// list is gone and Pango's threads have let go of the font maps, Cairo drops its font
/// caches (which hold fontconfig patterns) and an empty configuration is made current,
/// which releases telar's own (made current by FontSet) with its fonts. Nothing of
/// fontconfig's that LeakSanitizer cannot follow (a pattern's elements are an offset from
/// it, not a pointer) is then left alive, and what remains reported is a real leak: a
/// FontSet, font map, layout or Cairo object that telar forgot. (FcFini would free the rest
/// too, but asserts when a cache is still referenced anywhere.) Registered when the program
/// or module is loaded, so it runs after the function-local statics are destroyed.
void release_font_libraries() {
  wait_for_font_maps();
  cairo_debug_reset_static_data();
  FcConfig* empty = FcConfigCreate();
  if (empty != nullptr && FcConfigSetCurrent(empty) == FcTrue) FcConfigDestroy(empty);  // current holds it
}
[[maybe_unused]] const int release_at_exit = std::atexit(release_font_libraries);
#endif

}  // namespace

FontSet::FontSet(const std::filesystem::path& fonts_dir) {
  std::error_code ec;
  const std::filesystem::path conf = fonts_dir / "fonts.conf";
  if (!std::filesystem::is_directory(fonts_dir, ec) || !std::filesystem::is_regular_file(conf, ec))
    throw Error(Exit::failure, Loc{fonts_dir.string()}, msg(MsgId::fonts_missing));

  use_own_default_config(std::filesystem::absolute(conf, ec));
  config_.reset(FcConfigCreate());
  if (!config_) throw setup_error("FcConfigCreate");
  // complain = FcTrue, else it always returns FcTrue (fontconfig also prints XML errors).
  if (FcConfigParseAndLoad(config_.get(), fc_str(conf.string()), FcTrue) != FcTrue)
    throw Error(Exit::failure, Loc{conf.string()}, msg(MsgId::fonts_bad_config));
  if (FcConfigBuildFonts(config_.get()) != FcTrue) throw setup_error("FcConfigBuildFonts");
  if (!add_bundled_fonts(config_.get(), fonts_dir))
    throw Error(Exit::failure, Loc{fonts_dir.string()}, msg(MsgId::fonts_none_loaded));

  chars_.reset(FcCharSetCreate());
  if (FcFontSet* set = FcConfigGetFonts(config_.get(), FcSetApplication); set != nullptr)
    for (int i = 0; i < set->nfont; ++i) {
      faces_.push_back(face_info(set->fonts[i]));
      if (FcCharSet* cs = nullptr;
          FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
        FcCharSetMerge(chars_.get(), cs, nullptr);
    }
  if (faces_.empty())
    throw Error(Exit::failure, Loc{fonts_dir.string()}, msg(MsgId::fonts_none_loaded));
  sort_faces(faces_);

  // Pango's font map initialises fontconfig's default configuration in a thread of its own
  // (FcInit): parsing fonts.conf again and building its font list took 22 M instructions,
  // an eighth of an empty render. With this configuration current, FcInit has nothing left
  // to do. Layout never asks the default configuration: Pango gets config_ just below.
  if (FcConfigSetCurrent(config_.get()) != FcTrue) throw setup_error("FcConfigSetCurrent");
  font_map_ = GRef<PangoFontMap>::adopt(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  if (!font_map_) throw setup_error("pango_cairo_font_map_new_for_font_type");
#ifdef TELAR_LEAK_CHECK
  count_font_map(font_map_.get());
#endif
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_.get()), config_.get());  // takes a ref
}

FontSet::~FontSet() {
  // The font map's fonts and fontsets go now, with the Cairo fonts they hold, even when a
  // layout made with them outlives the set (Pango shuts such fonts down).
  if (!font_map_) return;
  PangoFcFontMap* map = PANGO_FC_FONT_MAP(font_map_.get());
  pango_fc_font_map_shutdown(map);
  // Pango 1.50's font map never drops the reference pango_fc_font_map_set_config took (its
  // finalize forgets priv->config), so every FontSet kept its configuration and all its
  // fonts alive until the process ended: a batch or `telar serve` grew by one configuration
  // per job. Setting no configuration drops that reference; on a shut-down map it does
  // nothing else (the cache it would clear is gone).
  pango_fc_font_map_set_config(map, nullptr);
}

GRef<PangoContext> FontSet::context(std::string_view bcp47) const {
  auto ctx = GRef<PangoContext>::adopt(pango_font_map_create_context(font_map_.get()));
  pango_cairo_context_set_resolution(ctx.get(), 72.0);
  FontOptions options(cairo_font_options_create());
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(ctx.get(), options.get());  // copies
  pango_context_set_round_glyph_positions(ctx.get(), FALSE);
  const std::string tag = bcp47.empty() ? std::string("und") : std::string(bcp47);
  pango_context_set_language(ctx.get(), pango_language_from_string(tag.c_str()));
  return ctx;
}

GRef<PangoLayout> FontSet::layout(std::string_view bcp47, std::string_view description,
                                  std::string_view text) const {
  GRef<PangoContext> ctx = context(bcp47);
  auto layout = GRef<PangoLayout>::adopt(pango_layout_new(ctx.get()));
  const std::string desc_text(description);
  FontDescription desc(pango_font_description_from_string(desc_text.c_str()));
  pango_layout_set_font_description(layout.get(), desc.get());
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

std::vector<FaceInfo> FontSet::faces() const { return faces_; }

const std::vector<FaceInfo>& FontSet::add_system_cjk() {
  if (cjk_added_) return cjk_faces_;
  cjk_added_ = true;
  const std::vector<std::string>& files = system_cjk_files();
  for (const std::string& file : files) add_file(file, cjk_faces_);
  if (!files.empty()) pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(font_map_.get()));
  sort_faces(cjk_faces_);
  return cjk_faces_;
}

void FontSet::add_file(const std::string& file, std::vector<FaceInfo>& added) {
  FcFontSet* before = FcConfigGetFonts(config_.get(), FcSetApplication);
  const int first = before != nullptr ? before->nfont : 0;
  if (FcConfigAppFontAddFile(config_.get(), fc_str(file)) != FcTrue) return;
  FcFontSet* after = FcConfigGetFonts(config_.get(), FcSetApplication);
  for (int i = first; after != nullptr && i < after->nfont; ++i) {
    added.push_back(face_info(after->fonts[i]));
    if (FcCharSet* cs = nullptr;
        FcPatternGetCharSet(after->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
      FcCharSetMerge(chars_.get(), cs, nullptr);
  }
}

bool FontSet::covers(std::string_view utf8) const {
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    if (!needs_no_glyph(c) && FcCharSetHasChar(chars_.get(), c) != FcTrue) return false;
  }
  return true;
}

void FontSet::add_system_fallback(std::string_view utf8) {
  if (covers(utf8)) return;
  if (has_cjk(utf8)) add_system_cjk();
  bool changed = false;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    if (needs_no_glyph(c) || FcCharSetHasChar(chars_.get(), c) == FcTrue) continue;
    const SystemNotoFace* best = nullptr;
    for (const SystemNotoFace& f : system_noto_faces())
      if (FcCharSetHasChar(f.chars.get(), c) == FcTrue &&
          (best == nullptr || std::pair(family_rank(f.family, c), f.family) <
                                  std::pair(family_rank(best->family, c), best->family)))
        best = &f;
    if (best == nullptr || std::ranges::find(fallback_families_, best->family) !=
                               fallback_families_.end())
      continue;  // no system font has it: missing_glyphs() will name it
    fallback_families_.push_back(best->family);
    for (const SystemNotoFace& f : system_noto_faces())
      if (f.family == best->family) add_file(f.path, fallback_faces_);
    changed = true;
  }
  if (!changed) return;
  pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(font_map_.get()));
  sort_faces(fallback_faces_);
}

std::vector<MissingGlyph> FontSet::missing_glyphs(PangoLayout* layout) {
  std::vector<MissingGlyph> out;
  if (pango_layout_get_unknown_glyphs_count(layout) == 0) return out;
  LayoutIter iter(pango_layout_get_iter(layout));
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter.get());
    if (run == nullptr) continue;  // end of a line
    const PangoGlyphString* glyphs = run->glyphs;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
      const PangoGlyph g = glyphs->glyphs[i].glyph;
      if (g == PANGO_GLYPH_INVALID_INPUT || (g & PANGO_GLYPH_UNKNOWN_FLAG) == 0) continue;
      out.push_back({static_cast<char32_t>(g & ~PANGO_GLYPH_UNKNOWN_FLAG),
                     static_cast<std::size_t>(run->item->offset + glyphs->log_clusters[i])});
    }
  } while (pango_layout_iter_next_run(iter.get()));
  std::ranges::stable_sort(out, {}, &MissingGlyph::byte_offset);  // RTL runs come in visual order
  return out;
}

bool FontSet::has_cjk(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();)
    if (is_cjk(next_code_point(utf8, i))) return true;
  return false;
}

std::filesystem::path bundled_fonts_dir() { return data_dir() / "fonts"; }

}  // namespace telar
