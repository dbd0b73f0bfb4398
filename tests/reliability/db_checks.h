// Database checks shared by the reliability tests: xapian-check, `readouts-index stats --json`.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/integration/test_helpers.h"

namespace readouts::testing {

inline bool have_program(const std::string& name) {
  return run_command("command -v " + name + " >/dev/null").status == 0;
}

// `xapian-check DB`: status 0 when the database is consistent.
inline CommandResult xapian_check(const std::filesystem::path& db) {
  return run_command("xapian-check " + quote(db.string()));
}

// Article count from `readouts-index stats --db DB --json`, or -1 (with the output in *why).
inline long long stats_articles(const std::filesystem::path& db, std::string* why = nullptr) {
  auto r =
      run_command(std::string(READOUTS_INDEX_BIN) + " stats --json --db " + quote(db.string()));
  std::istringstream lines(r.output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '{') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.contains("articles") && j["articles"].is_number_integer())
      return r.status == 0 ? j["articles"].get<long long>() : -1;
  }
  if (why) *why = "status " + std::to_string(r.status) + ": " + r.output;
  return -1;
}

}  // namespace readouts::testing
