// Speaker forms added for the real-world set: Japanese quotative verbs, kana readings and long
// titles; Turkish subjects that open the sentence; case endings and prepositions before a verb;
// complementizers after a verb; broadcast sound-bite labels; English weekdays and participles.
// Fixtures are written for these tests in the shapes of real press copy.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared/extract/knowledge.h"
#include "shared/extract/speakers.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

using Names = std::vector<std::string>;

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

Names speakers(const std::string& text, const std::string& language) {
  std::vector<std::string> paragraphs;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t e = text.find("\n\n", pos);
    if (e == std::string::npos) e = text.size();
    if (e > pos) paragraphs.push_back(text.substr(pos, e - pos));
    pos = e + 2;
  }
  return readouts::attribute_speakers(paragraphs, knowledge(), "2025-11-24", language).speakers;
}

struct Row {
  const char* language;
  const char* text;
  Names speakers;
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    CHECK(speakers(r.text, r.language) == r.speakers);
  }
}

}  // namespace

TEST_CASE("Japanese: a quotative verb without its ending, readings and long titles") {
  check_rows({
      // "と強調。" ends the sentence with the noun of the verb.
      {"ja", "トランプ氏は、貿易では譲らないと強調。", {"Donald J. Trump"}},
      {"ja", "習氏は「対話を続けたい」と指摘。", {"Xi Jinping"}},
      // A kana reading in brackets and a long title between the name and は.
      {"ja",
       "中国の王毅（おう・き）共産党中央政治局委員・外交部長は、協力が必要だと述べた。",
       {"Wang Yi"}},
      // The partner ("習氏との") is not the subject, the person with は is.
      {"ja", "習近平国家主席との会談で、トランプ氏は関係は良いと語った。", {"Donald J. Trump"}},
      // Only mentioned: no verb of speech.
      {"ja", "トランプ氏は9日、習氏と電話会談した。", {}},
  });
}

TEST_CASE("Japanese and Korean: a surname and a title refer to the person named before") {
  check_rows({
      {"ja", "中国の董軍国防部長は会談した。\n\n董氏は次のように述べた。", {"Dong Jun"}},
      {"ko", "둥쥔 중국 국방부장이 참석했다.\n\n둥 부장은 협력이 중요하다고 밝혔다.", {"Dong Jun"}},
      // Nobody of that surname was named before: nobody.
      {"ja", "王氏は次のように述べた。", {}},
  });
}

TEST_CASE("Turkish: the person opening the sentence is its subject") {
  check_rows({
      {"tr", "ABD Başkanı Trump görüşmenin çok verimli geçtiğini söyledi.", {"Donald J. Trump"}},
      {"tr",
       "Çin Devlet Başkanı Şi Cinping, işbirliğinin önemli olduğunu ifade etti.",
       {"Xi Jinping"}},
      // "X ile Y": a meeting of two, not a speaker.
      {"tr", "Trump ile Şi Cinping Busan'da bir araya geldi.", {}},
  });
}

TEST_CASE("a name in an oblique case or after a preposition is not the subject") {
  check_rows({
      // Russian: the instrumental "Трампом" is the partner; the nominative name speaks.
      {"ru",
       "Председатель КНР Си Цзиньпин в ходе беседы с Дональдом Трампом в четверг заявил, что "
       "пошлины надо снять.",
       {"Xi Jinping"}},
      // German: "mit Biden" is the partner.
      {"de", "Der Präsident habe im Gespräch mit Biden gesagt, Taiwan sei ein Kernanliegen.", {}},
  });
}

TEST_CASE("a complementizer after a verb starts the reported content") {
  check_rows({
      // "وأشار إلى أن الرئيس شي": Xi is inside what was reported, not the one reporting.
      {"ar", "وأشار إلى أن الرئيس شي جين بينغ أخذ علما بالقلق.", {}},
      {"es", "Dijo que Xi Jinping viajará pronto.", {}},
      {"ar", "وحذر الرئيس شي جين بينغ من اللعب بالنار.", {"Xi Jinping"}},
  });
}

TEST_CASE("a broadcast sound-bite label names its speaker") {
  check_rows({
      {"ko",
       "정상회담이 열렸습니다 [트럼프/美 대통령 : \"좋은 결과가 나올 겁니다\"]",
       {"Donald J. Trump"}},
      // A name in brackets without the label's colon is only mentioned.
      {"ko", "회담 장소 [트럼프 대통령 사진]", {}},
  });
}

TEST_CASE("English: a weekday after the name, a participle after a comma") {
  check_rows({
      {"en", "U.S. President Joe Biden Monday reiterated support for the policy.", {"Joe Biden"}},
      {"en",
       "Treasury Secretary Janet Yellen repeated the point, saying talks would go on next month.",
       {"Janet Yellen"}},
      // The participle belongs to the opener; a person inside the clause is only mentioned.
      {"en", "The ministry repeated its view, saying Janet Yellen would visit.", {}},
  });
}

TEST_CASE("English: capitalised title words after according to before a known person") {
  check_rows({
      {"en",
       "According to Chinese Foreign Ministry spokesperson Mao Ning, the envoy will travel to "
       "Bangkok next week.",
       {"Mao Ning"}},
      // An institution alone speaks for nobody named.
      {"en", "According to the Chinese Foreign Ministry, Wang Yi will travel to Bangkok.", {}},
  });
}

TEST_CASE("Chinese: a pronoun after a comma refers to the subject who opened the sentence") {
  check_rows({
      {"zh-Hans", "外交部发言人林剑在记者会上被问及此事，他回答说中美双方保持沟通。", {"Lin Jian"}},
      {"zh-Hant",
       "美國貿易代表戴琪與布林肯一同出席開幕式，她表示，地區面臨挑戰。",
       {"Katherine Tai"}},
      // A person inside a phrase of time or topic is not the subject: nobody is named.
      {"zh-Hans", "在答复有关拜登访华的询问时，他表示无法断言。", {}},
  });
}

TEST_CASE("Chinese: words ending in 说 or 称 that are not saying add no speaker") {
  check_rows({
      {"zh-Hans", "拜登据说对此很满意。", {}},
      {"zh-Hans", "习近平听说此事后很高兴。", {}},
      {"zh-Hans", "特朗普简称这项法案为美丽法案。", {}},
      // The title before 说 is still a person speaking.
      {"zh-Hans", "美国总统特朗普说，谈判很好。", {"Donald J. Trump"}},
      {"zh-Hans", "外交部发言人毛宁又说，中方欢迎。", {"Mao Ning"}},
  });
}

TEST_CASE("a government statement's header names the person whose statement follows") {
  check_rows({
      {"en",
       "Press Statement Mike Pompeo Secretary of State Washington, DC\n\n"
       "We welcome the talks and will keep working on the trade questions that remain.",
       {"Mike Pompeo"}},
      {"en",
       "Remarks Antony Blinken Secretary of State Beijing\n\n"
       "Good afternoon, and thank you for having us here today.",
       {"Antony Blinken"}},
      // A sentence that names a statement is not a header.
      {"en", "Press statements followed, and Mike Pompeo left Beijing the same evening.", {}},
  });
}

TEST_CASE("Korean: each clause of a sentence may have its own speaker") {
  check_rows({
      {"ko",
       "헤그세스 장관은 \"갈등을 원하지 않는다\"고 밝혔지만, 둥쥔 부장은 \"어떤 시도도 실패할 "
       "것\"이라고 경고했다.",
       {"Pete Hegseth", "Dong Jun"}},
      // The adnominal past with 바 있다: "had warned".
      {"ko", "둥쥔 부장은 \"어떤 시도도 실패할 것\"이라고 경고한 바 있다.", {"Dong Jun"}},
  });
}

TEST_CASE("Chinese: a transcript's side label with its speaker in brackets") {
  check_rows({
      {"zh-Hans", "美方(布林肯国务卿):\n下午好，很高兴在这里欢迎两位。", {"Antony Blinken"}},
      {"zh-Hans", "中方（杨洁篪主任）：谢谢国务卿先生。", {"Yang Jiechi"}},
      // A bracketed name in a sentence is no label.
      {"zh-Hans", "美方(布林肯国务卿)抵达北京后没有发表讲话。", {}},
  });
}

TEST_CASE("Slovenian: a past participle after the auxiliary and an adverbial") {
  check_rows({
      {"sl", "Pompeo je po srečanju dejal, da so bili pogovori zelo produktivni.", {"Mike Pompeo"}},
      {"sl",
       "Yang Jiechi pa je namignil, da trgovinska vojna ni dobra za nikogar.",
       {"Yang Jiechi"}},
      {"sl", "Obe strani sta se strinjali, da je dialog koristen.", {}},
  });
}

TEST_CASE("English: a transcript's label opening a sentence of running text") {
  check_rows({
      {"en",
       "Both sides met for hours. Xi Jinping, Chinese President (through translator): Good "
       "afternoon. Antony Blinken, U.S. Secretary of State: I stressed direct engagement.",
       {"Xi Jinping", "Antony Blinken"}},
      // An appositive with a verb after it is no label.
      {"en", "Joe Biden, the president, said the talks were good.", {"Joe Biden"}},
      {"en", "Xi Jinping, Chinese President, arrived in Moscow: a visit of three days.", {}},
  });
}

TEST_CASE("English: pressured is speaking and a passive's subject is spoken to") {
  check_rows({
      {"en", "Biden also pressured Xi to rein in North Korea.", {"Joe Biden"}},
      {"en", "Xi was urged by Biden to rein in North Korea.", {}},
      {"en", "Xi was also told that the talks would go on.", {}},
      {"en",
       "Blinken, who was asked about Taiwan, said the policy had not changed.",
       {"Antony Blinken"}},
  });
}

TEST_CASE("German: warf ... vor and drängte report a person's words") {
  check_rows({
      {"de", "Mike Pence warf China eine räuberische Handelspolitik vor.", {"Mike Pence"}},
      {"de", "Janet Yellen drängte Peking zu mehr Offenheit.", {"Janet Yellen"}},
  });
}
