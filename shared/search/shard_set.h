// The databases one Searcher reads as one: local folders, Xapian stub files and remote shards
// served by xapian-tcpsrv ("tcp://HOST:PORT"); which of them answer; reconnecting the others.
//
// Not thread-safe (one per Searcher, one Searcher per thread). A remote shard that fails (down,
// stopped, cut off: a Xapian::NetworkError, or no answer within the timeout) is left out of the
// combined database; it is tried again after ShardOptions::retry_after_ms, on the next call (with
// a shared ShardHealth, once its prober saw it answer).
#pragma once

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "shared/core/status.h"
#include "shared/search/shard_health.h"

namespace readouts {

struct ShardOptions {
  unsigned timeout_ms = 5000;          // a remote shard's answer to any request
  unsigned connect_timeout_ms = 2000;  // connecting to a remote shard
  unsigned retry_after_ms = 5000;      // a missing shard is tried again after this long
  // Shared by the ShardSets of one process (a server's workers), or none: then each set tries a
  // missing shard itself, its next request waiting for the connection.
  std::shared_ptr<ShardHealth> health;
};

// "tcp://HOST:PORT" -> host and port; false when spec is not that form (or the port is not
// 1..65535).
bool parse_remote_spec(const std::string& spec, std::string& host, unsigned& port);
bool is_remote_spec(const std::string& spec);

class ShardSet {
 public:
  // Opens every shard and checks its schema version. A local shard that cannot be opened, or
  // any shard of another schema version, is an error; a remote shard that does not answer is
  // left out (missing), unless no shard answers at all (kUnavailable).
  ShardSet() = default;
  static Result<ShardSet> open(const std::vector<std::string>& specs, const ShardOptions& options);

  // The answering shards as one database (a handle: cheap to copy).
  const Xapian::Database& db() const { return combined_; }

  // After a network error: connects again to each remote shard still in use (a connection
  // that failed may be out of step with its server) and leaves out those that do not answer.
  // True when at least one shard remains.
  bool reconnect_remote();

  // Opens the local shards again from their names (a replica's stub now names its other copy).
  // True when every one opened; false leaves the set as it was.
  bool reopen_local();

  // Leaves out the shards another set reported down (ShardOptions::health), then tries the
  // missing shards whose retry time has come (with a health, only those the prober saw answer);
  // true when the set changed (db() changed).
  bool reconnect_due();

  // The specs of the shards left out, in the order given.
  std::vector<std::string> missing() const;
  size_t size() const { return shards_.size(); }
  bool has_remote() const {
    return std::any_of(shards_.begin(), shards_.end(), [](const Shard& s) { return s.remote; });
  }
  // The folders of the local shards (for their size on disk).
  std::vector<std::string> local_paths() const;

 private:
  struct Shard {
    std::string spec;
    bool remote = false;
    bool up = false;
    Xapian::Database db;
    std::chrono::steady_clock::time_point retry_at{};
  };
  Status connect(Shard& shard) const;
  // Marks a shard missing until its retry time, and reports it to the health (if any).
  void leave_out(Shard& shard);
  void rebuild();

  std::vector<Shard> shards_;
  ShardOptions options_;
  Xapian::Database combined_;
};

}  // namespace readouts
