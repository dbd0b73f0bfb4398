// The query reader: Xapian syntax only when clearly meant; the rest are words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared/search/query_reader.h"

using namespace readouts;

namespace {

// The tokens as "word" for words and "[syntax]" for syntax kept for the QueryParser.
std::string shape(std::string_view q) {
  std::string out;
  for (const QueryToken& t : read_query(q).tokens) {
    if (!out.empty()) out += ' ';
    out += t.plain ? t.text : "[" + t.text + "]";
  }
  return out;
}

}  // namespace

TEST_CASE("punctuation in questions is punctuation, not syntax") {
  CHECK(shape("(made using free-flight models)") == "made using free-flight models");
  CHECK(shape("what is the one-China policy?") == "what is the one-China policy");
  CHECK(shape("did Xi mention Taiwan ?") == "did Xi mention Taiwan");
  CHECK(shape("the ?slip? effect") == "the slip effect");
  CHECK(shape("the /boat-tail/ effect") == "the boat-tail effect");
  CHECK(shape("Note: tariffs rose") == "Note tariffs rose");
  CHECK(shape("\"unclosed quote about Taiwan") == "unclosed quote about Taiwan");
  CHECK(shape("\"Taiwan\" Xi") == "Taiwan Xi");  // one quoted word is that word
  CHECK(shape("U.S. tariffs, i.e. duties") == "U.S. tariffs i.e. duties");
  CHECK(shape("AND OR") == "and or");
  CHECK(shape("NOT") == "not");
  CHECK(shape("taiwan AND") == "taiwan and");
  CHECK(shape("(taiwan") == "taiwan");
  CHECK(shape("*") == "");
  CHECK(shape("+") == "");
  CHECK(shape("-") == "");
  // Full-width forms typed with a Chinese keyboard.
  CHECK(shape("台湾？") == "台湾");
  CHECK(shape("习近平，特朗普、通话") == "习近平 特朗普 通话");
  CHECK(shape("（台湾）") == "台湾");
  const ReadQuery r = read_query("(made using free-flight models)?");
  CHECK(r.punctuation == std::vector<std::string>{"(", ")", "?"});
}

TEST_CASE("a dash is an exclusion only in a short query with other words") {
  CHECK(shape("Taiwan -Biden") == "Taiwan [-Biden]");
  CHECK(shape("-taiwan") == "taiwan");
  CHECK(shape("methods -dash exact or approximate -dash are available now") ==
        "methods dash exact or approximate dash are available now");
  CHECK(shape("thrust vector control by fluid injection -dash papers") ==
        "thrust vector control by fluid injection dash papers");
}

TEST_CASE("syntax that is clearly meant is kept") {
  CHECK(shape("\"red line\" Taiwan") == "[\"red line\"] Taiwan");
  CHECK(shape("xi OR biden") == "[xi] [OR] [biden]");
  CHECK(shape("NOT biden") == "[NOT] [biden]");
  CHECK(shape("speaker:xi taiwan") == "[speaker:xi] taiwan");
  CHECK(shape("speaker:\"Joe Biden\" climate") == "[speaker:\"Joe Biden\"] climate");
  CHECK(shape("tariff* +Xi") == "[tariff*] [+Xi]");
  CHECK(shape("+Xi?") == "[+Xi]");
  CHECK(shape("(taiwan OR xi) AND trade") == "[(taiwan] [OR] [xi)] [AND] [trade]");
  CHECK(shape("2024-11-01..2024-11-30 Lima") == "[2024-11-01..2024-11-30] Lima");
  CHECK(shape("fentanyl 2025..") == "fentanyl [2025..]");
  CHECK(shape("a..b") == "a b");
  const QueryToken or_operand = read_query("xi OR biden").tokens[0];
  CHECK(or_operand.operand);
}

TEST_CASE("a query of more than twelve words is pasted text: every token a word") {
  const std::string pasted =
      "President Xi said (in a call on Monday) that \"Taiwan's return\" was part of the "
      "post-war order -- speaker:xi OR NOT";
  const ReadQuery r = read_query(pasted);
  CHECK(r.long_text);
  for (const QueryToken& t : r.tokens) CHECK_MESSAGE(t.plain, t.text);
  CHECK_FALSE(read_query("Taiwan Xi 2025 tariffs fentanyl").long_text);
}

TEST_CASE("words_only reads the syntax as words and keeps filters and date ranges") {
  CHECK(words_only("\"red line\" -Biden speaker:xi (a OR b) tariff*") ==
        "red line Biden speaker:xi a b tariff");
  CHECK(words_only("2024-11-01..2024-11-30 Lima") == "2024-11-01..2024-11-30 Lima");
}
