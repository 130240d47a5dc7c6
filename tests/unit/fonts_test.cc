// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled fonts: every test string in every role face (FONTS.md §6), missing-glyph
// reports, Mapudungun's macron-below letters, determinism, and the face list.
#include "layout/fonts.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/utf8.h"

using namespace telar;

namespace {

struct TestString {
  std::string key, lang, text;
};

std::vector<TestString> load_strings() {
  std::ifstream in(std::string(TELAR_TEST_DIR) + "/fixtures/font-test-strings.tsv");
  std::vector<TestString> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos) continue;
    out.push_back({line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)});
  }
  return out;
}

struct Role {
  const char* description;  ///< Pango syntax, as a template would write it
  const char* file;         ///< the bundled file Latin text must come from
  const char* arabic;       ///< companion families
  const char* hebrew;
};

// FONTS.md §6: each bundled role face.
const Role kRoles[] = {
    {"Noto Sans Extra-Condensed Heavy", "NotoSans-ExtraCondensedBlack.ttf", "Noto Sans Arabic",
     "Noto Sans Hebrew"},
    {"Noto Sans Extra-Condensed Bold", "NotoSans-ExtraCondensedBold.ttf", "Noto Sans Arabic",
     "Noto Sans Hebrew"},
    {"Anton", "Anton-Regular.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
    {"Charis SIL", "CharisSIL-Regular.ttf", "Noto Naskh Arabic", "Noto Serif Hebrew"},
    {"Charis SIL Bold", "CharisSIL-Bold.ttf", "Noto Naskh Arabic", "Noto Serif Hebrew"},
    {"Charis SIL Italic", "CharisSIL-Italic.ttf", "Noto Naskh Arabic", "Noto Serif Hebrew"},
    {"Charis SIL Bold Italic", "CharisSIL-BoldItalic.ttf", "Noto Naskh Arabic",
     "Noto Serif Hebrew"},
    {"Noto Sans", "NotoSans-Regular.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
    {"Noto Sans Bold", "NotoSans-Bold.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
    {"Noto Sans Italic", "NotoSans-Italic.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
    {"Noto Sans Bold Italic", "NotoSans-BoldItalic.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
    {"Noto Sans Mono", "NotoSansMono-Regular.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
    {"Andika", "Andika-Regular.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
    {"Andika Italic", "Andika-Italic.ttf", "Noto Sans Arabic", "Noto Sans Hebrew"},
};

struct Run {
  std::string family, file, text;
  int level;
};

std::vector<Run> runs_of(PangoLayout* layout) {
  std::vector<Run> out;
  const char* text = pango_layout_get_text(layout);
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (run == nullptr) continue;
    PangoFont* font = run->item->analysis.font;
    PangoFontDescription* d = pango_font_describe(font);
    FcPattern* p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* file = nullptr;
    FcPatternGetString(p, FC_FILE, 0, &file);
    out.push_back(
        {pango_font_description_get_family(d),
         std::filesystem::path(reinterpret_cast<const char*>(file)).filename().string(),
         std::string(text + run->item->offset, static_cast<std::size_t>(run->item->length)),
         run->item->analysis.level});
    pango_font_description_free(d);
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  return out;
}

bool has_letter_of(const std::string& s, GUnicodeScript script) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (g_unichar_get_script(c) == script && (g_unichar_isalpha(c) || g_unichar_ismark(c)))
      return true;
  }
  return false;
}

bool is_cjk_key(const std::string& key) {
  return key == "ja" || key == "ko" || key.starts_with("zh");
}

GRef<PangoLayout> make(PangoContext* ctx, const char* description, const std::string& text) {
  auto layout = GRef<PangoLayout>::adopt(pango_layout_new(ctx));
  FontDescription desc(pango_font_description_from_string(description));
  pango_font_description_set_size(desc.get(), 12 * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), desc.get());
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

int width_of(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return logical.width;
}

/// Every glyph id, width and offset: two equal strings mean identical layouts.
std::string glyph_dump(PangoLayout* layout) {
  std::string out;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    if (PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter); run != nullptr)
      for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
        const PangoGlyphInfo& g = run->glyphs->glyphs[i];
        out += fmt::format("{}:{}:{}:{} ", g.glyph, g.geometry.width, g.geometry.x_offset,
                           g.geometry.y_offset);
      }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  return out;
}

FontSet& shared_fonts() {
  static FontSet fonts(bundled_fonts_dir());
  return fonts;
}

}  // namespace

TEST_CASE("every test string lays out in every role face without boxes", "[fonts]") {
  const auto strings = load_strings();
  REQUIRE(strings.size() == 17);
  FontSet& fonts = shared_fonts();
  for (const TestString& s : strings) {
    if (is_cjk_key(s.key)) continue;
    GRef<PangoContext> ctx = fonts.context(s.lang);
    const bool latin = s.key != "ar" && s.key != "he" && s.key != "bidi";
    for (const Role& role : kRoles) {
      INFO(s.key << " in " << role.description);
      GRef<PangoLayout> layout = make(ctx.get(), role.description, s.text);
      CHECK(pango_layout_get_unknown_glyphs_count(layout.get()) == 0);  // (a)
      for (const Run& run : runs_of(layout.get())) {
        INFO("run '" << run.text << "' in " << run.family << " (" << run.file << ")");
        if (latin) {  // (b): every run, so the face never changes mid-word
          CHECK(run.file == role.file);
        } else if (has_letter_of(run.text, G_UNICODE_SCRIPT_ARABIC)) {  // (c)
          CHECK(run.family == role.arabic);
          CHECK(run.level % 2 == 1);
        } else if (has_letter_of(run.text, G_UNICODE_SCRIPT_HEBREW)) {
          CHECK(run.family == role.hebrew);
          CHECK(run.level % 2 == 1);
        } else if (has_letter_of(run.text, G_UNICODE_SCRIPT_LATIN)) {
          CHECK(run.file == role.file);
        }
      }
    }
  }
}

TEST_CASE("the banner face's Arabic and Hebrew siblings keep its width and weight", "[fonts]") {
  GRef<PangoContext> ctx = shared_fonts().context("es");
  GRef<PangoLayout> layout =
      make(ctx.get(), "Noto Sans Extra-Condensed Heavy", "Ana «שלום» y «مرحبا»");
  std::vector<std::string> files;
  for (const Run& run : runs_of(layout.get())) files.push_back(run.file);
  CHECK(std::ranges::count(files, "NotoSansHebrew-ExtraCondensedBlack.ttf") == 1);
  CHECK(std::ranges::count(files, "NotoSansArabic-ExtraCondensedBlack.ttf") == 1);
}

/// (d) never silently boxed: every box is named, at the byte of a CJK character.
void check_boxes_are_reported(PangoLayout* layout, const std::string& text,
                              const std::vector<MissingGlyph>& missing) {
  CHECK(static_cast<int>(missing.size()) == pango_layout_get_unknown_glyphs_count(layout));
  for (const MissingGlyph& m : missing) {
    std::size_t at = m.byte_offset;
    CHECK(next_code_point(text, at) == m.code_point);
    CHECK(FontSet::has_cjk(text.substr(m.byte_offset, at - m.byte_offset)));
  }
}

TEST_CASE("without system fonts CJK characters are reported, never silently boxed", "[fonts]") {
  const FontSet& fonts = shared_fonts();  // add_system_cjk() never called on it
  for (const TestString& s : load_strings()) {
    if (!is_cjk_key(s.key)) continue;
    CHECK(FontSet::has_cjk(s.text));
    GRef<PangoContext> ctx = fonts.context(s.lang);
    for (const Role& role : kRoles) {
      INFO(s.key << " in " << role.description);
      GRef<PangoLayout> layout = make(ctx.get(), role.description, s.text);
      const auto missing = FontSet::missing_glyphs(layout.get());
      check_boxes_are_reported(layout.get(), s.text, missing);
      REQUIRE_FALSE(missing.empty());
      CHECK(missing.front().byte_offset == 0);
      std::size_t first = 0;
      CHECK(missing.front().code_point == next_code_point(s.text, first));  // e.g. U+4F60
    }
  }
}

TEST_CASE("the system CJK font that the setup installs fills in CJK text", "[fonts]") {
  FontSet fonts(bundled_fonts_dir());  // own set: add_system_cjk() changes it
  const std::vector<FaceInfo>& cjk = fonts.add_system_cjk();
  CHECK(&fonts.add_system_cjk() == &cjk);  // idempotent
  INFO("no system CJK font (scripts/setup-debian.sh installs fonts-wqy-microhei)");
  REQUIRE_FALSE(cjk.empty());
  for (const FaceInfo& f : cjk) CHECK(f.file.find('/') == std::string::npos);
  int checked = 0;
  for (const TestString& s : load_strings()) {
    if (!is_cjk_key(s.key)) continue;
    GRef<PangoContext> ctx = fonts.context(s.lang);
    bool boxed = false;
    for (const Role& role : kRoles) {
      INFO(s.key << " in " << role.description);
      GRef<PangoLayout> layout = make(ctx.get(), role.description, s.text);
      const auto missing = FontSet::missing_glyphs(layout.get());
      check_boxes_are_reported(layout.get(), s.text, missing);  // a partial family (no Hangul)
      boxed = boxed || !missing.empty();
    }
    CHECK_FALSE(boxed);  // the font the setup installs covers Chinese, Japanese and Korean
    ++checked;
  }
  CHECK(checked >= 4);  // zh-Hans, zh-Hant, ja, ko
}

TEST_CASE("a Private Use character is reported with its byte offset", "[fonts]") {
  const FontSet& fonts = shared_fonts();
  for (const Role& role : kRoles) {
    INFO(role.description);
    GRef<PangoLayout> layout = fonts.layout("es", role.description,
                                            "ab\xEE\x80\x80"
                                            "c");
    const auto missing = FontSet::missing_glyphs(layout.get());
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].code_point == U'\uE000');
    CHECK(missing[0].byte_offset == 2);
  }
  // In right-to-left text too, and in text order.
  const std::string he = "שלום \xEE\x80\x80 עולם \xEE\x80\x81";
  GRef<PangoLayout> layout = fonts.layout("he", "Noto Sans 12", he);
  const auto missing = FontSet::missing_glyphs(layout.get());
  REQUIRE(missing.size() == 2);
  CHECK(missing[0].code_point == U'\uE000');
  CHECK(missing[0].byte_offset == he.find("\xEE\x80\x80"));
  CHECK(missing[1].code_point == U'\uE001');
  CHECK(missing[1].byte_offset == he.find("\xEE\x80\x81"));
  CHECK(FontSet::missing_glyphs(fonts.layout("es", "Noto Sans 12", "ñandú").get()).empty());
}

TEST_CASE("ḻ precomposed and l + U+0331 after NFC have identical widths", "[fonts]") {
  const std::string pre =
      "\xE1\xB8\xBB \xE1\xB9\x89 \xE1\xB9\xAF \xE1\xB8\xBA \xE1\xB9\x88 \xE1\xB9\xAE";
  const std::string nfd = "l\xCC\xB1 n\xCC\xB1 t\xCC\xB1 L\xCC\xB1 N\xCC\xB1 T\xCC\xB1";
  REQUIRE(nfc(nfd) == pre);
  GRef<PangoContext> ctx = shared_fonts().context("arn");
  for (const Role& role : kRoles) {
    INFO(role.description);
    GRef<PangoLayout> a = make(ctx.get(), role.description, pre);
    GRef<PangoLayout> b = make(ctx.get(), role.description, nfc(nfd));
    CHECK(width_of(a.get()) == width_of(b.get()));
    CHECK(glyph_dump(a.get()) == glyph_dump(b.get()));
    CHECK(width_of(a.get()) > 0);
  }
}

TEST_CASE("two font sets give identical layouts", "[fonts]") {
  FontSet other(bundled_fonts_dir());
  const auto strings = load_strings();
  for (const char* description : {"Charis SIL", "Noto Sans Extra-Condensed Heavy", "Anton"}) {
    for (const TestString& s : strings) {
      INFO(s.key << " in " << description);
      GRef<PangoContext> c1 = shared_fonts().context(s.lang), c2 = other.context(s.lang);
      GRef<PangoLayout> a = make(c1.get(), description, s.text),
                        b = make(c2.get(), description, s.text);
      CHECK(width_of(a.get()) == width_of(b.get()));
      CHECK(glyph_dump(a.get()) == glyph_dump(b.get()));
    }
  }
}

TEST_CASE("without a writable cache the fonts load the same, silently", "[fonts]") {
  const char* old = std::getenv("XDG_CACHE_HOME");
  const std::string saved = old != nullptr ? old : "";
  ::setenv("XDG_CACHE_HOME", "/proc/telar-no-cache", 1);  // cannot be created
  FontSet uncached(bundled_fonts_dir());
  if (old != nullptr)
    ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  else
    ::unsetenv("XDG_CACHE_HOME");
  const auto a = uncached.faces(), b = shared_fonts().faces();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].file == b[i].file);
  for (const TestString& s : load_strings()) {
    INFO(s.key);
    GRef<PangoContext> c1 = uncached.context(s.lang), c2 = shared_fonts().context(s.lang);
    CHECK(glyph_dump(make(c1.get(), "Noto Sans Bold", s.text).get()) ==
          glyph_dump(make(c2.get(), "Noto Sans Bold", s.text).get()));
  }
}

TEST_CASE("contexts are set up for stable metrics", "[fonts]") {
  GRef<PangoContext> ctx = shared_fonts().context("arn");
  CHECK(pango_cairo_context_get_resolution(ctx.get()) == 72.0);
  CHECK_FALSE(pango_context_get_round_glyph_positions(ctx.get()));
  CHECK(std::string((pango_language_to_string)(pango_context_get_language(ctx.get()))) == "arn");
  const cairo_font_options_t* o = pango_cairo_context_get_font_options(ctx.get());
  REQUIRE(o != nullptr);
  CHECK(cairo_font_options_get_hint_style(o) == CAIRO_HINT_STYLE_NONE);
  CHECK(cairo_font_options_get_hint_metrics(o) == CAIRO_HINT_METRICS_OFF);
  // Not the process locale when no language is given.
  GRef<PangoContext> und = shared_fonts().context("");
  CHECK(std::string((pango_language_to_string)(pango_context_get_language(und.get()))) == "und");
  // 12 pt Noto Sans at 72 dpi: 'M' is fractional (unrounded) and about 0.9 em wide.
  GRef<PangoLayout> m = make(ctx.get(), "Noto Sans", "MMMMMMMMMM");
  CHECK(width_of(m.get()) / double(PANGO_SCALE) ==
        Catch::Detail::Approx(10 * 12 * 0.893).epsilon(0.02));
}

TEST_CASE("faces() lists the bundled faces by file name only", "[fonts]") {
  const auto faces = shared_fonts().faces();
  CHECK(faces.size() == 24);
  CHECK(std::ranges::is_sorted(faces, {},
                               [](const FaceInfo& f) { return f.family + '\t' + f.style; }));
  auto has = [&](const char* family, const char* style, const char* file) {
    return std::ranges::any_of(faces, [&](const FaceInfo& f) {
      return f.family == family && f.style == style && f.file == file;
    });
  };
  CHECK(has("Charis SIL", "Italic", "CharisSIL-Italic.ttf"));
  CHECK(has("Noto Sans", "ExtraCondensed Black", "NotoSans-ExtraCondensedBlack.ttf"));
  CHECK(has("Anton", "Regular", "Anton-Regular.ttf"));
  CHECK(has("Noto Naskh Arabic", "Bold", "NotoNaskhArabic-Bold.ttf"));
  for (const FaceInfo& f : faces) {
    CHECK(f.file.find('/') == std::string::npos);
    CHECK_FALSE(f.version.empty());
  }
  CHECK(bundled_fonts_dir().filename() == "fonts");
}

TEST_CASE("has_cjk finds Han, kana, Hangul and full-width punctuation only", "[fonts]") {
  CHECK(FontSet::has_cjk("a 你"));
  CHECK(FontSet::has_cjk("こ"));
  CHECK(FontSet::has_cjk("안"));
  CHECK(FontSet::has_cjk("\xEF\xBC\x8C"));  // U+FF0C full-width comma
  CHECK_FALSE(FontSet::has_cjk("ḻ ṉ ṯ — مرحبا שלום ₪"));
  CHECK_FALSE(FontSet::has_cjk(""));
}

TEST_CASE("a missing fonts folder or config is a failure with a message", "[fonts]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / fmt::format("telar-fonts-test-{}", ::getpid());
  fs::remove_all(dir);
  auto code_and_id = [](const fs::path& p) -> std::pair<Exit, MsgId> {
    try {
      FontSet f(p);
    } catch (const Error& e) {
      REQUIRE(e.diagnostics().size() == 1);
      return {e.code(), e.diagnostics()[0].message.id};
    }
    return {Exit::ok, MsgId::internal_error};
  };
  CHECK(code_and_id(dir) == std::pair{Exit::failure, MsgId::fonts_missing});
  fs::create_directories(dir);
  CHECK(code_and_id(dir) == std::pair{Exit::failure, MsgId::fonts_missing});
  std::ofstream(dir / "fonts.conf") << "<fontconfig><match>";  // malformed
  const int saved_stderr = ::dup(2), null = ::open("/dev/null", O_WRONLY);
  ::dup2(null, 2);  // fontconfig prints the XML error itself
  const auto bad = code_and_id(dir);
  ::dup2(saved_stderr, 2);
  ::close(null);
  ::close(saved_stderr);
  CHECK(bad == std::pair{Exit::failure, MsgId::fonts_bad_config});
  std::ofstream(dir / "fonts.conf")
      << "<?xml version=\"1.0\"?>\n<fontconfig><cachedir prefix=\"xdg\">telar/fontconfig</cachedir>"
         "</fontconfig>\n";
  CHECK(code_and_id(dir) == std::pair{Exit::failure, MsgId::fonts_none_loaded});
  fs::remove_all(dir);
}

// Issue 12: scripts the bundle lacks come from the fonts scripts/setup-debian.sh installs
// (fonts-noto-core, fonts-noto-color-emoji, fonts-wqy-microhei), added only when needed.
struct ScriptSample {
  const char* script;
  const char* lang;
  const char* text;
};
const ScriptSample kFallbackScripts[] = {
    {"Devanagari", "hi", "नमस्ते दुनिया"},
    {"Bengali", "bn", "আমাদের গ্রাম"},
    {"Tamil", "ta", "வணக்கம் உலகம்"},
    {"Malayalam", "ml", "നമസ്കാരം ലോകം"},
    {"Kannada", "kn", "ನಮಸ್ಕಾರ ಜಗತ್ತು"},
    {"Telugu", "te", "నమస్కారం ప్రపంచం"},
    {"Thai", "th", "สวัสดีชาวโลก"},
    {"Khmer", "km", "សួស្តី​ពិភពលោក"},
    {"Tibetan", "bo", "བཀྲ་ཤིས་བདེ་ལེགས།"},
    {"Ethiopic", "am", "ሰላም ለዓለም"},
    {"Georgian", "ka", "გამარჯობა მსოფლიო"},
    {"Armenian", "hy", "Բարեւ աշխարհ"},
    {"Myanmar", "my", "မင်္ဂလာပါ"},
    {"Sinhala", "si", "ආයුබෝවන් ලෝකය"},
    {"emoji", "es", "Hola 😀 🚲 ✊🏽 ❤️ 👩‍👩‍👧"},
    {"Han (zh)", "zh-Hans", "你好，世界"},
    {"Hangul (ko)", "ko", "안녕하세요"},
};

TEST_CASE("every script the setup installs a font for is filled in, nothing boxed", "[fonts][scripts]") {
  for (const ScriptSample& s : kFallbackScripts) {
    INFO(s.script << ": " << s.text);
    FontSet fonts(bundled_fonts_dir());
    CHECK_FALSE(fonts.covers(s.text));  // the bundle alone would print boxes
    fonts.add_system_fallback(s.text);
    CHECK(fonts.covers(s.text));
    GRef<PangoContext> ctx = fonts.context(s.lang);
    for (const char* role : {"Noto Sans", "Charis SIL Bold", "Noto Sans Extra-Condensed Heavy"}) {
      INFO("in " << role);
      GRef<PangoLayout> layout = make(ctx.get(), role, s.text);
      CHECK(pango_layout_get_unknown_glyphs_count(layout.get()) == 0);
      CHECK(FontSet::missing_glyphs(layout.get()).empty());
      // At the size asked for: a bitmap-only face (colour emoji) is scaled, not drawn at
      // its 109 px strike.
      PangoRectangle ink, logical;
      pango_layout_get_extents(layout.get(), &ink, &logical);
      CHECK(static_cast<double>(ink.height) / PANGO_SCALE < 12 * 2.5);  // make(): 12 pt
      CHECK(static_cast<double>(logical.height) / PANGO_SCALE < 12 * 3.0);
    }
  }
}

TEST_CASE("text the bundle covers adds no system font, a private-use character stays missing", "[fonts][scripts]") {
  FontSet fonts(bundled_fonts_dir());
  const std::string covered = "Ana: «ḻ ṉ ṯ» — مرحبا שלום ₪ chʼaki\u200D\uFE0F";
  CHECK(fonts.covers(covered));
  fonts.add_system_fallback(covered);
  CHECK(fonts.system_fallback_faces().empty());
  CHECK(fonts.system_cjk_faces().empty());

  const std::string pua = "nada \uE000 aquí";
  CHECK_FALSE(fonts.covers(pua));
  fonts.add_system_fallback(pua);
  CHECK_FALSE(fonts.covers(pua));
  GRef<PangoLayout> layout = make(fonts.context("es").get(), "Noto Sans", pua);
  const auto missing = FontSet::missing_glyphs(layout.get());
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].code_point == 0xE000);
  CHECK(missing[0].byte_offset == 5);
}

TEST_CASE("an Anton headline takes the Extra-Condensed Black Arabic and Hebrew faces", "[fonts][scripts]") {
  // Anton has one weight: weight matching alone picked the thin Regular companions.
  const FontSet& fonts = shared_fonts();
  GRef<PangoContext> ctx = fonts.context("ar");
  GRef<PangoLayout> layout = make(ctx.get(), "Anton", "OMAR: القدر الكبيرة — שלום");
  std::vector<std::string> files;
  for (const Run& run : runs_of(layout.get())) files.push_back(run.file);
  CHECK(std::ranges::count(files, "Anton-Regular.ttf") >= 1);
  CHECK(std::ranges::count(files, "NotoSansArabic-ExtraCondensedBlack.ttf") == 1);
  CHECK(std::ranges::count(files, "NotoSansHebrew-ExtraCondensedBlack.ttf") == 1);
}
