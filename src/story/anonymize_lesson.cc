// SPDX-License-Identifier: GPL-3.0-or-later
// --anonymize for a field-manual lesson: every text the manual prints from it, rewritten by
// the same Anonymizer as a story's.
#include <type_traits>

#include "story/anonymize.h"

namespace telar {
namespace {

class LessonAnonymizer {
 public:
  LessonAnonymizer(const Anonymizer& anon, Diagnostics& diags) : anon_(anon), diags_(diags) {}

  void blocks(std::vector<Block>& bs) {
    for (Block& b : bs) {
      at_ = b.loc;
      std::visit([this](auto& v) { block(v); }, b.value);
    }
  }

  void inlines(Inlines& runs) {
    for (Span& s : runs) {
      s.text = anon_.apply(s.text);
      if (std::string name = anon_.name_inside(s.link); !name.empty())
        diags_.error(at_, msg(MsgId::anonymize_name_in_lesson_link, name));
    }
    // A name split over runs of different styles ("**Car**men") is not seen run by run:
    // then the runs become one, unstyled, and the name is replaced in it.
    std::string joined = plain_text(runs);
    if (std::string rewritten = anon_.apply(joined); rewritten != joined) {
      Span one = runs.front();
      one.text = std::move(rewritten);
      one.emphasis = one.strong = one.strike = one.code = false;
      runs = {std::move(one)};
    }
  }

 private:
  void block(Heading& h) { inlines(h.text); }
  void block(Paragraph& p) { inlines(p.text); }
  void block(List& l) {
    for (ListItem& item : l.items) blocks(item.blocks);
  }
  void block(BlockQuote& q) { blocks(q.blocks); }
  void block(CodeBlock& c) { c.text = anon_.apply(c.text); }
  void block(Table& t) {
    for (Inlines& cell : t.header) inlines(cell);
    for (auto& row : t.rows)
      for (Inlines& cell : row) inlines(cell);
  }
  void block(Image& img) { img.alt = anon_.apply(img.alt); }
  void block(ThematicBreak&) {}

  const Anonymizer& anon_;
  Diagnostics& diags_;
  Loc at_;
};

}  // namespace

Lesson anonymize_lesson(Lesson lesson, const Anonymizer& anon, Diagnostics& diags) {
  lesson.meta.title = anon.apply(lesson.meta.title);
  lesson.meta.private_names.clear();
  LessonAnonymizer(anon, diags).blocks(lesson.blocks);
  return lesson;
}

}  // namespace telar
