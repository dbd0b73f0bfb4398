// End to end: index fixtures with the real binary, serve them in-process, query over HTTP.
#include <doctest/doctest.h>
#include <xapian.h>

#include <chrono>
#include <fstream>

#include "shared/core/schema.h"
#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

TEST_CASE("search over HTTP finds the seed first for the issue's query") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  auto indexed = index_paths(db, quote(fixtures("integration")));
  INFO(indexed.output);
  REQUIRE(indexed.status == 0);
  TestServer server(db);

  int status = 0;
  json health = get_json(server, "/healthz", &status);
  CHECK(status == 200);
  CHECK(health["articles"] == 4);

  json r = get_json(server, "/api/search?q=Taiwan,+Xi,+2025", &status);
  INFO(r.dump(2));
  REQUIRE(status == 200);
  REQUIRE(r["results"].size() >= 1);
  const json& first = r["results"][0];
  CHECK(first["date"] == "2025-11-24");
  CHECK(first["origin"].get<std::string>().find("seed.txt") != std::string::npos);
  auto speakers = first["speakers"].get<std::vector<std::string>>();
  CHECK(std::find(speakers.begin(), speakers.end(), "Xi Jinping") != speakers.end());
  CHECK(std::find(speakers.begin(), speakers.end(), "Donald J. Trump") != speakers.end());
  CHECK(r["interpreted"]["speakers"] == json::array({"Xi Jinping"}));
  CHECK(r["interpreted"]["from"] == "2025-01-01");
  CHECK(r["interpreted"]["to"] == "2025-12-31");
  CHECK(first["snippet"].get<std::string>().find("<mark>") != std::string::npos);
  // Only 2025 articles can match.
  for (const auto& hit : r["results"]) CHECK(hit["date"].get<std::string>().starts_with("2025"));
}

TEST_CASE("over the shipped corpus, Xi's 2025 readouts about Taiwan come first") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  const auto corpus = std::filesystem::path(READOUTS_TEST_DIR).parent_path() / "corpus";
  auto indexed = index_paths(db, quote(corpus.string()));
  INFO(indexed.output);
  REQUIRE(indexed.status == 0);
  TestServer server(db);

  int status = 0;
  json r = get_json(server, "/api/search?q=Taiwan,+Xi,+2025&per_page=20", &status);
  REQUIRE(status == 200);
  auto has = [](const json& list, const std::string& v) {
    for (const auto& x : list)
      if (x == v) return true;
    return false;
  };
  // Xi's own accounts about Taiwan: Xi speaks, the article is about Taiwan, dated 2025.
  auto xi_on_taiwan = [&](const json& hit) {
    return has(hit["speakers"], "Xi Jinping") && has(hit["topics"], "taiwan") &&
           hit["date"].get<std::string>().starts_with("2025");
  };
  size_t leading = 0;
  while (leading < r["results"].size() && xi_on_taiwan(r["results"][leading])) ++leading;
  INFO(r.dump(1));
  CHECK(leading >= 4);
  // None of them appears after an article that is not one of them.
  for (size_t i = leading; i < r["results"].size(); ++i) CHECK_FALSE(xi_on_taiwan(r["results"][i]));
  CHECK(r["interpreted"]["speakers"] == json::array({"Xi Jinping"}));
  CHECK(r["interpreted"]["text"] == "Taiwan");
}

TEST_CASE("articles similar stats and facets answer over HTTP") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  REQUIRE(index_paths(db, quote(fixtures("integration"))).status == 0);
  TestServer server(db);
  int status = 0;

  json article = get_json(server, "/api/articles/fixture-woodside-wh", &status);
  CHECK(status == 200);
  CHECK(article["title"] == "Biden and Xi meet at Filoli estate in Woodside");
  CHECK(article["passages"].size() >= 2);

  json similar = get_json(server, "/api/articles/fixture-woodside-wh/similar", &status);
  CHECK(status == 200);
  for (const auto& hit : similar["results"]) CHECK(hit["id"] != "fixture-woodside-wh");

  json stats = get_json(server, "/api/stats", &status);
  CHECK(status == 200);
  CHECK(stats["articles"] == 4);
  CHECK(stats["first_date"] == "2021-11-16");
  CHECK(stats["last_date"] == "2025-11-24");

  json all = get_json(server, "/api/search?q=&speaker=Joe+Biden", &status);
  CHECK(status == 200);
  CHECK(all["total"] == 2);
  bool has_year = false;
  for (const auto& y : all["facets"]["year"]) has_year |= y["value"] == "2023";
  CHECK(has_year);

  json chinese = get_json(server, "/api/search?q=%E5%8F%B0%E6%B9%BE", &status);  // 台湾
  CHECK(status == 200);
  REQUIRE(chinese["results"].size() >= 1);
  CHECK(chinese["results"][0]["id"] == "fixture-call-zh");
}

TEST_CASE("user mistakes get 4xx JSON errors never 500") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  REQUIRE(index_paths(db, quote(fixtures("integration"))).status == 0);
  TestServer server(db);
  struct Case {
    const char* path;
    int status;
  };
  const Case cases[] = {
      {"/api/search?q=taiwan&page=0", 400},
      {"/api/search?q=taiwan&per_page=5000", 400},
      {"/api/search?q=taiwan&from=2025-13", 400},
      {"/api/search?q=taiwan&from=2025&to=2024", 400},
      {"/api/search?q=taiwan&sort=sideways", 400},
      {"/api/search?q=taiwan&spaeker=xi", 400},
      {"/api/search?q=%FF%FE", 400},
      {"/api/search?q=taiwan&page=abc", 400},
      {"/api/articles/no-such-article", 404},
      {"/api/articles/bad%20id", 400},
      {"/no/such/page", 404},
      {"/../../etc/passwd", 404},
      {"/%2e%2e/%2e%2e/etc/passwd", 404},
  };
  for (const auto& c : cases) {
    auto client = server.client();
    auto res = client.Get(c.path);
    REQUIRE_MESSAGE(res, c.path);
    CHECK_MESSAGE(res->status == c.status, c.path);
    json body = json::parse(res->body, nullptr, false);
    CHECK_MESSAGE(body.contains("error"), c.path);
    CHECK_MESSAGE(!res->has_header("EXCEPTION_WHAT"), c.path);
    CHECK_MESSAGE(res->get_header_value("X-Content-Type-Options") == "nosniff", c.path);
  }
  // The message gives the limit that applies, not the parser's bounds.
  int status = 0;
  json zero = get_json(server, "/api/search?q=taiwan&per_page=0", &status);
  CHECK(status == 400);
  CHECK(zero["error"]["message"] == "per_page must be between 1 and 100");
  auto client = server.client();
  auto post = client.Post("/api/search", "x", "text/plain");
  REQUIRE(post);
  CHECK(post->status >= 400);
  CHECK(post->status < 500);
}

TEST_CASE("adding the same files again changes nothing") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  REQUIRE(index_paths(db, quote(fixtures("integration"))).status == 0);
  auto again = index_paths(db, quote(fixtures("integration")));
  INFO(again.output);
  CHECK(again.status == 0);
  CHECK(again.output.find("added 0, replaced 0, unchanged 4") != std::string::npos);
  auto list = run_command(std::string(READOUTS_INDEX_BIN) + " list --db " + quote(db.string()));
  CHECK(std::count(list.output.begin(), list.output.end(), '\n') == 4);
}

TEST_CASE("a changed file replaces its article") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  auto file = tmp.path() / "a.md";
  {
    std::ofstream(file) << "---\nid: changing\ntitle: First title\ndate: 2024-04-26\n---\n\n"
                           "Blinken said the talks were candid.\n";
  }
  REQUIRE(index_paths(db, quote(file.string())).status == 0);
  {
    std::ofstream(file) << "---\nid: changing\ntitle: Second title\ndate: 2024-04-26\n---\n\n"
                           "Blinken said the talks were constructive.\n";
  }
  auto second = index_paths(db, quote(file.string()));
  INFO(second.output);
  CHECK(second.output.find("added 0, replaced 1") != std::string::npos);
  Xapian::Database x(db.string());
  CHECK(x.get_doccount() == 1);
}

TEST_CASE("the server refuses a database of another schema version") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  {
    Xapian::WritableDatabase w(db.string(), Xapian::DB_CREATE_OR_OPEN);
    w.set_metadata(std::string(readouts::schema::kVersionKey), "999");
    Xapian::Document d;
    d.add_boolean_term("Qx");
    w.add_document(d);
    w.commit();
  }
  auto r = run_command(std::string(READOUTS_SERVER_BIN) + " --port 0 --db " + quote(db.string()));
  CHECK(r.status == 3);
  CHECK(r.output.find("schema version 999") != std::string::npos);
  auto add = index_paths(db, quote(fixtures("integration")));
  CHECK(add.status == 3);
  CHECK(add.output.find("schema version 999") != std::string::npos);
}

TEST_CASE("articles indexed while the server runs are found without a restart") {
  TempDir tmp;
  auto db = tmp.path() / "db";
  REQUIRE(index_paths(db, quote(fixtures("integration/seed.txt"))).status == 0);
  TestServer server(db);
  int status = 0;
  CHECK(get_json(server, "/api/search?q=Woodside", &status)["total"] == 0);
  REQUIRE(index_paths(db, quote(fixtures("integration/2023-11-15-woodside-wh.md"))).status == 0);
  json r = get_json(server, "/api/search?q=Woodside", &status);
  CHECK(status == 200);
  CHECK(r["total"] == 1);
}
