// Format readers and input checks: text, Markdown front matter, JSON, JSON Lines, HTML, UTF-8,
// NUL bytes, empty input, size limits, ids and origins.
#include <doctest/doctest.h>

#include <string>

#include "shared/extract/extract.h"
#include "shared/extract/front_matter.h"
#include "shared/extract/html_reader.h"
#include "shared/extract/json_reader.h"
#include "shared/extract/knowledge.h"
#include "shared/extract/text_cleanup.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

readouts::ExtractOutcome run(const std::string& bytes, const std::string& ext,
                             readouts::ExtractOptions opts = {}) {
  return readouts::extract_articles(bytes, {"in." + ext, ext, "seed-" + ext}, knowledge(), opts);
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("markdown front matter fields are read") {
  auto out =
      run("---\nid: md-1\ntitle: \"Xi, Biden meet\"\ndate: 2023-11-15\nsource: 'The White "
          "House'\nurl: https://example.org/a\nlanguage: en-US\nspeakers:\n  - Joe Biden\n"
          "  - 习近平\ntopics: [taiwan, \"fentanyl\"]\n---\n\n# Ignored heading\n\n"
          "President **Biden** said [talks](https://x.org) were *good*.\n",
          "md");
  REQUIRE(out.articles.size() == 1);
  const auto& a = out.articles[0];
  CHECK(a.id == "md-1");
  CHECK(a.title == "Xi, Biden meet");
  CHECK(a.date.iso() == "2023-11-15");
  CHECK(a.date.evidence == "front matter");
  CHECK(a.source == "The White House");
  CHECK(a.url == "https://example.org/a");
  CHECK(a.language == "en");
  CHECK(a.speakers == std::vector<std::string>{"Joe Biden", "Xi Jinping"});
  CHECK(a.topics == std::vector<std::string>{"taiwan", "fentanyl"});
  CHECK(a.format == "markdown");
  REQUIRE(!a.passages.empty());
  CHECK(a.passages.back().text == "President Biden said talks were good.");
}

TEST_CASE("broken front matter fails with a clear reason") {
  struct Row {
    const char* text;
    const char* reason;
  };
  const Row rows[] = {
      {"---\ntitle: x\n\nbody without a closing fence\n", "never closed"},
      {"---\nid: [unclosed\n---\nbody\n", "unclosed list"},
      {"---\ntitle: \"never ends\n---\nbody\n", "unterminated"},
      {"---\njust some words\n---\nbody\n", "key: value"},
      {"---\nmap: {a: 1}\n---\nbody\n", "unsupported"},
      {"---\n  nested: x\n---\nbody\n", "nested"},
  };
  for (const Row& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    auto out = run(r.text, "md");
    CHECK(out.articles.empty());
    REQUIRE(out.failures.size() == 1);
    CHECK(contains(out.failures[0].error.message, "front matter"));
    CHECK(contains(out.failures[0].error.message, r.reason));
  }
}

TEST_CASE("json object and array records") {
  auto one = run(
      R"({"id":"j1","title":"T","date":"2025-05-12","body":"Bessent said talks were good.","speakers":"Scott Bessent"})",
      "json");
  REQUIRE(one.articles.size() == 1);
  CHECK(one.articles[0].id == "j1");
  CHECK(one.articles[0].origin == "in.json");
  CHECK(one.articles[0].date.evidence == "json field");
  CHECK(one.articles[0].speakers == std::vector<std::string>{"Scott Bessent"});
  auto arr = run(R"([{"title":"A","text":"First."},{"title":"B","text":"Second."},{"title":"C"}])",
                 "json");
  CHECK(arr.articles.size() == 2);
  REQUIRE(arr.failures.size() == 1);
  CHECK(arr.failures[0].origin == "in.json#3");
  CHECK(contains(arr.failures[0].error.message, "body"));
  CHECK(arr.articles[0].origin == "in.json#1");
  CHECK(arr.articles[1].origin == "in.json#2");
  CHECK(arr.articles[0].id != arr.articles[1].id);
}

TEST_CASE("bad json fails clearly") {
  struct Row {
    std::string text;
    const char* reason;
  };
  const Row rows[] = {
      {R"({"id": "trunc", "title": "Cut off mid-str)", "invalid JSON"},
      {std::string(100000, '['), "nested too deep"},
      {std::string(50, '[') + std::string(50, ']'), "nested too deep"},
      {R"({"id": 5, "title": "t", "text": "x"})", "\"id\" must be a string"},
      {R"({"id": "a", "title": "t", "text": null})", "\"text\" must be a string"},
      {R"({"id": "a", "title": "t", "text": "x", "speakers": [1]})", "list of strings"},
      {"[]", "empty JSON array"},
      {"42", "JSON object"},
  };
  for (const Row& r : rows) {
    std::string head = r.text.substr(0, 60);
    CAPTURE(head);
    auto out = run(r.text, "json");
    CHECK(out.articles.empty());
    REQUIRE(out.failures.size() >= 1);
    CHECK(contains(out.failures[0].error.message, r.reason));
    CHECK(out.failures[0].error.message.size() < 400);
  }
}

TEST_CASE("json lines keep good lines when one is bad") {
  std::string text =
      "{\"id\":\"l1\",\"text\":\"One.\",\"date\":\"2025-01-01\"}\n"
      "{\"id\":\"l2\",\"text\":\"Two.\"}\n"
      "{\"id\":\"l3\",\"text\":\n"
      "\n"
      "{\"text\":\"Five.\"}\n";
  auto out = run(text, "jsonl");
  REQUIRE(out.articles.size() == 3);
  REQUIRE(out.failures.size() == 1);
  CHECK(out.failures[0].origin == "in.jsonl#3");
  CHECK(contains(out.failures[0].error.message, "invalid JSON"));
  CHECK(out.articles[0].origin == "in.jsonl#1");
  CHECK(out.articles[2].origin == "in.jsonl#5");
  CHECK(out.articles[2].format == "jsonl");
  // A record without an id gets a hash of id_seed + "#N": stable and distinct.
  CHECK(out.articles[2].id.size() == 16);
  CHECK(out.articles[0].content_hash != out.articles[1].content_hash);
  auto again = run(text, "jsonl");
  CHECK(again.articles[2].id == out.articles[2].id);
}

TEST_CASE("html pages give title date source and clean paragraphs") {
  std::string html = R"(<!DOCTYPE html><html lang="zh-CN"><head><title>中美通话 - 新华网</title>
<meta property="article:published_time" content="2025-06-05T21:00:00+08:00">
<meta property="og:site_name" content="新华网"><link rel="canonical" href="https://example.org/zh">
<script>document.write("<p>no</p>")</script><style>.a{}</style></head><body>
<nav>首页 | 国际</nav><header>header text</header>
<p>习近平指出，中美关系很重要。&amp; more&nbsp;text &#x4e2d;&#22269;</p>
<p>特朗普表示，美方欢迎中国留学生。<br>第二行</p>
<aside>相关新闻</aside><footer>版权所有</footer><figure><figcaption>图片说明</figcaption></figure>
</body></html>)";
  auto out = run(html, "html");
  REQUIRE(out.articles.size() == 1);
  const auto& a = out.articles[0];
  CHECK(a.title == "中美通话");
  CHECK(a.date.iso() == "2025-06-05");
  CHECK(a.date.evidence == "html meta");
  CHECK(a.source == "Xinhua");
  CHECK(a.url == "https://example.org/zh");
  CHECK(a.language == "zh-Hans");
  CHECK(a.format == "html");
  std::string body = a.body();
  CHECK(contains(body, "& more\xC2\xA0text 中国") == false);  // nbsp is collapsed to a space
  CHECK(contains(body, "& more text 中国"));
  CHECK_FALSE(contains(body, "document.write"));
  CHECK_FALSE(contains(body, "首页"));
  CHECK_FALSE(contains(body, "header text"));
  CHECK_FALSE(contains(body, "相关新闻"));
  CHECK_FALSE(contains(body, "版权所有"));
  CHECK_FALSE(contains(body, "图片说明"));
  CHECK(contains(body, "第二行"));
  CHECK(a.speakers == std::vector<std::string>{"Xi Jinping", "Donald J. Trump"});
}

TEST_CASE("html time element and entities") {
  CHECK(readouts::decode_entities("a &lt;b&gt; &quot;c&quot; &#39;d&#39; &bogus; &#xZZ; &") ==
        "a <b> \"c\" 'd' &bogus; &#xZZ; &");
  auto out =
      run("<html><body><time datetime=\"2024-04-02\">April 2</time><p>Talks.</p></body></html>",
          "html");
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].date.iso() == "2024-04-02");
  CHECK(out.articles[0].date.evidence == "html time");
  // Malformed markup never fails.
  auto broken = run("<html><body><p>Unclosed <b>bold <i>text <p>more words<", "html");
  REQUIRE(broken.articles.size() == 1);
  CHECK(contains(broken.articles[0].body(), "more words"));
}

TEST_CASE("scraped text loses junk lines and keeps a dateline source") {
  std::string text =
      " date 2025-11-24 - Advertisement -\n\nHome | World | China\n\nShare\n\n"
      "WASHINGTON, Nov. 24 (Xinhua) -- Talks were held on Monday.\n\n"
      "U.S. President Donald Trump speaks in Washington, Nov. 24, 2025. (Xinhua/Hu "
      "Yousong)\n\n- Advertisement -\n\nRelated: Other story\n\nTrump said the "
      "talks were good.\n";
  auto out = run(text, "txt");
  REQUIRE(out.articles.size() == 1);
  const auto& a = out.articles[0];
  CHECK(a.source == "Xinhua");
  CHECK(a.date.iso() == "2025-11-24");
  REQUIRE(a.passages.size() == 2);
  CHECK(a.passages[0].text == "WASHINGTON, Nov. 24 (Xinhua) -- Talks were held on Monday.");
  CHECK(a.title == "Talks were held on Monday");
  CHECK(readouts::is_junk_line("- Advertisement -"));
  CHECK(readouts::is_junk_line("Read more: something"));
  CHECK_FALSE(readouts::is_junk_line("Trump said the talks were good."));
}

TEST_CASE("datelines are read in their usual forms") {
  struct Row {
    const char* p;
    const char* date;
    const char* source;
  };
  const Row rows[] = {
      {"BEIJING, Nov 24 (APP):President Xi spoke.", "Nov 24", "APP"},
      {"WASHINGTON, Nov. 24 (Xinhua) -- Talks.", "Nov. 24", "Xinhua"},
      {"BUSAN, South Korea, Oct 30 (Reuters) - Trump said.", "Oct 30", "Reuters"},
      {"GENEVA, May 12, 2025 — The two sides agreed.", "May 12, 2025", ""},
      {"新华社北京6月5日电（记者 张三）习近平同特朗普通电话。", "6月5日", "新华社"},
      // A paper running the agency's copy: "据" (according to) before the dateline.
      {"据新华社华盛顿7月10日电 (记者 李四) 对话开幕。", "7月10日", "新华社"},
  };
  for (const Row& r : rows) {
    std::string p = r.p;
    CAPTURE(p);
    auto d = readouts::read_dateline(r.p);
    CHECK(d.length > 0);
    CHECK(d.date_text == r.date);
    CHECK(d.source == r.source);
  }
  CHECK(readouts::read_dateline("Paris, May 5 was a sunny day.").length == 0);
  CHECK(readouts::read_dateline("The talks were held on May 5.").length == 0);
}

TEST_CASE("a text file that only looks like JSON is read as text") {
  // A scraped page opening with a bracketed widget name: not a JSON array, so not a failure.
  auto out = run("[ad_1]\nThe two ministers met in Bangkok and agreed to keep talking.\n", "txt");
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].format == "text");
  // A file named .json that is not JSON still fails, clearly.
  out = run("[ad_1]\nThe two ministers met.\n", "json");
  CHECK(out.articles.empty());
  REQUIRE(!out.failures.empty());
  CHECK(out.failures[0].error.message.find("JSON") != std::string::npos);
}

TEST_CASE("a real article is never refused as page furniture") {
  // A plain abstract of about 140 words on one line, ending in a credit in brackets that looks
  // like a photo credit: a line this long is text.
  std::string abstract =
      "This study compares how the two governments described the same leaders' calls in "
      "their official accounts between 2013 and 2025. Using paired statements, it counts "
      "which topics each side chose to mention, how often each attributed positions to the "
      "other, and whether trade or security came first. The Chinese accounts are longer and "
      "structured by speaker, while the American ones list topics without quotation. "
      "Differences are largest on Taiwan, where each side reports commitments the other does "
      "not confirm, and smallest on climate. The results suggest that readouts are written for "
      "domestic audiences first, and that comparing them shows negotiating priorities neither "
      "side publishes. Implications for research that relies on a single government's account "
      "are discussed, and a simple coding scheme is proposed for future work on the subject "
      "(Photo/Archive)";
  auto out = run(abstract, "txt");
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].passages.size() == 1);
  // The same words as short lines that each look like navigation (two bars) are kept too.
  std::string bars;
  for (int i = 0; i < 6; ++i)
    bars += "Section " + std::to_string(i) +
            " | the two sides compared their accounts of the call | and agreed to keep talking\n";
  out = run(bars, "txt");
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].passages.size() >= 5);  // the first line may be read as the headline
  // Navigation alone, a few words, is still no article.
  out = run("Home | World | Business\nShare\nAdvertisement\n", "txt");
  CHECK(out.articles.empty());
  REQUIRE(out.failures.size() == 1);
  CHECK(out.failures[0].error.message.find("page furniture") != std::string::npos);
}

TEST_CASE("input checks refuse what is not an article") {
  auto empty = run("", "md");
  REQUIRE(empty.failures.size() == 1);
  CHECK(empty.failures[0].error.message == "empty file");
  auto blank = run("  \n\t\n", "txt");
  REQUIRE(blank.failures.size() == 1);
  CHECK(contains(blank.failures[0].error.message, "empty"));
  auto nul = run(std::string("Talks were held\0\0 in Beijing.", 30), "txt");
  REQUIRE(nul.failures.size() == 1);
  CHECK(nul.failures[0].error.message == "binary file (NUL bytes at offset 15): not an article");
  std::string junk;
  for (int i = 0; i < 400; ++i) junk += "\xc0\xaf\xed\xa0\x80\xff\xfe\x80"[i % 8];
  auto bad = run("---\nid: x\n---\n\n" + junk, "md");
  REQUIRE(bad.failures.size() == 1);
  CHECK(contains(bad.failures[0].error.message, "invalid UTF-8"));
  readouts::ExtractOptions small;
  small.max_bytes = 10;
  auto big = run("This is longer than ten bytes.", "txt", small);
  REQUIRE(big.failures.size() == 1);
  CHECK(big.failures[0].error.code == readouts::Code::kTooLarge);
  CHECK(contains(big.failures[0].error.message, "max-bytes"));
  auto furniture = run("- Advertisement -\n\nShare\n", "txt");
  REQUIRE(furniture.failures.size() == 1);
  CHECK(contains(furniture.failures[0].error.message, "no text"));
}

TEST_CASE("a few invalid bytes are repaired as windows-1252 with a warning") {
  auto out = run("Talks in Caf\xe9 Paris were \x93good\x94, said Trump.\n", "txt");
  REQUIRE(out.articles.size() == 1);
  const auto& a = out.articles[0];
  CHECK(contains(a.body(), "Café"));
  CHECK(contains(a.body(), "\xE2\x80\x9Cgood\xE2\x80\x9D"));
  REQUIRE(a.warnings.size() >= 1);
  CHECK(contains(a.warnings[0], "Windows-1252"));
}

TEST_CASE("formats are sniffed from content when the extension says nothing") {
  CHECK(run("---\ntitle: T\n---\n\nBody.\n", "").articles.size() == 1);
  CHECK(run("---\ntitle: T\n---\n\nBody.\n", "").articles[0].format == "markdown");
  CHECK(run("{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "").articles.size() == 2);
  CHECK(run("{\"text\":\"a\"}", "").articles[0].format == "json");
  CHECK(run("<html><body><p>Hi there.</p></body></html>", "").articles[0].format == "html");
  CHECK(run("Plain words.", "").articles[0].format == "text");
}

TEST_CASE("ids follow the documented rule") {
  auto explicit_id = run("---\nid: given\nurl: https://x.org/a\n---\n\nText.\n", "md");
  CHECK(explicit_id.articles[0].id == "given");
  auto by_url = run("---\nurl: https://x.org/a\n---\n\nText.\n", "md");
  auto by_url2 = readouts::extract_articles("---\nurl: https://x.org/a\n---\n\nOther text.\n",
                                            {"elsewhere.md", "md", "other-seed"}, knowledge(), {});
  CHECK(by_url.articles[0].id == by_url2.articles[0].id);
  auto by_seed = run("Text.\n", "txt");
  CHECK(by_seed.articles[0].id.size() == 16);
  CHECK(by_seed.articles[0].id != by_url.articles[0].id);
}

TEST_CASE("language detection tells scripts apart") {
  CHECK(run("习近平指出，这是中美关系的重要问题。我们要加强对话与合作。", "txt")
            .articles[0]
            .language == "zh-Hans");
  CHECK(run("習近平指出，這是中美關係的重要問題。我們要加強對話與合作。", "txt")
            .articles[0]
            .language == "zh-Hant");
  CHECK(run("The president said that the talks with China were useful and constructive.", "txt")
            .articles[0]
            .language == "en");
  CHECK(run("Путин заявил, что переговоры были полезными и конструктивными.", "txt")
            .articles[0]
            .language == "ru");
}

TEST_CASE("language detection names languages beyond the five the word lists knew") {
  struct Row {
    const char* text;
    const char* language;
  };
  const Row rows[] = {
      {"A kínai elnök telefonon beszélt az amerikai elnökkel, és a két vezető megállapodott "
       "abban, hogy folytatják a kereskedelmi tárgyalásokat a következő hetekben.",
       "hu"},
      {"Nag-usap sa telepono ang dalawang pangulo at napagkasunduan nilang ipagpatuloy ang "
       "pag-uusap tungkol sa kalakalan sa mga susunod na linggo, ayon sa pahayag.",
       "tl"},
      {"I due presidenti hanno parlato al telefono e hanno concordato di proseguire i "
       "negoziati commerciali nelle prossime settimane, secondo una nota ufficiale.",
       "it"},
      {"De twee presidenten spraken telefonisch met elkaar en kwamen overeen de "
       "handelsbesprekingen in de komende weken voort te zetten, aldus een verklaring.",
       "nl"},
      {"Obaj prezydenci rozmawiali telefonicznie i uzgodnili, że negocjacje handlowe będą "
       "kontynuowane w najbliższych tygodniach, poinformowano w komunikacie.",
       "pl"},
      {"İki lider telefonda görüştü ve ticaret müzakerelerinin önümüzdeki haftalarda devam "
       "etmesi konusunda anlaştı, açıklamada belirtildi.",
       "tr"},
      {"ఇద్దరు అధ్యక్షులు ఫోన్లో మాట్లాడారు మరియు "
       "వాణిజ్య "
       "చర్చలను "
       "కొనసాగించాలని "
       "అంగీకరించారు అని ప్రకటనలో తెలిపారు.",
       "te"},
      {"Los dos presidentes hablaron por teléfono y acordaron continuar las negociaciones "
       "comerciales en las próximas semanas, según un comunicado oficial.",
       "es"},
  };
  for (const Row& r : rows) {
    CAPTURE(std::string(r.language));
    CHECK(run(r.text, "txt").articles[0].language == r.language);
  }
}

TEST_CASE("source: credits and url hosts resolve to one canonical outlet") {
  auto out =
      run("{\"title\": \"Readout\", \"url\": \"https://www.fmprc.gov.cn/eng/wjdt/202511.html\", "
          "\"body\": \"Wang Yi said the talks were useful.\"}",
          "json");
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].source == "Ministry of Foreign Affairs of the PRC");
  // An explicit source wins, through the outlets' aliases; an unknown one is kept as given.
  out = run("{\"source\": \"外交部\", \"url\": \"https://www.state.gov/x\", \"body\": \"Text.\"}",
            "json");
  CHECK(out.articles[0].source == "Ministry of Foreign Affairs of the PRC");
  out = run("{\"source\": \"Hometown Gazette\", \"body\": \"Text here.\"}", "json");
  CHECK(out.articles[0].source == "Hometown Gazette");
  // A subdomain belongs to its outlet; an address without a scheme still names its host.
  out = run("{\"url\": \"https://filipino.cri.cn/301/2019/06/19/x.htm\", \"body\": \"Text.\"}",
            "json");
  CHECK(out.articles[0].source == "China Radio International");
  out = run("{\"url\": \"english.news.cn/20250605/x.html\", \"body\": \"Text here.\"}", "json");
  CHECK(out.articles[0].source == "Xinhua");
  // An unknown host gives its domain; an address that is not http(s) names nothing.
  out = run("{\"url\": \"HTTPS://user@News.Example.ORG:8080/a?b\", \"body\": \"Text here.\"}",
            "json");
  CHECK(out.articles[0].source == "example.org");
  out = run("{\"url\": \"https://cidade.paper.com.br/a\", \"body\": \"Text here.\"}", "json");
  CHECK(out.articles[0].source == "paper.com.br");
  // A wire credit beats the site that reposts the story: an opening "(AFP)", a credit line.
  out =
      run("{\"url\": \"https://www.townpaper.fr/a\", \"body\": \"PEKIN (AFP) - Les deux "
          "présidents se sont parlé.\\n\\nIls ont évoqué le commerce.\"}",
          "json");
  CHECK(out.articles[0].source == "AFP");
  out =
      run("{\"url\": \"https://www.town.com.gt/a\", \"body\": \"Los presidentes hablaron.\\n\\n"
          "Con información de EFE\"}",
          "json");
  CHECK(out.articles[0].source == "EFE");
  out =
      run("{\"url\": \"https://www.town.de/a\", \"body\": \"Die Präsidenten sprachen.\\n\\n"
          "Quelle: Unbekannter Dienst\"}",
          "json");
  CHECK(out.articles[0].source == "town.de");
  out = run("{\"url\": \"ftp://news.example.org/a\", \"body\": \"Text here.\"}", "json");
  CHECK(out.articles[0].source.empty());
  // A publication on a blogging platform is named by its own label; a wire opening the text.
  out = run("{\"url\": \"http://travelnotes.blogspot.com/2017/04/x.html\", \"body\": \"Text.\"}",
            "json");
  CHECK(out.articles[0].source == "travelnotes.blogspot.com");
  out =
      run("{\"url\": \"https://www.townpaper.am/en/x\", \"body\": \"Reuters. The president "
          "said the talks went well.\"}",
          "json");
  CHECK(out.articles[0].source == "Reuters");
  // Credits matched by their start or (without spaces) their end; a source label inside a line.
  out = run("东京电\n\n【ワシントン、北京共同】両国の外相が電話で会談した。\n", "txt");
  CHECK(out.articles[0].source == "Kyodo");
  out =
      run("{\"url\": \"https://portal.example.au/c/1\", \"body\": \"2023-07-11 来源: "
          "德国之声中文网 原文链接\\n\\n两国外长通电话。\"}",
          "json");
  CHECK(out.articles[0].source == "Deutsche Welle");
  out = run("{\"source\": \"新华社 2025-10-28 00:15\", \"body\": \"两国外长通电话。\"}", "json");
  CHECK(out.articles[0].source == "Xinhua");
  // A Latin name matches only as a whole word: "APEC" is not AP.
  out = run("{\"source\": \"APEC secretariat\", \"body\": \"Leaders met.\"}", "json");
  CHECK(out.articles[0].source == "APEC secretariat");
  // A dateline's agency, in any script, is the same outlet.
  out = run("新华社北京6月5日电 国家主席习近平5日晚同美国总统特朗普通电话。", "txt");
  CHECK(out.articles[0].source == "Xinhua");
}

TEST_CASE("source: credits in page chrome, brackets and hosts") {
  // A dated source line is the credit, and its date is still read.
  auto out = run(
      "{\"url\": \"http://portal.example.com.cn/a.html\", \"body\": \"首页 > 快讯\\n两国外长通电"
      "话\\n来源:新华社 2025-10-28 00:15\\n双方就两国关系交换了意见。\"}",
      "json");
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].source == "Xinhua");
  CHECK(out.articles[0].date.iso() == "2025-10-28");
  // A bracket a word runs on from is an aside; "[place=agency]" credits the agency, "[Photo/X]"
  // does not.
  out =
      run("{\"url\": \"https://www.koreapaper.example/v/1\", \"body\": \"[서울=뉴시스] 두 장관이 "
          "만났다.\\n\\n중국국제텔레비전(CGTN)은 회담이 열렸다고 전했다.\"}",
          "json");
  CHECK(out.articles[0].source == "Newsis");
  out =
      run("{\"url\": \"https://www.koreapaper.example/v/2\", \"body\": \"두 장관이 만났다.\\n\\n"
          "중국국제텔레비전(CGTN)은 회담이 열렸다고 전했다.\"}",
          "json");
  CHECK(out.articles[0].source == "koreapaper.example");
  out =
      run("{\"url\": \"https://daily.example.org/a\", \"body\": \"[Photo/Xinhua] The ministers "
          "met on Monday.\"}",
          "json");
  CHECK(out.articles[0].source == "example.org");
  // A heading that begins with a government's name is not its credit; a photo credit repeated
  // under every picture is not the story's.
  out =
      run("{\"url\": \"https://www.twnews.example/n/1\", \"body\": \"兩國元首舉行視訊會議。\\n\\n"
          "白宮聲明全文：\\n\\n兩位領袖討論了雙邊關係。\"}",
          "json");
  CHECK(out.articles[0].source == "twnews.example");
  out =
      run("{\"url\": \"https://www.gallery.example/a\", \"body\": \"Leaders shake hands\\nReuters"
          "\\n\\nThe leaders sat down\\nReuters\\n\\nA joint walk\\nReuters\\n\\nThe two "
          "sides talked for hours.\"}",
          "json");
  CHECK(out.articles[0].source == "gallery.example");
  // A repost names the original's masthead above the article, alone or before its date.
  out =
      run("{\"url\": \"https://www.mirror-archive.example/x\", \"body\": \"Donate today\\n\\n"
          "Global Times\\n\\nMinisters meet in Kuala Lumpur\\n\\nThe two foreign ministers met on "
          "Friday and talked about trade and the leaders' plans for the coming months.\"}",
          "json");
  CHECK(out.articles[0].source == "Global Times");
  out =
      run("{\"url\": \"https://www.repost.example/x\", \"body\": \"TRT Haber 30.10.2025 05:40\\n\\n"
          "Liderler Busan'da bir araya geldi.\"}",
          "json");
  CHECK(out.articles[0].source == "TRT");
  // On an outlet's own site, another outlet's name in the menus is not a credit.
  out =
      run("{\"url\": \"https://www.scmp.com/news/x\", \"body\": \"Reuters Connect\\n\\nGlobal "
          "Times\\n\\nThe two ministers met on Friday.\"}",
          "json");
  CHECK(out.articles[0].source == "South China Morning Post");
  // A name the domain cannot spell: before the site's own address, or holding its copyright.
  out =
      run("{\"url\": \"http://www.citynews.example/n/1.htm\", \"body\": \"城市新闻网 "
          "http://www.citynews.example 时间:2014-11-14 15:01\\n\\n两国元首在北京会面。\"}",
          "json");
  CHECK(out.articles[0].source == "城市新闻网");
  out =
      run("{\"url\": \"http://www.dailyflash.example/n/2.htm\", \"body\": \"两国元首在北京会面。"
          "\\n\\n某某传媒公司主办 每日快讯网版权所有\"}",
          "json");
  CHECK(out.articles[0].source == "每日快讯网");
  out =
      run("{\"url\": \"http://www.dailyflash.example/n/3.htm\", \"body\": \"Leaders met in "
          "Beijing.\\n\\nCopyright © 2024 Flash Media Holdings Inc.\"}",
          "json");
  CHECK(out.articles[0].source == "dailyflash.example");
  // A CDN host named after an outlet in its subdomain; a blog platform's host is the blog's.
  out =
      run("{\"url\": \"https://radiofreeasia-prod.web.cdnhost.example/english/x\", \"body\": "
          "\"Text here.\"}",
          "json");
  CHECK(out.articles[0].source == "Radio Free Asia");
  out = run("{\"url\": \"https://guardian.example/x\", \"body\": \"Text here.\"}", "json");
  CHECK(out.articles[0].source == "guardian.example");
  out = run("{\"url\": \"https://someone.hatenablog.com/entry/1\", \"body\": \"Text.\"}", "json");
  CHECK(out.articles[0].source == "someone.hatenablog.com");
  // A source label late in a long line of foot credits.
  out = run(
      "{\"url\": \"https://tw.portal.example/a\", \"body\": \"兩國外長今天會面。\\n\\n責任編輯: "
      "某某  來源:中央社 轉載請註明作者、出處並保持完整，謝謝合作。\"}",
      "json");
  CHECK(out.articles[0].source == "Central News Agency");
  // Chinese openings: a full-width bracket opening the paragraph, an outlet before a news marker;
  // not a bracket glossing a name, nor an outlet cited ("据...报道", "...报道称").
  auto source_of = [&](const char* text) {
    return run(std::string("{\"url\": \"https://portal.example.com/a\", \"body\": \"") + text +
                   "\"}",
               "json")
        .articles[0]
        .source;
  };
  CHECK(source_of("（中央社記者某某華盛頓15日專電）兩國元首今天通電話。") == "Central News Agency");
  CHECK(source_of("央视网消息（新闻联播）：两国元首通电话。") == "CCTV");
  CHECK(source_of("环球网报道 记者 某某 两国元首通电话。") == "Global Times");
  CHECK(source_of("中国日报网6月5日讯 两国元首通电话。") == "China Daily");
  CHECK(source_of("中国国际电视台（CGTN）报道，两国元首通电话。") == "example.com");
  CHECK(source_of("美联社报道，两国元首通电话。") == "example.com");
  CHECK(source_of("新华社报道称 两国元首通电话。") == "example.com");
  CHECK(source_of("本报讯 两国元首通电话。") == "example.com");
}

TEST_CASE("a Korean agency's photo caption is furniture and its lead is not") {
  // The photo's credit in brackets with a slash, the date at the end: a caption, even a long one.
  CHECK(readouts::is_junk_line(
      "[우드사이드=AP/뉴시스] 두 정상이 회담 전 악수하고 있다. 바이든 대통령은 \"경쟁이 갈등이 "
      "되지 "
      "않아야 한다\"라고 말했고 시 주석은 \"등을 돌릴 수는 없다\"라고 말했다. 2023.11.16."));
  // The lead opens with the agency's bracket too, without a slash or a closing date.
  CHECK_FALSE(
      readouts::is_junk_line("[서울=뉴시스] 김기자 = 바이든 대통령은 15일 시진핑 주석과의 회담에서 "
                             "진전이 있었다고 밝혔다."));
  CHECK_FALSE(readouts::is_junk_line("[서울=AP/뉴시스] 회담은 두 시간 동안 이어졌다고 밝혔다."));
}

TEST_CASE("a caption line above a photo credit line gives no date and no text") {
  const std::string text =
      "Trump et Xi se parlent au téléphone\n\n"
      "Le président américain s'est entretenu jeudi avec son homologue chinois au milieu d'une "
      "guerre commerciale, selon les médias d'État chinois.\n\n"
      "Le président parle lors d'une soirée sur la pelouse de la Maison Blanche, le 4 juin 2025.\n"
      "Jane Doe / EPA-EFE / Shutterstock\n"
      "Vendredi dernier, il a déclaré que la trêve avait été violée sans fournir de détails.\n";
  auto out = run(text, "txt");
  REQUIRE(out.articles.size() == 1);
  const auto& a = out.articles[0];
  CHECK_FALSE(a.date.known());
  for (const auto& p : a.passages) {
    CHECK(p.text.find("pelouse") == std::string::npos);
    CHECK(p.text.find("Shutterstock") == std::string::npos);
  }
  CHECK(readouts::photo_credit_line("Jane Doe/Getty Images"));
  CHECK_FALSE(readouts::photo_credit_line("Reporting by Jane Doe; editing by John Roe."));
  CHECK_FALSE(readouts::photo_credit_line("Trade / tariffs / talks"));
}
