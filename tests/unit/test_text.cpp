// shared/text: month names from ICU, simplified/traditional Chinese folding from OpenCC.
#include <doctest/doctest.h>

#include <string>

#include "shared/text/chinese_script.h"
#include "shared/text/month_names.h"
#include "shared/text/tokenize.h"

TEST_CASE("month names in many languages, full and abbreviated, any case") {
  CHECK(readouts::month_from_name("June") == 6);
  CHECK(readouts::month_from_name("JUNIO") == 6);
  CHECK(readouts::month_from_name("juillet") == 7);
  CHECK(readouts::month_from_name("Dezember") == 12);
  CHECK(readouts::month_from_name("Dez") == 12);
  CHECK(readouts::month_from_name("október") == 10);
  CHECK(readouts::month_from_name("Setyembre") == 9);
  CHECK(readouts::month_from_name("сентября") == 9);
  CHECK(readouts::month_from_name("Сентябрь") == 9);
  CHECK(readouts::month_from_name("سبتمبر") == 9);
  CHECK(readouts::month_from_name("Sept") == 9);
  CHECK(readouts::month_from_name("Eylül") == 9);
  CHECK(readouts::month_from_name("أيلول") == 9);  // Levantine Arabic names
  CHECK(readouts::month_from_name("حزيران") == 6);
  // Not months: ordinary words, digits, too short.
  CHECK(readouts::month_from_name("Monday") == 0);
  CHECK(readouts::month_from_name("march2") == 0);
  CHECK(readouts::month_from_name("ma") == 0);
  CHECK(readouts::month_from_name("") == 0);
}

TEST_CASE("traditional Chinese folds to simplified, character by character") {
  REQUIRE(readouts::simplified_table_size() > 2000);
  CHECK(readouts::to_simplified("習近平") == "习近平");
  CHECK(readouts::to_simplified("臺灣") == "台湾");
  CHECK(readouts::to_simplified("兩岸關係") == "两岸关系");
  // Simplified text, names written the same in both scripts, and other scripts are unchanged.
  CHECK(readouts::to_simplified("习近平同特朗普通电话") == "习近平同特朗普通电话");
  CHECK(readouts::to_simplified("川普 Trump, Си Цзиньпин") == "川普 Trump, Си Цзиньпин");
  // Byte lengths are kept, so offsets into the original text stay valid.
  std::string t = "中華人民共和國外交部發言人";
  CHECK(readouts::to_simplified(t).size() == t.size());
}

TEST_CASE("folding in place gives what to_simplified gives, cut characters and rare ones too") {
  // A text cut inside a character (a passage's bytes, a snippet's window) keeps the cut bytes.
  const std::string whole = "總統習近平與川普通話,談到臺灣";
  for (size_t from = 0; from < whole.size(); ++from) {
    std::string in_place = whole.substr(from, 11);
    readouts::fold_to_simplified(in_place);
    CHECK(in_place == readouts::to_simplified(whole.substr(from, 11)));
  }
  std::string text = "中華 ABC 臺灣";
  readouts::fold_to_simplified(text);
  CHECK(text == "中华 ABC 台湾");
  // U+346E folds to U+2B748 beyond the Basic Multilingual Plane (OpenCC's t2s): one byte more,
  // and what follows still folds.
  REQUIRE(readouts::simplified_char(0x346E) == 0x2B748);
  std::string rare = "\xE3\x91\xAE 灣";
  readouts::fold_to_simplified(rare);
  CHECK(rare == "\xF0\xAB\x9D\x88 湾");
}

TEST_CASE("names and topic terms match across Chinese scripts through the tokenizer") {
  // 習近平 and 习近平 fold to one form, so a name listed in one script is found in the other.
  auto simplified = readouts::tokenize("习近平");
  auto traditional = readouts::tokenize("習近平");
  REQUIRE(simplified.size() == traditional.size());
  for (size_t i = 0; i < simplified.size(); ++i)
    CHECK(simplified[i].folded == traditional[i].folded);
  // Offsets still point into the text as written.
  CHECK(traditional[0].end - traditional[0].begin == 3);
}

TEST_CASE("the tokenizer ends run-together sentences and reads capitals in every cased script") {
  auto words = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : readouts::tokenize(text))
      out.emplace_back(text.substr(t.begin, t.end - t.begin));
    return out;
  };
  // A lower-case word, a dot and a capital with no space: two sentences.
  CHECK(words("geldi.Çin") == std::vector<std::string>{"geldi", ".", "Çin"});
  CHECK(words("talks.The") == std::vector<std::string>{"talks", ".", "The"});
  // Abbreviations, initials and lower-case runs stay one word.
  CHECK(words("U.S.A") == std::vector<std::string>{"U.S.A"});
  CHECK(words("Mr.Xi") == std::vector<std::string>{"Mr.Xi"});
  CHECK(words("e.g.") == std::vector<std::string>{"e.g."});
  auto upper = [](std::string_view text) { return readouts::tokenize(text).at(0).upper_initial; };
  CHECK(upper("Çin"));
  CHECK(upper("Председатель"));
  CHECK_FALSE(upper("çin"));
  CHECK_FALSE(upper("председатель"));
}
