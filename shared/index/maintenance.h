// Read-side maintenance of a database for the indexer CLI: list articles, compact, size on disk.
//
// Opens its own read-only handle per call; safe to call while a writer runs (reads a snapshot).
// Xapian exceptions are returned as Errors.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

struct ArticleSummary {
  std::string id;
  std::string date;  // ISO or ""
  std::string title;
  std::string source;
};

Result<std::vector<ArticleSummary>> list_articles(const std::filesystem::path& db);
// Writes a compacted copy of db to out (which must not exist). Safe while a writer runs (it
// compacts the last committed revision).
Status compact_database(const std::filesystem::path& db, const std::filesystem::path& out);
uint64_t size_on_disk(const std::filesystem::path& db);

}  // namespace readouts
