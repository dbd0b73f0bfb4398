// The readouts-index command line: a table of commands (add, inspect, remove, list, stats,
// compact), their flags, help texts and exit statuses (docs/cli.md).
//
// run_cli is the whole program minus main(): testable with string streams. Not thread-safe.
// Exit statuses: 0 success, 1 some inputs failed (the rest were indexed), 2 usage error,
// 3 database error (cannot open, locked, schema mismatch, a shard that does not answer or is not
// the shard it is given as: docs/cli.md, "Shard sets").
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace readouts {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitDatabase = 3;

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace readouts
