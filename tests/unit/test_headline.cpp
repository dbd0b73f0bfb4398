// A scraped page's headline past its chrome (shared/extract/headline.h), and the title and
// passages the extractor makes of it. Fixtures are written for these tests, in real pages' shapes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared/extract/extract.h"
#include "shared/extract/headline.h"
#include "shared/extract/knowledge.h"
#include "tests/unit/test_default_knowledge.h"

using namespace readouts;

namespace {

const std::string kBody =
    "Chinese President Xi Jinping and US President Donald Trump spoke by phone on Monday evening, "
    "and the two leaders discussed trade, fentanyl and the question of Taiwan at some length.";

Article extract_one(const std::string& text) {
  auto out = extract_articles(text, {"page.txt", "txt", "headline-test"},
                              readouts::testing::default_knowledge(), {});
  REQUIRE(out.articles.size() == 1);
  return out.articles.front();
}

}  // namespace

TEST_CASE("short lines above a headline are chrome: share buttons, section names, banners") {
  CHECK(chrome_line("LINE"));
  CHECK(chrome_line("Readouts"));
  CHECK(chrome_line("Breaking News"));
  CHECK(chrome_line("Home > World > Asia"));
  CHECK(chrome_line("Home / China / Top News"));
  CHECK(
      chrome_line("Sunny 18\xC2\xB0"
                  "C Shanghai tomorrow morning"));
  CHECK(chrome_line("An official website of the United States government Here's how you know"));
  CHECK(chrome_line("https://example.com/2025/11/24/story.html"));
  // A link that skips to the content, in Russian (capitals fold in every alphabet).
  CHECK(
      chrome_line("\xD0\x9F\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB9\xD1\x82\xD0\xB8 \xD0\xBA "
                  "\xD0\xBE\xD1\x81\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBD\xD0\xBE\xD0\xBC\xD1\x83 "
                  "\xD0\xBA\xD0\xBE\xD0\xBD\xD1\x82\xD0\xB5\xD0\xBD\xD1\x82\xD1\x83"));
  CHECK(chrome_line("\xE5\xBF\xAB\xE8\xA8\x8A"));  // 快訊: too short for a Chinese title
  CHECK(chrome_line("\xEB\x8B\xAB\xEA\xB8\xB0"));  // 닫기 (close)
  // A masthead's staff credit: the site's name, then "chairman of the board" and a name.
  CHECK(chrome_line("مرفأ اليوم رئيس مجلس الإدارة سمير يوسف"));
  CHECK(chrome_line("第05版:国际 PDF版阅读 上一版 下一版"));     // an e-paper's page label
  CHECK(chrome_line("用户名 找回密码 立即注册 搜索 热门话题"));  // a forum's login bar
  // Headlines, in several scripts.
  CHECK_FALSE(chrome_line("Xi and Trump talk trade by phone"));
  CHECK_FALSE(
      chrome_line("Telefonat zwischen Biden und Xi \xC2\xBB"
                  "Feuer\xC2\xAB ist Thema"));
  CHECK_FALSE(
      chrome_line("\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3\xE5\x90\x8C\xE7\xBE\x8E\xE5\x9B\xBD"
                  "\xE6\x80\xBB\xE7\xBB\x9F\xE9\x80\x9A\xE7\x94\xB5\xE8\xAF\x9D"));
  CHECK_FALSE(
      chrome_line("\xED\x8A\xB8\xEB\x9F\xBC\xED\x94\x84 \xEC\x8B\x9C\xEC\xA7\x84\xED\x95\x91 "
                  "\xED\x86\xB5\xED\x99\x94 \xEB\xAC\xB4\xEC\x97\xAD"));  // 4 Korean words
}

TEST_CASE("captions are not headlines") {
  CHECK(caption_line("Xi Jinping (left) and Donald Trump shake hands in Busan"));
  CHECK(caption_line("\xE2\x96\xB2 two leaders at the table"));  // ▲
  CHECK_FALSE(caption_line("Xi and Trump meet in Busan"));
}

TEST_CASE("the headline is the first headline-like line past the chrome") {
  const std::vector<std::string> paragraphs = {"WeChat QR Code", "Home>News Center",
                                               "Xi talks with Trump over phone", kBody};
  const HeadlineChoice c = choose_headline(paragraphs, "");
  CHECK(c.headline == 2);
  CHECK(c.chrome == std::vector<size_t>{0, 1});
}

TEST_CASE("a line that shares the URL's words is the headline below a section heading") {
  const std::vector<std::string> paragraphs = {"Arms Control and Proliferation Matters",
                                               "Xi talks with Trump over phone", kBody};
  CHECK(choose_headline(paragraphs, "").headline == 0);
  CHECK(choose_headline(paragraphs, "https://example.org/news/2025/xi-talks-with-trump-over-phone")
            .headline == 1);
}

TEST_CASE("a page without a headline: no line is chosen and the title comes from the text") {
  // A label line above the text, and a government banner of a sentence's length.
  const std::vector<std::string> paragraphs = {
      "An official website of the United States government Here's how you know",
      "A lock or https:// means you have safely connected to the .gov website. Share sensitive "
      "information only on official, secure websites.",
      "The below is attributable to the Spokesperson:", kBody};
  const HeadlineChoice c = choose_headline(paragraphs, "");
  CHECK(c.headline == HeadlineChoice::kNone);
  CHECK(c.first_text == 3);

  const Article a = extract_one(
      "An official website of the United States government Here's how you know\n\n"
      "The below is attributable to the Spokesperson:\n\n" +
      kBody + "\n\nThey agreed to stay in touch.\n");
  CHECK(a.title.starts_with("Chinese President Xi Jinping and US President Donald Trump spoke"));
}

TEST_CASE("the extractor titles a scraped page by its headline and drops the chrome above it") {
  const Article a = extract_one("LINE\n\nSection: World\n\nXi and Trump talk trade by phone\n\n" +
                                kBody + "\n\nThe call lasted about an hour.\n");
  CHECK(a.title == "Xi and Trump talk trade by phone");
  REQUIRE(!a.passages.empty());
  CHECK(a.passages.front().text.starts_with("Chinese President Xi Jinping"));
  for (const auto& p : a.passages) CHECK(p.text != "LINE");
}

TEST_CASE("a block that runs from a breadcrumb and a headline into the text is split") {
  // No blank line between the page items and the first paragraph.
  const Article a = extract_one("Home > News > World\nXi and Trump talk trade by phone\n" + kBody +
                                "\n\nThe call lasted about an hour.\n");
  CHECK(a.title == "Xi and Trump talk trade by phone");
  REQUIRE(!a.passages.empty());
  CHECK(a.passages.front().text.starts_with("Chinese President Xi Jinping"));
}

TEST_CASE("hard-wrapped text stays one paragraph") {
  const Article a = extract_one(
      "Xi and Trump talk trade by phone\n\n"
      "Chinese President Xi Jinping and US President Donald Trump\n"
      "spoke by phone on Monday evening, and the two leaders\n"
      "discussed trade, fentanyl and the question of Taiwan.\n\n"
      "The call lasted about an hour, both sides said afterwards.\n");
  CHECK(a.title == "Xi and Trump talk trade by phone");
  REQUIRE(!a.passages.empty());
  CHECK(a.passages.front().text.find("question of Taiwan") != std::string::npos);
}
