// SPDX-License-Identifier: GPL-3.0-or-later
// Transcript readers. Cases follow the shapes of real parser corpora: the W3C
// web-platform-tests for WebVTT (webvtt/parsing/file-parsing), and the fixtures of SubRip
// libraries (python srt, pysrt, libass' converters): signatures, timings, ids, blocks,
// tags, entities, voices, encodings, missing or doubled blank lines.
#include <catch2/catch.hpp>

#include "base/messages.h"
#include "story/read_story.h"
#include "story/transcript.h"

using namespace telar;
using namespace telar::story_detail;

namespace {

Story read(const std::string& name, const std::string& bytes, Diagnostics& d) {
  return parse_story(SourceText(name, bytes), d);
}

Story read_ok(const std::string& name, const std::string& bytes) {
  Diagnostics d;
  Story s = read(name, bytes, d);
  for (const Diagnostic& x : d.all()) INFO(format_diagnostic(x, Lang::en));
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(s.rounds.size() == 1);
  return s;
}

const std::vector<Turn>& turns(const Story& s) { return s.rounds.at(0).turns; }

std::string first_error(const Diagnostics& d) {
  for (const Diagnostic& x : d.all())
    if (x.severity == Severity::error) return format_diagnostic(x, Lang::en);
  return {};
}

std::string utf16le(std::u16string_view s, bool bom = true) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (char16_t c : s) {
    out += static_cast<char>(c & 0xFF);
    out += static_cast<char>(c >> 8);
  }
  return out;
}

}  // namespace

// --- WebVTT: signature and header (wpt file-parsing/signature-*)

TEST_CASE("vtt signature WEBVTT alone, with a space, a tab or a BOM is accepted", "[vtt]") {
  for (std::string sig : {"WEBVTT", "WEBVTT header text", "WEBVTT\tx", "\xEF\xBB\xBFWEBVTT"}) {
    Story s = read_ok("a.vtt", sig + "\n\n00:00.000 --> 00:01.000\n<v Ana>Hola\n");
    CHECK(turns(s).at(0).speaker == "Ana");
  }
}

TEST_CASE("vtt signature WEBVTTX, a lower-case webvtt or a missing one is refused", "[vtt]") {
  for (std::string sig : {"WEBVTTX", "webvtt", "", "1\n00:00.000 --> 00:01.000"}) {
    Diagnostics d;
    read("a.vtt", sig + "\n\n00:00.000 --> 00:01.000\nHola\n", d);
    CHECK(first_error(d).find("a.vtt:1:1: error: a WebVTT file starts with the line 'WEBVTT'") == 0);
  }
}

TEST_CASE("vtt header lines are skipped up to the first blank line", "[vtt]") {
  Story s = read_ok("a.vtt", "WEBVTT\nKind: captions\nLanguage: es\n\n00:01.000 --> 00:02.000\nAna: Hola\n");
  REQUIRE(turns(s).size() == 1);
  CHECK(turns(s).at(0).text == "Hola");
}

// --- WebVTT: timings (wpt file-parsing/timings-*)

TEST_CASE("vtt timestamps with and without hours, and more than two hour digits", "[vtt]") {
  auto at = [](std::string_view t) {
    std::size_t i = 0;
    return vtt_timestamp(t, i);
  };
  CHECK(at("00:01.500") == 1500);
  CHECK(at("01:00:01.000") == 3601000);
  CHECK(at("100:00:00.000") == 360000000);
  CHECK(at("59:59.999") == 3599999);
  CHECK(at("0:01.000") == -1);    // minutes need two digits
  CHECK(at("00:1.000") == -1);
  CHECK(at("00:01.00") == -1);    // three fraction digits
  CHECK(at("00:01,000") == -1);   // the SRT comma is not WebVTT
  CHECK(at("00:60.000") == -1);
  CHECK(at("00:60:00.000") == -1);
  CHECK(at("500:00:00.000") == 1800000000);
  CHECK(at("501:00:00.000") == -1);  // past 500 hours the milliseconds would overflow
  CHECK(at("999999:00:00.000") == -1);
}

TEST_CASE("vtt cue settings after the timing are ignored, and a bad timing skips the cue with a warning", "[vtt]") {
  Diagnostics d;
  Story s = read("a.vtt",
                 "WEBVTT\n\n00:00.000 --> 00:01.000 align:start position:10% line:0\nAna: uno\n\n"
                 "00:02.00 --> 00:03.000\nAna: perdida\n\n"
                 "00:04.000-->00:05.000\nLuis: dos\n",
                 d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all()[0], Lang::en).find("a.vtt:6:1: warning: expected a cue timing like '00:01.000 --> 00:04.000' (found '00:02.00 --> 00:03.000')") == 0);
  REQUIRE(turns(s).size() == 2);
  CHECK(turns(s).at(0).text == "uno");
  CHECK(turns(s).at(1).text == "dos");
}

// --- WebVTT: blocks (wpt file-parsing/ids, comments, stylesheets, regions)

TEST_CASE("vtt cue ids, NOTE, STYLE and REGION blocks never reach the text", "[vtt]") {
  Story s = read_ok("a.vtt",
                    "WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:fred width:40%\n\n"
                    "NOTE this is a comment\nover two lines\n\n"
                    "intro-1\n00:00.000 --> 00:01.000\n<v Ana>Prestar una batería\n\n"
                    "NOTE\nanother\n\n"
                    "2\n00:01.000 --> 00:02.000\n<v Ana>es prestar la voz.\n");
  REQUIRE(turns(s).size() == 1);
  CHECK(turns(s).at(0).text == "Prestar una batería es prestar la voz.");
}

TEST_CASE("vtt a line with an arrow inside cue text starts the next cue", "[vtt]") {
  Story s = read_ok("a.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>uno\n00:01.000 --> 00:02.000\n<v Luis>dos\n");
  REQUIRE(turns(s).size() == 2);
  CHECK(turns(s).at(1).speaker == "Luis");
  CHECK(turns(s).at(1).text == "dos");
}

TEST_CASE("vtt multi-line cues join with one space and CRLF endings are read", "[vtt]") {
  Story s = read_ok("a.vtt", "WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\n<v Ana>Cuando se corta la luz,\r\nel barrio sigue hablando.\r\n");
  CHECK(turns(s).at(0).text == "Cuando se corta la luz, el barrio sigue hablando.");
}

// --- WebVTT: cue text (wpt webvtt/parsing/cue-text-parsing)

TEST_CASE("vtt voices: v with classes, unclosed v, several voices in one cue", "[vtt]") {
  Story s = read_ok("a.vtt",
                    "WEBVTT\n\n00:00.000 --> 00:02.000\n<v.loud.first Don Héctor>Se abre el taller.</v>\n\n"
                    "00:02.000 --> 00:04.000\n<v Rocío>¿A qué hora?<v Don Héctor>A las nueve.\n\n"
                    "00:04.000 --> 00:05.000\n<v   Rocío  >Bien\n");
  REQUIRE(turns(s).size() == 4);
  CHECK(turns(s).at(0).speaker == "Don Héctor");
  CHECK(turns(s).at(1).speaker == "Rocío");
  CHECK(turns(s).at(1).text == "¿A qué hora?");
  CHECK(turns(s).at(2).speaker == "Don Héctor");
  CHECK(turns(s).at(3).speaker == "Rocío");
}

TEST_CASE("vtt inline tags, inner timestamps, ruby text and entities are stripped or decoded (nbsp becomes a space)", "[vtt]") {
  Story s = read_ok("a.vtt",
                    "WEBVTT\n\n00:00.000 --> 00:05.000\n"
                    "<v Ana><i>Nadie</i> <b>se</b> <u>queda</u> <c.yellow.bg_blue>sin</c> "
                    "<00:00:02.500>señal &amp; &lt;luz&gt; &#233;&#xE9;&nbsp;<lang en>ok</lang> "
                    "<ruby>漢<rt>kan</rt></ruby>\n");
  CHECK(turns(s).at(0).text == "Nadie se queda sin señal & <luz> éé ok 漢");
}

TEST_CASE("vtt a cue with no voice keeps a Name: label, else it inherits the speaker before", "[vtt]") {
  Story s = read_ok("a.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nAna: uno\n\n00:01.000 --> 00:02.000\ndos\n");
  REQUIRE(turns(s).size() == 1);
  CHECK(turns(s).at(0).speaker == "Ana");
  CHECK(turns(s).at(0).text == "uno dos");
}

// --- SRT (python srt / pysrt fixtures)

TEST_CASE("srt timestamps: comma or dot, one-digit hours, short fractions, none", "[srt]") {
  auto at = [](std::string_view t) {
    std::size_t i = 0;
    return srt_timestamp(t, i);
  };
  CHECK(at("00:00:01,000") == 1000);
  CHECK(at("00:00:01.250") == 1250);
  CHECK(at("1:02:03,4") == 3723400);
  CHECK(at("00:00:05") == 5000);
  CHECK(at("00:61:00,000") == -1);
  CHECK(at("aa:00:00,000") == -1);
  CHECK(at("500:00:00,000") == 1800000000);
  CHECK(at("999999:59:59,999") == -1);  // past 500 hours the milliseconds would overflow
}

TEST_CASE("srt numbered cues, optional indexes, BOM, CRLF, no final newline", "[srt]") {
  Story s = read_ok("a.srt",
                    "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:02,000\r\nAna: Prestar una batería\r\n\r\n"
                    "00:00:02,000 --> 00:00:03,000 X1:100 X2:200 Y1:10 Y2:20\r\nes prestar la voz.\r\n\r\n"
                    "3\r\n00:00:03,500 --> 00:00:04,000\r\nLuis: Sí.");
  REQUIRE(turns(s).size() == 2);
  CHECK(turns(s).at(0).text == "Prestar una batería es prestar la voz.");
  CHECK(turns(s).at(0).at_seconds == 1);
  CHECK(turns(s).at(1).speaker == "Luis");
}

TEST_CASE("srt speaker prefixes: Name, NAME, [Name], - Name and dialogue lines", "[srt]") {
  Story s = read_ok("a.srt",
                    "1\n00:00:01,000 --> 00:00:02,000\nMARÍA JOSÉ: uno\n\n"
                    "2\n00:00:02,000 --> 00:00:03,000\n[Rodrigo] dos\n\n"
                    "3\n00:00:03,000 --> 00:00:04,000\n- Ana: tres\n- Luis: cuatro\n\n"
                    "4\n00:00:04,000 --> 00:00:05,000\n[music]\n>> Marisol: cinco\n");
  REQUIRE(turns(s).size() == 5);
  CHECK(turns(s).at(0).speaker == "María José");
  CHECK(turns(s).at(1).speaker == "Rodrigo");
  CHECK(turns(s).at(2).speaker == "Ana");
  CHECK(turns(s).at(3).speaker == "Luis");
  CHECK(turns(s).at(3).text == "cuatro");
  CHECK(turns(s).at(4).speaker == "Marisol");
  CHECK(turns(s).at(4).text == "cinco");
}

TEST_CASE("srt font, italic and SSA override tags are stripped", "[srt]") {
  Story s = read_ok("a.srt", "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color=\"#ffff00\">Ana:</font> <i>hola</i> a < b\n");
  CHECK(turns(s).at(0).speaker == "Ana");
  CHECK(turns(s).at(0).text == "hola a < b");
}

TEST_CASE("srt a missing blank line between cues and blank lines inside a cue", "[srt]") {
  Story s = read_ok("a.srt",
                    "1\n00:00:01,000 --> 00:00:02,000\nAna: uno\n2\n00:00:02,000 --> 00:00:03,000\nLuis: dos\n\n\n"
                    "más de Luis\n\n3\n00:00:03,000 --> 00:00:04,000\nAna: tres\n");
  REQUIRE(turns(s).size() == 3);
  CHECK(turns(s).at(0).text == "uno");
  CHECK(turns(s).at(1).text == "dos más de Luis");
  CHECK(turns(s).at(2).text == "tres");
}

TEST_CASE("srt a URL or a time of day is not a speaker label", "[srt]") {
  Story s = read_ok("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nAna: mira https://example.org\n\n2\n00:00:02,000 --> 00:00:03,000\nA las 10:30 abrimos.\n");
  CHECK(turns(s).at(0).text == "mira https://example.org A las 10:30 abrimos.");
}

// --- Speaker inheritance, merging, pauses

TEST_CASE("cues of one speaker merge into a turn until a pause longer than the threshold", "[transcript]") {
  Story s = read_ok("a.srt",
                    "1\n00:00:01,000 --> 00:00:02,000\nAna: uno\n\n"
                    "2\n00:00:02,500 --> 00:00:03,000\ndos\n\n"
                    "3\n00:00:14,000 --> 00:00:15,000\ntres\n\n"
                    "4\n00:00:15,000 --> 00:00:16,000\nLuis: cuatro\n\n"
                    "5\n00:00:16,000 --> 00:00:17,000\nAna: cinco\n");
  REQUIRE(turns(s).size() == 4);
  CHECK(turns(s).at(0).text == "uno dos");
  CHECK(turns(s).at(1).speaker == "Ana");  // 11 s of silence: a new turn
  CHECK(turns(s).at(1).text == "tres");
  CHECK(turns(s).at(1).at_seconds == 14);
  CHECK(turns(s).at(2).speaker == "Luis");
  CHECK(turns(s).at(3).speaker == "Ana");
}

TEST_CASE("is_generic_label knows diarization labels and nothing else", "[transcript]") {
  CHECK(is_generic_label("SPEAKER_00"));
  CHECK(is_generic_label("Speaker 1"));
  CHECK(is_generic_label("speaker 0"));
  CHECK(is_generic_label("Unknown"));
  CHECK_FALSE(is_generic_label("Speakerina"));
  CHECK_FALSE(is_generic_label("Ana"));
}

// --- Other exports

TEST_CASE("WhisperX srt with SPEAKER_00 prefixes, renamed by a speakers map", "[transcript]") {
  Story s = read_ok("w.srt",
                    "1\n00:00:00,031 --> 00:00:02,112\n[SPEAKER_00]: Prestar una batería\n\n"
                    "2\n00:00:02,112 --> 00:00:03,000\n[SPEAKER_00]: es prestar la voz.\n\n"
                    "3\n00:00:03,500 --> 00:00:05,000\n[SPEAKER_01]: Y la red no se apaga.\n");
  REQUIRE(turns(s).size() == 2);
  CHECK(turns(s).at(0).speaker == "SPEAKER_00");
  rename_speakers(s, {{"speaker_00", "Ana"}, {"SPEAKER_01", "Rodrigo"}});
  CHECK(turns(s).at(0).speaker == "Ana");
  CHECK(turns(s).at(1).speaker == "Rodrigo");
}

TEST_CASE("WhisperX txt lines and whisper.cpp bracketed timings with (speaker 0)", "[transcript]") {
  Story w = read_ok("w.txt", "[SPEAKER_00]: Prestar una batería es prestar la voz.\n[SPEAKER_01]: Sí.\n");
  REQUIRE(turns(w).size() == 2);
  CHECK(turns(w).at(1).speaker == "SPEAKER_01");
  Story c = read_ok("c.txt",
                    "[00:00:00.000 --> 00:00:03.000]  (speaker 0) Prestar una batería\n"
                    "[00:00:03.000 --> 00:00:05.000]  (speaker 0) es prestar la voz.\n"
                    "[00:00:05.000 --> 00:00:07.000]  (speaker 1) Sí.\n");
  REQUIRE(turns(c).size() == 2);
  CHECK(turns(c).at(0).speaker == "speaker 0");
  CHECK(turns(c).at(0).text == "Prestar una batería es prestar la voz.");
  CHECK(turns(c).at(1).at_seconds == 5);
}

TEST_CASE("Otter plain text: a Name  m:ss header, then the paragraph", "[transcript]") {
  Story s = read_ok("o.txt",
                    "Ana Pérez  0:03\nPrestar una batería es prestar la voz.\nNadie firma nada.\n\n"
                    "Speaker 2  1:05:10\nY la red no se apaga.\n");
  REQUIRE(turns(s).size() == 2);
  CHECK(turns(s).at(0).speaker == "Ana Pérez");
  CHECK(turns(s).at(0).text == "Prestar una batería es prestar la voz. Nadie firma nada.");
  CHECK(turns(s).at(1).speaker == "Speaker 2");
  CHECK(turns(s).at(1).at_seconds == 3910);
  // Past 500 hours the milliseconds would overflow: not an Otter header then.
  CHECK(is_transcript(SourceText("o.txt", "Ana Pérez  500:00:00\nHola.\n")));
  CHECK_FALSE(is_transcript(SourceText("o.txt", "Ana Pérez  999:00:00\nHola.\n")));
}

TEST_CASE("a .txt story circle is still a story circle", "[transcript]") {
  CHECK_FALSE(is_transcript(SourceText("s.txt", "---\ntitle: T\n---\n\nAna: hola\n")));
  CHECK(is_transcript(SourceText("s.txt", "[SPEAKER_00]: hola\n")));
  CHECK(is_transcript(SourceText("s.vtt", "")));
}

// --- Encodings and control characters

TEST_CASE("UTF-16 LE and BE and UTF-32 with a BOM are decoded", "[transcript]") {
  const std::u16string text = u"1\n00:00:01,000 --> 00:00:02,000\nRocío: ¿Señal? 𝄞\n";
  Story le = read_ok("a.srt", utf16le(text));
  CHECK(turns(le).at(0).speaker == "Rocío");
  CHECK(turns(le).at(0).text == "¿Señal? 𝄞");
  std::string be = "\xFE\xFF";
  for (char16_t c : text) {
    be += static_cast<char>(c >> 8);
    be += static_cast<char>(c & 0xFF);
  }
  CHECK(turns(read_ok("a.srt", be)).at(0).text == "¿Señal? 𝄞");
  std::string u32("\xFF\xFE\x00\x00", 4);
  for (char32_t c : std::u32string(U"1\n00:00:01,000 --> 00:00:02,000\nAna: ñ\n"))
    for (int k = 0; k < 4; ++k) u32 += static_cast<char>((c >> (8 * k)) & 0xFF);
  CHECK(turns(read_ok("a.srt", u32)).at(0).text == "ñ");
}

TEST_CASE("Windows-1252 bytes are refused at line and column with the iconv hint", "[transcript]") {
  Diagnostics d;
  read("sub.srt", "1\n00:00:01,000 --> 00:00:02,000\nRoc\xEDo: hola\n", d);
  CHECK(first_error(d).find("sub.srt:3:4: error: not UTF-8 text (byte 0xED); if the app saved it as "
                            "Windows-1252 or Latin-1, convert it first: iconv -f WINDOWS-1252 -t UTF-8 "
                            "'sub.srt' > converted.srt") == 0);
}

TEST_CASE("UTF-16 without a BOM is refused with a hint, and an unpaired surrogate too", "[transcript]") {
  Diagnostics d;
  read("sub.srt", utf16le(u"1\n", false), d);
  CHECK(first_error(d).find("sub.srt:1:2: error: the file contains NUL bytes") == 0);
  Diagnostics d2;
  read("sub.srt", utf16le(u"1\n\xD800x"), d2);
  CHECK(first_error(d2).find("sub.srt:2:1: error: invalid UTF-16 text (code unit 0xD800)") == 0);
}

TEST_CASE("C0 and C1 control characters are removed with one warning", "[transcript]") {
  Diagnostics d;
  Story s = read("a.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>ho\x01la\xC2\x85 y\x1B\n", d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all()[0], Lang::en).find("a.vtt:4:10: warning: control character U+0001 removed") == 0);
  CHECK(turns(s).at(0).text == "hola y");
}

TEST_CASE("a transcript with no cue text is an error", "[transcript]") {
  Diagnostics d;
  read("a.vtt", "WEBVTT\n\nNOTE nothing\n", d);
  CHECK(first_error(d).find("a.vtt: error: the transcript has no cues with text") == 0);
}

// --- WhisperX .json (the shape whisperx's writers emit: segments with speaker, text,
// start, end and optional words; word_segments and language beside them)

namespace {
const char* kWhisperx = R"({
  "segments": [
    {"start": 0.031, "end": 2.5, "text": " Prestar una batería es fácil.", "speaker": "SPEAKER_00",
     "words": [{"word": "Prestar", "start": 0.031, "end": 0.4, "score": 0.91, "speaker": "SPEAKER_00"}]},
    {"start": 2.6, "end": 4.0, "text": " Lo difícil es que vuelva.", "speaker": "SPEAKER_00"},
    {"start": 4.2, "end": 6.0, "text": " Nadie firma nada.\nNi un papel.", "speaker": "SPEAKER_01"},
    {"start": 6.5, "end": 7.0, "text": " Y se cuida igual."}
  ],
  "word_segments": [{"word": "Prestar", "start": 0.031, "end": 0.4, "score": 0.91}],
  "language": "es"
})";
}  // namespace

TEST_CASE("WhisperX json segments become turns by speaker in order", "[transcript][json]") {
  Story s = read_ok("t.json", kWhisperx);
  REQUIRE(turns(s).size() == 2);
  CHECK(turns(s)[0].speaker == "SPEAKER_00");
  CHECK(turns(s)[0].text == "Prestar una batería es fácil. Lo difícil es que vuelva.");
  CHECK(turns(s)[0].at_seconds == 0);
  CHECK(turns(s)[1].speaker == "SPEAKER_01");
  // A segment without a speaker (WhisperX could not assign one) continues the turn before.
  CHECK(turns(s)[1].text == "Nadie firma nada. Ni un papel. Y se cuida igual.");
  CHECK(turns(s)[1].at_seconds == 4);
}

TEST_CASE("WhisperX json with a BOM, in UTF-16, and with words omitted", "[transcript][json]") {
  CHECK(turns(read_ok("t.json", "\xEF\xBB\xBF" + std::string(kWhisperx))).size() == 2);
  std::u16string wide = u"{\"segments\": [{\"start\": 1, \"end\": 2, \"text\": \"Sí, señora.\", \"speaker\": \"Ana\"}]}";
  Story s = read_ok("t.json", utf16le(wide));
  CHECK(turns(s).at(0).speaker == "Ana");
  CHECK(turns(s).at(0).text == "Sí, señora.");
}

TEST_CASE("WhisperX json syntax errors are located at line and column", "[transcript][json]") {
  Diagnostics d;
  read("t.json", "{\n  \"segments\": [\n    {\"text\": \"Hola\" \"speaker\": \"A\"}\n  ]\n}\n", d);
  const std::string e = first_error(d);
  CHECK_THAT(e, Catch::StartsWith("t.json:3:21: error: not valid JSON: syntax error while parsing object"));
  CHECK_THAT(e, Catch::Contains("expected '}'"));
}

TEST_CASE("WhisperX json values of the wrong kind name the key where it stands", "[transcript][json]") {
  Diagnostics d;
  read("t.json", "{\"segments\": [\n  {\"start\": \"0:01\", \"text\": \"Hola\"}\n]}", d);
  CHECK(first_error(d) == "t.json:2:4: error: 'start' must be a number of seconds\n");
  Diagnostics d2;
  read("t.json", "{\"segments\": [\n  {\"start\": 1,\n   \"text\": [\"Hola\"]}\n]}", d2);
  CHECK(first_error(d2) == "t.json:3:4: error: 'text' must be a text\n");
  Diagnostics d3;
  read("t.json", "{\"segments\": \"none\"}", d3);
  CHECK(first_error(d3) == "t.json:1:2: error: 'segments' must be a list of objects\n");
  Diagnostics d4;
  read("t.json", "[{\"text\": \"Hola\"}]", d4);
  CHECK_THAT(first_error(d4), Catch::StartsWith("t.json:1:1: error: expected a WhisperX JSON export"));
  Diagnostics d5;
  read("t.json", "{\"language\": \"es\"}", d5);
  CHECK_THAT(first_error(d5), Catch::StartsWith("t.json:1:1: error: expected a WhisperX JSON export"));
}

TEST_CASE("WhisperX json is bounded in depth, segments and turn length", "[transcript][json]") {
  Diagnostics d;
  read("t.json", "{\"segments\": [{\"words\": " + std::string(100000, '[') + std::string(100000, ']') + "}]}", d);
  CHECK(first_error(d) == "t.json:1:38: error: lists and objects nested more than 16 levels deep (a WhisperX export has 4)\n");
  std::string many = "{\"segments\": [";
  for (std::size_t i = 0; i <= kMaxSegments; ++i) many += i ? ",{}" : "{}";
  Diagnostics d2;
  read("t.json", many + "]}", d2);
  CHECK_THAT(first_error(d2), Catch::EndsWith("error: more than 100000 segments in one file\n"));
  Diagnostics d3;
  read("t.json", "{\"segments\": [{\"text\": \"" + std::string(kMaxTurnChars + 1, 'a') + "\"}]}", d3);
  CHECK(first_error(d3) == "t.json:1:15: error: the turn is too long: 20001 characters, at most 20000; split it into several turns\n");
}

TEST_CASE("WhisperX json control characters from escapes are removed with a warning", "[transcript][json]") {
  Diagnostics d;
  Story s = read("t.json", R"({"segments": [{"text": "Ho\u0007la\u009b", "speaker": "A"}]})", d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(turns(s).at(0).text == "Hola");
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all()[0], Lang::en) == "t.json:1:15: warning: control character U+0007 removed (and any others in the file)\n");
}
