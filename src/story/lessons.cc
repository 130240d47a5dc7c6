// SPDX-License-Identifier: GPL-3.0-or-later
// Lessons: bytes -> (front matter, Markdown body) -> cmark-gfm tree -> plain Lesson model.
#include "story/lessons.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "base/c_handles.h"
#include "base/utf8.h"
#include "story/story_text.h"
#include "story/lesson_text.h"

namespace telar {
namespace {

using CmarkParser = std::unique_ptr<cmark_parser, Free<cmark_parser_free>>;
using CmarkNode = std::unique_ptr<cmark_node, Free<cmark_node_free>>;

void register_extensions() {
  // Registration touches a global registry: do it once, thread-safely (batch -j).
  static const bool done = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)done;
}

bool is_type(cmark_node* n, const char* name) {
  return std::strcmp(cmark_node_get_type_string(n), name) == 0;
}

std::string str(const char* s) { return s != nullptr ? s : ""; }

struct Style {
  bool emphasis = false, strong = false, strike = false, code = false;
  std::string link;
};

void append(Inlines& out, std::string text, const Style& s) {
  if (text.empty()) return;
  if (!out.empty()) {
    Span& last = out.back();
    if (last.emphasis == s.emphasis && last.strong == s.strong && last.strike == s.strike &&
        last.code == s.code && last.link == s.link) {
      last.text += text;
      return;
    }
  }
  out.push_back(Span{std::move(text), s.emphasis, s.strong, s.strike, s.code, s.link});
}

/// Drops leading/trailing ASCII whitespace of the run list; NFC on every run.
void finish(Inlines& text) {
  while (!text.empty()) {
    std::string& t = text.front().text;
    t.erase(0, std::min(t.find_first_not_of(" \t\n"), t.size()));
    if (!t.empty()) break;
    text.erase(text.begin());
  }
  while (!text.empty()) {
    std::string& t = text.back().text;
    auto end = t.find_last_not_of(" \t\n");
    t.erase(end == std::string::npos ? 0 : end + 1);
    if (!t.empty()) break;
    text.pop_back();
  }
  for (Span& s : text) s.text = nfc(s.text);
}

class Converter {
 public:
  Converter(const lesson_detail::Body& body, Diagnostics& diags) : body_(body), diags_(diags) {}

  void blocks(cmark_node* parent, std::vector<Block>& out) {
    // Lists and quotes nest: past kMaxNesting levels, an error (the walk, the model's
    // destructors and the layout all recurse, so the depth must stay small).
    if (++depth_ > lesson_detail::kMaxNesting + 1) {
      too_deep(parent, MsgId::lesson_too_deep, depth_);
    } else {
      for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) block(n, out);
    }
    --depth_;
  }

 private:
  Loc loc(cmark_node* n) const {
    return body_.loc(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
  }

  void block(cmark_node* n, std::vector<Block>& out) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: {
        Heading h{cmark_node_get_heading_level(n), {}};
        inlines(n, h.text, Style{});
        finish(h.text);
        out.push_back({std::move(h), loc(n)});
        return;
      }
      case CMARK_NODE_PARAGRAPH:
        paragraph(n, out);
        return;
      case CMARK_NODE_LIST:
        out.push_back({list(n), loc(n)});
        return;
      case CMARK_NODE_BLOCK_QUOTE: {
        BlockQuote q;
        blocks(n, q.blocks);
        out.push_back({std::move(q), loc(n)});
        return;
      }
      case CMARK_NODE_CODE_BLOCK:
        out.push_back(
            {CodeBlock{str(cmark_node_get_fence_info(n)), str(cmark_node_get_literal(n))}, loc(n)});
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        out.push_back({ThematicBreak{}, loc(n)});
        return;
      case CMARK_NODE_HTML_BLOCK:
        raw_html(n);
        return;
      default:
        break;
    }
    if (is_type(n, "table")) out.push_back({table(n), loc(n)});
  }

  void paragraph(cmark_node* n, std::vector<Block>& out) {
    // A picture needs a block of its own: images split the paragraph around them.
    Paragraph p;
    Loc at = loc(n);
    auto flush = [&] {
      finish(p.text);
      if (!p.text.empty()) out.push_back({std::move(p), at});
      p = Paragraph{};
    };
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) != CMARK_NODE_IMAGE) {
        inline_node(c, p.text, Style{});
        continue;
      }
      flush();
      out.push_back(image(c));
      at = out.back().loc;
    }
    flush();
  }

  Block image(cmark_node* n) {
    Image img;
    img.src = str(cmark_node_get_url(n));
    Inlines alt;
    inlines(n, alt, Style{});
    finish(alt);
    img.alt = plain_text(alt);
    Loc at = loc(n);
    if (auto problem = lesson_detail::check_image_src(img.src)) {
      diags_.error(at, std::move(*problem), body_.line_text(at.line));
    } else {
      img.path = lesson_detail::resolve_image(body_.file(), img.src);
    }
    return {std::move(img), at};
  }

  List list(cmark_node* n) {
    List l;
    l.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    l.start = l.ordered ? cmark_node_get_list_start(n) : 1;
    l.tight = cmark_node_get_list_tight(n) != 0;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      ListItem li;
      if (is_type(item, "tasklist")) li.task = cmark_gfm_extensions_get_tasklist_item_checked(item);
      li.loc = loc(item);
      blocks(item, li.blocks);
      l.items.push_back(std::move(li));
    }
    return l;
  }

  Table table(cmark_node* n) {
    Table t;
    const std::size_t columns = cmark_gfm_extensions_get_table_columns(n);
    const std::uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    for (std::size_t i = 0; i < columns; ++i) {
      const char a = align != nullptr ? static_cast<char>(align[i]) : 0;
      t.align.push_back(a == 'l'   ? Align::left
                        : a == 'c' ? Align::center
                        : a == 'r' ? Align::right
                                   : Align::none);
    }
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      std::vector<Inlines> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        Inlines text;
        inlines(cell, text, Style{});
        finish(text);
        cells.push_back(std::move(text));
      }
      cells.resize(columns);
      if (cmark_gfm_extensions_get_table_row_is_header(row) != 0)
        t.header = std::move(cells);
      else
        t.rows.push_back(std::move(cells));
    }
    t.header.resize(columns);
    return t;
  }

  void inlines(cmark_node* n, Inlines& out, const Style& s) {
    if (++inline_depth_ > lesson_detail::kMaxInlineNesting + 1) {
      too_deep(n, MsgId::lesson_too_deep_inline, inline_depth_);
    } else {
      for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
        inline_node(c, out, s);
    }
    --inline_depth_;
  }

  void too_deep(cmark_node* n, MsgId id, int depth) {
    if (deep_reported_) return;  // one error: the cause is the same all the way down
    deep_reported_ = true;
    const Loc at = loc(n);
    diags_.error(at, msg(id, depth - 1), body_.line_text(at.line));
  }

  void check_words(cmark_node* c, std::string_view text) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); i += std::max<std::size_t>(1, utf8_length_at(text, i))) {
      const unsigned char b = static_cast<unsigned char>(text[i]);
      run = (b == ' ' || b == '\t' || b == '\n') ? 0 : run + 1;
      if (run > lesson_detail::kMaxWordChars) {
        const Loc at = loc(c);
        diags_.error(at, msg(MsgId::lesson_word_too_long, lesson_detail::kMaxWordChars),
                     body_.line_text(at.line));
        return;
      }
    }
  }

  /// Images reach here only where no picture can go (heading, table cell, inside a link or
  /// emphasis): they print as their description, with a warning.
  void inline_node(cmark_node* c, Inlines& out, const Style& s) {
    Style inner = s;
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
        check_words(c, str(cmark_node_get_literal(c)));
        append(out, str(cmark_node_get_literal(c)), s);
        return;
      case CMARK_NODE_SOFTBREAK:
        append(out, " ", s);
        return;
      case CMARK_NODE_LINEBREAK:
        append(out, "\n", s);
        return;
      case CMARK_NODE_CODE:
        inner.code = true;
        append(out, str(cmark_node_get_literal(c)), inner);
        return;
      case CMARK_NODE_EMPH:
        inner.emphasis = true;
        break;
      case CMARK_NODE_STRONG:
        inner.strong = true;
        break;
      case CMARK_NODE_LINK:
        inner.link = str(cmark_node_get_url(c));
        break;
      case CMARK_NODE_HTML_INLINE:
        raw_html(c);
        return;
      case CMARK_NODE_IMAGE: {
        Inlines alt;
        inlines(c, alt, Style{});
        const Loc at = loc(c);
        diags_.warning(at, msg(MsgId::lesson_image_inline, plain_text(alt)),
                       body_.line_text(at.line));
        for (Span& span : alt) append(out, std::move(span.text), s);
        return;
      }
      default:
        if (is_type(c, "strikethrough")) inner.strike = true;
        break;
    }
    inlines(c, out, inner);
  }

  void raw_html(cmark_node* n) {
    const Loc at = loc(n);
    if (at.line == html_warned_line_) return;  // "<b>x</b>": one warning for the line
    html_warned_line_ = at.line;
    std::string html = str(cmark_node_get_literal(n));
    while (!html.empty() && (html.back() == '\n' || html.back() == ' ')) html.pop_back();
    diags_.warning(at, msg(MsgId::lesson_raw_html, html), body_.line_text(at.line));
  }

  const lesson_detail::Body& body_;
  Diagnostics& diags_;
  int html_warned_line_ = 0;
  int depth_ = 0, inline_depth_ = 0;
  bool deep_reported_ = false;
};

}  // namespace

Lesson parse_lesson(const SourceText& raw, Diagnostics& diags) {
  // Control characters are never drawn: dropped, the first one warned at its line:column.
  const SourceText src = story_detail::without_controls(raw, diags);
  register_extensions();
  Lesson lesson;
  const std::size_t diags_before = diags.all().size();
  lesson_detail::Body body = lesson_detail::split_lesson(src, lesson.meta, diags);

  CmarkParser parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "tasklist", "strikethrough", "autolink"})
    cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(name));
  const std::string& md = body.markdown();
  // cmark-gfm is slow on some inputs (wide tables, very long lines): bound them first.
  if (!lesson_detail::check_markdown_bounds(body, diags)) return lesson;
  cmark_parser_feed(parser.get(), md.data(), md.size());
  CmarkNode root(cmark_parser_finish(parser.get()));
  if (!root) return lesson;

  Converter(body, diags).blocks(root.get(), lesson.blocks);
  const auto mine = diags.all().subspan(diags_before);
  const bool new_errors = std::any_of(
      mine.begin(), mine.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (lesson.blocks.empty() && !new_errors)
    diags.warning(Loc{src.name(), 1, 1, {}}, msg(MsgId::lesson_empty));
  return lesson;
}

std::string plain_text(const Inlines& text) {
  std::string out;
  for (const Span& s : text) out += s.text;
  return out;
}

std::string lesson_title(const Lesson& lesson) {
  if (!lesson.meta.title.empty()) return lesson.meta.title;
  for (const Block& b : lesson.blocks)
    if (const auto* h = std::get_if<Heading>(&b.value)) return plain_text(h->text);
  return {};
}

}  // namespace telar
