// Building a fresh database in parallel: shard databases written by several threads, merged
// into one compact database, then swapped in place of the (empty) target in one rename.
//
// Used by `readouts-index add` when the target database is fresh (IndexWriter::is_fresh); see
// docs/schema.md ("Bulk loads"). Until the swap the target stays as it was (empty, committed), so
// a kill at any moment leaves it at its last commit and the rerun starts the bulk load again.
// Functions here are not thread-safe with respect to the same paths; Xapian exceptions are
// returned as Errors.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

// Merges the shard databases into `out` (must not exist) with Xapian::Compactor: documents are
// renumbered, tables written compactly, spelling frequencies summed, metadata kept (a key in
// several shards keeps its first value).
Status merge_shards(const std::vector<std::filesystem::path>& shards,
                    const std::filesystem::path& out);

// After a merge, an article id can be in several documents (the same id in files written by two
// shards). Keeps, for each id, the document whose origin term ranks highest by `order` (the
// later input file, as a sequential run would have left it) and deletes the others. Returns how
// many were deleted. `order` maps an origin term (XO...) to its rank, -1 when unknown.
Result<size_t> remove_duplicate_ids(const std::filesystem::path& db,
                                    const std::function<long(const std::string&)>& order);

// fsyncs every file of a database folder, and the folder (shards are written without fsync).
Status sync_database_files(const std::filesystem::path& db);

// Swaps two folders atomically (renameat2 RENAME_EXCHANGE). Where the file system cannot, falls
// back to two renames (a kill between them leaves no database at `b`; rerunning rebuilds it).
Status exchange_folders(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace readouts
