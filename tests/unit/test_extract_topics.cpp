// Topics: discussed topics are tagged; passing mentions and negated topics are not.
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

TEST_CASE("discussed topics are tagged in english and chinese") {
  struct Row {
    const char* text;
    const char* topic;
  };
  const Row rows[] = {
      {"Xi stressed that the Taiwan question is the most important issue.\n\nHe urged the U.S. to "
       "stop arms sales to Taiwan.",
       "taiwan"},
      {"Trump said tariffs on Chinese goods would fall.\n\nThe trade war has hurt farmers.",
       "trade_tariffs"},
      {"Biden raised fentanyl precursors.\n\nChina agreed to curb fentanyl exports.", "fentanyl"},
      {"The two presidents discussed the Ukraine crisis and a peace agreement.", "ukraine"},
      {"习近平强调，台湾问题是中美关系中最重要的问题。\n\n美方应当慎重处理台湾问题。", "taiwan"},
      {"川普表示，美方將調整關稅。\n\n雙方同意繼續經貿磋商。", "trade_tariffs"},
      {"Kerry said the climate crisis requires cooperation.\n\nBoth sides will cut methane "
       "emissions.",
       "climate"},
      {"China and the U.S. fought shoulder to shoulder against fascism. We must safeguard the "
       "victory of WWII.\n\nThe post-war international order must be defended.",
       "ww2_history"},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    CHECK(has(topics_of(r.text), r.topic));
  }
}

TEST_CASE("negated topics are not tagged") {
  const char* rows[] = {
      "The leaders talked about tariffs and trade for two hours. Trump said tariffs would fall.\n\n"
      "The two sides did not discuss Taiwan, officials said. Taiwan was not raised.",
      "Tariffs dominated the trade talks.\n\nAsked about Taiwan, Bessent said the issue was not "
      "discussed.",
      "双方讨论了关税问题和贸易问题。\n\n会谈没有讨论台湾问题。",
  };
  for (const char* r : rows) {
    std::string text = r;
    CAPTURE(text);
    auto t = topics_of(r);
    CHECK_FALSE(has(t, "taiwan"));
    CHECK(has(t, "trade_tariffs"));
  }
}

TEST_CASE("a passing mention is not a topic") {
  auto t = topics_of(
      "Thai tour operators said bookings from Chinese travelers surged this week.\n\n"
      "Relations between Beijing and Washington, including over Taiwan, were not a "
      "factor for most travelers.\n\nThe recovery is slower than before the "
      "pandemic.");
  CHECK_FALSE(has(t, "taiwan"));
  CHECK_FALSE(has(t, "covid"));
}

TEST_CASE("the seed is tagged taiwan ukraine and ww2_history") {
  std::string seed =
      " date 2025-11-24 - Advertisement -\n\nBEIJING, Nov 24 (APP):President Xi Jinping spoke "
      "with U.S. President Donald J. Trump on the phone on Monday.\n\nPresident Xi outlined "
      "China’s principled position on the Taiwan question. He underscored that Taiwan’s return to "
      "China is an integral part of the post-war international order. China and the U.S. fought "
      "shoulder to shoulder against fascism and militarism. Given what is going on, it is even "
      "more important for us to jointly safeguard the victory of WWII.\n\nThe two presidents also "
      "discussed the Ukraine crisis. President Xi emphasized China’s support for all efforts that "
      "are conducive to peace, and expressed the hope that the various sides would reach a fair, "
      "lasting and binding peace agreement at an early date.";
  auto t = topics_of(seed);
  CHECK(has(t, "taiwan"));
  CHECK(has(t, "ukraine"));
  CHECK(has(t, "ww2_history"));
  CHECK_FALSE(has(t, "trade_tariffs"));
}

TEST_CASE("explicit topics override detection and resolve labels") {
  auto out = readouts::extract_articles(
      "---\ntitle: T\ndate: 2025-01-01\ntopics: [Taiwan, custom_topic]\n---\n\nTariffs, tariffs "
      "and more tariffs were discussed at length in the trade talks.\n",
      {"t.md", "md", "s"}, knowledge(), {});
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].topics == std::vector<std::string>{"taiwan", "custom_topic"});
}

TEST_CASE("topic scores are ordered and explain the decision") {
  std::vector<readouts::Passage> passages = {
      {"Xi Jinping", "Xi said the Taiwan question is a red line."}, {"", "Tariffs came up."}};
  auto scores = readouts::score_topics("Taiwan talks", passages, knowledge());
  REQUIRE(!scores.empty());
  CHECK(scores[0].id == "taiwan");
  CHECK(scores[0].score >= readouts::kTopicMinScore);
  for (size_t i = 1; i < scores.size(); ++i) CHECK(scores[i - 1].score >= scores[i].score);
}

TEST_CASE("an agenda list in an account of the talks counts every item") {
  // A readout's list of subjects raised is what was discussed: no list damping in a sentence with
  // a discussion word, a joint subject or a speaker.
  auto t = topics_of(
      "The President spoke with President Xi by phone on Tuesday.\n\n"
      "The Secretary raised concerns about the PRC's practices in Xinjiang, Tibet, and Hong "
      "Kong, and about human rights more broadly.\n\n"
      "The leaders also reviewed progress on counternarcotics cooperation, military-to-military "
      "communication and climate change.");
  for (const char* id : {"xinjiang", "tibet", "hong_kong", "human_rights", "fentanyl",
                         "military_communication", "climate"}) {
    CAPTURE(id);
    CHECK(has(t, id));
  }
  // The same list in narration without a discussion word stays a list in passing.
  auto passing = topics_of(
      "The city hosted visitors from many places this year.\n\n"
      "Visitors came from Xinjiang, Tibet and Hong Kong for the fair.");
  CHECK_FALSE(has(passing, "tibet"));
}

TEST_CASE("a country after a city is a place, not a topic") {
  auto t = topics_of(
      "Trump said the two leaders would meet at the summit in Osaka, Japan, next week.\n\n"
      "He said tariffs on Chinese goods would stay in place while trade talks resume.");
  CHECK_FALSE(has(t, "japan"));
  CHECK(has(t, "trade_tariffs"));
  // A list of subjects after "in" is not a place apposition.
  auto list = topics_of(
      "Blinken said the United States would stand up for human rights in Xinjiang, Tibet and "
      "Hong Kong.");
  CHECK(has(list, "tibet"));
}

TEST_CASE("核心 (core) is not a nuclear term") {
  auto t = topics_of(
      "习近平强调，希望美方尊重中方的核心利益和重大关切。\n\n"
      "习近平指出，双方要加强合作，妥善管控分歧，尊重彼此核心利益。");
  CHECK_FALSE(has(t, "nuclear_arms_control"));
}

TEST_CASE("Portuguese irão (they will go) is not Irão (Iran)") {
  CHECK_FALSE(has(topics_of("Os ministros irão a Genebra em maio, disse o porta-voz.\n\n"
                            "Os negociadores irão discutir tarifas e irão voltar depois."),
                  "iran"));
  CHECK(has(topics_of("O ministro disse que o Irão e o programa nuclear foram discutidos.\n\n"
                      "Os dois lados discutiram o Irão e Teerão durante a reunião."),
            "iran"));
}

TEST_CASE("a named subject of a reported discussion counts once, a common word does not") {
  // Weight-2 terms: "Taiwan" (a name) raised in a discussion sentence is discussed; "history"
  // (a common word) in the same kind of sentence is not World War II history.
  auto t = topics_of(
      "The two foreign ministers met in Washington on Friday.\n\n"
      "Blinken raised concerns about Beijing's military pressure on Taiwan.\n\n"
      "Wang stressed that the history of the relationship shows cooperation works.");
  CHECK(has(t, "taiwan"));
  CHECK_FALSE(has(t, "ww2_history"));
  // Framed as the subject: "On the Syria issue, ..." in a readout.
  auto framed = topics_of(
      "President Xi spoke with President Trump on the phone.\n\n"
      "On the Syria issue, Xi said it should be resolved through political means.");
  CHECK(has(framed, "middle_east"));
}

TEST_CASE("topics are tagged in other languages, in their inflected forms") {
  // Each text: a lead without the topic, then an account of the talks naming it once (in the
  // language's usual wording and case forms). Written for this test.
  struct Row {
    const char* lang;
    const char* text;
    std::vector<std::string> topics;
  };
  const Row rows[] = {
      {"ru",
       "Лидеры двух стран провели телефонный разговор в среду.\n\nСтороны обсудили положение "
       "вокруг Тайваня и торговые пошлины.",
       {"taiwan", "trade_tariffs"}},
      {"ko",
       "두 정상은 수요일 전화 통화를 했다.\n\n양측은 대만 문제와 관세 인상을 논의했다.",
       {"taiwan", "trade_tariffs"}},
      {"ja",
       "両首脳は水曜日に電話会談を行った。\n\n双方は台湾問題と追加関税について協議した。",
       {"taiwan", "trade_tariffs"}},
      {"ar",
       "أجرى الزعيمان اتصالا هاتفيا يوم الأربعاء.\n\nوناقش الجانبان قضية تايوان والرسوم الجمركية.",
       {"taiwan", "trade_tariffs"}},
      {"es",
       "Los dos presidentes hablaron por teléfono el miércoles.\n\nAmbos discutieron la cuestión "
       "de Taiwán y los nuevos aranceles.",
       {"taiwan", "trade_tariffs"}},
      {"fr",
       "Les deux présidents se sont parlé au téléphone mercredi.\n\nIls ont évoqué l'Ukraine et "
       "les "
       "droits de douane.",
       {"ukraine", "trade_tariffs"}},
      {"de",
       "Die beiden Präsidenten telefonierten am Mittwoch.\n\nSie besprachen die Strafzölle und den "
       "Krieg in der Ukraine.",
       {"trade_tariffs", "ukraine"}},
      {"pt",
       "Os dois presidentes conversaram por telefone na quarta-feira.\n\nEles discutiram as "
       "tarifas "
       "e as compras de soja.",
       {"trade_tariffs", "agriculture"}},
      {"it",
       "I due presidenti si sono sentiti al telefono mercoledì.\n\nHanno discusso dei dazi e della "
       "crisi ucraina.",
       {"trade_tariffs", "ukraine"}},
      {"hu",
       "A két elnök szerdán telefonon beszélt.\n\nMegvitatták a vámokat és Tajvan helyzetét.",
       {"trade_tariffs", "taiwan"}},
      {"tl",
       "Nag-usap sa telepono ang dalawang pangulo noong Miyerkules.\n\nTinalakay nila ang taripa "
       "at "
       "ang pagbabago ng klima.",
       {"trade_tariffs", "climate"}},
      {"zh-Hant", "兩國元首週三通電話。\n\n雙方談到臺獨勢力與人工智慧。", {"taiwan", "ai"}},
  };
  for (const Row& r : rows) {
    std::string lang = r.lang;
    CAPTURE(lang);
    auto t = topics_of(r.text);
    for (const std::string& id : r.topics) {
      CAPTURE(id);
      CHECK(has(t, id));
    }
  }
}

TEST_CASE("a term once in plain narration of another language is still not a topic") {
  // No account word, no speaker, not the lead: one specific term in passing stays below the
  // threshold, as in English.
  auto t = topics_of(
      "Los dos presidentes hablaron por teléfono el miércoles.\n\n"
      "La llamada duró una hora.\n\n"
      "En la ciudad, los turistas compraban recuerdos mientras llovía sobre los aranceles viejos.");
  CHECK_FALSE(has(t, "trade_tariffs"));
  // A heading of an agenda item frames its term in any language.
  auto agenda = topics_of(
      "Los dos presidentes se reunieron el sábado.\n\nLa reunión duró dos horas.\n\n"
      "Cambio climático: China se comprometió a reducir sus emisiones.");
  CHECK(has(agenda, "climate"));
}

TEST_CASE("a summit named after a forum is a venue, not global governance") {
  // "G20" alone is global governance (weight 2); "the G20 summit" is where the leaders met, and a
  // term of weight 0 in topics.json shadows the shorter term inside it.
  auto t = topics_of(
      "Xi and Biden meet at the G20 summit\n\nThe two presidents met on the sidelines of the G20 "
      "summit in Bali on Monday.\n\nThey discussed tariffs and the Taiwan question.");
  CHECK_FALSE(has(t, "global_governance"));
  CHECK(has(t, "trade_tariffs"));
  auto forum = topics_of(
      "Xi calls for reform of global governance\n\nXi said the G20 should champion multilateralism "
      "and reform global governance.");
  CHECK(has(forum, "global_governance"));
}

TEST_CASE("a topic said not to have been discussed is not tagged, in other languages") {
  // The lead is about tariffs; the second passage says the Taiwan question was not discussed
  // (with a discussion word that would otherwise make it an account of the talks).
  struct Row {
    const char* lang;
    const char* text;
  };
  const Row rows[] = {
      {"es",
       "Los dos presidentes hablaron durante dos horas sobre los aranceles.\n\nSegún la Casa "
       "Blanca, la cuestión de Taiwán no se discutió."},
      {"fr",
       "Les deux présidents ont parlé pendant deux heures des droits de douane.\n\nSelon la Maison "
       "Blanche, la question de Taïwan n'a pas été abordée."},
      {"de",
       "Die beiden Präsidenten sprachen zwei Stunden lang über die Zölle.\n\nNach Angaben des "
       "Weißen Hauses wurde die Taiwan-Frage nicht besprochen."},
      {"ru",
       "Президенты два часа говорили о пошлинах.\n\nПо словам Белого дома, тайваньский вопрос не "
       "обсуждался."},
      {"ja",
       "両首脳は二時間にわたり関税について話した。\n\nホワイトハウスによると、台湾問題は議論されな"
       "かった。"},
      {"ko",
       "두 정상은 두 시간 동안 관세에 대해 이야기했다.\n\n백악관에 따르면 대만 문제는 논의되지 "
       "않았다."},
  };
  for (const Row& r : rows) {
    std::string lang = r.lang;
    CAPTURE(lang);
    auto t = topics_of(r.text);
    CHECK(has(t, "trade_tariffs"));
    CHECK_FALSE(has(t, "taiwan"));
  }
}
