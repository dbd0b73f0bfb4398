// Sources on unknown and newly covered sites: outlet hosts, site names in the chrome, credits.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "shared/extract/site_name.h"
#include "shared/knowledge/outlets.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

// The source of a page given as plain text with its url.
std::string source_of(const std::string& url, const std::string& text) {
  return readouts::testing::extract_page(text, url).source;
}

const std::string kBody =
    "The two foreign ministers met on Friday and spoke about trade, export controls and the "
    "plans of their leaders for the months ahead.\n";

}  // namespace

TEST_CASE("source: the outlets data covers hosts, subdomains and native names") {
  const auto& outlets = knowledge().outlets();
  CHECK(outlets.all().size() >= 1000);
  std::set<std::string> hosts;
  for (const auto& o : outlets.all())
    for (const std::string& h : o.hosts) {
      CAPTURE(h);
      CHECK(hosts.insert(h).second);  // every host belongs to one outlet
    }
  CHECK(source_of("https://www.newsru.com/world/x.html", kBody) == "NEWSru.com");
  CHECK(source_of("https://m.thestar.com.my/news/x", kBody) == "The Star");
  // A subdomain listed for its own outlet beats the parent domain's outlet.
  CHECK(source_of("https://cincodias.elpais.com/a/x.html", kBody) == "Cinco Días");
  CHECK(source_of("https://elpais.com/a/x.html", kBody) == "El País");
  CHECK(source_of("https://english.kyodonews.net/news/x", kBody) == "Kyodo");
  // Native-script names resolve credits: a Japanese source label, a Korean bracket.
  CHECK(source_of("https://portal.example.jp/a", "出典：東洋経済オンライン\n\n" + kBody) ==
        "Toyo Keizai");
  CHECK(source_of("https://portal.example.kr/a", "[서울=뉴스핌] " + kBody) == "Newspim");
  // An aggregator shows the original's masthead above the article.
  CHECK(source_of("https://headtopics.com/us/x", "Head Topics\n\nThe Jakarta Post\n\n" + kBody) ==
        "The Jakarta Post");
}

TEST_CASE("source: a portal credits the original above the article") {
  CHECK(source_of("https://www.msn.com/en-us/news/world/x",
                  "Ministers meet\n\xC2\xA9 Provided by The Seattle Times\n\n" + kBody) ==
        "The Seattle Times");
}

TEST_CASE("source: share buttons are not credits") {
  CHECK(source_of("https://www.townreport.example/a",
                  "Ministers meet\n\nFacebook\nThreads\nLinkedIn\n\n" + kBody) ==
        "townreport.example");
}

TEST_CASE("source: a site's own name in its chrome, checked against the host") {
  using readouts::host_letters;
  CHECK(host_letters("Crónica") == "cronica");
  CHECK(host_letters("NEWSru.com") == "newsrucom");
  CHECK(host_letters("Łódź Daily") == "odzdaily");
  // The site part of a title line, spelling the domain's label or the whole domain.
  CHECK(source_of("https://www.dailyharbor.example/n/1",
                  "Ministers meet in Kuala Lumpur | The Daily Harbor\n\n" + kBody) ==
        "The Daily Harbor");
  CHECK(source_of("https://www.flashwire.ru/n/2",
                  "Ministers meet in Kuala Lumpur - FlashWire.ru\n\n" + kBody) == "FlashWire.ru");
  // A copyright holder the host spells; a legal name it does not spell leaves the domain.
  CHECK(source_of("https://harborpress.example/n/3",
                  kBody + "\nCopyright \xE2\x93\x92 Harbor Press All rights reserved.\n") ==
        "Harbor Press");
  CHECK(source_of("https://harborpress.example/n/4",
                  kBody + "\nCopyright \xC2\xA9 2024 Seaside Media Group Ltd.\n") ==
        "harborpress.example");
  // An acronym host: the name's initials, a short word in capitals whole, small words or not.
  CHECK(source_of("https://uschpf.example/n/6",
                  "Ministers meet | US-Chile Harbor Policy Forum\n\n" + kBody) ==
        "US-Chile Harbor Policy Forum");
  CHECK(source_of("https://ifha.example/n/7",
                  kBody + "\n\xC2\xA9 2024 Institute for Harbor Affairs\n") ==
        "Institute for Harbor Affairs");
  CHECK(source_of("https://mkl.example/n/8", "Ministers Kuala Lumpur | Talks\n\n" + kBody) ==
        "mkl.example");
  // A title part the host does not spell is a headline or a section, not the site.
  CHECK(source_of("https://www.dailyharbor.example/n/5",
                  "Ministers meet | World News\n\n" + kBody) == "dailyharbor.example");
  // A name without Latin letters counts when the chrome gives it twice: a masthead line and the
  // site part of a title line; given once, it could be any heading.
  const std::string masthead = "المرفأ اليوم";
  CHECK(source_of("https://harbor-news.example/77",
                  masthead + "\nالوزيران يلتقيان | " + masthead + "\n\n" + kBody) == masthead);
  CHECK(source_of("https://harbor-news.example/78", masthead + "\n\n" + kBody) ==
        "harbor-news.example");
}

TEST_CASE("source: a masthead line naming what the publication is") {
  // Once is enough when the line says what it is: a paper, a news site, a channel.
  CHECK(source_of("http://epaper.harborcity.example/a.htm", "海港晚报\n2023-06-17\n\n" + kBody) ==
        "海港晚报");
  CHECK(source_of("https://harbor-news.example/79", "صحيفة المرفأ\n\n" + kBody) == "صحيفة المرفأ");
  CHECK(source_of("https://harbor.example/k/1", "항구일보\n\n" + kBody) == "항구일보");
  // Section headings built the same way are not mastheads; nor is a line with Latin letters.
  CHECK(source_of("http://www.harborcity.example/b.htm", "国际新闻网\n\n" + kBody) ==
        "harborcity.example");
  CHECK(source_of("http://www.harborcity.example/c.htm", "即時新聞\n\n" + kBody) ==
        "harborcity.example");
  CHECK(source_of("http://www.harborcity.example/d.htm", "海港网\n\n" + kBody) == "海港网");
  CHECK(source_of("http://www.harborcity.example/e.htm", "互联网\n\n" + kBody) ==
        "harborcity.example");
  CHECK(source_of("http://www.harborcity.example/f.htm", "分享到：海港网\n\n" + kBody) ==
        "harborcity.example");
  CHECK(readouts::masthead_name(nullptr).empty());
}

TEST_CASE("source: credit labels in more languages and credited addresses") {
  const std::string url = "https://www.townreport.example/a";
  CHECK(source_of(url, kBody + "\nNguồn TTXVN\n") == "Vietnam News Agency");
  CHECK(source_of(url, kBody + "\nSource : AFP\n") == "AFP");
  CHECK(source_of(url, kBody + "\nSumber: Antara\n") == "Antara");
  CHECK(source_of(url, kBody + "\nИсточник: www.interfax.ru\n") == "Interfax");
  CHECK(source_of(url, kBody + "\n(With inputs from PTI)\n") == "PTI");
  CHECK(source_of(url, kBody + "\nCredit : Voice of America (VOA), Photo Credit : AP\n") ==
        "Voice of America");
  // An unknown address credited near the top names its domain, not its "www" label.
  CHECK(source_of(url, "Source: www.villagepaper.example\n\n" + kBody) == "villagepaper.example");
  // An address on a platform or a social network credits nobody.
  CHECK(source_of(url, kBody + "\nSource: www.facebook.com\n") == "townreport.example");
  // Chinese reposts name their origin: "本文转自：...", "转载自...", "来源 | ...".
  const std::string zh =
      "两国外长周五在吉隆坡会面，就贸易、出口管制和两国领导人今后几个月的安排交换了看法。\n";
  CHECK(source_of("https://www.portal.example.cn/a", zh + "\n本文转自：环球时报\n") ==
        "Global Times");
  CHECK(source_of("https://www.portal.example.cn/a", zh + "\n转载自中国新闻网\n") ==
        "China News Service");
  CHECK(source_of("https://www.portal.example.cn/a", zh + zh + zh + zh + "\n来源 | 北京日报\n") ==
        "Beijing Daily");
  // A republished story's first publisher; a mirror whose rights a known outlet reserves.
  CHECK(source_of(url, kBody + "\nThe post Ministers meet appeared first on Al-Monitor.\n") ==
        "Al-Monitor");
  CHECK(source_of(url, kBody + "\nThis article was originally published on The Conversation.\n") ==
        "The Conversation");
  CHECK(source_of("https://mirror.example/a",
                  kBody + "\nCopyright \xC2\xA9 2025 Rappler Inc. All Rights Reserved.\n") ==
        "Rappler");
  // The rights reserved in other languages, on an unknown site or an aggregator (whose own
  // copyright does not count).
  const std::string ko =
      "두 나라 외교장관이 금요일에 만나 무역과 수출 통제, 정상들의 향후 일정에 대해 의견을 "
      "나눴다고 밝혔다.\n";
  CHECK(source_of("https://mirror.example/k", ko + "\n<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 "
                                                   "금지>\n") == "Yonhap");
  CHECK(source_of("https://n.news.naver.com/article/1",
                  ko + "\n[ⓒ 한국경제 & hankyung.com, 무단전재 및 재배포 금지]\n"
                       "Copyright \xE2\x93\x92 NAVER Corp. All Rights Reserved.\n") ==
        "The Korea Economic Daily");
  CHECK(source_of("https://mirror.example/k2", ko + "\nⓒ 연합뉴스\n") == "mirror.example");
  // Not the start of a longer name, nor a photo's bare credit.
  CHECK(source_of("https://mirror.example/b",
                  kBody + "\nCopyright \xC2\xA9 2025 The Hill Country Gazette. All rights "
                          "reserved.\n") == "mirror.example");
  CHECK(source_of("https://mirror.example/c", kBody + "\n\xC2\xA9 Reuters\n\nMore text "
                                                      "follows here.\n") == "mirror.example");
}

TEST_CASE("source: agency datelines after a dash or between slashes") {
  const std::string url = "https://www.townreport.example/a";
  CHECK(source_of(url,
                  "МОСКВА, 28 мая \xE2\x80\x94 РИА Новости. Министры обсудили торговлю "
                  "и безопасность в ходе встречи в пятницу.\n") == "RIA Novosti");
  CHECK(source_of(url,
                  "ВАШИНГТОН, 15 ноября. /ТАСС/. Министры обсудили торговлю и безопасность "
                  "в ходе встречи в пятницу.\n") == "TASS");
  // A dash before words that are no agency, slashes around a date: the site's own story.
  CHECK(source_of(url,
                  "BEIJING, 15/11/2025 - Officials. The ministers met on Friday and spoke "
                  "about trade.\n") == "townreport.example");
}

TEST_CASE("source: an IP address names no outlet, a web proxy's path carries the page's host") {
  CHECK(readouts::url_host("http://203.0.113.7:8011/https/www.dw.com/zh/a-1") == "dw.com");
  CHECK(readouts::url_host("http://203.0.113.7/http://www.reuters.com/world/x") == "reuters.com");
  CHECK(readouts::url_host("http://203.0.113.7/news/1.html").empty());
  // Still a web address: the indexer's --url takes it.
  CHECK(readouts::is_web_address("http://203.0.113.7/news/1.html"));
  CHECK(readouts::is_web_address("https://www.dw.com/zh/a-1"));
  CHECK_FALSE(readouts::is_web_address("ftp://example.org/a"));
  CHECK_FALSE(readouts::is_web_address("www.dw.com/zh"));
  CHECK_FALSE(readouts::is_web_address("https:///path"));
  CHECK(source_of("http://203.0.113.7:8011/https/www.dw.com/zh/a-1", "Headline\n\n" + kBody) ==
        "Deutsche Welle");
  // Never a piece of the address.
  CHECK(source_of("http://203.0.113.7/news/1.html", "Headline\n\n" + kBody) != "113.7");
}

TEST_CASE("source: a credit that writes an outlet's name without its spaces") {
  // A Chinese info line above a reposted readout: "来源:WhiteHouse".
  CHECK(source_of("https://school.example.edu.cn/info/1.htm",
                  "发布时间:2018年05月08日   来源:WhiteHouse   点击次数:\n\n" + kBody) ==
        "The White House");
  const auto& outlets = knowledge().outlets();
  REQUIRE(outlets.find("GlobalTimes") != nullptr);
  CHECK(outlets.find("GlobalTimes")->name == "Global Times");
  // Short squeezed forms are left alone: they may be another outlet's acronym.
  CHECK(outlets.find("APnews") == nullptr);
}

TEST_CASE("source: an outlet's site under another country's suffix, and registrable domains") {
  readouts::Outlets outlets;
  REQUIRE(outlets
              .add_json(R"({"outlets": [
    {"id": "intl", "name": "Example Times", "hosts": ["exampletimes.com", "exampletimes.jp"]},
    {"id": "local", "name": "Example Times Germany", "hosts": ["exampletimes.de"]},
    {"id": "one", "name": "Guardian of Somewhere", "hosts": ["guardian.example.ng"]},
    {"id": "sg", "name": "Samename Daily", "hosts": ["samename.com"]}]})",
                        "test")
              .ok());
  // Two suffixes make a brand: its site under a third country's suffix is its own.
  REQUIRE(outlets.for_host("www-main.exampletimes.it") != nullptr);
  CHECK(outlets.for_host("www-main.exampletimes.it")->id == "intl");
  CHECK(outlets.for_host("exampletimes.de")->id == "local");  // a listed host still wins
  // A name used under one suffix may be another paper's elsewhere.
  CHECK(outlets.for_host("samename.com.sg") == nullptr);
  // The Public Suffix List's ICANN part: country second levels, not CDN or platform customers.
  CHECK(readouts::registrable_domain("news.bbc.co.uk") == "bbc.co.uk");
  CHECK(readouts::registrable_domain("anoticia.clicrbs.com.br") == "clicrbs.com.br");
  CHECK(readouts::registrable_domain("mk.china-embassy.gov.cn") == "china-embassy.gov.cn");
  CHECK(readouts::registrable_domain("d1234abcd.cloudfront.net") == "cloudfront.net");
  CHECK(readouts::registrable_domain("203.0.113.7").empty());
  CHECK(readouts::registrable_label("feature.exampletimes.com") == "exampletimes");
  // Unknown sites fall back to their registrable domain.
  CHECK(source_of("https://d1234abcd.cloudfront.net/a/x.html", kBody) == "cloudfront.net");
}

TEST_CASE("source: a Chinese embassy's site, named by the country's code") {
  CHECK(source_of("http://bb.chineseembassy.org/eng/zgyw/t1.htm", kBody) ==
        "Embassy of the PRC in Barbados");
  CHECK(source_of("http://uk.china-embassy.gov.cn/eng/a.htm", kBody) ==
        "Embassy of the PRC in the United Kingdom");
  CHECK(source_of("https://us.china-embassy.gov.cn/eng/a.htm", kBody) ==
        "Embassy of the PRC in the US");
  CHECK(knowledge().outlets().find("中国驻比利时大使馆")->name == "Embassy of the PRC in Belgium");
}

TEST_CASE("source: an unknown site credits a Chinese name that only begins like a known one") {
  // 中国报道 is a magazine, not China Press (中国报) and a report (报道).
  const std::string text = "发布时间:2025-07-08 14:25:35 来源:中国报道\n\n" + kBody;
  CHECK(source_of("http://www.example.org.cn/index/news/1.html", text) == "中国报道");
  CHECK(knowledge().outlets().find_in("中国报道") == nullptr);
  CHECK(knowledge().outlets().find_in("中国报 记者") != nullptr);
  // A label that credits nobody in particular leaves the site's own name.
  const std::string vague = "发布时间:2025-07-08 14:25:35 来源:网络\n\n" + kBody;
  CHECK(source_of("http://www.example.org.cn/index/news/1.html", vague) == "example.org.cn");
}

TEST_CASE("source: an abbreviation in brackets after its name is no credit") {
  const std::string text =
      "The Association of Southeast Asian Nations (ASEAN) meeting opened in Kuala Lumpur, where "
      "the two foreign ministers met on the sidelines.\n\n" +
      kBody;
  CHECK(source_of("https://example-news.com/rubio-meets-wang.html", text) == "example-news.com");
  // A credit after a dateline still counts.
  CHECK(source_of("https://example-news.com/rubio-meets-wang.html",
                  "KUALA LUMPUR (AFP) - The two foreign ministers met on Friday.\n\n" + kBody) ==
        "AFP");
}

TEST_CASE("source: a fully qualified host and a repost's 'this article comes from'") {
  CHECK(readouts::url_host("https://blog.example.ne.jp./etjapan/e/1") == "blog.example.ne.jp");
  CHECK(readouts::is_web_address("https://news.example.jp./a/1"));
  CHECK_FALSE(readouts::is_web_address("https://./a/1"));
  CHECK(source_of("http://www.example-mirror.com/news/2024/0601/1.html",
                  "本文来自东方前沿网\n\n" + kBody) == "东方前沿网");
}
