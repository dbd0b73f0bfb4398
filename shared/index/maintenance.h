// Read-side maintenance of a database or set of shards for the indexer CLI: open for reading, list
// articles, compact, size on disk.
//
// Opens its own read-only handle per call; safe to call while a writer runs (reads a snapshot).
// Xapian exceptions are returned as Errors.
#pragma once

#include <xapian.h>

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

// The shards (local folders, a set's folder, tcp://HOST:PORT) as one database, each shard's
// schema version checked. Every shard must answer: one that does not is kUnavailable naming it.
Result<Xapian::Database> open_for_reading(const std::vector<std::string>& specs);

// The articles of the shards, by id (each id once: a set never holds one twice).
Result<std::vector<ArticleSummary>> list_articles(const std::vector<std::string>& specs);
Result<std::vector<ArticleSummary>> list_articles(const std::filesystem::path& db);
// Writes a compacted copy of db to out (which must not exist). Safe while a writer runs (it
// compacts the last committed revision).
Status compact_database(const std::filesystem::path& db, const std::filesystem::path& out);
uint64_t size_on_disk(const std::filesystem::path& db);

}  // namespace readouts
