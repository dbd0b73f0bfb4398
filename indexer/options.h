// Flag parsing for readouts-index commands: a small, strict getopt-like parser. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

struct FlagSpec {
  std::string name;        // "--db"
  bool takes_value;        // --db DIR vs --json
  bool repeatable;         // --data DIR --data DIR2
  std::string value_name;  // "DIR", shown in help
  std::string help;
};

struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> flags;  // name -> values ("" for switches)
  std::vector<std::string> positional;

  bool has(const std::string& name) const { return flags.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;
};

// Accepts "--flag value", "--flag=value", and "--" ending the flags. "-" is positional (stdin).
Result<ParsedArgs> parse_args(const std::vector<std::string>& args,
                              const std::vector<FlagSpec>& specs);

// Parses a byte count such as 1048576, 64K, 32M, 1G.
Result<size_t> parse_size(std::string_view text);

}  // namespace readouts
