// Golden tests: the JSON of every article extracted from the seed and from one fixture per format
// (tests/fixtures/extract) must match tests/golden/*.json exactly. UPDATE_GOLDEN=1 rewrites them;
// review the diff before committing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "shared/core/article.h"
#include "shared/core/hash.h"
#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "tests/unit/test_default_knowledge.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const readouts::Knowledge& knowledge() { return readouts::testing::default_knowledge(); }

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Extracts `input` as the indexer does (id_seed = hash of the bytes) and renders the outcome.
std::string render(const fs::path& input, const std::string& origin) {
  const std::string bytes = read_all(input);
  std::string ext = input.extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  auto out = readouts::extract_articles(bytes, {origin, ext, readouts::stable_hash_hex(bytes)},
                                        knowledge(), {});
  json j = {{"articles", json::array()}, {"failures", json::array()}};
  for (const auto& a : out.articles) j["articles"].push_back(a);
  for (const auto& f : out.failures)
    j["failures"].push_back({{"origin", f.origin},
                             {"code", std::string(readouts::code_name(f.error.code))},
                             {"message", f.error.message}});
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void check_golden(const fs::path& input, const std::string& origin, const std::string& name) {
  const fs::path golden = fs::path(READOUTS_TEST_DIR) / "golden" / (name + ".json");
  const std::string got = render(input, origin);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << got;
    MESSAGE("rewrote " << golden.string());
    return;
  }
  const std::string want = read_all(golden);
  REQUIRE_MESSAGE(!want.empty(), golden.string(), " is missing: run with UPDATE_GOLDEN=1");
  if (got != want) {
    // Report the first differing line.
    std::istringstream g(got), w(want);
    std::string gl, wl;
    int line = 0;
    while (true) {
      bool gm = static_cast<bool>(std::getline(g, gl)), wm = static_cast<bool>(std::getline(w, wl));
      ++line;
      if (!gm && !wm) break;
      if (gl != wl || gm != wm) {
        FAIL_CHECK(golden.string() << ":" << line << ": got `" << gl << "`, want `" << wl
                                   << "` (UPDATE_GOLDEN=1 to accept)");
        break;
      }
    }
  }
  CHECK(got == want);
}

}  // namespace

TEST_CASE("golden extraction of the seed") {
  check_golden(fs::path(READOUTS_SOURCE_DIR) / "corpus" / "000_0f0202814826d5c4.txt",
               "corpus/000_0f0202814826d5c4.txt", "seed");
}

TEST_CASE("golden extraction of one fixture per format") {
  const fs::path dir = fs::path(READOUTS_TEST_DIR) / "fixtures" / "extract";
  for (const char* name :
       {"scraped.txt", "readout.md", "call.json", "records.jsonl", "page.html"}) {
    std::string file = name;
    CAPTURE(file);
    std::string stem =
        fs::path(name).stem().string() + "_" + fs::path(name).extension().string().substr(1);
    check_golden(dir / name, "fixtures/extract/" + file, stem);
  }
}
