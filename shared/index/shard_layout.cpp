// Shard sets: the shard of an article, the manifest of a local set, and what --db/--shards name.
#include "shared/index/shard_layout.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "shared/core/hash.h"

namespace readouts {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kManifestName = "XAPIANDB";
constexpr std::string_view kManifestHeader = "# readouts shard set:";

bool is_remote(const std::string& spec) { return spec.starts_with("tcp://"); }

Result<size_t> parse_count(const std::string& text) {
  size_t n = 0;
  if (text.empty() || text.size() > 4) return make_error(Code::kInvalidArgument, "");
  for (char c : text) {
    if (c < '0' || c > '9') return make_error(Code::kInvalidArgument, "");
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return n;
}

}  // namespace

size_t shard_of(std::string_view article_id, size_t n) {
  return n <= 1 ? 0 : static_cast<size_t>(fnv1a64(article_id) % n);
}

std::string shard_meta_value(size_t i, size_t n) {
  return std::to_string(i) + "/" + std::to_string(n);
}

bool parse_shard_meta(std::string_view value, size_t& i, size_t& n) {
  const size_t slash = value.find('/');
  if (slash == std::string_view::npos) return false;
  auto a = parse_count(std::string(value.substr(0, slash)));
  auto b = parse_count(std::string(value.substr(slash + 1)));
  if (!a.ok() || !b.ok() || b.value() == 0 || a.value() >= b.value()) return false;
  i = a.value(), n = b.value();
  return true;
}

fs::path shard_folder(const fs::path& dir, size_t i) {
  return dir / ("shard-" + std::to_string(i));
}

Result<size_t> read_manifest(const fs::path& dir) {
  const fs::path file = dir / kManifestName;
  std::error_code ec;
  if (!fs::exists(file, ec)) return size_t{0};
  std::ifstream in(file);
  if (!in) return make_error(Code::kUnavailable, "cannot read the shard manifest " + file.string());
  std::vector<std::string> lines;
  bool ours = false;
  for (std::string line; std::getline(in, line);) {
    ours |= line.starts_with(kManifestHeader);
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  if (!ours)
    return make_error(Code::kInvalidArgument,
                      file.string() +
                          " is a Xapian stub file not written by readouts-index: give its "
                          "databases one by one (--db A --db B ...)");
  size_t n = 0;
  for (const std::string& line : lines) {
    if (line != "auto shard-" + std::to_string(n))
      return make_error(Code::kInvalidArgument,
                        "the shard manifest " + file.string() + " has an unexpected line \"" +
                            line + "\" (expected \"auto shard-" + std::to_string(n) +
                            "\"): restore it, or index into a new folder");
    ++n;
  }
  if (n == 0)
    return make_error(Code::kInvalidArgument,
                      "the shard manifest " + file.string() +
                          " lists no shard: restore it, or index into a new folder");
  return n;
}

Status write_manifest(const fs::path& dir, size_t n) {
  const fs::path file = dir / kManifestName, tmp = dir / "XAPIANDB.tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << kManifestHeader << " " << n << " shards; an article's shard is fnv1a64(id) % " << n
        << " (docs/scaling.md)\n"
        << "# Written by readouts-index add --shards " << n
        << "; opening this folder opens them all.\n";
    for (size_t i = 0; i < n; ++i) out << "auto shard-" << i << "\n";
    out.flush();
    if (!out) return make_error(Code::kIoError, "cannot write the shard manifest " + tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec)
    return make_error(Code::kIoError,
                      "cannot write the shard manifest " + file.string() + ": " + ec.message());
  return Status::Ok();
}

std::string ShardTarget::describe() const {
  const std::string count = std::to_string(specs.size()) + " shards";
  if (!set_folder.empty()) return set_folder.string() + " (" + count + ")";
  if (specs.size() == 1) return specs.front();
  return count;
}

Result<ShardTarget> resolve_shards(const std::vector<std::string>& dbs, size_t shards,
                                   bool create) {
  ShardTarget t;
  if (dbs.empty()) return make_error(Code::kInvalidArgument, "--db is required");
  if (dbs.size() == 1 && !is_remote(dbs.front())) {
    const fs::path dir = dbs.front();
    auto n = read_manifest(dir);
    if (!n.ok()) return n.error();
    if (n.value() > 0) {
      if (shards && shards != n.value())
        return make_error(Code::kInvalidArgument,
                          dir.string() + " is a set of " + std::to_string(n.value()) +
                              " shards, not " + std::to_string(shards) + " (its manifest " +
                              (dir / kManifestName).string() + "): give --shards " +
                              std::to_string(n.value()) +
                              " or leave --shards out; to change N, index into a new folder");
      t.set_folder = dir;
      for (size_t i = 0; i < n.value(); ++i) t.specs.push_back(shard_folder(dir, i).string());
      return t;
    }
    if (shards > 1) {
      std::error_code ec;
      if (fs::exists(dir / "iamglass", ec))
        return make_error(Code::kInvalidArgument,
                          dir.string() +
                              " is one database, not a set of shards: index the set "
                              "into a new folder (readouts-index add --shards " +
                              std::to_string(shards) +
                              " --db NEW PATH...), or leave --shards "
                              "out to add to this database");
      if (!create)
        return make_error(Code::kInvalidArgument,
                          dir.string() + " is not a set of shards (no manifest " +
                              (dir / kManifestName).string() +
                              "): create one with readouts-index add --shards N");
      for (auto e = fs::directory_iterator(dir, ec); !ec && e != fs::directory_iterator();
           e.increment(ec)) {
        const std::string name = e->path().filename().string();
        if (!name.starts_with("shard-"))
          return make_error(Code::kInvalidArgument,
                            dir.string() + " holds " + name +
                                ", which is not a shard: give an empty or new folder for a set "
                                "of shards");
      }
      t.set_folder = dir;
      t.new_set = true;
      for (size_t i = 0; i < shards; ++i) t.specs.push_back(shard_folder(dir, i).string());
      return t;
    }
  }
  if (shards && shards != dbs.size())
    return make_error(Code::kInvalidArgument,
                      "--shards " + std::to_string(shards) + " but " + std::to_string(dbs.size()) +
                          " databases given with --db: give one --db per shard, in the set's "
                          "order, or one folder for a local set");
  t.specs = dbs;
  return t;
}

}  // namespace readouts
