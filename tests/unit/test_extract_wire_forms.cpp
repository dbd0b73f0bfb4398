// Wire-copy attribution, surnames outside English, and the date lines of scraped pages (issue
// 14, session 21). Fixtures are written for these tests in the shapes of real press copy.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shared/extract/credit_lines.h"
#include "shared/extract/date_lines.h"
#include "shared/extract/dates.h"
#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "shared/extract/speakers.h"
#include "shared/extract/text_cleanup.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

using Names = std::vector<std::string>;

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

Names speakers(const std::vector<std::string>& paragraphs, const std::string& language = "en") {
  return readouts::attribute_speakers(paragraphs, knowledge(), "2024-06-01", language).speakers;
}

readouts::Article extract(const std::string& text, const std::string& url = "") {
  return readouts::testing::extract_page(text, url);
}

const std::string kBody =
    "The two delegations discussed trade, climate and regional security, and agreed to keep "
    "their channels open before the next round of talks.\n\nOfficials gave no further details "
    "of the schedule, which is expected to be announced later this month.\n";

}  // namespace

TEST_CASE("a named person's attribution closing a sentence makes the rest what they report") {
  CHECK(
      speakers({"Chinese Defence Minister Dong Jun met Lloyd Austin in Singapore.",
                "Minister Dong warned Austin that Washington should keep out of the Taiwan "
                "question, defence ministry spokesperson Wu Qian told reporters at the forum."}) ==
      Names{"Wu Qian"});
  // The comma may close a quotation first.
  CHECK(speakers({"When asked about the claim that Xi “had phoned him,” Chinese Foreign "
                  "Ministry spokesperson Guo Jiakun said on Tuesday that there was no call."}) ==
        Names{"Guo Jiakun"});
  // An institution closing the sentence leaves the person who spoke: a readout relays them.
  CHECK(speakers({"Biden told Xi that the two countries must manage their competition "
                  "responsibly, the White House said."}) == Names{"Joe Biden"});
  // A clause after the closing verb: not a closing attribution, the first speaker stays.
  const Names both =
      speakers({"Biden warned Xi about fentanyl, Sullivan told reporters, adding "
                "that the talks would go on."});
  CHECK(std::find(both.begin(), both.end(), "Joe Biden") != both.end());
}

TEST_CASE("a clause that opens with when or asked has no subject before its verb") {
  // "When asked" is no capitalized subject: the later "said" is the sentence's attribution.
  CHECK(speakers({"When asked about new tariffs, Commerce Ministry spokesperson He Yadong said "
                  "that China would respond firmly."}) == Names{"He Yadong"});
}

TEST_CASE("English press forms: but said, and said, who urged, a readout quoted verb first") {
  CHECK(speakers({"Chinese foreign ministry spokesman Zhao Lijian declined to confirm the plans "
                  "at a daily briefing on Monday but said: “Both sides keep in touch.”"}) ==
        Names{"Zhao Lijian"});
  CHECK(speakers({"Pompeo met Yang in Honolulu and said the talks were useful."}) ==
        Names{"Mike Pompeo"});
  CHECK(speakers({"Blinken also met the top Chinese diplomat, Wang Yi, who urged Washington to "
                  "stop playing up a threat from China."}) == Names{"Wang Yi"});
  CHECK(speakers({"Pompeo “stressed the need for full transparency in fighting the pandemic,” a "
                  "statement from his department said."}) == Names{"Mike Pompeo"});
  // A declined comment alone reports nothing.
  CHECK(speakers({"Zhao Lijian declined to comment on the reports."}).empty());
  // "Minister Chang's remarks": a surname named before, then the remarks.
  CHECK(speakers({"Chinese Defense Minister Chang Wanquan met Chuck Hagel in Beijing.",
                  "Excerpt from Minister Chang’s remarks:"}) == Names{"Chang Wanquan"});
}

TEST_CASE("outside English a Latin name's first or last word alone names its person") {
  // Turkish copy names the minister in full, then by his surname before the verb at the end.
  const std::vector<std::string> turkish = {
      "Çin Savunma Bakanı Dong Jun, ABD Savunma Bakanı Pete Hegseth ile video konferans "
      "görüşmesi gerçekleştirdi.",
      "Dong, görüşmede iletişimi sürdürmenin ve istikrarlı bir askeri ilişki kurmanın gerekli "
      "olduğunu söyledi."};
  CHECK(speakers(turkish, "tr") == Names{"Dong Jun"});
  // Never before the full name, never a word in lower case.
  CHECK(speakers({turkish[1]}, "tr").empty());
  // Someone unnamed after "selon" or a verb: not the person whose adviser they are.
  CHECK(speakers({"Selon un conseiller de M. Obama, les deux présidents se sont parlé pendant "
                  "huit heures."},
                 "fr")
            .empty());
  CHECK(speakers({"Selon le président Barack Obama, les discussions ont été constructives."},
                 "fr") == Names{"Barack Obama"});
  // Spanish: an adviser's report with informó.
  CHECK(speakers({"Tras la cena, el principal asesor económico de la Casa Blanca, Larry Kudlow, "
                  "informó que la reunión fue muy bien."},
                 "es") == Names{"Larry Kudlow"});
}

TEST_CASE("a date line with a space before its comma") {
  auto a = extract("Site menu\n\nLeaders talk trade by phone\n\nApr 25 , 2018\n\n" + kBody);
  CHECK(a.date.iso() == "2018-04-25");
}

TEST_CASE("a Chinese source line with an editor field before its date") {
  std::string source, date;
  CHECK(readouts::metadata_source_line("来源:新华社 责任编辑:张三 2018-10-09 09:32:34", source,
                                       date));
  CHECK(source == "新华社");
  CHECK(date == "2018-10-09");
  CHECK(readouts::metadata_source_line("Source: Xinhua", source, date));
  CHECK(source == "Xinhua");
  CHECK(date.empty());
  auto a = extract(
      "网站首页\n\n王毅会见美国国务卿\n\n来源:新华社 责任编辑:张三 2018-10-09 "
      "09:32:34\n\n新华社北京10月9日电 国务委员兼外交部长王毅8日在京会见美国国务卿。\n");
  CHECK(a.date.iso() == "2018-10-09");
  CHECK(a.source == "Xinhua");
}

TEST_CASE("05/02/2026 is read in the order its publisher writes dates") {
  using readouts::NumericOrder;
  CHECK(readouts::numeric_order_for("en", "") == NumericOrder::kMonthFirst);
  CHECK(readouts::numeric_order_for("en", "US") == NumericOrder::kMonthFirst);
  CHECK(readouts::numeric_order_for("en", "MY") == NumericOrder::kDayFirst);
  CHECK(readouts::numeric_order_for("en", "GB") == NumericOrder::kDayFirst);
  CHECK(readouts::numeric_order_for("fr", "") == NumericOrder::kDayFirst);
  CHECK(readouts::host_country("news.example.com.my") == "MY");
  CHECK(readouts::host_country("bbc.co.uk") == "GB");
  CHECK(readouts::host_country("example.io").empty());
  CHECK(readouts::host_country("example.com").empty());
  const std::string page = "Leaders talk trade by phone\n\n05/02/2026 21:50\n\n" + kBody;
  CHECK(extract(page, "https://www.example.com.my/news/1").date.iso() == "2026-02-05");
  CHECK(extract(page, "https://www.example.com/news/1").date.iso() == "2026-05-02");
  CHECK(extract(page, "https://www.example.co.uk/news/1").date.iso() == "2026-02-05");
}

TEST_CASE("hard-wrapped text without blank lines runs on into its next line") {
  // An archived page: every line wrapped near 60 characters, no blank line anywhere.
  const std::string text =
      "Cyber pact reached at the White House\n"
      "The two presidents said they had agreed on steps against the theft\n"
      "of trade secrets online.\n"
      "Analysts said the agreement mattered. Jane Whitfield, senior\n"
      "fellow at a Washington research institute, said\n"
      "the threat of sanctions had pushed Beijing toward a deal.\n";
  auto a = extract(text);
  CHECK(std::find(a.speakers.begin(), a.speakers.end(), "Jane Whitfield") != a.speakers.end());
  const readouts::CleanText clean = readouts::clean_text(text);
  REQUIRE(clean.paragraphs.size() == 3);
  CHECK(clean.paragraphs[0] == "Cyber pact reached at the White House");
  CHECK(clean.paragraphs[1].ends_with("of trade secrets online."));
  // A line that ends a sentence, or a next line opening in capitals, is a paragraph's end.
  const readouts::CleanText lines = readouts::clean_text(
      "Home News World\nLeaders meet in Geneva\nThe talks ended on Sunday.\nBoth sides spoke "
      "of progress.\n");
  CHECK(lines.paragraphs.size() == 4);
}

TEST_CASE("a page flattened into one line gives the publication date labelled in its opening") {
  // Headline, section, publication and update stamps and the article, all on one line.
  const std::string page =
      "两国元首将在数周内通话 国际 发布: 11/07/2022 07:21 更新: 12/07/2022 08:00 "
      "美国官员表示，两国元首预计将在未来几个星期内通电话，双方工作团队正在商定具体安排，"
      "但没有透露更多细节，也没有说明通话将讨论哪些议题。官员还说，两国外长近日在会议期间"
      "进行了长时间会谈，讨论了双边关系和共同关心的问题。\n";
  CHECK(extract(page, "https://www.example.sg/world/1").date.iso() == "2022-07-11");
  // The label needs its colon: a press conference ("发布会") is no label.
  std::string date;
  auto kind = readouts::DateLine::Kind::kDateOnly;
  CHECK(readouts::metadata_date_line("两国元首通话 国际 发布：11/07/2022 07:21", date, kind));
  CHECK(date == "11/07/2022");
  CHECK_FALSE(readouts::metadata_date_line("发布会 11/07/2022 07:21", date, kind));
}

TEST_CASE("a spokesperson's statement reposted by a release wire is the office's, and theirs") {
  const std::string statement =
      "Secretary Blinken spoke today with Foreign Minister Wang Yi about the war in Ukraine and "
      "the importance of keeping open lines of communication between the two countries.\n";
  auto a = extract(
      "Release wire home\n\nThe following is attributable to Spokesperson Ned "
      "Price:\n\n" +
          statement,
      "https://www.example-wire.com/article/1");
  CHECK(a.source == "U.S. Department of State");
  CHECK(std::find(a.speakers.begin(), a.speakers.end(), "Ned Price") != a.speakers.end());
  a = extract("As stated by Spokesperson Morgan Ortagus:\n\n" + statement,
              "https://www.einpresswire.com/article/2");
  CHECK(a.source == "U.S. Department of State");
  CHECK(std::find(a.speakers.begin(), a.speakers.end(), "Morgan Ortagus") != a.speakers.end());
  // Not a statement's formula: "stated by" before no title; an unknown spokesperson.
  a = extract("The figures were stated by the report released on Monday.\n\n" + statement,
              "https://www.example-wire.com/article/3");
  CHECK(a.source != "U.S. Department of State");
  a = extract("The following is attributable to Spokesperson Jane Example:\n\n" + statement,
              "https://www.example-wire.com/article/4");
  CHECK(a.source != "U.S. Department of State");
}

TEST_CASE("a Chinese sentence citing someone, or joining them to the speaker, is not theirs") {
  // "As the president said": the one speaking cites him; "he and X agree": he says so.
  CHECK(speakers({"国防部长赫格塞思表示，会谈富有成果。",
                  "他说：“正如特朗普总统所说，这次会晤为两国关系奠定基调。”"},
                 "zh-Hans") == Names{"Pete Hegseth"});
  CHECK(speakers({"国防部长赫格塞思表示，会谈富有成果。他说，自己与特朗普一致认为，两国关系"
                  "从未如此之好。"},
                 "zh-Hans") == Names{"Pete Hegseth"});
  // Without the citation or the joint position, the person named speaks.
  CHECK(speakers({"特朗普总统说，这次会晤为两国关系奠定基调。"}, "zh-Hans") ==
        Names{"Donald J. Trump"});
}
