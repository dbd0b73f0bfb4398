// GET /api/trends over the default corpus: each count equals the series' search results dated in
// that period (listed page by page), per_1000 divides by the period's articles; bad parameters 400.
#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <string>

#include "tests/integration/test_helpers.h"

using namespace readouts::testing;
using nlohmann::json;

namespace {

uint64_t total_of(const TestServer& server, const std::string& params) {
  const json r = search_api(server, params + "&per_page=1");
  CHECK(r["total_exact"] == true);
  return r["total"].get<uint64_t>();
}

// The search's results per period (the first `width` characters of their dates: 4 a year, 7 a
// month; dates less precise than that are not counted), read from every page of its results.
std::map<std::string, uint64_t> listed_per_period(const TestServer& server,
                                                  const std::string& params, size_t width) {
  std::map<std::string, uint64_t> out;
  for (int page = 1;; ++page) {
    const json r =
        search_api(server, params + "&sort=date&per_page=100&page=" + std::to_string(page));
    for (const auto& hit : r["results"]) {
      const std::string date = hit["date"].is_string() ? hit["date"].get<std::string>() : "";
      if (date.size() >= width) ++out[date.substr(0, width)];
    }
    if (r["results"].size() < 100) break;
  }
  return out;
}

std::string encoded(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("trend counts equal the series' results per period") {
  TestServer server(corpus_db());
  int status = 0;
  const json years = get_json(server, "/api/trends?q=Taiwan&q=trade&by=year&normalize=1", &status);
  REQUIRE(status == 200);
  REQUIRE(years["series"].size() == 2);
  CHECK(years["by"] == "year");
  size_t checked = 0;
  for (const auto& s : years["series"]) {
    const std::string q = s["q"];
    CHECK(s["total"].get<uint64_t>() == total_of(server, "q=" + q));
    const auto listed = listed_per_period(server, "q=" + q, 4);
    CHECK(s["points"].size() == listed.size());
    for (const auto& p : s["points"]) {
      const std::string y = p["period"];
      const uint64_t count = p["count"];
      INFO(q << " " << y);
      CHECK(count == (listed.count(y) ? listed.at(y) : 0));
      const uint64_t all = total_of(server, "from=" + y + "&to=" + y);
      CHECK(p["per_1000"].get<double>() == doctest::Approx(1000.0 * count / all));
      ++checked;
    }
  }
  CHECK(checked > 2);

  const json months =
      get_json(server, "/api/trends?q=Taiwan&by=month&split=speaker&from=2025", &status);
  REQUIRE(status == 200);
  REQUIRE(months["series"].size() > 1);
  CHECK(months["series"].size() <= 6);
  for (const auto& s : months["series"]) {
    const std::string who = "&speaker=" + encoded(s["split_value"].get<std::string>());
    const auto listed = listed_per_period(server, "q=Taiwan&from=2025" + who, 7);
    CHECK(s["points"].size() == listed.size());
    for (const auto& p : s["points"]) {
      const std::string m = p["period"];
      INFO(who << " " << m);
      CHECK(p["count"].get<uint64_t>() == (listed.count(m) ? listed.at(m) : 0));
    }
  }
}

TEST_CASE("split=side: a series per side, counting the articles of that side's outlets") {
  TestServer server(corpus_db());
  int status = 0;
  const json sides = get_json(server, "/api/trends?q=Taiwan&by=year&split=side", &status);
  REQUIRE(status == 200);
  REQUIRE(sides["series"].size() > 1);
  // The results of the search, listed page by page, counted by their side and year.
  std::map<std::string, std::map<std::string, uint64_t>> listed;
  for (int page = 1;; ++page) {
    const json r =
        search_api(server, "q=Taiwan&sort=date&per_page=100&page=" + std::to_string(page));
    for (const auto& hit : r["results"]) {
      const std::string date = hit["date"].is_string() ? hit["date"].get<std::string>() : "";
      if (hit["side"].is_string() && date.size() >= 4) ++listed[hit["side"]][date.substr(0, 4)];
    }
    if (r["results"].size() < 100) break;
  }
  size_t checked = 0;
  for (const auto& s : sides["series"]) {
    const std::string side = s["split_value"];
    INFO(side);
    CHECK(s["total"].get<uint64_t>() > 0);
    // The series is the search of the side's outlets.
    REQUIRE(!s["sources"].empty());
    std::string outlets;
    for (const auto& source : s["sources"])
      outlets += "&source=" + encoded(source.get<std::string>());
    CHECK(s["total"].get<uint64_t>() == total_of(server, "q=Taiwan" + outlets));
    CHECK(s["points"].size() == listed[side].size());
    for (const auto& p : s["points"]) {
      CHECK(p["count"].get<uint64_t>() == listed[side][p["period"].get<std::string>()]);
      ++checked;
    }
  }
  CHECK(checked > 2);
  for (const auto& [side, years] : listed) {  // every side with dated matches has its series
    size_t found = 0;
    for (const auto& s : sides["series"]) found += s["split_value"] == side;
    CHECK_MESSAGE(found == 1, side);
  }
}

TEST_CASE("GET /api/trends refuses bad parameters with 400 JSON") {
  TestServer server(corpus_db());
  for (const char* bad :
       {"/api/trends?by=week", "/api/trends?split=party", "/api/trends?normalize=maybe",
        "/api/trends?q=a&q=b&q=c&q=d&q=e&q=f&q=g", "/api/trends?page=2",
        "/api/trends?by=year&by=month", "/api/trends?colour=red", "/api/trends?from=2025-13"}) {
    int status = 0;
    const json error = get_json(server, bad, &status);
    INFO(bad);
    CHECK(status == 400);
    CHECK(error["error"]["code"] == "invalid_argument");
  }
}
