// SPDX-License-Identifier: GPL-3.0-or-later
// The floor: the least work Pango and Cairo need to do what a telar case does, so that
// bench/run.sh can say how far above the libraries' own cost telar is. Same text, same
// fonts (a private fontconfig on one folder, no system fonts), A5 pages; no templates, no
// hyphenation, no table of contents, no QR codes.
//   floor --version                        load the libraries, print their versions
//   floor pdf FONTDIR IN.md OUT.pdf [N]    IN's text N times (default 1) on A5 pages, 11 pt
//   floor batch FONTDIR IN.md OUTDIR N     N separate PDFs of IN's text, in one process
//   floor png FONTDIR W_MM H_MM DPI TEXT OUT.png
//                                          a banner: TEXT as big as it fits, rendered like
//                                          telar's PNG writer (64-row strips, 4096-px pieces,
//                                          libpng filter "up", zlib level 1 as telar)
// The markdown is read as blocks: front matter dropped, "#" lines are headings, "- " and
// "> " lines items and quotes, "**x**" bold; everything else is paragraphs.
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <math.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM(x) ((x) * 72.0 / 25.4)
static const double kPageW = MM(148), kPageH = MM(210), kMargin = MM(15);
static const double kBody = 11, kLead = 0.4;  // pt; paragraph gap in em

static void die(const char* what) {
  fprintf(stderr, "floor: %s\n", what);
  exit(1);
}

static PangoContext* context_for(const char* fontdir) {
  // A cache beside the folder (FONTDIR.cache), so that the floor starts warm as telar does.
  FcConfig* fc = FcConfigCreate();
  char* conf = g_strdup_printf("<fontconfig><cachedir>%s.cache</cachedir></fontconfig>", fontdir);
  if (!FcConfigParseAndLoadFromMemory(fc, (const FcChar8*)conf, FcTrue)) die("bad fontconfig");
  g_free(conf);
  if (!FcConfigAppFontAddDir(fc, (const FcChar8*)fontdir)) die("cannot read the font folder");
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), fc);
  FcConfigDestroy(fc);
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72);
  PangoContext* ctx = pango_font_map_create_context(map);
  g_object_unref(map);
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(ctx, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_round_glyph_positions(ctx, FALSE);
  return ctx;
}

static char* slurp(const char* path, size_t* n) {
  FILE* f = fopen(path, "rb");
  if (!f) die("cannot read the input");
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* s = malloc((size_t)len + 1);
  if (fread(s, 1, (size_t)len, f) != (size_t)len) die("short read");
  fclose(f);
  s[len] = 0;
  *n = (size_t)len;
  return s;
}

// One block of text: its Pango markup and how it is set.
typedef struct {
  char* markup;
  int kind;  // 0 paragraph, 1..3 heading level, 4 item, 5 quote
} Block;

static void append(GString* out, const char* s, size_t n) {
  int bold = 0;
  for (size_t i = 0; i < n; ++i) {
    if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
      g_string_append(out, bold ? "</b>" : "<b>");
      bold = !bold;
      ++i;
    } else if (s[i] == '&') g_string_append(out, "&amp;");
    else if (s[i] == '<') g_string_append(out, "&lt;");
    else if (s[i] == '>') g_string_append(out, "&gt;");
    else g_string_append_c(out, s[i]);
  }
  if (bold) g_string_append(out, "</b>");
}

static GArray* read_blocks(const char* text, size_t n) {
  GArray* blocks = g_array_new(FALSE, FALSE, sizeof(Block));
  const char* p = text;
  const char* end = text + n;
  if (strncmp(p, "---\n", 4) == 0) {  // front matter
    const char* close = strstr(p + 4, "\n---\n");
    if (close) p = close + 5;
  }
  GString* para = NULL;
  while (p < end) {
    const char* eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    size_t len = (size_t)(eol - p);
    int kind = -1;  // -1: continues a paragraph
    size_t skip = 0;
    if (len == 0) kind = -2;
    else if (p[0] == '#') {
      kind = 0;
      while (skip < len && p[skip] == '#') ++skip;
      kind = skip > 3 ? 3 : (int)skip;
      while (skip < len && p[skip] == ' ') ++skip;
    } else if (len > 1 && p[0] == '-' && p[1] == ' ') kind = 4, skip = 2;
    else if (len > 1 && p[0] == '>' && p[1] == ' ') kind = 5, skip = 2;
    if (kind != -1 && para) {
      Block b = {g_string_free(para, FALSE), 0};
      g_array_append_val(blocks, b);
      para = NULL;
    }
    if (kind >= 1) {
      GString* s = g_string_new(kind == 4 ? "• " : "");
      append(s, p + skip, len - skip);
      Block b = {g_string_free(s, FALSE), kind};
      g_array_append_val(blocks, b);
    } else if (kind == -1) {
      if (para) g_string_append_c(para, ' ');
      else para = g_string_new("");
      append(para, p, len);
    }
    p = eol + 1;
  }
  if (para) {
    Block b = {g_string_free(para, FALSE), 0};
    g_array_append_val(blocks, b);
  }
  return blocks;
}

// Sets the blocks `copies` times on A5 pages of `surface`, line by line.
static int set_pages(PangoContext* ctx, cairo_surface_t* surface, GArray* blocks, int copies) {
  cairo_t* cr = cairo_create(surface);
  PangoFontDescription* fonts[6];
  const char* names[6] = {"Charis SIL 11", "Charis SIL Bold 16", "Charis SIL Bold 13",
                          "Charis SIL Bold 11.5", "Charis SIL 11", "Charis SIL Italic 11"};
  for (int i = 0; i < 6; ++i) fonts[i] = pango_font_description_from_string(names[i]);
  const double width = kPageW - 2 * kMargin, bottom = kPageH - kMargin;
  double y = kMargin;
  int pages = 1;
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int c = 0; c < copies; ++c) {
    for (guint i = 0; i < blocks->len; ++i) {
      const Block* b = &g_array_index(blocks, Block, i);
      const double indent = (b->kind == 4 || b->kind == 5) ? kBody : 0;
      PangoLayout* layout = pango_layout_new(ctx);
      pango_layout_set_font_description(layout, fonts[b->kind]);
      pango_layout_set_width(layout, (int)((width - indent) * PANGO_SCALE));
      pango_layout_set_justify(layout, b->kind == 0 || b->kind >= 4);
      pango_layout_set_markup(layout, b->markup, -1);
      if (b->kind >= 1 && b->kind <= 3 && y > kMargin) y += kBody;  // space above headings
      PangoLayoutIter* it = pango_layout_get_iter(layout);
      do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        const double h = (double)logical.height / PANGO_SCALE;
        if (y + h > bottom) {
          cairo_show_page(cr);
          ++pages;
          y = kMargin;
        }
        const double baseline = (double)(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
        cairo_move_to(cr, kMargin + indent + (double)logical.x / PANGO_SCALE, y + baseline);
        pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        y += h;
      } while (pango_layout_iter_next_line(it));
      pango_layout_iter_free(it);
      g_object_unref(layout);
      y += kLead * kBody;
    }
  }
  cairo_show_page(cr);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) die(cairo_status_to_string(cairo_status(cr)));
  cairo_destroy(cr);
  for (int i = 0; i < 6; ++i) pango_font_description_free(fonts[i]);
  return pages;
}

static void write_pdf(PangoContext* ctx, GArray* blocks, int copies, const char* out) {
  cairo_surface_t* s = cairo_pdf_surface_create(out, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
  set_pages(ctx, s, blocks, copies);
  cairo_surface_finish(s);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) die("cannot write the PDF");
  cairo_surface_destroy(s);
}

static int banner(PangoContext* ctx, double w_mm, double h_mm, double dpi, const char* text,
                  const char* out) {
  const double w_pt = MM(w_mm), h_pt = MM(h_mm);
  const int w = (int)(w_mm / 25.4 * dpi + 0.5), h = (int)(h_mm / 25.4 * dpi + 0.5);
  // The banner painted once, as telar does, into a recording surface: a tinted ground and
  // the text as large as fits in the middle 80 %.
  cairo_rectangle_t ext = {0, 0, w_pt, h_pt};
  cairo_surface_t* rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
  cairo_t* cr = cairo_create(rec);
  cairo_set_source_rgb(cr, 0.96, 0.93, 0.86);
  cairo_paint(cr);
  PangoLayout* layout = pango_layout_new(ctx);
  PangoFontDescription* font = pango_font_description_from_string("Charis SIL Bold");
  pango_font_description_set_size(font, 100 * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, text, -1);
  PangoRectangle ink;
  pango_layout_get_extents(layout, NULL, &ink);
  const double k = fmin(0.8 * w_pt / (ink.width / (double)PANGO_SCALE),
                        0.8 * h_pt / (ink.height / (double)PANGO_SCALE));
  pango_font_description_set_size(font, (int)(100 * k * PANGO_SCALE));
  pango_layout_set_font_description(layout, font);
  pango_layout_get_extents(layout, NULL, &ink);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_move_to(cr, (w_pt - ink.width / (double)PANGO_SCALE) / 2, (h_pt - ink.height / (double)PANGO_SCALE) / 2);
  pango_cairo_show_layout(cr, layout);
  cairo_destroy(cr);
  g_object_unref(layout);
  pango_font_description_free(font);

  FILE* f = fopen(out, "wb");
  if (!f) die("cannot write the PNG");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) die("libpng failed");
  png_init_io(png, f);
  png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_compression_level(png, 1);  // telar's default (--png-compression 1)
  png_write_info(png, info);
  const int strip = h < 64 ? h : 64, piece = w < 4096 ? w : 4096;
  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, piece, strip);
  unsigned char* rows = malloc((size_t)w * 3 * (size_t)strip);
  for (int y0 = 0; y0 < h; y0 += strip) {
    const int n = h - y0 < strip ? h - y0 : strip;
    for (int x0 = 0; x0 < w; x0 += piece) {
      const int m = w - x0 < piece ? w - x0 : piece;
      cairo_t* c = cairo_create(img);
      cairo_translate(c, -x0, -y0);
      cairo_scale(c, w / w_pt, h / h_pt);
      cairo_set_source_surface(c, rec, 0, 0);
      cairo_paint(c);
      cairo_destroy(c);
      cairo_surface_flush(img);
      const unsigned char* data = cairo_image_surface_get_data(img);
      const int stride = cairo_image_surface_get_stride(img);
      for (int r = 0; r < n; ++r) {
        const uint32_t* src = (const uint32_t*)(data + (size_t)r * (size_t)stride);
        unsigned char* dst = rows + ((size_t)r * (size_t)w + (size_t)x0) * 3;
        for (int x = 0; x < m; ++x, dst += 3) {
          dst[0] = (unsigned char)(src[x] >> 16);
          dst[1] = (unsigned char)(src[x] >> 8);
          dst[2] = (unsigned char)src[x];
        }
      }
    }
    for (int r = 0; r < n; ++r) png_write_row(png, rows + (size_t)r * (size_t)w * 3);
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  free(rows);
  cairo_surface_destroy(img);
  cairo_surface_destroy(rec);
  if (fclose(f) != 0) die("cannot write the PNG");
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 2 && strcmp(argv[1], "--version") == 0) {
    printf("floor: pango %s, cairo %s\n", pango_version_string(), cairo_version_string());
    return 0;
  }
  if (argc >= 5 && (strcmp(argv[1], "pdf") == 0 || strcmp(argv[1], "batch") == 0)) {
    const int n = argc > 5 ? atoi(argv[5]) : 1;
    if (n < 1) die("N must be 1 or more");
    PangoContext* ctx = context_for(argv[2]);
    size_t len;
    char* text = slurp(argv[3], &len);
    GArray* blocks = read_blocks(text, len);
    if (argv[1][0] == 'p') {
      write_pdf(ctx, blocks, n, argv[4]);
    } else {
      for (int i = 0; i < n; ++i) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%03d.pdf", argv[4], i);
        write_pdf(ctx, blocks, 1, path);
      }
    }
    for (guint i = 0; i < blocks->len; ++i) g_free(g_array_index(blocks, Block, i).markup);
    g_array_free(blocks, TRUE);
    free(text);
    g_object_unref(ctx);
    return 0;
  }
  if (argc == 8 && strcmp(argv[1], "png") == 0) {
    PangoContext* ctx = context_for(argv[2]);
    banner(ctx, atof(argv[3]), atof(argv[4]), atof(argv[5]), argv[6], argv[7]);
    g_object_unref(ctx);
    return 0;
  }
  fprintf(stderr, "usage: floor --version | pdf FONTDIR IN.md OUT.pdf [N] | batch FONTDIR IN.md OUTDIR N |"
                  " png FONTDIR W_MM H_MM DPI TEXT OUT.png\n");
  return 2;
}
