// Speaker forms, outlets and topic words added for issue 14's dev growth (topics2 branch and
// later). Fixtures are written for these tests in the shapes of real press copy.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "shared/extract/speakers.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

using Names = std::vector<std::string>;

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

Names speakers(const std::string& text, const std::string& language) {
  return readouts::attribute_speakers({text}, knowledge(), "2025-11-24", language).speakers;
}

readouts::Article extract(const std::string& text, const std::string& url = "") {
  return readouts::testing::extract_page(text, url);
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("Arabic: the other spelling of Trump, and verbs of renewing and accusing") {
  CHECK(speakers("وأضاف ترمب أن المحادثة كانت مثمرة جدا.", "ar") == Names{"Donald J. Trump"});
  CHECK(speakers("جدد شي جين بينغ موقف بلاده من المسألة.", "ar") == Names{"Xi Jinping"});
  CHECK(speakers("واتهم ترامب الجانب الآخر بعدم الوفاء بالتزاماته.", "ar") ==
        Names{"Donald J. Trump"});
  CHECK(speakers("وذكرت ساناي تاكايتشي أن الوضع خطير.", "ar") == Names{"Sanae Takaichi"});
  CHECK(speakers("ورد بايدن بأن سياسة بلاده لم تتغير.", "ar") == Names{"Joe Biden"});
}

TEST_CASE("Russian: commenting and answering verbs before a long title") {
  CHECK(speakers("Итоги встречи прокомментировал замминистра коммерции КНР Ли Чэнган.", "ru") ==
        Names{"Li Chenggang"});
}

TEST_CASE("Japanese: a verb of revealing ends the sentence") {
  CHECK(speakers("トランプ大統領はSNSで、貿易について議論したと明かしました。", "ja") ==
        Names{"Donald J. Trump"});
}

TEST_CASE("Chinese: answering, describing and writing verbs") {
  CHECK(speakers("美国财长贝森特在社交平台形容会谈富有成效。", "zh-Hant") ==
        Names{"Scott Bessent"});
  CHECK(speakers("发言人林剑在记者会上回答说，目前没有消息。", "zh-Hans") == Names{"Lin Jian"});
  CHECK(speakers("特朗普在帖文中写道，双方关系很好。", "zh-Hans") == Names{"Donald J. Trump"});
  CHECK(speakers("貝森特稍早告訴媒體：談判取得了進展。", "zh-Hant") == Names{"Scott Bessent"});
}

TEST_CASE("outlets: Hong Kong sites and an aggregator by host") {
  const std::string body =
      "The two presidents spoke by phone on Wednesday about trade and the visits planned for "
      "the spring.\n";
  CHECK(extract(body, "https://www.am730.com.hk/news/123").source == "am730");
  CHECK(extract(body, "https://allthe.news/ar/articles/x").source == "AllThe.News");
  CHECK(extract(body, "https://www.visiontimesjp.com/?p=1").source == "Vision Times");
}

TEST_CASE("topics: Spanish export restrictions and cyber attacks, a Russian war phrase") {
  CHECK(has(extract("Pekín levantó las restricciones a la exportación de ciertos minerales "
                    "tras la reunión de los presidentes.\n")
                .topics,
            "technology_export_controls"));
  CHECK(has(extract("El presidente advirtió sobre los ataques cibernéticos contra la red "
                    "eléctrica del país durante la llamada.\n")
                .topics,
            "cyber"));
  CHECK(has(extract("Лидеры обсудили, как положить конец войне между Россией и Украиной, "
                    "сообщил Белый дом.\n")
                .topics,
            "ukraine"));
}

TEST_CASE("English: who spoke with someone about something speaks, a call alone is narration") {
  CHECK(
      speakers("Secretary Blinken spoke today with Foreign Minister Wang Yi about the need to keep "
               "channels open.",
               "en") == Names{"Antony Blinken"});
  CHECK(speakers("Donald Trump spoke with Xi Jinping by phone on Monday.", "en").empty());
}

TEST_CASE("Turkish: a lower-case title and a particle before the subject, and the surname alone") {
  const std::string met = "ABD Başkanı Donald Trump ile Çin Devlet Başkanı Şi Cinping görüştü. ";
  CHECK(speakers(met + "Çin devlet başkanı Şi de anlaşmanın yakın olduğunu ifade etti.", "tr") ==
        Names{"Xi Jinping"});
  // A name with a case ending is no subject.
  CHECK(speakers(met + "Trump'a göre görüşme iyi geçti.", "tr").empty());
}

TEST_CASE("Spanish: the head of the White House is the president of the day") {
  const std::string text =
      "Donald Trump y Xi Jinping se reunieron en Busan. \"Será un gran acuerdo\", señaló el jefe "
      "de la Casa Blanca al comenzar la reunión.";
  CHECK(speakers(text, "es") == Names{"Donald J. Trump"});
}

TEST_CASE("Chinese: denying, praising and opposing are said") {
  CHECK(speakers("美国总统特朗普否认双方谈判已经破裂。", "zh") == Names{"Donald J. Trump"});
  CHECK(speakers("特朗普盛赞习近平是伟大的领导人。", "zh") == Names{"Donald J. Trump"});
  // A pledge is a noun too ("作出的承诺"): no speaker.
  CHECK(speakers("拜登多次作出的承诺应当落到实处。", "zh").empty());
}

TEST_CASE("a page that runs its sentences together still ends each one") {
  // "...geldi.Çin ..." with no space: the Turkish subject opens the second sentence.
  const std::string text =
      "Trump ile Şi Cinping bir araya geldi.Çin Devlet Başkanı Şi ise görüşmenin yararlı "
      "olduğunu söyledi.";
  CHECK(speakers(text, "tr") == Names{"Xi Jinping"});
}

TEST_CASE("a quotation opening the next sentence of a paragraph is that sentence's") {
  // The opening quote after "Busan. " starts the second sentence; its speaker follows the quote.
  CHECK(speakers("Trump y Xi se reunieron en Busan. \"Será un gran acuerdo\", señaló Trump.",
                 "es") == Names{"Donald J. Trump"});
  CHECK(speakers("The two met in Busan. \"It will be a great deal,\" Trump said.", "en") ==
        Names{"Donald J. Trump"});
}

TEST_CASE("Korean: a title of several words before a topic marker, not before a clause's subject") {
  CHECK(speakers("왕원빈 중국 외교부 대변인도 이날 회동 계획을 확인했습니다.", "ko") ==
        Names{"Wang Wenbin"});
  // The White House said it; the adviser only meets.
  CHECK(speakers("백악관은 제이크 설리번 백악관 국가안보보좌관이 방콕에서 만날 예정이라고 밝혔다.",
                 "ko")
            .empty());
}

TEST_CASE("more verbs of saying: Spanish, German and Russian officials") {
  CHECK(speakers(
            "A través de un intérprete, Xi le comunicó a Trump que las fricciones eran normales.",
            "es") == Names{"Xi Jinping"});
  CHECK(speakers("Beim Thema Handel sprach Xi offen von neuen Regeln.", "de") ==
        Names{"Xi Jinping"});
  CHECK(speakers("Песков заявил, что Москва следит за переговорами.", "ru") ==
        Names{"Dmitry Peskov"});
}

TEST_CASE("English: a participle after a comma is the opening subject's, after lower-case titles") {
  CHECK(speakers("White House economic adviser Kevin Hassett reinforced the message, stating on "
                 "television that talks would go on.",
                 "en") == Names{"Kevin Hassett"});
  // Someone named before by full name, then by surname.
  CHECK(speakers("Analyst Jane Roberts said the talks mattered. Roberts gave details later, noting "
                 "that both sides wanted calm.",
                 "en") == Names{"Jane Roberts"});
}

TEST_CASE("topics: an outlet's name or a time zone holding a topic's words is not the topic") {
  const std::string credited =
      "Vice Premier Liu He will visit Washington for trade talks, the Hong Kong Free Press "
      "reported.\n\nThe two sides discussed tariffs, according to the Hong Kong Free Press.\n";
  CHECK_FALSE(has(extract(credited).topics, "hong_kong"));
  CHECK(has(extract(credited).topics, "trade_tariffs"));
  // The place itself still counts.
  CHECK(has(extract("The leaders discussed Hong Kong and its national security law at length.\n\n"
                    "Biden raised concerns about Hong Kong.\n")
                .topics,
            "hong_kong"));
  CHECK_FALSE(
      has(extract("两国元首于香港时间晚上9时通电话，就经贸问题深入交流。\n").topics, "hong_kong"));
}

TEST_CASE("a known person the headline has speak is a speaker, after those of the text") {
  // A page cut short: only the headline quotes him.
  readouts::Article a = extract(
      "Trump: \"China will buy a great many soybeans\"\n\n"
      "The two leaders met in Busan on Thursday and agreed to pause tariffs and export "
      "controls for a year, officials of both governments confirmed later that day.\n");
  CHECK(has(a.speakers, "Donald J. Trump"));
  CHECK_FALSE(has(a.mentions, "Donald J. Trump"));
  readouts::Article ko = extract(
      "트럼프, \"10점 만점에 12점짜리 회담\"\n\n"
      "두 정상은 부산에서 만나 관세와 수출 통제를 1년 동안 유예하기로 합의했으며 양국 정부 "
      "관계자들이 이날 오후 이를 확인했다.\n");
  CHECK(has(ko.speakers, "Donald J. Trump"));
  readouts::Article says = extract(
      "Xi says the two countries should be partners\n\n"
      "The leaders spoke by phone on Monday for about an hour, and the two governments issued "
      "their own accounts of the call later that evening.\n");
  CHECK(has(says.speakers, "Xi Jinping"));
  // A Chinese name before a colon speaks, quoted or not, also after a question.
  readouts::Article zh = extract(
      "中方如何接待来访者？王毅：细节暂不透露\n\n"
      "两国官员正在就访问的各项安排保持密切沟通，有关情况将适时发布，记者会上还谈到了其他问题。\n");
  CHECK(has(zh.speakers, "Wang Yi"));
  // Only named: no speaker.
  readouts::Article met = extract(
      "Xi and Trump meet in Busan\n\n"
      "The leaders met on Thursday for about two hours, and the two governments issued their "
      "own accounts of the meeting later that evening.\n");
  CHECK(met.speakers.empty());
}

TEST_CASE("Chinese: a word after a role word is no name, and stating a position speaks") {
  CHECK(speakers("专家分析认为，未来几个月将是关键的窗口期。", "zh-Hans").empty());
  CHECK(speakers("学者普遍认为，双方都不希望局势恶化。", "zh-Hans").empty());
  CHECK(speakers("发言人张明表示，双方进行了沟通。", "zh-Hans") == Names{"张明"});
  CHECK(speakers("王毅就台湾问题全面阐述了中方的立场。", "zh-Hans") == Names{"Wang Yi"});
}

TEST_CASE("Japanese: a quotation, then an adverb before the verb") {
  CHECK(speakers("トランプ大統領は「中国は約束を守らなかった」と強く批判しました。", "ja") ==
        Names{"Donald J. Trump"});
}

TEST_CASE("transcript labels: each opens a passage, and a title with a surname names its person") {
  // A briefing's lines without blank lines between the speakers.
  readouts::Article a = extract(
      "Briefing on the meetings at the resort\n\n"
      "MR. SPICER: Good afternoon. The secretaries will give you a readout of the meetings and "
      "then take a few questions before they leave.\n"
      "SECRETARY TILLERSON: Thank you. The two presidents had a candid exchange on North Korea "
      "and agreed to keep talking about it.\n"
      "Q: Did they discuss the trade deficit at all during the talks today?\n");
  CHECK(has(a.speakers, "Sean Spicer"));
  CHECK(has(a.speakers, "Rex Tillerson"));
  CHECK(a.passages.size() >= 3);
  // A surname two known people share names nobody; a label of no known surname neither.
  CHECK(speakers("MR. FENG: The talks went well and both sides will meet again.", "en").empty());
  CHECK(speakers("MR. QUILLFEATHER: The talks went well and both sides will meet again.", "en")
            .empty());
}

TEST_CASE("Hindi and Persian: names and verbs of saying") {
  CHECK(speakers("अमेरिकी राष्ट्रपति डोनाल्ड ट्रंप ने कहा कि चीन पर ऊंचे शुल्क टिकाऊ नहीं हैं।", "hi") ==
        Names{"Donald J. Trump"});
  CHECK(speakers("دونالد ترامپ روز پنجشنبه گفت که گفتگو با رهبر چین بسیار خوب بود.", "fa") ==
        Names{"Donald J. Trump"});
  // Only named: nobody speaks.
  CHECK(speakers("ट्रंप और शी जिनपिंग की मुलाकात बुसान में हुई।", "hi").empty());
}

TEST_CASE("Japanese: a surname and a title name the person named earlier in the same paragraph") {
  readouts::Article a = extract(
      "外相会談\n\n"
      "米国務長官と中国の王毅外相が11日、首都で約1時間会談した。両外相の対面会談は初めて。\n"
      "中国外務省によると、王氏は会談で「客観的に中国を見るべきだ」と主張した。\n");
  CHECK(has(a.speakers, "Wang Yi"));
}

TEST_CASE("English: a capital He inside a sentence is He Lifeng, and though opens a clause") {
  const std::string opening =
      "Treasury Secretary Janet Yellen met Vice Premier He Lifeng in Beijing on Saturday.";
  // After "though" a new clause with its own subject; a capital He there is no pronoun.
  CHECK(has(speakers(opening + " China agreed to deepen cooperation on global challenges, though "
                               "He voiced concern to Yellen about US sanctions.",
                     "en"),
            "He Lifeng"));
  // At the start of a sentence He is a pronoun: the person named last.
  CHECK(!has(speakers(opening + " He voiced concern about sanctions, Yellen told reporters.", "en"),
             "He Lifeng"));
  // "reminded": one person reminding another of a position speaks.
  CHECK(speakers("The summit was tense. Xi Jinping reminded his guest that China wanted to be "
                 "treated as an equal.",
                 "en") == Names{"Xi Jinping"});
}

TEST_CASE("Chinese: a person with another in a clause of time speaks, not the two together") {
  // "When meeting Blinken, Wang Yi said": a clause of time with 时 or 后, not a joint position.
  CHECK(speakers("王毅与布林肯会面时表示，中方愿意加强沟通。", "zh") == Names{"Wang Yi"});
  CHECK(speakers("王毅與拜登見面時亦提到，雙方應落實元首共識。", "zh") == Names{"Wang Yi"});
  CHECK(speakers("王毅与布林肯会谈后表示，双方同意保持沟通。", "zh") == Names{"Wang Yi"});
  // Two people agreeing is a joint position: nobody.
  CHECK(speakers("董军与赫格塞思一致认为，两军应加强沟通。", "zh").empty());
}

TEST_CASE("Japanese transcript labels: a name in brackets or before a long quotation speaks") {
  CHECK(speakers("【習主席】「両国関係の青写真を描き、太平洋を越える協力を進めることが今回の会談の"
                 "目的です」",
                 "ja") == Names{"Xi Jinping"});
  CHECK(speakers("オバマ大統領「米国は米中関係を最も重視しており、率直で建設的な対話を続けたい」",
                 "ja") == Names{"Barack Obama"});
  // A short quoted term after a name is a name for something, not a quotation.
  CHECK(speakers("習近平「一帯一路」の構想について専門家が解説した。", "ja").empty());
}

TEST_CASE("Indonesian: a weekday opening a sentence is nobody's name") {
  CHECK(speakers("Pada Senin, pasukan AS dan Inggris mengatakan bahwa mereka telah melancarkan "
                 "serangan.",
                 "id")
            .empty());
}

TEST_CASE("Japanese: a name and title on a line of their own label the points after them") {
  auto spoke = [](const std::vector<std::string>& paragraphs) {
    return readouts::attribute_speakers(paragraphs, knowledge(), "2018-10-08", "ja").speakers;
  };
  CHECK(spoke({"楊潔篪政治局員",
               "・米中関係は重要な分岐点にあり、双方は正しい選択をしなければならない。",
               "・両国は首脳会談で合意した事項を誠実に履行すべきである。"}) ==
        Names{"Yang Jiechi"});
  // The same line above ordinary text (a caption, a tag) labels nothing.
  CHECK(spoke({"楊潔篪政治局員", "米中関係は重要な分岐点にあると専門家はみている。"}).empty());
}

TEST_CASE("Indonesian and Italian: the one spoken with is no subject, more reporting verbs") {
  // "dengan" (with): Xi is the one spoken with; Trump spoke and said.
  CHECK(speakers("Presiden Trump telah berbicara dengan Xi Jinping selama satu jam dan mengatakan "
                 "bahwa kesepakatan sudah jelas.",
                 "id") == Names{"Donald J. Trump"});
  CHECK(speakers("Biden menyambut Xi Jinping di Bali. Dia mengutarakan keinginan kedua negara "
                 "mengelola perbedaan.",
                 "id") == Names{"Joe Biden"});
  // The pluperfect: "Trump aveva dichiarato" (had declared).
  CHECK(
      speakers("Nella conversazione precedente Trump aveva dichiarato di aver accettato l'invito.",
               "it") == Names{"Donald J. Trump"});
}

TEST_CASE("Arabic sentences run together at a dot are two sentences") {
  // The first sentence's joint subject does not swallow the second's speaker.
  CHECK(speakers("اتفق الرئيس الأمريكي باراك أوباما ونظيره الصيني شي جين بينغ على تجاوز الخلافات."
                 "وأكد أوباما ضرورة العمل المشترك بين البلدين.",
                 "ar") == Names{"Barack Obama"});
  CHECK(speakers("وتحدث أوباما عن مناطق التوتر في العلاقات.", "ar") == Names{"Barack Obama"});
}

TEST_CASE("more reporting forms in German and Japanese and Chinese") {
  CHECK(speakers("Dabei dankte Blinken seinem Amtskollegen für die Beileidsbekundung.", "de") ==
        Names{"Antony Blinken"});
  CHECK(speakers("Bundeskanzlerin Angela Merkel (CDU) äußerte die Hoffnung, dass das Treffen "
                 "Lösungen bringe.",
                 "de") == Names{"Angela Merkel"});
  // A sentence ending in a noun ("...を表明。", "...と提起。"), as Japanese papers write.
  CHECK(speakers("ベッセント氏も中国の経済不均衡に深刻な懸念を表明。", "ja") ==
        Names{"Scott Bessent"});
  CHECK(speakers("ブリンケン氏は会談で協力を模索する機会があると提起。", "ja") ==
        Names{"Antony Blinken"});
  // Hong Kong papers' "X指，" and a ministry department head by role.
  CHECK(speakers("外交部北美大洋洲司司長楊濤周四介紹訪問情況。楊濤指，雙方進行了坦誠交流。",
                 "zh") == Names{"楊濤"});
}

TEST_CASE("Korean: the second of two people joined by a particle is no subject of its own") {
  // The White House tells what the two leaders did: neither of them speaks.
  CHECK(speakers("도널드 트럼프 미국 대통령과 시진핑 중국 국가주석이 전화통화를 통해 \"대화 재개를 "
                 "환영한다\"고 미 백악관이 16일 밝혔다.",
                 "ko")
            .empty());
  // One person with a topic marker still speaks.
  CHECK(speakers("시진핑 중국 국가주석은 대화 재개를 환영한다고 밝혔다.", "ko") ==
        Names{"Xi Jinping"});
}

TEST_CASE("a summary of remarks labels each point with the speaker's title") {
  // Japanese papers' 発言要旨: "大統領" and "主席" stand for the president and the chairman named
  // above.
  const std::vector<std::string> paragraphs = {
      "オバマ米大統領と中国の習近平国家主席は25日、ホワイトハウスで共同記者会見を開いた。",
      "大統領 両政府はサイバー空間での行動について国際的な規範をつくることで協力する。",
      "主席 両国は対話を通じて相違に対処し、地域の平和と安定を維持していく。"};
  CHECK(readouts::attribute_speakers(paragraphs, knowledge(), "2015-09-26", "ja").speakers ==
        Names{"Barack Obama", "Xi Jinping"});
  // A title and a space before a short heading labels nothing.
  CHECK(readouts::attribute_speakers({paragraphs[0], "大統領 の発言"}, knowledge(), "2015-09-26",
                                     "ja")
            .speakers.empty());
}

TEST_CASE(
    "the subject after a person in another case and prepositions before Arabic verbal nouns") {
  // Russian: the nominative name closing the clause speaks, not the one talked with.
  CHECK(speakers("«Прекрасной и продуктивной» назвал беседу с Си Цзиньпином Дональд Трамп.",
                 "ru") == Names{"Donald J. Trump"});
  // Arabic: "on the pledge of President Biden" after a preposition is a noun, no verb.
  CHECK(speakers("وطالب بالتصرف بناءً على تعهد الرئيس الأمريكي جو بايدن بعدم دعم الانفصال.", "ar")
            .empty());
  // Capitalized title words before a known person: the person ("Juru Bicara" is spokesman).
  CHECK(speakers("\"Kedua menteri bertemu di Jakarta,\" kata Juru Bicara Matthew Miller.", "id") ==
        Names{"Matthew Miller"});
}

TEST_CASE("a Korean deck's name then a quotation, and Portuguese verbs of venting") {
  // A paragraph of its own: the name, a comma, the quotation.
  const std::vector<std::string> deck = {"트럼프, \"10점 만점에 12점 만족\"",
                                         "두 정상은 30일 부산에서 정상회담을 열었다."};
  CHECK(readouts::attribute_speakers(deck, knowledge(), "2025-10-30", "ko").speakers ==
        Names{"Donald J. Trump"});
  // A headline of several decks joined into one title: the later deck's speaker.
  const std::string page =
      "트럼프-시진핑, 6년만에 회담\n美, 관세 인하\n트럼프, \"10점 만점에 12점 만족\"\n\n"
      "두 나라 정상이 30일 부산에서 만나 무역 조치를 완화하기로 했다. 회담은 약 100분간 "
      "이어졌고 양측은 후속 협의를 이어가기로 했다.\n";
  CHECK(readouts::testing::extract_page(page, "").speakers == Names{"Donald J. Trump"});
  CHECK(speakers("\"É muito difícil fazer um acordo com ele\", desabafou Trump na quarta-feira.",
                 "pt") == Names{"Donald J. Trump"});
}

TEST_CASE("a dot inside a bracketed date ends no sentence") {
  CHECK(speakers("中国外交部发言人汪文斌(6.16)说，近期一些外国商会发布报告显示中国经济复苏。",
                 "zh") == Names{"Wang Wenbin"});
}

TEST_CASE("heads of institutes by role and a name in angle brackets before its marker") {
  CHECK(speakers("中国国际问题研究院院长阮宗泽认为，新一轮会晤将开启新的模式。", "zh") ==
        Names{"阮宗泽"});
  CHECK(speakers("<ベッセント米財務長官>は、中国との協議を来週開くと明らかにしました。", "ja") ==
        Names{"Scott Bessent"});
}

TEST_CASE("Korean decks give words right after the name and a glued quotation opens a sentence") {
  const std::vector<std::string> decks = {
      "미중 정상회담 트럼프 “시진핑과 관계 아주 특별” 시진핑 “다음 단계 관계 계획 바라”"};
  CHECK(readouts::attribute_speakers(decks, knowledge(), "2018-12-02", "ko").speakers ==
        Names{"Donald J. Trump", "Xi Jinping"});
  // A term in single quotes is no one's words.
  CHECK(readouts::attribute_speakers({"트럼프 ‘무역 휴전 합의 발표’ 이후 시장 반응"}, knowledge(),
                                     "2025-10-30", "ko")
            .speakers.empty());
  // A quotation glued to the full stop before it opens the next sentence, whose verb follows.
  CHECK(speakers("Le ministre a rencontré son homologue à Bali.\"Il y a beaucoup de choses à "
                 "discuter\", a déclaré M. Blinken.",
                 "fr") == Names{"Antony Blinken"});
  CHECK(speakers("Obama erwiderte, die Wirtschaftsbeziehungen seien von großer Bedeutung.", "de") ==
        Names{"Barack Obama"});
  // Indonesian: "a senior official" speaks for nobody named.
  CHECK(speakers("Pertemuan itu sangat jujur, kata seorang pejabat senior Departemen Luar Negeri.",
                 "id")
            .empty());
}

TEST_CASE("Italian: ha riferito reports") {
  CHECK(speakers("Ai giornalisti Biden ha riferito che è stata la conversazione più costruttiva.",
                 "it") == Names{"Joe Biden"});
}

TEST_CASE("English: a spokesperson reported and He with an appositive") {
  CHECK(speakers("\"The meeting was productive,\" State Department spokesperson Tommy Pigott "
                 "reported.",
                 "en") == Names{"Tommy Pigott"});
  // A reporter's line is no speaker's words.
  CHECK(speakers("Jane Perlez reported from Beijing.", "en").empty());
  // A pronoun takes no appositive: this He is He Lifeng.
  CHECK(readouts::attribute_speakers(
            {"Chinese Vice Premier He Lifeng held talks with the trade representative.",
             "He, the top Chinese official overseeing economic policy, in turn expressed serious "
             "concerns about the tariffs."},
            knowledge(), "2025-03-27", "en")
            .speakers == Names{"He Lifeng"});
}
