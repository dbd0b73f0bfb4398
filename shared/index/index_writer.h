// IndexWriter: the one writer of a readouts database or set of shards (add, replace, remove,
// commit, metadata).
//
// Owns one Xapian::WritableDatabase per shard (local, or remote through `xapian-tcpsrv
// --writable`); an article goes to shard_of(id, N) (shard_layout.h). Not thread-safe (one writer
// per database, enforced by Xapian's lock: a second writer gets Code::kUnavailable). Every Xapian
// exception is caught here and returned as an Error. Changes become visible to readers at
// commit(); a crash or kill leaves each shard at its last commit, and re-running the same work is
// idempotent (ids are unique terms, a file whose shards disagree on its fingerprint is re-read).
#pragma once

#include <filesystem>
#include <memory>

#include <xapian.h>
#include <string>
#include <vector>

#include "shared/core/article.h"
#include "shared/core/status.h"
#include "shared/index/event_index.h"
#include "shared/index/event_plan.h"

namespace readouts {

struct WriterOptions {
  bool create = true;       // create the database if missing
  bool no_sync = false;     // skip fsync on commit (rebuilds that can be redone)
  size_t batch_size = 250;  // commit after this many changed documents (docs/benchmarks.md)
  // Add every document without looking its id up (no replace, no "unchanged"): for the shards
  // of a bulk load, whose duplicate ids are resolved when they are merged (shared/index/bulk.h).
  bool append_only = false;
  // Remote shards (tcp://HOST:PORT): milliseconds to wait for an answer, and for a connection.
  unsigned remote_timeout_ms = 60000;
  unsigned remote_connect_timeout_ms = 5000;
};

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

// The term tagging the records of an input file (by its key): XO + hash of the key.
std::string origin_term_for(std::string_view file_key);

class IndexWriter {
 public:
  // Opens (or creates) the database at path and checks its schema version. Errors: kUnavailable
  // (locked, unreadable), kSchemaMismatch (written by an incompatible version).
  static Result<std::unique_ptr<IndexWriter>> open(const std::filesystem::path& path,
                                                   const WriterOptions& options);
  // Opens (or creates) every shard of a set, in order: local folders or tcp://HOST:PORT. Each
  // shard's schema version and its place in the set (schema::kShardMetaKey, written to new
  // shards) are checked before anything is written: a shard recorded as I/M given as i/N, or a
  // database with articles but no place in a set of N > 1, is kInvalidArgument; a remote shard
  // that does not answer is kUnavailable naming it. One spec is the single database of open().
  static Result<std::unique_ptr<IndexWriter>> open_set(const std::vector<std::string>& specs,
                                                       const WriterOptions& options);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // The stored fingerprint of an input file (by its key, usually its absolute path), or "".
  Result<std::string> file_fingerprint(std::string_view file_key);
  // Adds or replaces the article (by id) and tags it with the file it came from.
  Result<PutOutcome> put(const Article& article, std::string_view file_key);
  // The same with a document already built from `article` by a DocumentBuilder (possibly on
  // another thread: indexing pipelines build documents in parallel and write them here).
  Result<PutOutcome> put_document(const Article& article, Xapian::Document document,
                                  std::string_view file_key);
  // After all records of a file were put: removes the file's records whose ids are not in
  // keep_ids, records its fingerprint. Returns how many stale records were removed.
  Result<size_t> finish_file(std::string_view file_key, std::string_view fingerprint,
                             const std::vector<std::string>& keep_ids);
  // Adds a document copied from another readouts database (its id given), without looking the
  // id up: for a new set filled from a database that holds each id once (shared/index/split.h).
  Status append_copy(std::string_view id, const Xapian::Document& doc);
  // Copies every metadata key of `from` (file fingerprints ...) to every shard, except the schema
  // version and the shard's place in its set, which open_set wrote.
  Status copy_metadata(const Xapian::Database& from);
  // Removes one article by id; false when there was none.
  Result<bool> remove(std::string_view id);
  // Regroups the database's accounts into events after adds and removes (event_index.h); the
  // changes are visible at the next commit().
  Result<RegroupCounts> regroup_events(const std::vector<NamedEvent>& named,
                                       const std::vector<EventCorrection>& corrections = {});
  // Plans the events of articles about to be put (event_plan.h), from the accounts the shards
  // hold now; reread_origins are the origin terms (origin_term_for) of the files read again.
  Result<EventPlan> plan_events(const std::vector<PlannedArticle>& articles,
                                const std::vector<std::string>& reread_origins,
                                const std::vector<NamedEvent>& named,
                                const std::vector<EventCorrection>& corrections = {});
  // Makes every change durable and visible. Also called by the batch policy inside put().
  Status commit();
  // Number of articles (in all shards).
  Result<size_t> article_count();
  // Number of shards (1 for a single database).
  size_t shard_count() const;
  // True when every shard holds no article and no file fingerprint (created by this run, or
  // never written): a bulk load may then build it elsewhere and swap it in (shared/index/bulk.h).
  Result<bool> is_fresh();

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace readouts
