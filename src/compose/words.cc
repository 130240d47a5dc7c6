// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/words.h"

#include <algorithm>
#include <set>
#include <span>

#include <glib.h>

#include "base/utf8.h"

namespace telar {
namespace {

// Function words by language, lower case. Spanish, Portuguese and English: articles,
// pronouns, prepositions, conjunctions, auxiliaries and the commonest adverbs and verbs of
// saying and being. Haitian Creole: pronouns (long and short), determiners (la, a, an, lan,
// nan, yo), tense-aspect markers (te, ap, pral, va, ka), negation, prepositions and
// conjunctions (Valdman, "Haitian Creole: Structure, Variation, Status, Origin", 2015).
// Mapudungun: pronouns, possessives, the plural pu, demonstratives, interrogatives,
// conjunctions and postpositions (Smeets, "A Grammar of Mapuche", 2008), in the Unified
// and Azümchefe spellings.
constexpr std::string_view kEs[] = {
    "a", "al", "algo", "algún", "alguna", "algunas", "alguno", "algunos", "allí", "ahí", "aquí",
    "ante", "antes", "aquel", "aquella", "así", "aunque", "bajo", "bien", "cada", "casi", "como",
    "cómo", "con", "contra", "cual", "cuál", "cuando", "cuándo", "cuanto", "de", "del", "desde",
    "después", "donde", "dónde", "dos", "e", "el", "él", "ella", "ellas", "ello", "ellos", "en",
    "entre", "era", "eran", "es", "esa", "esas", "ese", "eso", "esos", "esta", "está", "estaba",
    "están", "estar", "estas", "este", "esto", "estos", "estoy", "fue", "fueron", "ha", "había",
    "han", "hasta", "hay", "he", "hace", "hacer", "hizo", "la", "las", "le", "les", "lo", "los",
    "luego", "mas", "más", "me", "mi", "mí", "mis", "mismo", "misma", "mucho", "mucha", "muchos",
    "muy", "nada", "ni", "no", "nos", "nosotras", "nosotros", "nuestra", "nuestro", "nuestras",
    "nuestros", "nunca", "o", "otra", "otras", "otro", "otros", "para", "pero", "poco", "por",
    "porque", "pues", "qué", "que", "quien", "quién", "quienes", "se", "sea", "según", "ser",
    "si", "sí", "siempre", "sin", "sino", "sobre", "son", "somos", "su", "sus", "también", "tan",
    "tanto", "te", "tengo", "tiene", "tienen", "todo", "toda", "todas", "todos", "tres", "tu",
    "tú", "tus", "u", "un", "una", "unas", "uno", "unos", "usted", "ustedes", "vez", "y", "ya",
    "yo", "dijo", "decía", "dice", "ahora", "hoy", "entonces", "don", "doña"};
constexpr std::string_view kEn[] = {
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
    "doing", "don't", "down", "each", "even", "every", "few", "for", "from", "get", "got", "had",
    "has", "have", "he", "her", "here", "hers", "him", "his", "how", "i", "i'm", "if", "in",
    "into", "is", "it", "it's", "its", "just", "like", "me", "more", "most", "much", "my", "no",
    "nobody", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
    "ours", "out", "over", "own", "same", "says", "said", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things",
    "this", "those", "through", "to", "too", "two", "under", "until", "up", "us", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "yes", "you", "your", "yours", "means", "mean", "without", "every", "first"};
constexpr std::string_view kPt[] = {
    "à", "ao", "aos", "as", "às", "até", "com", "como", "da", "das", "de", "dela", "dele", "do",
    "dos", "e", "é", "ela", "elas", "ele", "eles", "em", "entre", "era", "essa", "esse", "isso",
    "esta", "está", "estão", "este", "eu", "foi", "há", "isto", "já", "lhe", "mais", "mas",
    "muito", "na", "nas", "não", "nem", "no", "nos", "nós", "num", "numa", "o", "os", "ou",
    "para", "pela", "pelo", "por", "porque", "quando", "que", "quem", "são", "se", "sem", "ser",
    "seu", "sua", "seus", "suas", "também", "te", "tem", "têm", "ter", "tudo", "um", "uma",
    "você", "vocês", "a", "aqui", "onde", "agora", "sempre", "nunca", "ainda", "cada", "todos",
    "todas", "minha", "meu", "nossa", "nosso", "gente"};
constexpr std::string_view kHt[] = {
    "a", "ak", "an", "ap", "apre", "avan", "avè", "ba", "bay", "byen", "chak", "de", "depi",
    "di", "e", "epi", "fè", "gen", "genyen", "isit", "jan", "kèk", "ka", "kapab", "ki", "kisa",
    "kòm", "konn", "konsa", "kote", "l", "la", "lan", "lè", "li", "m", "men", "menm", "mwen",
    "n", "nan", "ni", "nou", "o", "ou", "pa", "paske", "pi", "pou", "pral", "sa", "se", "si",
    "sou", "t", "te", "tou", "tout", "w", "va", "vin", "y", "yo", "yon", "jodi", "anpil",
    "toujou", "pandan", "sèlman", "ankò", "deja"};
constexpr std::string_view kArn[] = {
    "ta", "ka", "ñi", "mi", "pu", "ti", "tüfa", "tüfachi", "tüfey", "tüyechi", "chi", "fey",
    "feyti", "feychi", "inche", "iñche", "eymi", "iñchiñ", "inchiñ", "iñchiw", "eymün",
    "eymu", "engün", "engu", "tañi", "tami", "taiñ", "tayiñ", "kom", "mew", "meu", "welu",
    "chem", "chumül", "chew", "chumngechi", "iney", "may", "mari", "kiñe", "epu", "ngelay",
    "no", "fewla", "rume", "ngi", "ngey", "am", "chi", "ta", "em", "fau", "tefa", "tefachi"};

const std::set<std::string, std::less<>>& stop_words() {
  static const std::set<std::string, std::less<>> all = [] {
    std::set<std::string, std::less<>> s;
    for (auto list : {std::span<const std::string_view>(kEs), std::span<const std::string_view>(kEn),
                      std::span<const std::string_view>(kPt), std::span<const std::string_view>(kHt),
                      std::span<const std::string_view>(kArn)})
      for (std::string_view w : list) s.emplace(nfc(w));
    return s;
  }();
  return all;
}

/// Acute, grave, circumflex and tilde on vowels removed (ñ, ü, ç kept): "canción" and
/// "canciones" meet at "cancion".
std::string fold_vowel_accents(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kFold[] = {
      {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ã", 'a'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'},
      {"í", 'i'}, {"ì", 'i'}, {"î", 'i'}, {"ó", 'o'}, {"ò", 'o'}, {"ô", 'o'}, {"õ", 'o'},
      {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length_at(s, i);
    const std::string_view c = s.substr(i, n);
    auto it = std::find_if(std::begin(kFold), std::end(kFold), [&](const auto& f) { return f.first == c; });
    if (it != std::end(kFold)) out += it->second; else out.append(c);
    i += n;
  }
  return out;
}

bool ends(const std::string& w, std::string_view suffix) { return w.ends_with(suffix); }
void cut(std::string& w, std::size_t n) { w.resize(w.size() - n); }

/// Spanish and Portuguese: singular and plural meet at one key ("padre"/"padres" ->
/// "padr", "luz"/"luces" -> "luz"); the key is never shown, only compared.
std::string romance_key(std::string w, bool pt) {
  if (w.size() < 4) return w;
  if (pt) {
    if (ends(w, "oes") || ends(w, "aes") || ends(w, "aos")) { cut(w, 3); return w + "ao"; }
    if (ends(w, "ais") || ends(w, "eis") || ends(w, "ois") || ends(w, "uis")) { cut(w, 2); return w + "l"; }
    if (ends(w, "ns")) { cut(w, 2); return w + "m"; }
  } else if (ends(w, "ces")) {
    cut(w, 3);
    return w + "z";
  }
  if (ends(w, "s") && !ends(w, "ss")) cut(w, 1);
  const std::string_view before_e = pt ? "rlszn" : "rlndjyz";
  if (w.size() >= 4 && w.back() == 'e' && before_e.find(w[w.size() - 2]) != std::string_view::npos)
    cut(w, 1);
  return w;
}

std::string english_key(std::string w) {
  static constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
      {"children", "child"}, {"women", "woman"}, {"men", "man"}, {"people", "person"},
      {"feet", "foot"}, {"teeth", "tooth"}};
  for (auto [from, to] : kIrregular)
    if (w == from) return std::string(to);
  if (w.size() < 4) return w;
  if (ends(w, "ies") && w.size() > 4) { cut(w, 3); return w + "y"; }
  if (ends(w, "sses") || ends(w, "ches") || ends(w, "shes") || ends(w, "xes")) { cut(w, 2); return w; }
  if (ends(w, "ss") || ends(w, "us") || ends(w, "is") || ends(w, "'s")) return ends(w, "'s") ? w.substr(0, w.size() - 2) : w;
  if (ends(w, "s")) cut(w, 1);
  return w;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  Token cur;
  auto flush = [&] {
    // An apostrophe at either end is a quotation mark, not part of the word.
    while (!cur.text.empty() && (cur.text.back() == '\'')) cur.text.pop_back(), --cur.letters;
    if (cur.letters > 0) out.push_back(cur);
    cur = Token{};
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const auto cp = static_cast<gunichar>(next_code_point(text, i));
    const std::string_view bytes = text.substr(start, i - start);
    if (g_unichar_isalpha(cp) || (g_unichar_ismark(cp) && !cur.text.empty())) {
      if (cur.text.empty()) cur.capitalised = g_unichar_isupper(cp) || g_unichar_istitle(cp);
      cur.text.append(bytes);
      if (!g_unichar_ismark(cp)) ++cur.letters;
    } else if (g_unichar_isdigit(cp)) {
      cur.has_digit = true;
      cur.text.append(bytes);
      ++cur.letters;
    } else if ((cp == '\'' || cp == 0x2019) && !cur.text.empty()) {
      cur.text += '\'';  // "don't", "m'ap": one word; ’ written as '
      ++cur.letters;
    } else {
      flush();
    }
  }
  flush();
  for (Token& t : out) t.text = nfc(t.text);
  return out;
}

std::string lemma(std::string_view word, std::string_view lang) {
  const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
  std::string w = to_lower(nfc(word));
  if (primary == "es" || primary == "pt") return romance_key(fold_vowel_accents(w), primary == "pt");
  if (primary == "en") return english_key(std::move(w));
  return w;  // ht, arn and others: plurals are separate words
}

bool is_stop_word(std::string_view lower_word) {
  return stop_words().count(lower_word) != 0;
}

}  // namespace telar
