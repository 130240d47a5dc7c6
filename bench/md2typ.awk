# SPDX-License-Identifier: GPL-3.0-or-later
# The bench manual's markdown as Typst markup, read as bench/floor.c reads it: front matter
# dropped, "#" headings, "- " items, "> " quotes (italic, indented), "**x**" bold, the rest
# paragraphs. Typst's markup characters in the text are escaped.
function esc(s) {
  gsub(/\\/, "\\\\", s)
  gsub(/[#$_@<>\[\]`~*=\/+-]/, "\\\\&", s)
  gsub(/\\\*\\\*/, "*", s)   # **bold** (escaped just above) becomes Typst's *bold*
  return s
}
NR == 1 && $0 == "---" { fm = 1; next }
fm { if ($0 == "---") fm = 0; next }
/^#+ / { n = match($0, /^#+/); h = RLENGTH; sub(/^#+ +/, ""); printf "\n%s %s\n\n", substr("====", 1, h), esc($0); next }
/^- / { sub(/^- /, ""); printf "- %s\n", esc($0); next }
/^> / { sub(/^> /, ""); printf "\n#pad(left: 11pt)[_%s_]\n\n", esc($0); next }
{ print esc($0) }
