// Speakers beyond English and Chinese (data/attribution.json): verbs before and after the subject,
// "according to" forms, appositives, quotations, case endings of names, verb-final languages; and
// press-style English (an office for its principal, a title resolved to the person named before).
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
  return readouts::attribute_speakers(paragraphs, knowledge(), iso, language).speakers;
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

TEST_CASE("attribution data is loaded for the languages of the set") {
  const auto& langs = knowledge().attribution();
  for (const char* tag : {"es", "fr", "de", "pt", "it", "ru", "ar", "ja", "ko", "hu", "tl"}) {
    CAPTURE(tag);
    bool found = false;
    for (const auto& l : langs) found |= l.language == tag && !l.verbs.empty();
    CHECK(found);
  }
}

TEST_CASE("a verb after or before a known person in Latin-script languages") {
  check_rows({
      {"es", "Xi Jinping afirmó que ambos países deben cooperar.", {"Xi Jinping"}},
      {"es", "«Fue una buena conversación», dijo Trump a la prensa.", {"Donald J. Trump"}},
      {"es", "Las relaciones son estables, según Wang Yi.", {"Wang Yi"}},
      {"fr", "Le président Xi a souligné l'importance du dialogue.", {"Xi Jinping"}},
      {"de", "Trump sagte am Montag, die Gespräche seien gut gewesen.", {"Donald J. Trump"}},
      {"de", "„Wir sind bereit“, so Trump.", {"Donald J. Trump"}},
      // Russian imperfective past: "заявлял" (had been saying).
      {"ru", "Дональд Трамп заявлял, что пошлины будут повышены с сентября.", {"Donald J. Trump"}},
      // Reported speech: the subjunctive "habe" after (or before) the person.
      {"de", "Biden habe bei dem Treffen auf Stabilität in der Region gepocht.", {"Joe Biden"}},
      {"de", "Zudem habe Xi Jinping vor einer Eskalation gewarnt.", {"Xi Jinping"}},
      {"pt", "O presidente Xi Jinping destacou a cooperação entre os dois países.", {"Xi Jinping"}},
      {"it", "Trump ha detto che la telefonata è andata bene.", {"Donald J. Trump"}},
      {"tl", "Ipinahayag ni Trump na maganda ang naging usapan.", {"Donald J. Trump"}},
      {"tl", "Ayon kay Xi Jinping, mahalaga ang ugnayan ng dalawang bansa.", {"Xi Jinping"}},
      // A particle and a title between the verb and the name.
      {"tl", "Ipinahayag naman ni Pangulong Xi na mahalaga ang pagtutulungan.", {"Xi Jinping"}},
      {"hu", "Trump szerint a tárgyalás nagyon jó volt.", {"Donald J. Trump"}},
      // An adverb between the auxiliary and the participle of a compound verb.
      {"fr",
       "Joe Biden a toutefois rappelé à son homologue les inquiétudes de Washington.",
       {"Joe Biden"}},
      {"fr",
       "De son côté, Xi Jinping a demandé aux États-Unis de respecter leurs engagements.",
       {"Xi Jinping"}},
      {"it", "Wang Yi ha inoltre detto che il dialogo deve continuare.", {"Wang Yi"}},
      // Verb first, then a title ending in a capitalized word ("AS"), then the name; the
      // quotation's own "both leaders" is not a joint subject of the sentence.
      {"id",
       "\"Kedua pemimpin akan bertemu di Lima, Peru,\" kata penasihat keamanan nasional AS Jake "
       "Sullivan dalam sebuah pernyataan.",
       {"Jake Sullivan"}},
      // A quotation opening between the auxiliary and the participle.
      {"fr",
       "Seule critique : Wang Yi a «exprimé l'espoir» d'un dialogue plus serein.",
       {"Wang Yi"}},
  });
  // Without a known verb the adverb alone attributes nothing.
  CHECK(speakers("Joe Biden a toutefois un agenda chargé cette semaine.", "fr").empty());
}

TEST_CASE("a verb with its pronoun subject continues the last speaker") {
  std::vector<std::string> paragraphs = {"Xi Jinping a déclaré que le dialogue compte.",
                                         "Le ministre est arrivé.",
                                         "« Nous voulons la paix », a-t-il ajouté."};
  auto a = readouts::attribute_speakers(paragraphs, knowledge(), "2025-11-24", "fr");
  REQUIRE(a.passages.size() == 3);
  CHECK(a.passages[1].speaker.empty());
  CHECK(a.passages[2].speaker == "Xi Jinping");
}

TEST_CASE("German quotation marks close where they close: two speakers in one paragraph") {
  // „...“ opens low and closes with the mark English opens with: each quotation ends before the
  // next speaker's sentence.
  CHECK(speakers("Antony Blinken empfing Wang Yi. \xE2\x80\x9E"
                 "Der Dialog muss weitergehen\xE2\x80\x9C"
                 ", "
                 "erkl\xC3\xA4rte Wang. \xE2\x80\x9E"
                 "Dem stimme ich zu\xE2\x80\x9C"
                 ", sagte Blinken danach.",
                 "de", "2023-06-18") == Names{"Wang Yi", "Antony Blinken"});
  CHECK(speakers("\xE2\x80\x9E"
                 "Der Dialog muss weitergehen.\xE2\x80\x9C"
                 " Das sagte Wang Yi am Montag. "
                 "Blinken sagte, er sei einverstanden.",
                 "de", "2023-06-18") == Names{"Wang Yi", "Antony Blinken"});
}

TEST_CASE("a label paragraph of a name and a title gives the next paragraph its speaker") {
  auto a = readouts::attribute_speakers(
      {"Энтони Блинкен, госсекретарь США:", "Мы глубоко обеспокоены действиями на море.",
       "Переговоры продлятся два дня."},
      knowledge(), "2021-03-19", "ru");
  REQUIRE(a.passages.size() == 3);
  CHECK(a.passages[1].speaker == "Antony Blinken");
  CHECK(a.passages[2].speaker.empty());  // a label covers one paragraph
}

TEST_CASE("joint subjects in other languages are narration") {
  std::vector<std::string> paragraphs = {
      "Trump dijo que la llamada fue excelente. Ambas partes acordaron seguir negociando."};
  auto a = readouts::attribute_speakers(paragraphs, knowledge(), "2025-11-24", "es");
  REQUIRE(a.passages.size() == 2);
  CHECK(a.passages[0].speaker == "Donald J. Trump");
  CHECK(a.passages[1].speaker.empty());
  std::vector<std::string> ja = {
      "トランプ氏は「良い会話だった」と述べた。両首脳は貿易について協議した。"};
  auto b = readouts::attribute_speakers(ja, knowledge(), "2025-11-24", "ja");
  REQUIRE(b.passages.size() == 2);
  CHECK(b.passages[1].speaker.empty());
}

TEST_CASE("only mentioned people and institutions are not speakers in other languages") {
  check_rows({
      {"es", "El presidente de Estados Unidos, Joe Biden, llegó a Lima el jueves.", {}},
      // A comma closes a clause whose subject is someone else: the verb's subject follows it.
      {"pt", "Trump conversou com o colega Xi Jinping, anunciou a Casa Branca.", {}},
      // A verb inside a quotation belongs to the quoted words.
      {"fr",
       "« Le président Trump a indiqué au président Xi qu'il était prêt », a poursuivi le "
       "ministre.",
       {}},
      // A subordinate clause after the verb is not its subject.
      {"es",
       "Jake Sullivan, asesor de la Casa Blanca, señaló que Biden hablará de comercio.",
       {"Jake Sullivan"}},
      // After an article "segundo" / "secondo" is "second", not "according to".
      {"pt", "No início do segundo mandato de Donald Trump, as tarifas subiram muito.", {}},
      {"it", "Durante il secondo mandato di Donald Trump le tariffe sono salite.", {}},
      {"pt", "Segundo Donald Trump, as tarifas vão baixar.", {"Donald J. Trump"}},
      // The capitalized words after an institution's name go on naming it.
      {"pt", "Segundo o Ministério das Relações Exteriores da China, o pedido partiu dos EUA.", {}},
  });
}

TEST_CASE("appositives and people not in people.json") {
  check_rows({
      // The name before an appositive, not a name inside it.
      {"es",
       "Tom Donilon, asesor de seguridad de Obama, dijo que la cumbre fue positiva.",
       {"Tom Donilon"}},
      // A name alone between commas.
      {"es",
       "La portavoz de la cancillería china, Hua Chunying, criticó la decisión.",
       {"Hua Chunying"}},
      {"fr",
       "La directrice de l'organisation, Ana Pereira, a indiqué que le commerce baisserait.",
       {"Ana Pereira"}},
      // Verb first, then a title and the name after a comma at the end.
      {"es",
       "Las charlas seguirán, indicó el asesor económico del gobierno, Carlos Ruiz.",
       {"Carlos Ruiz"}},
      // German capitalizes every noun: no unknown names there.
      {"de", "Die Bundesregierung, die sich zurückhielt, erklärte ihre Haltung.", {}},
  });
}

TEST_CASE("names with case endings") {
  check_rows({
      {"ru", "По словам Трампа, разговор с Си Цзиньпином был очень хорошим.", {"Donald J. Trump"}},
      {"ru", "Си Цзиньпин подчеркнул, что Китай выступает за диалог.", {"Xi Jinping"}},
      {"ru", "«Мы готовы к переговорам», — заявил Путин.", {"Vladimir Putin"}},
      {"pl", "Według Trumpa rozmowa z Xi Jinpingiem była bardzo dobra.", {"Donald J. Trump"}},
      {"hu", "Trump hangsúlyozta, hogy Xi Jinpingnek gratulált.", {"Donald J. Trump"}},
      // An ending that replaces the name's last letter ("Цзянь" -> "Цзяня"), after a long title.
      {"ru",
       "По словам официального представителя МИД КНР Линь Цзяня, беседа была полезной.",
       {"Lin Jian"}},
      {"ru", "По словам Линь Цзяня, стороны продолжат контакты.", {"Lin Jian"}},
  });
  // The changed stem needs its ending: "Цзяна" is nobody.
  CHECK(speakers("По словам Линь Цзяна, стороны продолжат контакты.", "ru").empty());
  // A short Latin name takes no ending: "Xia" is not "Xi" with an ending.
  CHECK(speakers("Xia mondta, hogy jó volt.", "hu").empty());
}

TEST_CASE("titles in other languages resolve by date") {
  check_rows({
      {"fr", "Le président américain a déclaré que l'appel était excellent.", {"Donald J. Trump"}},
      {"hu", "A kínai vezető ismételten kifejezte országa álláspontját.", {"Xi Jinping"}},
      {"ru", "Президент США заявил, что разговор был хорошим.", {"Donald J. Trump"}},
      {"es", "El presidente chino subrayó la importancia del diálogo.", {"Xi Jinping"}},
  });
  // A title followed by a name is that name.
  CHECK(speakers("El presidente estadounidense Joe Biden dijo que sí.", "es", "2025-06-01") ==
        Names{"Joe Biden"});
}

TEST_CASE("Arabic: the verb comes first") {
  check_rows({
      {"ar", "وقال الرئيس الأمريكي دونالد ترامب إن المكالمة كانت جيدة.", {"Donald J. Trump"}},
      {"ar", "أكد شي جين بينغ أهمية الحوار بين البلدين.", {"Xi Jinping"}},
      // "considered" and "expressed" (رأى, أبدى): an opinion, a readiness.
      {"ar", "ورأى وانغ يي أن الحوار بين البلدين ضروري في هذه المرحلة.", {"Wang Yi"}},
      {"ar", "وأبدى بلينكن استعداد بلاده لمواصلة المحادثات مع الصين.", {"Antony Blinken"}},
      // "quoted X as saying": the name, then قوله.
      {"ar", "ونقلت الوكالة عن الرئيس شي قوله إن العلاقات مستقرة.", {"Xi Jinping"}},
      // A participle of saying after the subject: "قائلاً" (saying).
      {"ar", "ابتسم بايدن قائلاً: \"من الجيد رؤيتك يا صديقي\".", {"Joe Biden"}},
      // Quotes that only mark names open no quotation.
      {"ar", "وأكد \"بايدن\" لـ\"شي\" أن الحوار المباشر ضروري.", {"Joe Biden"}},
      // Egyptian spelling: jeem for the ghain of a Chinese name's "ng" ending.
      {"ar", "أعلنت المتحدثة هوا تشون يينج أن الرئيس سيشارك في القمة.", {"Hua Chunying"}},
  });
}

TEST_CASE("verb-final languages take the person marked as subject") {
  check_rows({
      {"ja",
       "トランプ大統領は、習近平国家主席との電話会談について「非常に良かった」と述べた。",
       {"Donald J. Trump"}},
      // The first person is not the subject: "との" marks the partner.
      {"ja", "習氏との会談について、トランプ氏は成果を強調した。", {"Donald J. Trump"}},
      {"ja", "外務省によると、王毅外相が会談した。", {}},
      // A rejoinder: "...などと応戦した".
      {"ja", "習氏は「越えてはならない一線だ」などと応戦した。", {"Xi Jinping"}},
      // "and others" between the title and the marker: "...財務長官らが明らかにした".
      {"ja", "会談の後、ムニューシン財務長官らが成果を明らかにした。", {"Steven Mnuchin"}},
      {"ko", "트럼프 대통령은 시진핑 주석과의 통화가 매우 좋았다고 말했다.", {"Donald J. Trump"}},
      {"ko", "시진핑 주석과 통화한 뒤 트럼프 대통령은 관세를 언급했다.", {"Donald J. Trump"}},
      // A title of two words between the name and its marker.
      {"ko", "시진핑 중국 국가주석은 대만 문제를 강조했다.", {"Xi Jinping"}},
      // A person inside a quotation is not the subject of the verb after it.
      {"ko", "중국 관영매체는 이날 \"시 주석이 트럼프 대통령과 통화했다\"고 짧게 전했다.", {}},
      // A name inside a longer word is not the name.
      {"ko", "국왕이 말했다.", {}},
      // "had stated" (밝힌 바 있다) and a colloquial "said" (라고 했다).
      {"ko",
       "트럼프 대통령은 당시 \"중국 방문 초청을 받았다\"고 밝힌 바 있습니다.",
       {"Donald J. Trump"}},
      {"ko", "시진핑 주석은 \"대화가 중요하다\"라고 했다.", {"Xi Jinping"}},
      // A broadcast transcript: no full stops, sound bites captioned "[name/title : ...]".
      {"ko",
       "두 나라가 협상을 재개했습니다 트럼프 대통령은 만족한다고 말했습니다 [왕이/中 외교부장 : "
       "\"양국은 건설적 방안을 제기했습니다 \"] 협상은 내년에 열립니다",
       {"Donald J. Trump", "Wang Yi"}},
      // Reported speech: "expressed concern, it is known" (표명한 것으로 알려졌다).
      {"ko", "왕이 부장은 대만 정책에 대해 우려를 표명한 것으로 알려졌다.", {"Wang Yi"}},
      {"tr",
       "ABD Başkanı Donald Trump, görüşmenin çok verimli geçtiğini belirtti.",
       {"Donald J. Trump"}},
      // An administration or government after the name speaks, not the person.
      {"ja",
       "イエレン長官は、バイデン政権が検討する規制について慎重だと説明した。",
       {"Janet Yellen"}},
      {"ja", "トランプ政権が中国と毎日話していると述べた。", {}},
      {"ko", "트럼프 행정부는 관세를 유지한다고 밝혔다.", {}},
      // The polite "said" (고 했습니다), and Wang Yi as Chinese-Korean papers spell him.
      {"ko", "케리 국무장관은 협력 분야가 분쟁보다 훨씬 많다고 했습니다.", {"John Kerry"}},
      {"ko", "왕의 부장은 양국 관계가 큰 진전을 거뒀다고 지적했습니다.", {"Wang Yi"}},
      {"ko", "왕의 귀환이라는 영화가 개봉했다고 했습니다.", {}},
  });
}

TEST_CASE("Chinese: the clause's first person across a long adverbial and quotation marks") {
  check_rows({
      {"zh-Hans",
       "外交部发言人林剑在4日的例行记者会上回答相关提问时表示，中方坚决反对。",
       {"Lin Jian"}},
      {"zh-Hans",
       "特朗普当天在社交媒体“真实社交”上发文说，他与习近平的通话非常好。",
       {"Donald J. Trump"}},
      {"zh-Hant", "美國總統川普（Donald Trump）24日表示，通話非常好。", {"Donald J. Trump"}},
  });
}

TEST_CASE("Chinese: words of time after a role word are no name, and confirming is saying") {
  check_rows({
      {"zh-Hant", "外交部發言人同日則敦促美方停止干涉。", {}},
      {"zh-Hans", "外交部发言人当天也表示，中方反对。", {}},
      {"zh-Hans", "驻美大使崔天凯在华盛顿当地时间6日证实此事。", {"Cui Tiankai"}},
  });
}

TEST_CASE("Chinese: a foreign name after a role word, with its original in brackets") {
  check_rows({{"zh-Hant", "美國農業部長羅賓森（Jane Roe）同日表示，將宣布援助計劃。", {"羅賓森"}},
              {"zh-Hans", "习近平阐明了中方的原则立场。", {"Xi Jinping"}}});
}

TEST_CASE("press-style English") {
  // An office is an institution: nobody (also in Chinese).
  CHECK(speakers("Trump's office said the call had been long and productive.", "en").empty());
  CHECK(speakers("特朗普办公室称，两人在通话中建立了互信。", "zh-Hans").empty());
  // Without a day-precise date, a title names the holder named before in the article.
  CHECK(speakers("Xi Jinping received the delegation.\n\nThe Chinese leader said the two "
                 "countries should be partners.",
                 "en", "") == Names{"Xi Jinping"});
  CHECK(speakers("Donald Trump met the visitors.\n\nThe U.S. president said the talks were good.",
                 "en", "") == Names{"Donald J. Trump"});
  CHECK(speakers("The U.S. president said the talks were good.", "en", "").empty());
  // A dated article keeps the holder at its date.
  CHECK(speakers("Joe Biden was mentioned.\n\nThe U.S. president said the talks were good.", "en",
                 "2025-06-01") == Names{"Donald J. Trump"});
  // "he" after a sentence opened by another person who did not speak there.
  CHECK(speakers("\"Welcome,\" Obama said.\n\nXi recalled the visit of 1972.\n\n\"We made "
                 "progress,\" he said.",
                 "en") == Names{"Barack Obama", "Xi Jinping"});
  // "quoted as saying", in both orders.
  CHECK(speakers("State media quoted Xi as saying that the two sides should cooperate.", "en") ==
        Names{"Xi Jinping"});
  CHECK(speakers("Xi was quoted as saying that the two sides should cooperate.", "en") ==
        Names{"Xi Jinping"});
  // Before anyone spoke, "he" is the person who opened the last sentence.
  CHECK(speakers("Trump spoke with Xi by phone on Monday. He said the call went very well.",
                 "en") == Names{"Donald J. Trump"});
  // State Department statements name their spokesperson.
  CHECK(speakers("The text below can be attributed to nobody.\n\nThe following is attributable to "
                 "Spokesperson Jane Doe:\n\nThe Secretary spoke with the minister.",
                 "en") == Names{"Jane Doe"});
  // "The Secretary" is the secretary named before in the article.
  CHECK(speakers("Secretary of State Marco Rubio spoke today with Wang Yi.\n\nThe Secretary "
                 "stressed the need for open channels.",
                 "en") == Names{"Marco Rubio"});
  // "A and (his counterpart) B discussed": a joint subject, nobody.
  CHECK(speakers("At the dinner, Xi Jinping and his U.S. counterpart Donald Trump discussed trade.",
                 "en")
            .empty());
  CHECK(speakers("The Secretary and Director Wang also discussed cooperation.", "en").empty());
  // A clause of its own after a comma is not coordination.
  CHECK(speakers("Xi said the talks were good, and Trump said they were great.", "en") ==
        Names{"Xi Jinping", "Donald J. Trump"});
  // "according to" with lower-case title words before the name; "tweeted".
  CHECK(speakers("Yang called for restraint, according to foreign ministry spokesperson Zhao "
                 "Lijian.",
                 "en") == Names{"Zhao Lijian"});
  CHECK(speakers("\"Thank you for a wonderful evening,\" Trump tweeted.", "en") ==
        Names{"Donald J. Trump"});
  // People in a photo caption are not speakers, and nobody is carried on from the caption.
  CHECK(speakers("Xi Jinping says goodbye to Donald Trump in Beijing, November 9, 2017. "
                 "REUTERS/Jane Doe\n\nHe said the visit was a success.",
                 "en")
            .empty());
  CHECK(speakers("Trump said the visit was a success, he told AP/Ipsos pollsters.", "en") ==
        Names{"Donald J. Trump"});
  // "called X “...”", "described", "echoed", "stating".
  CHECK(speakers("Trump called the meeting \"a twelve out of ten\" afterwards.", "en") ==
        Names{"Donald J. Trump"});
  CHECK(speakers("Trump called Xi on Tuesday.", "en").empty());
  CHECK(speakers("Bessent described the talks as productive.", "en") == Names{"Scott Bessent"});
  // A wire agency closing the sentence is an institution.
  CHECK(speakers("China will respond firmly, Xinhua said.", "en").empty());
  CHECK(speakers("The talks were useful, said Zhang Wei, a spokesman for the ministry.", "en") ==
        Names{"Zhang Wei"});
}

TEST_CASE("a role title in another language names its holder, in any case ending") {
  // Russian: the Secretary of State named first (no word of saying), then his title in the
  // genitive ("according to the US Secretary of State"), or in the nominative before a verb.
  const std::string named = "Американский госсекретарь Энтони Блинкен обсудил с коллегой кризис.";
  CHECK(speakers(named, "ru", "2023-07-01").empty());
  CHECK(speakers(named + "\n\nПо мнению госсекретаря США, обсуждение вышло полезным.", "ru",
                 "2023-07-01") == Names{"Antony Blinken"});
  CHECK(speakers(named + "\n\nГоссекретарь США заявил, что переговоры были полезными.", "ru",
                 "2023-07-01") == Names{"Antony Blinken"});
  // Undated: the holder the article named before.
  CHECK(speakers(named + "\n\nГоссекретарь США заявил, что переговоры были полезными.", "ru", "") ==
        Names{"Antony Blinken"});
}
