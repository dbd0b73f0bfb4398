// Helpers shared by the readouts-index commands: usage errors, the knowledge, the shard target.
#include "indexer/cli_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "indexer/cli.h"
#include "shared/core/hash.h"
#include "shared/search/shard_set.h"

namespace readouts {

namespace fs = std::filesystem;

namespace {

// Bump when extraction changes in a way that should re-extract unchanged files on the next add.
constexpr std::string_view kExtractionRevision = "extraction-2";  // 2: side, exchange

}  // namespace

int usage_error(std::ostream& err, const std::string& command, const std::string& message) {
  err << "readouts-index " << command << ": " << message << "\n"
      << "Run `readouts-index " << command << " --help` for usage.\n";
  return kExitUsage;
}

Result<LoadedKnowledge> load_data(const ParsedArgs& args) {
  std::vector<fs::path> dirs{default_data_dir()};
  for (const auto& d : args.values("--data")) dirs.emplace_back(d);
  auto k = load_knowledge(dirs);
  if (!k.ok()) return k.error();
  uint64_t h = fnv1a64(kExtractionRevision);
  for (const auto& d : dirs) {
    for (const char* name : {"people.json", "topics.json", "synonyms.txt", "outlets.json",
                             "attribution.json", "accounts.json"}) {
      std::ifstream in(d / name, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      h = fnv1a64(ss.str(), fnv1a64(name, h));
    }
  }
  return LoadedKnowledge{std::move(k.value()), hex64(h)};
}

Result<ShardTarget> shard_target(const ParsedArgs& args, bool create) {
  size_t shards = 0;
  if (auto v = args.value("--shards")) {
    auto n = parse_size(*v);
    if (!n.ok() || n.value() > 1024 || v->find_first_not_of("0123456789") != std::string::npos)
      return make_error(Code::kInvalidArgument, "--shards takes a number from 1 to 1024");
    shards = n.value();
  }
  return resolve_shards(args.values("--db"), shards, create);
}

bool is_single_local(const ShardTarget& t) {
  return t.specs.size() == 1 && !is_remote_spec(t.specs.front());
}

}  // namespace readouts
