// Helpers shared by the readouts-index commands (usage errors, the knowledge, the shards a
// command works on) and the read and maintenance commands: list, events, stats, compact.
// Library-internal to indexer/; not thread-safe (one command at a time).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

#include "indexer/options.h"
#include "shared/core/status.h"
#include "shared/extract/knowledge.h"
#include "shared/index/shard_layout.h"

namespace readouts {

// The commit batch of a new set written whole (add creating a --shards set, split): large, since
// such a set is written article by article (docs/benchmarks.md, "1M in 4 shards").
inline constexpr size_t kNewSetBatch = 10000;

// Prints "readouts-index COMMAND: MESSAGE" and where to find usage; returns kExitUsage.
int usage_error(std::ostream& err, const std::string& command, const std::string& message);

struct LoadedKnowledge {
  Knowledge knowledge;
  std::string fingerprint;  // changes when any data file or the extraction revision changes
};

// The default data/ and the --data folders.
Result<LoadedKnowledge> load_data(const ParsedArgs& args);

// The shards a command works on, from its --db values and --shards (shard_layout.h); an error
// is the command's usage error.
Result<ShardTarget> shard_target(const ParsedArgs& args, bool create);

// One local database (not a set, not remote).
bool is_single_local(const ShardTarget& t);

int run_list(const ParsedArgs& args, std::ostream& out, std::ostream& err);
int run_events(const ParsedArgs& args, std::ostream& out, std::ostream& err);
int run_stats(const ParsedArgs& args, std::ostream& out, std::ostream& err);
int run_compact(const ParsedArgs& args, std::ostream& out, std::ostream& err);
int run_split(const ParsedArgs& args, std::ostream& out, std::ostream& err);

}  // namespace readouts
