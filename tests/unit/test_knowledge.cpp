// Knowledge: parsing and merging the data files, lookups, and loading from folders.
#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"

namespace {

namespace fs = std::filesystem;

const char* kPeople = R"({"people": [
  {"id": "xi_jinping", "name": "Xi Jinping", "country": "CN", "aliases": ["Xi", "习近平"],
   "titles": [{"title": "the Chinese president", "from": "2013-03-14"}]},
  {"id": "a", "name": "Alpha One", "aliases": ["Shared"]},
  {"id": "b", "name": "Beta Two", "aliases": ["Shared"]}
]})";

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/readouts-knowledge-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

}  // namespace

TEST_CASE("people json is parsed and looked up") {
  readouts::Knowledge k;
  REQUIRE(k.add_people_json(kPeople, "people.json").ok());
  REQUIRE(k.find_person("xi") != nullptr);
  CHECK(k.find_person("XI")->name == "Xi Jinping");
  CHECK(k.find_person("习近平")->id == "xi_jinping");
  CHECK(k.find_person("  Xi   Jinping ") != nullptr);
  CHECK(k.find_person("Shared") == nullptr);  // ambiguous: names neither
  CHECK(k.find_person_by_title("The Chinese President", "2020-01-01")->name == "Xi Jinping");
  CHECK(k.find_person_by_title("the Chinese president", "2010-01-01") == nullptr);
  CHECK(k.person_by_name("Beta Two") != nullptr);
  CHECK(readouts::fold_name(" U.S.  President ") == "us president");
}

TEST_CASE("data file errors name the file and the problem and merge nothing") {
  struct Row {
    const char* json;
    const char* reason;
  };
  const Row rows[] = {
      {"{", "invalid JSON"},
      {"{\"x\": 1}", "expected an array"},
      {"[{\"name\": \"No Id\"}]", "missing \"id\""},
      {"[{\"id\": \"x\", \"name\": \"X\", \"aliases\": \"X\"}]", "\"aliases\" must be an array"},
      {"[{\"id\": \"x\", \"name\": \"X\", \"titles\": [{\"title\": \"t\", \"from\": \"2020\"}]}]",
       "YYYY-MM-DD"},
  };
  for (const Row& r : rows) {
    std::string json = r.json;
    CAPTURE(json);
    readouts::Knowledge k;
    auto s = k.add_people_json(r.json, "extra/people.json");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.find("extra/people.json") == 0);
    CHECK(s.error().message.find(r.reason) != std::string::npos);
    CHECK(k.people().empty());
  }
  readouts::Knowledge k;
  CHECK_FALSE(
      k.add_topics_json("[{\"id\": \"t\", \"terms\": [{\"text\": \"x\", \"weight\": \"a\"}]}]",
                        "topics.json")
          .ok());
  CHECK_FALSE(k.add_synonyms_text("lonely\n", "synonyms.txt").ok());
}

TEST_CASE("later data replaces entries with the same id") {
  readouts::Knowledge k;
  REQUIRE(k.add_people_json(kPeople, "a").ok());
  REQUIRE(k.add_people_json(R"([{"id": "xi_jinping", "name": "Xi Jinping", "aliases": ["XJP"]},
                                {"id": "c", "name": "Gamma Three"}])",
                            "b")
              .ok());
  CHECK(k.people().size() == 4);
  CHECK(k.find_person("XJP") != nullptr);
  CHECK(k.find_person("Xi") == nullptr);  // the replaced entry's aliases are gone
  REQUIRE(k.add_topics_json(R"({"topics": [{"id": "taiwan", "label": "Taiwan", "label_zh": "台湾",
                                  "terms": ["taiwan", {"text": "台湾问题", "weight": 3}]}]})",
                            "t")
              .ok());
  CHECK(k.find_topic("TAIWAN")->id == "taiwan");
  CHECK(k.find_topic("台湾")->id == "taiwan");
  CHECK(k.find_topic("nope") == nullptr);
  REQUIRE(k.add_synonyms_text("# comment\n\nprc, China, 中国\nus, usa\n", "s").ok());
  REQUIRE(k.add_synonyms_text("prc, people's republic of china\n", "s2").ok());
  REQUIRE(k.synonyms().size() == 2);
  CHECK(k.synonyms()[0].terms == std::vector<std::string>{"prc", "people's republic of china"});
  CHECK(k.synonyms()[1].terms == std::vector<std::string>{"us", "usa"});
}

TEST_CASE("the default data files load and cover the people a China watcher needs") {
  auto loaded = readouts::load_knowledge({readouts::default_data_dir()});
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  const auto& k = loaded.value();
  const char* aliases[][2] = {{"习主席", "Xi Jinping"},
                              {"習近平", "Xi Jinping"},
                              {"川普", "Donald J. Trump"},
                              {"President Trump", "Donald J. Trump"},
                              {"拜登", "Joe Biden"},
                              {"歐巴馬", "Barack Obama"},
                              {"王毅", "Wang Yi"},
                              {"布林肯", "Antony Blinken"},
                              {"盧比歐", "Marco Rubio"},
                              {"貝森特", "Scott Bessent"},
                              {"何立峰", "He Lifeng"},
                              {"李成钢", "Li Chenggang"},
                              {"毛寧", "Mao Ning"},
                              {"林劍", "Lin Jian"},
                              {"葉倫", "Janet Yellen"},
                              {"蘇利文", "Jake Sullivan"},
                              {"賀錦麗", "Kamala Harris"},
                              {"李強", "Li Qiang"},
                              {"刘鹤", "Liu He"},
                              {"杨洁篪", "Yang Jiechi"},
                              {"秦刚", "Qin Gang"},
                              {"王文涛", "Wang Wentao"},
                              {"格里尔", "Jamieson Greer"},
                              {"莱特希泽", "Robert Lighthizer"},
                              {"姆努钦", "Steven Mnuchin"},
                              {"蓬佩奥", "Mike Pompeo"},
                              {"蒂勒森", "Rex Tillerson"},
                              {"奥斯汀", "Lloyd Austin"},
                              {"董军", "Dong Jun"},
                              {"华春莹", "Hua Chunying"},
                              {"赵立坚", "Zhao Lijian"},
                              {"汪文斌", "Wang Wenbin"},
                              {"郭嘉昆", "Guo Jiakun"},
                              {"Karine Jean-Pierre", "Karine Jean-Pierre"},
                              {"Leavitt", "Karoline Leavitt"},
                              {"Lutnick", "Howard Lutnick"},
                              {"Raimondo", "Gina Raimondo"},
                              {"普京", "Vladimir Putin"},
                              {"Ishiba", "Shigeru Ishiba"},
                              {"高市早苗", "Sanae Takaichi"},
                              {"賴清德", "Lai Ching-te"},
                              {"蔡英文", "Tsai Ing-wen"},
                              {"佩洛西", "Nancy Pelosi"},
                              {"金正恩", "Kim Jong Un"},
                              {"泽连斯基", "Volodymyr Zelensky"},
                              {"Yoon Suk Yeol", "Yoon Suk Yeol"},
                              {"Lee Jae-myung", "Lee Jae-myung"},
                              {"Albanese", "Anthony Albanese"},
                              {"Shehbaz Sharif", "Shehbaz Sharif"},
                              {"Li Keqiang", "Li Keqiang"},
                              {"John Kerry", "John Kerry"}};
  for (const auto& row : aliases) {
    std::string alias = row[0];
    CAPTURE(alias);
    const readouts::Person* p = k.find_person(row[0]);
    REQUIRE(p != nullptr);
    CHECK(p->name == row[1]);
  }
  for (const char* ambiguous : {"Li", "Wang", "Harris", "He", "Mao", "Kim", "Lee", "克里"})
    CHECK(k.find_person(ambiguous) == nullptr);
  for (const char* id : {"taiwan",
                         "trade_tariffs",
                         "fentanyl",
                         "ukraine",
                         "technology_export_controls",
                         "north_korea",
                         "south_china_sea",
                         "climate",
                         "human_rights",
                         "hong_kong",
                         "xinjiang",
                         "tibet",
                         "military_communication",
                         "covid",
                         "agriculture",
                         "people_to_people",
                         "ww2_history",
                         "middle_east",
                         "ai",
                         "iran",
                         "japan"}) {
    std::string topic = id;
    CAPTURE(topic);
    const readouts::Topic* t = k.find_topic(id);
    REQUIRE(t != nullptr);
    CHECK(!t->label_zh.empty());
    CHECK(t->terms.size() >= 3);
  }
  CHECK(k.synonyms().size() >= 10);
}

TEST_CASE("extra data folders extend the defaults") {
  TempDir extra;
  extra.write("people.json",
              R"([{"id": "john_smith", "name": "John Q. Smith", "aliases": ["Smith"]}])");
  auto loaded = readouts::load_knowledge({readouts::default_data_dir(), extra.path});
  REQUIRE(loaded.ok());
  CHECK(loaded.value().find_person("Smith") != nullptr);
  CHECK(loaded.value().find_person("Xi") != nullptr);
  auto out = readouts::extract_articles("Smith said the talks were useful.\n",
                                        {"a.txt", "txt", "s"}, loaded.value(), {});
  REQUIRE(out.articles.size() == 1);
  CHECK(out.articles[0].speakers == std::vector<std::string>{"John Q. Smith"});

  TempDir incomplete;  // the first folder must have all three files
  auto missing = readouts::load_knowledge({incomplete.path});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("people.json") != std::string::npos);
  auto nodir = readouts::load_knowledge({readouts::default_data_dir(), "/nonexistent/readouts"});
  CHECK_FALSE(nodir.ok());
  extra.write("topics.json", "{ broken");
  auto broken = readouts::load_knowledge({readouts::default_data_dir(), extra.path});
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().message.find("topics.json") != std::string::npos);
}

TEST_CASE("READOUTS_DATA_DIR overrides the default data folder") {
  const char* old = std::getenv("READOUTS_DATA_DIR");
  std::string saved = old ? old : "";
  ::setenv("READOUTS_DATA_DIR", "/some/where", 1);
  CHECK(readouts::default_data_dir() == fs::path("/some/where"));
  if (old) {
    ::setenv("READOUTS_DATA_DIR", saved.c_str(), 1);
  } else {
    ::unsetenv("READOUTS_DATA_DIR");
  }
  CHECK(readouts::default_data_dir() != fs::path("/some/where"));
}

TEST_CASE("word lists beside the topics are read, merged and checked") {
  readouts::Knowledge k;
  REQUIRE(k.add_topics_json(R"({"topics": [], "account_words": ["обсуди*"], "negators": ["не"]})",
                            "a/topics.json")
              .ok());
  REQUIRE(
      k.add_topics_json(R"({"topics": [], "negators": ["не", "nicht"]})", "b/topics.json").ok());
  CHECK(k.account_words() == std::vector<std::string>{"обсуди*"});
  CHECK(k.negators() == std::vector<std::string>{"не", "nicht"});
  auto bad = k.add_topics_json(R"({"topics": [], "negation_words": "x"})", "c/topics.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("\"negation_words\" must be an array") != std::string::npos);
}

TEST_CASE("an event's group takes its venue's names, not a seat of government's") {
  readouts::Knowledge k;
  REQUIRE(k.add_places_json(R"({"places": [
      {"id": "harborcity", "kind": "city", "country": "US", "stands_for_government": true,
       "names": {"en": ["Harbor City", "the harbor capital"]}},
      {"id": "cove-estate", "kind": "estate", "country": "US",
       "names": {"en": ["Cove Estate", "the cove retreat"]}}]})",
                            "places.json")
              .ok());
  REQUIRE(k.add_events_json(R"({"events": [
      {"id": "accord-2030", "kind": "agreement", "from": "2030-01-02", "to": "2030-01-02",
       "place": "harborcity", "names": {"en": ["stage one accord", "stage one pact"]}},
      {"id": "cove-2031", "kind": "summit", "from": "2031-06-07", "to": "2031-06-08",
       "place": "cove-estate", "names": {"en": ["cove summit", "summit at the cove"]}}]})",
                            "events.json")
              .ok());
  auto group = [&](const std::string& id) -> const readouts::SynonymGroup* {
    for (const auto& g : k.synonyms())
      if (g.id == id) return &g;
    return nullptr;
  };
  auto has = [](const readouts::SynonymGroup* g, const std::string& term) {
    return std::find(g->terms.begin(), g->terms.end(), term) != g->terms.end();
  };
  const auto* accord = group("event:accord-2030");
  const auto* cove = group("event:cove-2031");
  REQUIRE(accord != nullptr);
  REQUIRE(cove != nullptr);
  CHECK(has(cove, "cove estate"));
  CHECK(!has(accord, "harbor city"));
  CHECK(group("place:harborcity")->spans.empty());
  CHECK(group("place:cove-estate")->spans.size() == 1);
}
