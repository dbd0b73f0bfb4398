// The article's date among competing evidence: url paths, publication lines, updated stamps,
// render times, captions and datelines (shared/extract/article_date.h). Texts written for
// these tests in the shapes real pages have.
#include <doctest/doctest.h>

#include <string>

#include "shared/extract/article_date.h"
#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

readouts::Article extract_one(const std::string& text, const std::string& url = "") {
  readouts::ExtractOptions options;
  options.url = url;
  auto out = readouts::extract_articles(text, {"t.txt", "txt", "seed"}, knowledge(), options);
  REQUIRE_MESSAGE(out.articles.size() == 1, (out.failures.empty() ? std::string("no article")
                                                                  : out.failures[0].error.message));
  return out.articles[0];
}

std::string url_date(const char* url) {
  auto d = readouts::date_from_url(url);
  return d ? d->iso() : "";
}

const char* kBody =
    "The two presidents spoke by telephone and discussed trade, the Korean peninsula and the "
    "visit planned for the spring. Both said they wanted the talks to continue.\n\n"
    "Officials of both governments described the conversation as candid and said working "
    "teams would meet again within weeks to prepare the next round of negotiations.\n";

}  // namespace

TEST_CASE("dates in url paths") {
  CHECK(url_date("https://www.example.com/2013/06/09/world/asia/story.html") == "2013-06-09");
  CHECK(url_date("http://news.example.cn/2019-06/19/c_1124641063.htm") == "2019-06-19");
  CHECK(url_date("http://paper.example.cn/n1/2025/0605/c1002-4049.html") == "2025-06-05");
  CHECK(url_date("https://example.com/20250605/abc/c.html") == "2025-06-05");
  CHECK(url_date("https://www.example.gov.cn/eng/xw/202506/t20250605_11643127.html") ==
        "2025-06-05");
  CHECK(url_date("https://example.com/politics/call-2025-06-05") == "2025-06-05");
  CHECK(url_date("https://example.com/2025/06/leaders-call/") == "2025-06");
  // The month's day written in full in the slug; another month's is not this one's day.
  CHECK(url_date("https://example.com/2020/01/2020-01-15-deal-signed/") == "2020-01-15");
  CHECK(url_date("https://example.com/2020/01/2019-12-13-deal-reached/") == "2020-01");
  CHECK(url_date("https://radio.example.cn/301/2017/09/19/107s151727.htm") == "2017-09-19");
  CHECK(url_date("http://www.example.com/internation/2022_11_01_664707.shtml") == "2022-11-01");
  CHECK(url_date("http://www.example.com/internation/2022_13_01_664707.shtml") == "");
  // Day first: three segments ordered by a number over 12; a day, month name and year together.
  CHECK(url_date("https://example.ru/politics/25/09/2015/56058e2e9a79") == "2015-09-25");
  CHECK(url_date("https://example.com/news/09/25/2015/story") == "2015-09-25");
  // April 5 or May 4: only the year is sure.
  CHECK(url_date("https://example.com/news/04/05/2015/story") == "2015");
  CHECK(url_date("http://example.com/world/09jun2013/story.html") == "2013-06-09");
  CHECK(url_date("http://example.com/world/9june2013/") == "2013-06-09");
  // Ids that open with a date: a date and a serial, a time stamp, in the path or the query.
  CHECK(url_date("https://m.example.kr/view/20231116509410") == "2023-11-16");
  CHECK(url_date("https://example.kr/article/202401263161Y") == "2024-01-26");
  CHECK(url_date("https://example.hk/news-article/20251125869") == "2025-11-25");
  CHECK(url_date("https://example.jp/np/2023111501000061") == "2023-11-15");
  CHECK(url_date("https://example.kr/view.php?ud=2019062913131591639ecba8d8b8_1") == "2019-06-29");
  CHECK(url_date("https://example.kr/s.html?cp=w3H&nid=2025110208091675266&pn=2") == "2025-11-02");
  CHECK(url_date("https://example.kr/NewsView?articleId=A202508160622") == "2025-08-16");
  CHECK(url_date("https://example.com/a/x-01262024123656.html") == "2024-01-26");
  // Taiwan's calendar on a .tw host: year 111 of the Republic is 2022.
  CHECK(url_date("https://news.example.com.tw/news/11103180004900W") == "2022-03-18");
  CHECK(url_date("https://news.example.com/news/11103180004900W") == "");     // not a .tw host
  CHECK(url_date("https://news.example.com.tw/news/11113450004900W") == "");  // no such day
  // A two-digit year, month and day as a segment, repeated in the page's name; alone it is an id.
  CHECK(url_date("https://www.example.jp/express/news/140710/exb1407101115001-n2.htm") ==
        "2014-07-10");
  CHECK(url_date("https://www.example.jp/express/news/140710/story-n2.htm") == "");
  // A folder of a year and month gives the month; a day further on in the path, the day.
  CHECK(url_date("https://news.example.org.cn/mrkx/202409/530207.html") == "2024-09");
  CHECK(url_date("https://example.gov.cn/xw/202409/t20240912_1.html") == "2024-09-12");
  CHECK(url_date("https://news.example.org.cn/mrkx/202413/530207.html") == "");  // no 13th month
  CHECK(url_date("https://news.example.org.cn/mrkx/202409.html") == "");  // a page, not a folder
  // Not dates: ids, a query string, impossible days, no path.
  CHECK(url_date("https://example.com/story?id=20250605") == "");
  CHECK(url_date("https://example.com/article/122531464") == "");
  CHECK(url_date("https://example.com/article/2011021234") == "");    // a counter, not 2011-02-12
  CHECK(url_date("https://example.com/?p=20110212345678901") == "");  // no time after the date
  CHECK(url_date("https://example.com/?id=1234567890123") == "");
  CHECK(url_date("https://example.com/2025/13/45/x") == "");
  CHECK(url_date("https://example.com") == "");
  CHECK(url_date("https://example.com/c_1124641063.htm") == "");
}

TEST_CASE("the url dates an article whose text does not") {
  auto a = extract_one(std::string("Leaders talk by phone\n\n") + kBody,
                       "https://example.com/2019/06/19/leaders-talk/");
  CHECK(a.date.iso() == "2019-06-19");
  CHECK(a.date.evidence == "url");
}

TEST_CASE("a publication line wins over a render time, and an updated stamp is never the date") {
  // The page header shows today's date; the article's own line comes later.
  auto a = extract_one(std::string("14 January, 2026 | 6:56 PM\nHome\nWorld\n\nLeaders talk\n"
                                   "26-01-2025 12:00:00 AM\n\n") +
                       kBody);
  CHECK(a.date.iso() == "2025-01-26");
  auto b = extract_one(std::string("Leaders talk\n26.10.2025 - Update : 27.10.2025\n\n") + kBody);
  CHECK(b.date.iso() == "2025-10-26");
  auto c = extract_one(std::string("Leaders talk\nUpdated: March 3, 2025\n\n") + kBody);
  CHECK_FALSE(c.date.known());
}

TEST_CASE("a render time the url contradicts loses, and the evidence says so") {
  auto a = extract_one(std::string("Thursday, January 15, 2026\n\nLeaders talk\n\n") + kBody,
                       "https://example.com/2025/06/05/leaders-talk");
  CHECK(a.date.iso() == "2025-06-05");
  CHECK(a.date.evidence.find("differs") != std::string::npos);
}

TEST_CASE("a caption's date is not the article's, but its year completes a dateline") {
  auto a = extract_one(std::string("Leaders talk\n\n"
                                   "The two presidents shake hands before their talks at the "
                                   "Great Hall of the People in Beijing, November 9, 2017.\n\n") +
                       kBody);
  CHECK_FALSE(a.date.known());
  auto b = extract_one(
      "Leaders talk\n\n"
      "The two presidents shake hands before their talks at the Great Hall of the People in "
      "Beijing, November 9, 2017.\n\n"
      "BEIJING, Nov. 12 (Xinhua) -- The two presidents spoke by telephone on Sunday and "
      "discussed trade and the visit planned for the spring, officials said.\n\n"
      "Working teams would meet again within weeks to prepare the next round of talks.\n");
  CHECK(b.date.iso() == "2017-11-12");
  CHECK(b.source == "Xinhua");
}

TEST_CASE("a text opening with a caption mark holds the picture's date, headline or not") {
  // Korean papers open a photo caption with "▲"; a page may give it as the headline.
  auto a = extract_one(std::string("\xE2\x96\xB2 두 정상이 2017년 11월 9일 베이징에서 악수하고 "
                                   "있다\n\n") +
                       kBody);
  CHECK_FALSE(a.date.known());
  auto b = extract_one(std::string("정상 통화\n\n\xE2\x96\xB3 두 정상이 2017년 11월 9일 "
                                   "베이징에서 악수하고 있다\n\n") +
                       kBody);
  CHECK_FALSE(b.date.known());
  // Without the mark, the headline's date is read.
  auto c = extract_one(std::string("두 정상이 2017년 11월 9일 베이징에서 회담\n\n") + kBody);
  CHECK(c.date.iso() == "2017-11-09");
}

TEST_CASE("a date line on its own, in another language, dates the article") {
  auto a = extract_one(std::string("Los presidentes hablan por teléfono\n\n"
                                   "Jueves, 5 de junio de 2025\n\n") +
                       kBody);
  CHECK(a.date.iso() == "2025-06-05");
  CHECK(a.date.evidence == "date line");
}

TEST_CASE("a crawler's date prefix opens the first line and the rest of the line is text") {
  auto a = extract_one(std::string(" date 2018-11 Trump wants a trade deal with Xi Jinping before "
                                   "the summit, according to people familiar with the plan.\n\n") +
                       kBody);
  CHECK(a.date.iso() == "2018-11");
  CHECK(a.date.evidence == "metadata line");
  REQUIRE(!a.passages.empty());
  CHECK(a.passages[0].text.starts_with("Trump wants a trade deal"));
  // The month is made a day by a date line of the same month under it.
  auto b = extract_one(std::string(" date 2017-10 Washington 25/10/2017 | 13h32\n\n") + kBody);
  CHECK(b.date.iso() == "2017-10-25");
  CHECK(b.date.evidence == "metadata line + date line");
}

TEST_CASE("a later publication line gives the day of the month a crawler's prefix gave") {
  auto a = extract_one(std::string(" date 2023-11 Leaders meet\n"
                                   "Stand: 16.11.2023 08:29 Uhr\n\n") +
                       kBody);
  CHECK(a.date.iso() == "2023-11-16");
  // A publication line of another month does not.
  auto b = extract_one(std::string(" date 2023-11 Leaders meet\n"
                                   "Stand: 02.12.2023 08:29 Uhr\n\n") +
                       kBody);
  CHECK(b.date.iso() == "2023-11");
}

TEST_CASE("a publication line with a two-digit year") {
  auto a = extract_one(std::string("Leaders agree on tariffs\n\nBy A. Writer\n"
                                   "Published on 10/31/25\n\n") +
                       kBody);
  CHECK(a.date.iso() == "2025-10-31");
  auto b = extract_one(std::string("Leaders agree on tariffs\n\nPublished: 16.11.23\n\n") + kBody);
  CHECK(b.date.iso() == "2023-11-16");
  // Two numbers of 12 or less with slashes: day or month first is unknown.
  auto c =
      extract_one(std::string("Leaders agree on tariffs\n\nPublished on 10/06/25\n\n") + kBody);
  CHECK_FALSE(c.date.known());
  // Not after a publication key: a score, a ratio, a version.
  auto d = extract_one(std::string("Leaders agree on tariffs\n\nVersion 10/31/25\n\n") + kBody);
  CHECK_FALSE(d.date.known());
}

TEST_CASE("publication and update keys in other languages, at the start or after a headline") {
  auto a =
      extract_one(std::string("Biden und Xi treffen sich Stand: 16.11.2023 08:29 Uhr\n\n") + kBody);
  CHECK(a.date.iso() == "2023-11-16");
  CHECK(a.date.evidence == "metadata line");
  auto b = extract_one(std::string("정상 통화\n입력 2025.06.05 23:10\n수정 2025.06.06 09:00\n\n") +
                       kBody);
  CHECK(b.date.iso() == "2025-06-05");
  auto c = extract_one(std::string("Переговоры\nОбновлено 6 июня 2025\n\n") + kBody);
  CHECK_FALSE(c.date.known());
  // An Arab portal's masthead clock (the day in two calendars, with the time) is no date line.
  auto e =
      extract_one(std::string("مرفأ 24\nالخميس 3 أبريل 2025 12:56 ص 4 شوال 1446 هـ\n\n") + kBody);
  CHECK_FALSE(e.date.known());
  // Thai entry and update keys; a file name holding a date is no date line.
  auto f =
      extract_one(std::string("Talks in the capital\n\nวันที่นำเข้าข้อมูล 20 Feb 2024\n\n"
                              "วันที่ปรับปรุงข้อมูล 21 Feb 2024\n\nScreenshot_2024-01-29_163520\n\n") +
                  kBody);
  CHECK(f.date.iso() == "2024-02-20");
  auto g =
      extract_one(std::string("Talks in the capital\n\nScreenshot_2024-01-29_163520\n\n") + kBody);
  CHECK_FALSE(g.date.known());
  // A forum post's "posted on" line, with a one-digit month and day.
  auto d = extract_one(std::string("楼主\n发表于 2017-4-8 02:44:47 | 只看该作者\n\n") + kBody);
  CHECK(d.date.iso() == "2017-04-08");
}

TEST_CASE("more url date shapes, and a publication label after a byline") {
  CHECK(url_date("https://paper.example.pk/19-Jul-2019/trade-negotiators-talk") == "2019-07-19");
  CHECK(url_date("http://global.example.com.cn/a/201712/29/WS5a46.html") == "2017-12-29");
  auto a =
      extract_one(std::string("Ministers meet\n\nBy A. Writer and B. Writer Published: Jul 11, "
                              "2025 11:57 PM\n\n") +
                  kBody);
  CHECK(a.date.iso() == "2025-07-11");
  // A verb in a sentence is no label.
  auto b = extract_one(std::string("Ministers meet\n\nThe paper the institute published on June "
                                   "5, 2025 was cited.\n\n") +
                       kBody);
  CHECK(b.date.evidence != "metadata line");
}

TEST_CASE("a dateline's year comes only from a date of the same month") {
  // The text recalls an earlier visit in another month: no year, so no date rather than a wrong
  // one.
  auto a = extract_one(
      "WASHINGTON, 24 sep (Xinhua) -- El presidente llegó hoy jueves a Washington para una visita "
      "de Estado.\n\n"
      "En junio de 2013 los dos presidentes mantuvieron una cumbre en California, y en noviembre "
      "de 2014 se vieron en Pekín.\n");
  CHECK_FALSE(a.date.known());
  auto b = extract_one(
      "WASHINGTON, Nov. 1 (Xinhua) -- The president said on November 1, 2018 that the call went "
      "well.\n\nIn June 2013 the two leaders met in California.\n");
  CHECK(b.date.iso() == "2018-11-01");
}

TEST_CASE("url time stamps and month names between year and day") {
  CHECK(url_date("https://paper.example.com/view/20250512164720117") == "2025-05-12");
  CHECK(url_date("https://news.example.org/a/talks-in-bangkok-01262024123656.html") ==
        "2024-01-26");
  CHECK(url_date("http://www.example.com/stories/2013/jun/07/summit-is-personal/") == "2013-06-07");
  // Twelve or more digits that are not a date and a time are not read.
  CHECK(url_date("https://example.com/article/123456789012") == "");
}

TEST_CASE("a date with a clock time in the opening text is a stamp, not the article's date") {
  // A masthead shows the day the page was rendered; the article says only "today".
  auto a = extract_one(std::string("Daily Courier Tuesday 5 November 2024 04:06 PM, 4 Jumada "
                                   "al-Ula 1446 AH, chairman of the board A. Writer\n\n"
                                   "The two presidents met today on the sidelines of the "
                                   "summit and spoke for four hours.\n\n") +
                       kBody);
  CHECK_FALSE(a.date.known());
}

TEST_CASE("of two dates on a publication line, the one the url confirms") {
  const std::string text =
      std::string(" date 2025-12-05 25/11/2025 15:56\n\nLeaders talk by phone\n\n") + kBody;
  auto a = extract_one(text, "https://example.hk/forex/news-article/20251125869");
  CHECK(a.date.iso() == "2025-11-25");
  auto b = extract_one(text);
  CHECK(b.date.iso() == "2025-12-05");
  // A url that confirms neither leaves the line's first date, and says the url differs.
  auto c = extract_one(text, "https://example.hk/2024/03/01/talks");
  CHECK(c.date.iso() == "2025-12-05");
}

TEST_CASE("a date closing the page's title bar dates the article") {
  auto a = extract_one(std::string("Leaders end a short summit | Example Broadcaster | "
                                   "09.06.2013\n\nPolitics\n\n") +
                       kBody);
  CHECK(a.date.iso() == "2013-06-09");
  CHECK(a.date.evidence == "date line");
  // A bar whose last part is not a date alone gives none.
  auto b = extract_one(std::string("Leaders end a short summit | Example Broadcaster | "
                                   "Politics and more\n\n") +
                       kBody);
  CHECK_FALSE(b.date.known());
}

TEST_CASE("a live page's lead gives the day, its headline the year") {
  auto a = extract_one(std::string("2022 Bali summit live updates: leaders meet\n\n"
                                   "Bali summit live updates, November 14: ") +
                       kBody);
  CHECK(a.date.iso() == "2022-11-14");
  CHECK(a.date.evidence == "lead (year from the headline)");
  // Two years in the headline decide nothing; a day deep in the lead is not the page's.
  auto b = extract_one(std::string("From 2013 to 2025: the leaders' summits\n\n"
                                   "Summit notes, November 14: ") +
                       kBody);
  CHECK_FALSE(b.date.known());
  auto c = extract_one(std::string("2022 Bali summit live updates\n\n") + kBody +
                       "\n\nThe next round is planned for November 14.\n");
  CHECK_FALSE(c.date.known());
}

TEST_CASE("a lead's day without a year takes the year of the same day written in full") {
  // Written for this test: the lead names Saturday, November 1; a caption below quotes the same
  // post with its full date.
  const std::string lead =
      "\u56fd\u9632\u90e8\u957f\u5468\u516d\uff0811\u67081\u65e5\uff09\u8868\u793a\uff0c"
      "\u4ed6\u521a\u4e0e\u603b\u7edf\u901a\u8bdd\uff0c\u53cc\u65b9\u5173\u7cfb\u4ece\u672a"
      "\u5982\u6b64\u4e4b\u597d\u3002";
  const std::string caption =
      "\u56fd\u9632\u90e8\u957f2025\u5e7411\u67081\u65e5\u8868\u793a\uff0c\u4ed6\u521a\u4e0e"
      "\u603b\u7edf\u901a\u8bdd\u3002\uff08\u7f51\u9875\u622a\u56fe\uff09";
  auto a = extract_one("\u56fd\u9632\u90e8\u957f\u8c08\u4e24\u56fd\u5173\u7cfb\n\n" + lead +
                       "\n\n" + kBody + "\n\n" + kBody + "\n\n" + caption + "\n");
  CHECK(a.date.iso() == "2025-11-01");
  CHECK(a.date.evidence == "lead (year from the same day in the text)");
  // English: "on Saturday, November 1" and a later "November 1, 2025".
  const std::string kSaturdayLead =
      "The minister on relations\n\nThe defence minister said on Saturday, November 1, that "
      "relations had never been better after his call.\n\n";
  auto b =
      extract_one(kSaturdayLead + kBody + "\n\nIn a post on November 1, 2025, he repeated it.\n");
  CHECK(b.date.iso() == "2025-11-01");
  // The same day in two years decides nothing; another day's year gives none.
  auto c = extract_one(kSaturdayLead + kBody +
                       "\n\nOn November 1, 2025 he posted it; on November 1, 2024 he had not.\n");
  CHECK_FALSE(c.date.known());
  auto d = extract_one(kSaturdayLead + kBody +
                       "\n\nA year earlier, on October 30, 2024, they had met.\n");
  CHECK_FALSE(d.date.known());
}

TEST_CASE("a caption opening with the picture's date and place gives the article no date") {
  const std::string body =
      "財務長官は十一日、二日間の協議について記者団に対し「大きな進展があった」と述べたが、詳細は"
      "翌日に明らかにするとした。\n\n通商代表も合意に達したと述べ、両氏は質問を受け付けなかった。"
      "\n";
  auto a = extract_one("2025年5月10日/ジュネーブ、会場に到着した財務長官(某通信)\n\n" + body);
  CHECK_FALSE(a.date.known());
  auto b = extract_one("May 10, 2025/Geneva: the delegations arrive (Agency)\n\n" + body);
  CHECK_FALSE(b.date.known());
  // A date with its slash-separated numeric twin is not a caption's.
  auto c = extract_one("2025年5月10日 / 10.05.2025 財務長官が協議\n\n" + body);
  CHECK(c.date.iso() == "2025-05-10");
}

TEST_CASE("links to other articles above the story give neither its title nor its date") {
  const std::string links =
      "- 桜の名所を空から 春の映像まとめ(ライブ)\n"
      "- 感染症の位置付け見直し 専門家が慎重論(2022年2月3日)\n"
      "- 元警部が起訴内容認める(2023年7月14日)\n";
  const std::string story =
      "国務長官と外相が会談(2023年6月19日)\n"
      "北京を訪問している国務長官が外相と会談しました。会談は5時間以上に及び、双方は率直で建設的"
      "だったと評価しました。\n"
      "外相は両国関係を正常に戻すべきだと主張し、国務長官は意思疎通を続ける考えを示しました。\n";
  auto a = extract_one(links + story);
  CHECK(a.title == "国務長官と外相が会談(2023年6月19日)");
  CHECK(a.date.iso() == "2023-06-19");
  // A single line opening with a dash is no list: it may be the text.
  auto b =
      extract_one("- 国務長官と外相が会談(2023年6月19日)\n" + story.substr(story.find('\n') + 1));
  CHECK(b.date.iso() == "2023-06-19");
}

TEST_CASE("a date after a photo's description is the picture's, not the article's") {
  const std::string body =
      "국방장관과 중국 국방부장이 싱가포르에서 열린 안보회의를 계기로 첫 대면 회담을 가졌다.\n"
      "중국 국방부 대변인은 기자회견에서 두 장관이 양국 관계와 대만 문제에 대해 의견을 교환했다고 "
      "밝혔다.\n";
  // A caption glued to the byline: the photo's description, its stamp, then the agency's mark.
  auto a = extract_one(
      "[워싱턴=AP/통신] 두 장관이 첫 대면 회담을 가졌다. 사진은 지난달 기자회견 중인 모습. "
      "2025.05.31[서울=통신] 기자 =\n" +
      body);
  CHECK_FALSE(a.date.known());
  // Without the description the same stamp dates the article.
  auto b = extract_one("[서울=통신] 기자 = 2024.05.31 두 장관이 첫 대면 회담을 가졌다.\n" + body);
  CHECK(b.date.iso() == "2024-05-31");
}

TEST_CASE("a month from the url is made a day by the opening text's date of that month") {
  const std::string text =
      "Pequim, China – 27 de abril de 2024 – O secretário de Estado reuniu-se com o presidente "
      "chinês na sexta-feira, como parte de sua visita.\n"
      "No início das conversas, o presidente afirmou que os dois países deveriam ser parceiros.\n";
  auto a = extract_one(text, "https://www.example.com/2024/04/secretario-realiza-conversas");
  CHECK(a.date.iso() == "2024-04-27");
  // A date of another month leaves the url's month as it is.
  auto b = extract_one(text, "https://www.example.com/2024/05/secretario-realiza-conversas");
  CHECK(b.date.iso() == "2024-05");
}

TEST_CASE("a url folder of a day and a month in either order and a year") {
  CHECK(url_date("https://www.example.hk/article/09-24-2022/115838") == "2022-09-24");
  CHECK(url_date("https://www.example.hk/article/24-09-2022/115838") == "2022-09-24");
  CHECK(url_date("https://www.example.hk/article/05-06-2022/115838") == "");  // May 6 or June 5
}

TEST_CASE("dates as Korean and Thai pages write them") {
  // Korean: year, month and day each closed by a dot and a space.
  auto a =
      extract_one("Leaders meet online\n\nby A Blogger 2021. 11. 16.\n\n" + std::string(kBody));
  CHECK(a.date.iso() == "2021-11-16");
  // Thai: a Thai month name and the year of the Buddhist era (2566 is 2023).
  auto b = extract_one("Leaders meet in California\n\n15 พฤศจิกายน 2566 ( 12:55 )\n\n" +
                       std::string(kBody));
  CHECK(b.date.iso() == "2023-11-15");
}

TEST_CASE("a headline closed by its publication stamp gives the date") {
  // Vietnamese: day first.
  const std::string body =
      "Chủ tịch Trung Quốc đã điện đàm với Tổng thống Mỹ vào ngày 4-2, chỉ vài giờ sau cuộc hội "
      "đàm trực tuyến với Tổng thống Nga.\n\nHai bên đã thảo luận về thương mại và Đài Loan.\n";
  auto a = extract_one("Ông Tập điện đàm với ông Trump về Đài Loan 05/02/2026 06:10\n\n" + body);
  CHECK(a.date.iso() == "2026-02-05");
  CHECK(a.date.evidence == "date line");
}

TEST_CASE("a range of days gives its first day") {
  const std::string rest =
      " the two sides met in Bangkok for talks on trade, Taiwan and the Middle East that ran "
      "over two days.\n";
  CHECK(extract_one("Talks in Bangkok\n\nFrom January 26 to 27, 2024," + rest).date.iso() ==
        "2024-01-26");
  CHECK(extract_one("Talks in Bangkok\n\nOn January 26-27, 2024," + rest).date.iso() ==
        "2024-01-26");
  CHECK(extract_one("Talks in Bangkok\n\nOn 26-27 January 2024" + rest).date.iso() == "2024-01-26");
  CHECK(extract_one("Talks in Bangkok\n\nDel 26 al 27 de enero de 2024," + rest).date.iso() ==
        "2024-01-26");
}

TEST_CASE("a lead's month and day take the year of a url id that goes on with them") {
  const std::string text =
      "美国国务卿访华\n\n美国国务卿昨天抵达北京访问，今天(6月19日)上午会见中国外事工作负责人，双方"
      "就两国关系和共同关心的问题交换了意见。\n";
  CHECK(extract_one(text, "https://news.example.com.tw/news/detail/2023619I14M1").date.iso() ==
        "2023-06-19");
  // An id whose digits go on with another day gives no year.
  CHECK(extract_one(text, "https://news.example.com.tw/news/detail/2023620I14M1").date.iso() == "");
}

TEST_CASE("a date line with a clock in p. m. and an agreeing coarser line below it") {
  const std::string body =
      "El secretario de Estado habló con su homólogo chino el miércoles, dando continuidad a la "
      "reunión que mantuvieron en julio en Kuala Lumpur.\n";
  auto a = extract_one(
      "Rubio habla con el canciller chino\n\nPor Un Reportero\n11 de septiembre "
      "de 2025, 6:00 p. m.\n\n" +
      body);
  CHECK(a.date.iso() == "2025-09-11");
  // "el11" glues the day to a word: the line gives the month alone, which does not undo the day.
  auto b = extract_one(
      "Rubio habla con el canciller chino\n\n11 de septiembre de 2025, 6:00 p. "
      "m.\n| Actualizado el11 de septiembre de 2025, 6:00 p. m.\n\n" +
      body);
  CHECK(b.date.iso() == "2025-09-11");
}

TEST_CASE("a url folder of a year alone gives the year, made finer by the opening text") {
  CHECK(url_date("https://www.example.com.br/2025/internacional/trump-e-xi-conversam") == "2025");
  auto a = extract_one(
      "Trump e Xi conversam\n\nSão Paulo, 5 de junho de 2025 - O presidente "
      "conversou com o líder chinês por telefone por mais de uma hora.\n",
      "https://www.example.com.br/2025/internacional/trump-e-xi-conversam");
  CHECK(a.date.iso() == "2025-06-05");
}

TEST_CASE("a url's month folder after the slug then a year folder gives the month") {
  CHECK(url_date("https://example.com.ar/internacionales/acuerdo-sobre-el-clima/12/2015/") ==
        "2015-12");
  CHECK(url_date("https://example.com.ar/internacionales/acuerdo-sobre-el-clima/12/2015") ==
        "2015-12");
  // Not a month: 13, or a year that is not one.
  CHECK(url_date("https://example.com.ar/internacionales/acuerdo/13/2015/").empty());
  CHECK(url_date("https://example.com.ar/internacionales/acuerdo/12/7015/").empty());
  // After another number, the day and month are in an order nothing decides: the year alone.
  CHECK(url_date("https://example.com/news/04/05/2015/story") == "2015");
}
