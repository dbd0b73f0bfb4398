// Speaker names and subjects added for session 9: a known person's name misspelt by one letter,
// the last word of a non-Latin full name used alone, a long title after a verb that comes first,
// the Arabic comma around a name, and Chinese persons spoken to, joined or reported (向/给 X, A与B,
// 透露 X ..., 提出的), a named expert with the original in brackets, 所说.
// Fixtures are written for these tests in the shapes of real press copy.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared/extract/knowledge.h"
#include "shared/extract/knowledge_index.h"
#include "shared/extract/speakers.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

using Names = std::vector<std::string>;

Names speakers(const std::string& text, const std::string& language,
               const std::string& iso = "2025-11-24") {
  std::vector<std::string> paragraphs;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t e = text.find("\n\n", pos);
    if (e == std::string::npos) e = text.size();
    if (e > pos) paragraphs.push_back(text.substr(pos, e - pos));
    pos = e + 2;
  }
  return readouts::attribute_speakers(paragraphs, readouts::testing::default_knowledge(), iso,
                                      language)
      .speakers;
}

struct Row {
  const char* language;
  const char* text;
  Names speakers;
};

void check_rows(const std::vector<Row>& rows, const std::string& iso = "2025-11-24") {
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    CHECK(speakers(r.text, r.language, iso) == r.speakers);
  }
}

}  // namespace

TEST_CASE("a known person's name misspelt by one letter is that person") {
  check_rows({
      {"en",
       "Foreign ministry spokesman Wang Wenbim said Beijing had no information to offer.",
       {"Wang Wenbin"}},
      {"en",
       "Secretary of State Antony Blinkin said the talks had been candid.",
       {"Antony Blinken"}},
      {"en", "Trade envoy Jamison Greer told reporters the deal would hold.", {"Jamieson Greer"}},
      // Two letters off, or a short word off: another person, kept as written.
      {"en", "Analyst Wang Wenbo said the market had priced in the truce.", {"Wang Wenbo"}},
      {"en", "Professor Dong Jin said the two militaries needed a hotline.", {"Dong Jin"}},
  });
}

TEST_CASE("the last word of a full name written in Cyrillic or Arabic names the person later") {
  check_rows(
      {
          {"ru",
           "Пресс-секретарь Белого дома Джей Карни ответил на вопросы журналистов.\n\n"
           "«Кибербезопасность станет темой встречи», — сказал Карни.",
           {"Jay Carney"}},
          // Lower case is a word, not the surname.
          {"ru", "Пресс-секретарь Джей Карни был в Пекине.\n\n«Это важно», — сказал карни.", {}},
          {"ar",
           "وصل مستشار الأمن القومي توم دونيلون إلى بكين.\n\nوقال دونيلون إن المحادثات كانت "
           "مثمرة.",
           {"Tom Donilon"}},
      },
      "2013-06-08");
}

TEST_CASE("a long title after a verb that comes first, then a known person ending the clause") {
  check_rows({
      {"ru",
       "Об этом заявил официальный представитель Министерства коммерции Китая Гао Фэн, "
       "передает агентство.",
       {"Gao Feng"}},
      // The person after a preposition is the one spoken with.
      {"ru", "Об этом заявил министр в беседе с Гао Фэном.", {}},
      {"ar",
       "وصرحت المتحدثة باسم البيت الأبيض، كارولين ليفيت، بأن المكالمة كانت جيدة.",
       {"Karoline Leavitt"}},
  });
}

TEST_CASE("Chinese: the person spoken to, a joint subject or reported content does not speak") {
  check_rows({
      {"zh-Hans", "此外，拜登也准备向习近平提出气候问题。", {"Joe Biden"}},
      {"zh-Hans", "习近平当选后，奥巴马打电话给习近平表示祝贺。", {"Barack Obama"}},
      {"zh-Hant", "董軍與赫格塞思一致認為，雙方應建立溝通管道。", {}},
      {"zh-Hant", "赫格塞思說：「董軍上將和我一致認為，和平最重要。」", {"Pete Hegseth"}},
      {"zh-Hans", "知情人士透露习近平希望在明年再讨论此事。", {}},
      {"zh-Hans", "双方将跟进拜登与习近平会晤时提出的议题。", {}},
  });
}

TEST_CASE("Chinese: a named expert with a long original in brackets, and 所说") {
  check_rows({
      {"zh-Hans",
       "某国际政策研究中心(Center for a Made Up Policy Study)的中国问题专家史密斯(John Smith)"
       "说：会面本身就是成果。",
       {"史密斯"}},
      {"zh-Hans", "专家学者表示，会谈有助于稳定关系。", {}},
  });
  // 她自己所说: the pronoun before 自己 and 所 is the subject (the passage is Yellen's).
  auto a = readouts::attribute_speakers(
      {"美国财长耶伦说，访问很有成果。", "正如她自己所说，没有一次访问能一夜之间化解所有挑战。"},
      readouts::testing::default_knowledge(), "2023-07-10", "zh-Hans");
  REQUIRE(a.passages.size() == 2);
  CHECK(a.passages[1].speaker == "Janet Yellen");
}

TEST_CASE("accused is an attribution verb, with a surname named before") {
  check_rows({
      {"en",
       "Top diplomat Yang Jiechi opened the session.\n\n"
       "A visibly annoyed Yang accused the U.S. side of breaking protocol.",
       {"Yang Jiechi"}},
  });
}

TEST_CASE("Chinese: a known person's short name after a title or a first mention") {
  using readouts::short_chinese_names;
  CHECK(short_chinese_names("马修·米勒") == Names{"米勒"});
  CHECK(short_chinese_names("副總理汪洋") == Names{"汪洋"});  // folded to simplified
  CHECK(short_chinese_names("罗斯商务部长") == Names{"罗斯"});
  CHECK(short_chinese_names("习近平").empty());  // no title to take off: the alias itself
  // A spokesperson by the last part of his transliterated name, after his title: the person,
  // not an unknown "米勒".
  CHECK(speakers("美国国务院发言人米勒称,美方愿与中方保持沟通。", "zh-Hans", "2023-06-20") ==
        Names{"Matthew Miller"});
  // A minister introduced with his title, then quoted by his surname alone in a later paragraph.
  CHECK(speakers("美国商务部长罗斯与中方举行工作会谈。\n\n罗斯表示,双方应当加强沟通。", "zh-Hans",
                 "2017-09-25") == Names{"Wilbur Ross"});
  CHECK(speakers("副总理汪洋出席开幕式。\n\n汪洋指出,双方合作前景广阔。", "zh-Hans",
                 "2014-07-09") == Names{"Wang Yang"});
  // The same characters as a common word, the person never named: nobody.
  CHECK(speakers("一片汪洋表示洪水仍在上涨。", "zh-Hans", "2014-07-09").empty());
}

TEST_CASE("Chinese: a name the article gave after a role word opens a later clause alone") {
  CHECK(speakers("商务部部长钟山与来访的美国客人举行工作会谈。\n\n钟山表示,双方应当加强沟通。",
                 "zh-Hans", "2017-09-25") == Names{"钟山"});
  // Never introduced with a role: two characters before a verb are not a name.
  CHECK(speakers("双方举行工作会谈。\n\n钟山表示,双方应当加强沟通。", "zh-Hans", "2017-09-25")
            .empty());
}
