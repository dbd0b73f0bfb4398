// Shard sets: which shard an article belongs to, and how a set is laid out and recognised.
//
// A set of N shards is either a folder DIR holding DIR/shard-0 .. DIR/shard-<N-1> and a Xapian
// stub file DIR/XAPIANDB listing them (the manifest: any Xapian reader, readouts-server included,
// opens DIR as the whole set), or a list of databases given one by one (local folders or
// tcp://HOST:PORT served by `xapian-tcpsrv --writable`), shard I being the I-th. Each shard also
// records "I/N" in its metadata (schema::kShardMetaKey), checked by every writer, so that a set
// is never written with another N or in another order. Pure functions and file reads; no Xapian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

// The shard of an article among n: FNV-1a 64 of its id (shared/core/hash.h), modulo n. Depends
// on the id and n only (never on the order articles are added), so re-adding an article finds
// it in the shard that holds it.
size_t shard_of(std::string_view article_id, size_t n);

// "I/N", the metadata value of shard i of n; parse_shard_meta reads it back (false when it is
// not that form).
std::string shard_meta_value(size_t i, size_t n);
bool parse_shard_meta(std::string_view value, size_t& i, size_t& n);

// The folder of shard i of a local set in dir: dir/shard-<i>.
std::filesystem::path shard_folder(const std::filesystem::path& dir, size_t i);

// The number of shards the manifest of dir records, or 0 when dir holds no manifest (not a
// set). An unreadable or damaged manifest is an error naming it.
Result<size_t> read_manifest(const std::filesystem::path& dir);

// Writes dir/XAPIANDB for n shards (through a temporary file and a rename).
Status write_manifest(const std::filesystem::path& dir, size_t n);

// The shards a command works on, from its --db values and its --shards (0 when not given):
// - one local folder with a manifest: its shards (--shards, when given, must be its N);
// - one local folder with --shards N > 1 and no manifest: the set to create (create only; a
//   folder holding a database or other files is refused);
// - otherwise the --db values themselves, in order (--shards, when given, must count them).
// Errors (kInvalidArgument) say what is wrong, where, and what to do.
struct ShardTarget {
  std::vector<std::string> specs;    // local folders or tcp://HOST:PORT, shard I the I-th
  std::filesystem::path set_folder;  // the folder of a local set with a manifest, else empty
  bool new_set = false;              // set_folder has no manifest yet (add writes it)
  std::string describe() const;      // "DIR (3 shards)", "DIR", "3 shards"
};
Result<ShardTarget> resolve_shards(const std::vector<std::string>& dbs, size_t shards, bool create);

}  // namespace readouts
