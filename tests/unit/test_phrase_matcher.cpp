// Term matching across scripts: case folding beyond ASCII, '*' stems, Arabic clitics, hangul
// word starts. Fixtures are written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared/extract/knowledge_index.h"
#include "shared/text/tokenize.h"

namespace {

// Payloads of the phrases that match anywhere in `text` (each start position, all matches).
std::vector<uint32_t> found(const readouts::PhraseMatcher& m, const std::string& text) {
  std::vector<uint32_t> out;
  auto toks = readouts::tokenize(text);
  for (size_t i = 0; i < toks.size(); ++i)
    m.match_at(toks, i, [&](const readouts::Phrase& p) {
      out.push_back(p.payload);
      return true;
    });
  return out;
}

readouts::PhraseMatcher matcher(const std::vector<std::string>& phrases) {
  readouts::PhraseMatcher m;
  for (size_t i = 0; i < phrases.size(); ++i) m.add(phrases[i], static_cast<uint32_t>(i));
  m.finalize();
  return m;
}

bool matches(const readouts::PhraseMatcher& m, const std::string& text) {
  return !found(m, text).empty();
}

}  // namespace

TEST_CASE("words fold to lower case in Latin, Greek and Cyrillic scripts") {
  CHECK(readouts::fold_word("Taiwán") == "taiwán");
  CHECK(readouts::fold_word("ÉTATS-UNIS") == "états-unis");
  CHECK(readouts::fold_word("Zölle") == "zölle");
  CHECK(readouts::fold_word("Kereskedelmi") == "kereskedelmi");
  CHECK(readouts::fold_word("ŐSZ") == "ősz");
  CHECK(readouts::fold_word("ТАЙВАНЬ") == "тайвань");
  CHECK(readouts::fold_word("Ёлка") == "елка");
  CHECK(readouts::fold_word("ΤΑΪΒΑΝ") == "ταϊβαν");
  // Arabic: harakat and tatweel dropped, hamza-carrying alefs as bare alef.
  CHECK(readouts::fold_word("أمريكا") == readouts::fold_word("امريكا"));
  CHECK(readouts::fold_word("تَايْوَان") == readouts::fold_word("تايوان"));
  CHECK(readouts::fold_word("تايـــوان") == readouts::fold_word("تايوان"));
}

TEST_CASE("a capitalized word matches a lower-case term in every alphabet") {
  auto m = matcher({"тайвань", "taiwán", "zölle", "éxportations"});
  CHECK(matches(m, "Тайвань остается главным вопросом."));
  CHECK(matches(m, "El tema de Taiwán fue central."));
  CHECK(matches(m, "Die Zölle steigen."));
  CHECK(matches(m, "ÉXPORTATIONS en baisse"));
}

TEST_CASE("a star lets a word go on: stems and compounds") {
  auto m = matcher({"тайван*", "торгов* войн*", "*zölle", "*zöll*"});
  // Russian case forms and the adjective from one stem.
  CHECK(found(m, "вопрос Тайваня") == std::vector<uint32_t>{0});
  CHECK(found(m, "с Тайванем") == std::vector<uint32_t>{0});
  CHECK(found(m, "тайваньский пролив") == std::vector<uint32_t>{0});
  CHECK(found(m, "торговой войны") == std::vector<uint32_t>{1});
  CHECK(found(m, "торговая война") == std::vector<uint32_t>{1});
  CHECK_FALSE(matches(m, "торговая палата"));  // every word of the phrase must match
  // A leading star: the end of a German compound; both: anywhere inside.
  CHECK(found(m, "neue Strafzölle") == std::vector<uint32_t>{2, 3});
  CHECK(found(m, "mit Strafzöllen") == std::vector<uint32_t>{3});
  CHECK_FALSE(matches(m, "Zollstreit"));
  // Without a star the word must be whole.
  auto exact = matcher({"тайвань"});
  CHECK_FALSE(matches(exact, "вопрос Тайваня"));
}

TEST_CASE("an Arabic term matches behind the clitics written onto it") {
  auto m = matcher({"تايوان", "الرسوم الجمركية", "الصين*"});
  CHECK(matches(m, "تحدث عن تايوان"));
  CHECK(matches(m, "وتايوان"));           // and Taiwan
  CHECK(matches(m, "بتايوان"));           // with/in Taiwan
  CHECK(matches(m, "لتايوان"));           // for Taiwan
  CHECK(matches(m, "والرسوم الجمركية"));  // and the tariffs
  CHECK(matches(m, "بالرسوم الجمركية"));  // with the tariffs: ب + ال
  CHECK(matches(m, "وللصين"));            // and for China: و + ل + ال
  CHECK_FALSE(matches(m, "تايوانا"));     // no star, no suffix
  auto stem = matcher({"تايوان*"});
  CHECK(matches(stem, "التايوانية"));  // the Taiwanese (feminine adjective)
}

TEST_CASE("a Korean term matches before particles but not inside another word") {
  auto m = matcher({"대만", "이란", "*관세", "대만 문제"});
  CHECK(matches(m, "대만은 중국의 일부"));  // topic particle
  CHECK(matches(m, "대만의 지위"));         // genitive
  CHECK(found(m, "대만 문제를 논의했다") == std::vector<uint32_t>{3, 0});
  CHECK(matches(m, "이란의 핵 문제"));
  CHECK_FALSE(matches(m, "인공지능이란 무엇인가"));  // "이란" as an ending, not Iran
  CHECK(matches(m, "보복관세를 부과"));              // a leading star: inside a compound
  CHECK(matches(m, "관세 인상"));
}

TEST_CASE("japanese and chinese terms match as character sequences") {
  auto m = matcher({"台湾問題", "フェンタニル", "関税"});
  CHECK(matches(m, "首脳は台湾問題について協議した"));
  CHECK(matches(m, "フェンタニルの流入"));
  CHECK(matches(m, "追加関税を発動"));
}

TEST_CASE("a word after an elided article matches in French and Italian") {
  auto m = matcher({"ukraine", "ucraina", "ai", "intelligence artificielle"});
  CHECK(matches(m, "la guerre en l'Ukraine"));
  CHECK(matches(m, "la crise d’Ukraine"));
  CHECK(matches(m, "il futuro dell'Ucraina"));
  CHECK(matches(m, "le rôle de l'intelligence artificielle"));
  // Only articles and prepositions elide: a name with an apostrophe is not split.
  CHECK_FALSE(matches(m, "near Ren'ai Jiao"));
}
