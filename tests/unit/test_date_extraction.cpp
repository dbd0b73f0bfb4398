// Dates: every written form, validation, precision, and which date an article gets (precedence).
#include <doctest/doctest.h>

#include <string>

#include "shared/extract/dates.h"
#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

using readouts::ArticleDate;
using readouts::DatePrecision;

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

readouts::Article extract_one(const std::string& text, const std::string& ext = "txt") {
  auto out = readouts::extract_articles(text, {"t." + ext, ext, "seed"}, knowledge(), {});
  REQUIRE_MESSAGE(out.articles.size() == 1, (out.failures.empty() ? std::string("no article")
                                                                  : out.failures[0].error.message));
  return out.articles[0];
}

}  // namespace

TEST_CASE("date forms are found with the precision they carry") {
  struct Row {
    const char* text;
    int year, month, day;
  };
  const Row rows[] = {
      {"on 2025-11-24 the", 2025, 11, 24},
      {"Nov 24 (APP)", 0, 11, 24},
      {"Nov. 24, 2025", 2025, 11, 24},
      {"24 November 2025", 2025, 11, 24},
      {"Published: 24th, November 2025 GMT", 2025, 11, 24},  // a comma after an ordinal day
      {"November 24, 2025", 2025, 11, 24},
      {"November 24", 0, 11, 24},
      {"2025/11/24 22:00", 2025, 11, 24},
      {"2025年11月24日", 2025, 11, 24},
      {"11月24日", 0, 11, 24},
      {"2025年6月", 2025, 6, 0},
      {"date 2025-06 x", 2025, 6, 0},
      {"Sept. 3, 2025", 2025, 9, 3},
      {"the 3rd of... March 3rd, 2024", 2024, 3, 3},
      {"in November 2025", 2025, 11, 0},
      {"section 5, June 2025 report", 2025, 6, 0},  // a plain number before a comma is no day
      {"2025-11-24T10:00:00+08:00", 2025, 11, 24},
      {"2024-02-29", 2024, 2, 29},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    auto found = readouts::find_dates(r.text);
    REQUIRE(!found.empty());
    CHECK(found[0].year == r.year);
    CHECK(found[0].month == r.month);
    CHECK(found[0].day == r.day);
  }
}

TEST_CASE("dates in other languages and numeric orders are read") {
  struct Row {
    const char* text;
    int year, month, day;
  };
  const Row rows[] = {
      {"Madrid, 5 de junio de 2025", 2025, 6, 5},          // Spanish
      {"le 1er juin 2025 à Paris", 2025, 6, 1},            // French ordinal day
      {"am 5. Juni 2025 in Berlin", 2025, 6, 5},           // German
      {"Budapest, 2025. június 5.", 2025, 6, 5},           // Hungarian, year first
      {"Nag-usap Hunyo 18, 2019, sina", 2019, 6, 18},      // Tagalog, month first
      {"5 июня 2025 года", 2025, 6, 5},                    // Russian genitive
      {"في 5 يونيو 2025", 2025, 6, 5},                     // Arabic month name
      {"2025년 6월 5일 통화", 2025, 6, 5},                 // Korean
      {"6월 5일 오후", 0, 6, 5},                           // Korean, no year
      {"ngày 5 tháng 6 năm 2025", 2025, 6, 5},             // Vietnamese
      {"em 5 de junho de 2025", 2025, 6, 5},               // Portuguese
      {"il 5 giugno 2025", 2025, 6, 5},                    // Italian
      {"junio de 2025", 2025, 6, 0},                       // month precision
      {"26.10.2025 - Update : 27.10.2025", 2025, 10, 26},  // day.month.year
      {"26-01-2025 12:00:00 AM", 2025, 1, 26},             // dashes put the day first
      {"25/12/2024", 2024, 12, 25},                        // a number over 12 decides
      {"12/25/2024", 2024, 12, 25},
      {"2025年 6月5日", 2025, 6, 5},
      {"北京6月5日电", 0, 6, 5},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    auto found = readouts::find_dates(r.text);
    REQUIRE(!found.empty());
    CHECK(found[0].year == r.year);
    CHECK(found[0].month == r.month);
    CHECK(found[0].day == r.day);
  }
  // "06/05/2025" is 6 May for most of the world and June 5 in the United States: read only
  // with the caller's hint.
  CHECK(readouts::find_dates("06/05/2025").empty());
  auto day_first = readouts::find_dates("06/05/2025", 4, readouts::NumericOrder::kDayFirst);
  REQUIRE(day_first.size() == 1);
  CHECK(day_first[0].month == 5);
  auto month_first = readouts::find_dates("06/05/2025", 4, readouts::NumericOrder::kMonthFirst);
  REQUIRE(month_first.size() == 1);
  CHECK(month_first[0].month == 6);
  // Month words need a day or a year beside them; words inside other words are not months.
  for (const char* text : {"Mayo ang", "the march on Washington", "Marsch 2025", "Juniper 5"}) {
    CAPTURE(std::string(text));
    CHECK(readouts::find_dates(text).empty());
  }
}

TEST_CASE("invalid dates and non-dates are rejected") {
  const char* rows[] = {"2025-13-01", "2025-02-30", "2023-02-29",   "1850-01-01",  "2200-01-01",
                        "Nov 32",     "May be",     "in 2025",      "12345-01-01", "version 1.2.3",
                        "",           "March",      "2025年13月1日"};
  for (const char* r : rows) {
    std::string text = r;
    CAPTURE(text);
    for (const auto& m : readouts::find_dates(r)) {
      CHECK_MESSAGE(false, "found ", m.year, "-", m.month, "-", m.day);
    }
  }
  CHECK(readouts::valid_date(2024, 2, 29));
  CHECK_FALSE(readouts::valid_date(2100, 2, 29));
  CHECK(readouts::valid_date(2000, 2, 29));
  CHECK_FALSE(readouts::valid_date(2025, 4, 31));
}

TEST_CASE("date values keep only the precision given") {
  struct Row {
    const char* value;
    const char* iso;
    DatePrecision precision;
  };
  const Row rows[] = {
      {"2025-11-24", "2025-11-24", DatePrecision::kDay},
      {"2025-06", "2025-06", DatePrecision::kMonth},
      {"2025", "2025", DatePrecision::kYear},
      {"Mon, 24 Nov 2025 10:00:00 GMT", "2025-11-24", DatePrecision::kDay},
      {"November 2025", "2025-11", DatePrecision::kMonth},
  };
  for (const Row& r : rows) {
    std::string value = r.value;
    CAPTURE(value);
    auto d = readouts::parse_date_value(r.value);
    REQUIRE(d.has_value());
    CHECK(d->iso() == r.iso);
    CHECK(d->precision == r.precision);
  }
  CHECK_FALSE(readouts::parse_date_value("Nov 24").has_value());  // no year: not a date value
  CHECK_FALSE(readouts::parse_date_value("soon").has_value());
  CHECK_FALSE(readouts::parse_date_value("2025-99-99").has_value());
}

TEST_CASE("the article date follows field then metadata line then dateline then text") {
  struct Row {
    const char* name;
    std::string text;
    std::string ext;
    const char* iso;
    const char* evidence;
  };
  const Row rows[] = {
      {"front matter wins",
       "---\ndate: 2024-01-02\n---\n\n date 2025-11-24\n\nBEIJING, Nov 24 (APP): Talks.\n", "md",
       "2024-01-02", "front matter"},
      {"metadata line",
       " date 2025-11-24 - Advertisement -\n\nBEIJING, Nov 23 (APP): Talks were held.\n", "txt",
       "2025-11-24", "metadata line"},
      {"month-only metadata line", "date 2025-06\n\nTalks were held in Geneva last month.\n", "txt",
       "2025-06", "metadata line"},
      {"month metadata completed by dateline",
       "date 2025-06\n\nGENEVA, June 5 (Xinhua) -- Talks.\n", "txt", "2025-06-05",
       "metadata line + dateline"},
      {"dateline with year", "WASHINGTON, Nov. 24, 2025 (Xinhua) -- Talks were held.\n", "txt",
       "2025-11-24", "dateline"},
      {"dateline year from text",
       "WASHINGTON, Nov. 24 (Xinhua) -- Talks were held.\n\nThe statement was dated November 20, "
       "2025.\n",
       "txt", "2025-11-24", "dateline (year from text)"},
      {"chinese dateline", "新华社北京6月5日电 2025年6月5日晚，习近平同特朗普通电话。\n", "txt",
       "2025-06-05", "dateline (year from text)"},
      {"first full date near the top",
       "Talks\n\nOn November 16, 2021, the two leaders met virtually.\n", "txt", "2021-11-16",
       "text"},
  };
  for (const Row& r : rows) {
    std::string name = r.name;
    CAPTURE(name);
    auto a = extract_one(r.text, r.ext);
    CHECK(a.date.iso() == r.iso);
    CHECK(a.date.evidence == r.evidence);
  }
}

TEST_CASE("dates the article only mentions are not its date") {
  auto a = extract_one(
      "The two leaders recalled the 1972 Shanghai Communique and their meeting in "
      "Busan last month.\n\nThey agreed to talk again.\n");
  CHECK_FALSE(a.date.known());
  bool warned = false;
  for (const auto& w : a.warnings) warned |= w.find("no date") != std::string::npos;
  CHECK(warned);
  // A year-less dateline with no full date anywhere stays unknown rather than guessed.
  auto b = extract_one("BUSAN, South Korea, Oct 30 (Reuters) - Trump met Xi on Thursday.\n");
  CHECK_FALSE(b.date.known());
  CHECK(b.source == "Reuters");
  // "since" dates near the top are history, not the article's date.
  auto c = extract_one("Relations have improved since January 1, 1979, officials said.\n");
  CHECK_FALSE(c.date.known());
}

TEST_CASE("a bad date field falls back to the text with a warning") {
  auto a = extract_one(
      "---\ntitle: T\ndate: 2025-99-99\n---\n\nBEIJING, Nov. 24, 2025 (Xinhua) -- "
      "Talks were held.\n",
      "md");
  CHECK(a.date.iso() == "2025-11-24");
  REQUIRE(!a.warnings.empty());
  CHECK(a.warnings[0].find("not understood") != std::string::npos);
}

TEST_CASE("require_date turns an undated article into a failure") {
  readouts::ExtractOptions opts;
  opts.require_date = true;
  auto out =
      readouts::extract_articles("Talks were held.\n", {"u.txt", "txt", "s"}, knowledge(), opts);
  CHECK(out.articles.empty());
  REQUIRE(out.failures.size() == 1);
  CHECK(out.failures[0].error.message.find("no date") != std::string::npos);
}

TEST_CASE(
    "a publication stamp after an update stamp, a date line with its update, two month names") {
  // "Updated: ... | Created: ...": the created stamp is the publication date.
  readouts::Article created = extract_one(
      "Envoys meet on methane\n"
      "Wire | Updated: 18-11-2022 10:05 IST | Created: 17-11-2022 19:25 IST\n"
      "The two envoys attended an event on methane emissions and spoke about the pledge, "
      "officials said after the meeting in the resort town.\n");
  CHECK(created.date.iso() == "2022-11-17");
  // A date line that carries its own update stamp is still the date line, of its first date.
  readouts::Article line = extract_one(
      "Il vicepremier andrà in Svezia per i colloqui commerciali con gli Stati Uniti, ha detto il "
      "ministero, che ha dato i dettagli della visita nel pomeriggio.\n"
      "Vicepremier in Svezia per i colloqui\n"
      "24 Luglio 2025 14:57 Aggiornato: 25 Luglio 2025 09:12\n");
  CHECK(line.date.iso() == "2025-07-24");
  // Arabic: the Egyptian and the Levantine month names side by side.
  const auto found = readouts::find_dates("مساء الثلاثاء، 6 سبتمبر/أيلول 2022، قال", 1);
  REQUIRE(found.size() == 1);
  CHECK(found[0].year == 2022);
  CHECK(found[0].month == 9);
  CHECK(found[0].day == 6);
  // Two different months are no such pair.
  const auto two = readouts::find_dates("6 سبتمبر/أكتوبر 2022", 1);
  REQUIRE(two.size() == 1);
  CHECK(two[0].year == 0);
  // The day glued to the month's name, and the Levantine name with a madda (آيار for أيار).
  const auto glued = readouts::find_dates("أعلن البيت الأبيض، الأحد 11مايو/آيار 2025، التوصل", 1);
  REQUIRE(glued.size() == 1);
  CHECK(glued[0].year == 2025);
  CHECK(glued[0].month == 5);
  CHECK(glued[0].day == 11);
  // A Latin month still needs its space: "5Juni" is no date.
  CHECK(readouts::find_dates("5Juni 2025", 1).empty());
}

TEST_CASE("a closing byline or feed stamp dates a page whose top gives no date") {
  std::string body;
  for (int i = 0; i < 5; ++i)
    body +=
        "Les deux présidents ont discuté pendant de longues heures du commerce, de la Corée du "
        "Nord et de la sécurité régionale, selon les deux délégations présentes sur place.\n\n";
  auto a = extract_one("Titre de l'article\n\n" + body + "Le 8 avril 2017 par La Presse\n");
  CHECK(a.date.iso() == "2017-04-08");
  // A bare date ending the page is not credited: it may close a list of related articles.
  auto b = extract_one("Titre de l'article\n\n" + body + "8 avril 2017\n");
  CHECK_FALSE(b.date.known());
  // A feed item's stamp glued to the last sentence.
  auto c = extract_one(
      "Headline\n\nThe two leaders met in Bali and agreed to restart climate "
      "talks.2022-11-1808:17:24\n");
  CHECK(c.date.iso() == "2022-11-18");
}

TEST_CASE("one byline with a year-first date above the article dates it, a list of them does not") {
  std::string body;
  for (int i = 0; i < 4; ++i)
    body +=
        "两国官员在会谈中讨论了贸易、气候和地区安全等问题，双方同意保持沟通，并为下一轮磋商做好准"
        "备，有关细节将在稍后公布。\n\n";
  // Authors, the date and the source on one line; the clock and an agency's dateline beside it;
  // a site's name before it.
  for (const char* byline :
       {"张三 李四 · 2014-04-10 · 来源:某某日报", "2014-04-10 11:45 某通讯社 华盛顿9日专电",
        "首页 | 某某新闻 ( ) • 2014-04-10 12:41", "Jane Roe · 2014/04/10"}) {
    INFO(byline);
    auto a = extract_one(std::string("中美会谈结束\n\n") + byline + "\n\n" + body);
    CHECK(a.date.iso() == "2014-04-10");
  }
  // Two such lines are a list of links with their own dates; a sentence is not a byline; a date
  // whose day and month could be either is read in the page's order (day first outside English).
  auto list = extract_one(
      "中美会谈结束\n\n两国外长在华盛顿举行会谈 2014-03-02\n两国财长在北京举行新一轮磋商 "
      "2014-05-06\n\n" +
      body);
  CHECK(list.date.evidence != "date line");
  auto sentence = extract_one("中美会谈结束\n\n双方于2014-04-10在北京举行会谈。\n\n" + body);
  CHECK(sentence.date.evidence != "date line");
  auto day_first = extract_one("中美会谈结束\n\n张三 · 10/04/2014 · 来源:某某日报\n\n" + body);
  CHECK(day_first.date.iso() == "2014-04-10");
}
