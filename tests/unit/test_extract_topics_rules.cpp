// Topic rules on real-page patterns: negation scope, venues, frames, "within", navigation lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "shared/extract/topics.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

std::vector<std::string> topics_of(const std::string& text) {
  auto out = readouts::extract_articles(text, {"t.txt", "txt", "s"}, knowledge(), {});
  REQUIRE(out.articles.size() == 1);
  return out.articles[0].topics;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("a negation far from the discussion word negates nothing") {
  // The discussion word opens the sentence; "could not" much later is about something else.
  const std::string ar =
      "وصل الوفدان إلى العاصمة صباح اليوم.\n\n"
      "ومن المنتظر أن يناقش الرئيسان قضايا تايوان وكوريا الشمالية وحقوق الإنسان، وهي ملفات "
      "لم يتمكن البلدان من تسويتها منذ سنوات.";
  auto t = topics_of(ar);
  CHECK(has(t, "taiwan"));
  CHECK(has(t, "north_korea"));
  const std::string en =
      "The ministers met for three hours.\n\nThey will discuss the Taiwan question and North "
      "Korea's missile launches, subjects on which the two governments have long been unable to "
      "agree and which neither could settle last year.";
  t = topics_of(en);
  CHECK(has(t, "taiwan"));
  // Negative: the negation bears on the discussion word.
  t = topics_of(
      "The ministers met for three hours about tariffs and the trade war.\n\nThe Taiwan "
      "question was not discussed, an aide said.");
  CHECK(has(t, "trade_tariffs"));
  CHECK_FALSE(has(t, "taiwan"));
}

TEST_CASE("a topic discussed at length survives a negation about another meeting") {
  const std::string ko =
      "양국 국방장관은 대만 문제와 남중국해 문제를 놓고 설전을 벌였다.\n\n"
      "중국 측은 대만 독립을 반대해야 한다며 대만 문제에 신중하라고 강조했다.\n\n"
      "미국 측은 남중국해에서의 활동에 우려를 전달했다고 밝혔다.\n\n"
      "앞서 열린 정상회담에서는 대만 문제가 논의되지 않았다.";
  auto t = topics_of(ko);
  CHECK(has(t, "taiwan"));
  CHECK(has(t, "south_china_sea"));
  // Negative: a single mention next to the negation stays negated.
  t = topics_of("두 정상은 관세와 무역 협상을 논의했다.\n\n대만 문제는 논의되지 않았다.");
  CHECK(has(t, "trade_tariffs"));
  CHECK_FALSE(has(t, "taiwan"));
}

TEST_CASE("a chinese negation reaches the end of its clause only") {
  auto t = topics_of(
      "双方就经贸问题交换了意见。\n\n发言人未提及双方是否签署文件，但美方当天宣布了一项涉及新疆人权"
      "问题的法案。\n\n会谈期间，美方强调新疆问题。");
  CHECK(has(t, "xinjiang"));
  t = topics_of("双方就经贸问题交换了意见。\n\n双方没有讨论台湾问题。");
  CHECK_FALSE(has(t, "taiwan"));
}

TEST_CASE("a place named as a meeting's venue is not a topic") {
  const char* texts[] = {
      "Los negociadores hablaron del acuerdo comercial y de los aranceles.\n\nLos ministros "
      "aplicarán lo acordado en la cumbre del G20 en Japón.",
      "두 정상은 관세와 무역 협상을 논의했다.\n\n정상회의는 다음 달 일본 오사카에서 열린다.",
      "両首脳は関税と貿易協議について協議した。\n\n首脳会議は来月、日本で開催される。",
      "双方讨论了关税和经贸问题。\n\n两国元首将在日本大阪举行的峰会期间会面。",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    auto t = topics_of(text);
    CHECK(has(t, "trade_tariffs"));
    CHECK_FALSE(has(t, "japan"));
  }
  // Negative: Japan as a subject of the talks.
  auto t = topics_of("The two leaders discussed Japan.\n\nOn Japan, Xi urged restraint.");
  CHECK(has(t, "japan"));
}

TEST_CASE("subject frames make a typical term count") {
  struct Row {
    const char* text;
    const char* topic;
  };
  const Row rows[] = {
      // German "beim Thema X", Spanish "la cuestión de X", English "differences over X".
      {"Treffen in Kalifornien\n\nBeim Thema Taiwan sprach Xi nach Angaben eines Beraters offen "
       "von Gewalt.\n\nDas Treffen dauerte vier Stunden.",
       "taiwan"},
      // Japanese: an item of a list that ends in 問題について.
      {"報道官は会見で、会談では台湾、香港、新疆問題について言及したと述べた。\n\n両国は対話の継続"
       "で一"
       "致した。",
       "taiwan"},
      // Japanese: the first item of a long list that ends in などについて.
      {"米中首脳が電話会談\n\nトランプ氏は自らのＳＮＳへの投稿で、貿易や軍事、ウクライナやイランの"
       "情"
       "勢などについて協議したと明らかにした。\n\n両首脳は再会を約束した。",
       "trade_tariffs"},
      // Japanese: をめぐっては after the phrase.
      {"両外相は会談した。\n\nシリア・アサド政権への攻撃をめぐっては、双方が意見を述べた。\n\n中東"
       "情勢"
       "も話題になった。",
       "middle_east"},
      // Chinese: an item of a list that ends in 等敏感问题.
      {"习近平指出，希望美方慎重处理台湾、南海等敏感问题。", "taiwan"},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    CHECK(has(topics_of(r.text), r.topic));
  }
  // Negative: the same words without a frame, once in narration.
  CHECK_FALSE(has(topics_of("Ein Besuch in Asien\n\nDie Delegation flog anschließend nach Taiwan "
                            "weiter.\n\nDas Wetter war gut."),
                  "taiwan"));
}

TEST_CASE("nuclear weapons inside a north korea sentence are north korea") {
  auto t = topics_of(
      "The presidents will discuss North Korea's pursuit of nuclear weapons, the official said.\n\n"
      "They also agreed to press Pyongyang on its nuclear weapons programme.");
  CHECK(has(t, "north_korea"));
  CHECK_FALSE(has(t, "nuclear_arms_control"));
  // Negative: arms control on its own is still its topic.
  t = topics_of(
      "The two sides discussed nuclear arms control and strategic stability.\n\nBoth "
      "reaffirmed that a nuclear war cannot be won.");
  CHECK(has(t, "nuclear_arms_control"));
}

TEST_CASE("navigation lines give no topic") {
  auto t = topics_of(
      "Home • News • Travel • Education • Tourism • Students\n\nThe ministers met in Hawaii and "
      "discussed the Taiwan question.");
  CHECK(has(t, "taiwan"));
  CHECK_FALSE(has(t, "people_to_people"));
}

TEST_CASE("new vocabulary across languages") {
  struct Row {
    const char* text;
    const char* topic;
  };
  const Row rows[] = {
      // Rare earths as export controls (en, ko).
      {"The talks covered tariffs, rare earth export controls and chips.\n\nBoth sides agreed to "
       "keep talking.",
       "technology_export_controls"},
      {"양국은 희토류 수출 통제 문제를 논의했다.\n\n미국은 반도체 규제 완화를 거론했다.",
       "technology_export_controls"},
      // Defence-ministers' channels (ja, ko).
      {"両国の国防相は会談し、両軍関係の安定で一致した。\n\n国防部長は意思疎通の継続を強調した。",
       "military_communication"},
      {"양국 국방장관은 군 대 군 채널을 구축하기로 합의했다.\n\n국방장관 회담은 한 시간 동안 "
       "열렸다.",
       "military_communication"},
      // Tagalog "One China".
      {"Ipinahayag ng Pangulo na susundin ng Amerika ang patakarang Isang Tsina.\n\nNag-usap ang "
       "dalawang lider sa telepono.",
       "taiwan"},
      // Arabic account verbs in the imperfect ("will discuss"), with a drugs phrase.
      {"وصل الرئيسان إلى المدينة.\n\nوسيناقش الرئيسان مكافحة تجارة المخدرات والتعاون الأمني.",
       "fentanyl"},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    CHECK(has(topics_of(r.text), r.topic));
  }
  // Negatives: a G20 venue, a finance minister's title, soybeans alone, and the UN once.
  CHECK_FALSE(has(topics_of("The leaders met on the sidelines of the G20 in Osaka.\n\nThey "
                            "discussed tariffs and the trade war."),
                  "global_governance"));
  CHECK_FALSE(has(topics_of("Министр финансов США провел переговоры в Женеве.\n\nСтороны обсудили "
                            "пошлины и торговую войну."),
                  "finance_currency"));
  CHECK_FALSE(has(topics_of("Trump said they discussed soybeans and other farm products.\n\nHe "
                            "praised American farmers."),
                  "trade_tariffs"));
  CHECK_FALSE(has(topics_of("Talks in the capital\n\nBoth countries are permanent members of "
                            "the United Nations Security Council, the minister said.\n\nThey "
                            "discussed tariffs."),
                  "global_governance"));
}

TEST_CASE("a place or issue named once in a speaker's words is what they spoke about") {
  const std::string head =
      "Entretien des deux présidents\n\nLes deux dirigeants se sont parlé pendant deux heures "
      "mardi soir, selon les deux gouvernements.\n\n";
  // Xi speaks (a demandé): the one mention of Taiwan in his words counts.
  CHECK(has(topics_of(head + "Xi Jinping a demandé aux États-Unis de cesser de fournir des armes "
                             "à Taïwan, selon le communiqué.\n"),
            "taiwan"));
  // The same mention in narration, nobody speaking: a passing mention.
  CHECK_FALSE(has(topics_of(head + "Le vol du président est ensuite reparti vers Taïwan dans la "
                                   "soirée, après une escale.\n"),
                  "taiwan"));
}

TEST_CASE("Russian and Ukrainian abbreviations of agricultural name the topic") {
  CHECK(has(topics_of("Переговоры в Пекине\n\nКитай готов нарастить закупки американской "
                      "сельхозпродукции, сообщили участники консультаций."),
            "agriculture"));
  CHECK(has(topics_of("Переговори у Пекіні\n\nКитай готовий збільшити закупівлі американської "
                      "сільгосппродукції, повідомили учасники консультацій."),
            "agriculture"));
}

TEST_CASE("Arabic: the situation in Ukraine names the topic once said") {
  const std::string head =
      "محادثات وزيري الخارجية في بانكوك\n\nالتقى وزير الخارجية الأمريكي نظيره الصيني في بانكوك "
      "يوم الجمعة في اجتماع استمر ساعتين.\n\n";
  CHECK(has(topics_of(head + "ناقش الوزيران الوضع في أوكرانيا، واتفقا على إجراء اتصالات إضافية."),
            "ukraine"));
  // The situation elsewhere is not Ukraine.
  CHECK_FALSE(
      has(topics_of(head + "ناقش الوزيران الوضع في المنطقة، واتفقا على إجراء اتصالات إضافية."),
          "ukraine"));
}
