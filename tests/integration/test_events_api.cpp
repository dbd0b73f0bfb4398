// Events over the default corpus: accounts of one exchange grouped at index time, the event id
// on articles and results, GET /api/events/{id}, and `readouts-index events`.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

// The White House's and the Chinese Foreign Ministry's accounts of one call (ids wh, mfa),
// indexed into root/db.
std::filesystem::path index_two_accounts(const std::filesystem::path& root) {
  return index_articles(
      root, {{"wh.md",
              "---\ntitle: Readout of the call\ndate: 2025-06-05\nsource: The White House\n"
              "id: wh\n---\nPresident Donald J. Trump spoke by phone with President Xi "
              "Jinping of China. Trump said the talks on trade went well.\n"},
             {"mfa.md",
              "---\ntitle: Xi Jinping holds phone call with Trump\ndate: 2025-06-05\n"
              "source: Ministry of Foreign Affairs of the PRC\nid: mfa\n---\nXi Jinping "
              "said on the phone that the two sides should manage differences. Trump said "
              "he respects China.\n"}});
}

}  // namespace

TEST_CASE("the seed's call is one event with both governments' accounts") {
  TestServer server(corpus_db());
  int status = 0;
  const json seed = get_json(server, "/api/articles/221b15d499ecbf3e", &status);
  REQUIRE(status == 200);
  REQUIRE(seed["event"].is_string());
  const std::string event = seed["event"];
  CHECK(event == "2025-11-24-call-donald-j-trump-xi-jinping");
  const json e = get_json(server, "/api/events/" + event, &status);
  REQUIRE(status == 200);
  CHECK(e["kind"] == "call");
  CHECK(e["place"].is_null());  // a call has no place
  CHECK(e["china"][0] == "Xi Jinping");
  CHECK(e["us"][0] == "Donald J. Trump");
  std::set<std::string> sides, languages, ids;
  for (const auto& a : e["accounts"]) {
    sides.insert(a["side"].get<std::string>());
    languages.insert(a["language"].get<std::string>());
    ids.insert(a["id"].get<std::string>());
  }
  CHECK(sides.count("china_government"));
  CHECK(sides.count("us_government"));
  CHECK(languages.count("en"));
  CHECK(languages.count("zh-Hans"));
  CHECK(ids.count("221b15d499ecbf3e"));
  // The Busan meeting a month before is another event.
  CHECK(!ids.count("2025-11-01-busan-fact-sheet-wh"));
  CHECK(e["topics_by_side"]["china_government"].size() > 0);
  // Search results carry the event and whose account each is.
  const json r = search_api(server, "q=Trump%20Xi%20call%20November%202025");
  bool found = false;
  for (const auto& h : r["results"]) {
    if (h["event"] != event) continue;
    found = true;
    CHECK(h["side"].is_string());
  }
  CHECK(found);
}

TEST_CASE("event ids: 404 JSON for an unknown one, 400 for a malformed one") {
  TestServer server(corpus_db());
  int status = 0;
  json e = get_json(server, "/api/events/no-such-event", &status);
  CHECK(status == 404);
  CHECK(e["error"]["code"] == "not_found");
  e = get_json(server, "/api/events/bad%20id", &status);
  CHECK(status == 400);
  CHECK(e["error"]["message"].get<std::string>().find("event ids") != std::string::npos);
}

TEST_CASE("removing an account regroups its event, and `readouts-index events` lists events") {
  TempDir tmp;
  const auto db = index_two_accounts(tmp.path());
  REQUIRE(!db.empty());
  CommandResult listed =
      run_command(std::string(READOUTS_INDEX_BIN) + " events --json --db " + quote(db.string()));
  REQUIRE(listed.status == 0);
  json events = json::parse(listed.output)["events"];
  REQUIRE(events.size() == 1);
  CHECK(events[0]["accounts"].size() == 2);
  const std::string id = events[0]["id"];
  CHECK(id == "2025-06-05-call-donald-j-trump-xi-jinping");
  CommandResult removed =
      run_command(std::string(READOUTS_INDEX_BIN) + " remove --db " + quote(db.string()) + " mfa");
  REQUIRE(removed.status == 0);
  listed =
      run_command(std::string(READOUTS_INDEX_BIN) + " events --json --db " + quote(db.string()));
  events = json::parse(listed.output)["events"];
  REQUIRE(events.size() == 1);
  CHECK(events[0]["accounts"].size() == 1);
  CHECK(events[0]["accounts"][0]["id"] == "wh");
}

TEST_CASE("group=event gives one result per event, with its number of accounts") {
  TestServer server(corpus_db());
  const json all = search_api(server, "q=Xi%20Trump%20call&per_page=50");
  const json grouped = search_api(server, "q=Xi%20Trump%20call&per_page=50&group=event");
  std::set<std::string> events;
  size_t with_event = 0;
  for (const auto& h : grouped["results"]) {
    if (!h["event"].is_string()) continue;
    ++with_event;
    CHECK(events.insert(h["event"].get<std::string>()).second);  // no event twice
  }
  CHECK(with_event > 3);
  CHECK(grouped["results"].size() < all["results"].size());
  bool seed_event = false;
  for (const auto& h : grouped["results"])
    if (h["event"] == "2025-11-24-call-donald-j-trump-xi-jinping") {
      seed_event = true;
      CHECK(h["event_accounts"] == 4);
    }
  CHECK(seed_event);
  int status = 0;
  get_json(server, "/api/search?q=x&group=topic", &status);
  CHECK(status == 400);
}

TEST_CASE("GET /api/events: the events whose accounts match, with search filters and paging") {
  TestServer server(corpus_db());
  int status = 0;
  const json r = get_json(server, "/api/events?from=2025-11-01&to=2025-11-30&per_page=20", &status);
  REQUIRE(status == 200);
  REQUIRE(r["events"].is_array());
  std::set<std::string> ids;
  for (const auto& e : r["events"]) {
    ids.insert(e["id"].get<std::string>());
    CHECK(!e.contains("comparison"));
    CHECK(e["best"]["event"] == e["id"]);
    CHECK(e["accounts"].size() >= 1);
  }
  CHECK(ids.count("2025-11-24-call-donald-j-trump-xi-jinping"));
  CHECK(ids.size() == r["events"].size());  // one entry per event
  CHECK(r["total"] == r["events"].size());
  CHECK(r.contains("facets"));
  // The Busan meeting of 30 October, where its accounts and data/events.json say.
  const json busan = get_json(server, "/api/events?q=Busan&from=2025-10-01&to=2025-10-31", &status);
  REQUIRE(status == 200);
  bool met = false;
  for (const auto& e : busan["events"])
    if (e["kind"] == "meeting" && e["place"].is_object())
      met |= e["place"]["id"] == "busan" && e["place"]["name"] == "Busan";
  CHECK(met);
  // A search narrows them: Ukraine was raised in the November call, not at Busan's fact sheet.
  const json ukraine = get_json(server, "/api/events?q=Ukraine&from=2025-10-01", &status);
  REQUIRE(status == 200);
  bool call = false;
  for (const auto& e : ukraine["events"])
    call |= e["id"] == "2025-11-24-call-donald-j-trump-xi-jinping";
  CHECK(call);
  get_json(server, "/api/events?bogus=1", &status);
  CHECK(status == 400);
}

TEST_CASE("event_corrections.json in a --data folder moves an article out of its event") {
  TempDir tmp;
  const auto db = index_two_accounts(tmp.path());
  REQUIRE(!db.empty());
  const auto data = tmp.path() / "data";
  std::filesystem::create_directories(data);
  std::ofstream(data / "event_corrections.json")
      << R"({"corrections": [{"article": "mfa", "event": null}]})";
  const CommandResult regrouped = run_command(
      std::string(READOUTS_INDEX_BIN) + " add --quiet --db " + quote(db.string()) + " --data " +
      quote(data.string()) + " " + quote((tmp.path() / "articles").string()));
  INFO(regrouped.output);
  REQUIRE(regrouped.status == 0);
  const CommandResult listed =
      run_command(std::string(READOUTS_INDEX_BIN) + " events --json --db " + quote(db.string()));
  const json events = json::parse(listed.output)["events"];
  REQUIRE(events.size() == 1);
  REQUIRE(events[0]["accounts"].size() == 1);
  CHECK(events[0]["accounts"][0]["id"] == "wh");
  // A malformed corrections file is refused with its name and what to write.
  std::ofstream(data / "event_corrections.json") << R"({"corrections": [{"article": "mfa"}]})";
  const CommandResult bad = run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " +
                                        quote(db.string()) + " --data " + quote(data.string()) +
                                        " " + quote((tmp.path() / "articles").string()));
  CHECK(bad.status != 0);
  CHECK(bad.output.find("event_corrections.json") != std::string::npos);
}

TEST_CASE("GET /api/events: event_timeline counts each event once, in its month") {
  TempDir tmp;
  // Two accounts of the call of 5 June 2025 (one event) and another call in April 2024.
  const auto db = index_articles(
      tmp.path(),
      {{"wh.md",
        "---\ntitle: Readout of the call\ndate: 2025-06-05\nsource: The White House\nid: wh\n"
        "---\nPresident Donald J. Trump spoke by phone with President Xi Jinping of China.\n"},
       {"mfa.md",
        "---\ntitle: Xi Jinping holds phone call with Trump\ndate: 2025-06-05\n"
        "source: Ministry of Foreign Affairs of the PRC\nid: mfa\n---\nXi Jinping said on the "
        "phone that the two sides should manage differences. Trump said he respects China.\n"},
       {"april.md",
        "---\ntitle: Readout of the call with President Xi\ndate: 2024-04-02\n"
        "source: The White House\nid: april\n---\nPresident Joe Biden spoke by phone with "
        "President Xi Jinping of China.\n"}});
  REQUIRE(!db.empty());
  TestServer server(db);
  int status = 0;
  const json all = get_json(server, "/api/events", &status);
  REQUIRE(status == 200);
  INFO(all.dump(1).substr(0, 3000));
  CHECK(all["total"] == 2);
  CHECK(all["timeline"] == json::parse(R"([{"period": "2024-04", "count": 1},
                                           {"period": "2025-06", "count": 2}])"));
  CHECK(all["event_timeline"] == json::parse(R"([{"period": "2024-04", "count": 1},
                                                 {"period": "2025-06", "count": 1}])"));
  // A bar's month as the date range lists that bar's events.
  const json june = get_json(server, "/api/events?from=2025-06&to=2025-06", &status);
  REQUIRE(status == 200);
  REQUIRE(june["events"].size() == 1);
  CHECK(june["events"][0]["id"] == "2025-06-05-call-donald-j-trump-xi-jinping");
  CHECK(june["event_timeline"] == json::parse(R"([{"period": "2025-06", "count": 1}])"));
  // The words narrow what is counted: only the June call has an account saying "differences".
  const json words = get_json(server, "/api/events?q=differences", &status);
  CHECK(words["event_timeline"] == json::parse(R"([{"period": "2025-06", "count": 1}])"));
  // /api/search does not count events.
  CHECK(!search_api(server, "q=Xi&group=event").contains("event_timeline"));
}

TEST_CASE("event_timeline over the default corpus: no event twice, no more than its accounts") {
  TestServer server(corpus_db());
  int status = 0;
  const json r = get_json(server, "/api/events?per_page=100", &status);
  REQUIRE(status == 200);
  std::map<std::string, uint64_t> accounts;
  for (const auto& b : r["timeline"]) accounts[b["period"]] = b["count"];
  uint64_t events = 0;
  std::string busiest;
  uint64_t most = 0;
  for (const auto& b : r["event_timeline"]) {
    const uint64_t n = b["count"];
    CHECK(n <= accounts[b["period"]]);
    events += n;
    if (n > most) {
      most = n;
      busiest = b["period"];
    }
  }
  CHECK(events > 0);
  CHECK(events <= r["total"].get<uint64_t>());
  REQUIRE(!busiest.empty());
  // The busiest month's events, listed with it as the range: at least its bar's count, and then
  // every one of them in that month's bar.
  const json month =
      get_json(server, "/api/events?per_page=100&from=" + busiest + "&to=" + busiest, &status);
  REQUIRE(status == 200);
  CHECK(month["total"].get<uint64_t>() >= most);
  REQUIRE(month["event_timeline"].size() == 1);
  CHECK(month["event_timeline"][0]["period"] == busiest);
  CHECK(month["event_timeline"][0]["count"] == month["total"]);
}
