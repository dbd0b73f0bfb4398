// The read and maintenance commands of readouts-index: list, events, stats, compact, split.
#include <unistd.h>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "indexer/cli.h"
#include "indexer/cli_support.h"
#include "shared/index/maintenance.h"
#include "shared/index/split.h"
#include "shared/search/events.h"
#include "shared/search/render_json.h"
#include "shared/search/searcher.h"
#include "shared/search/shard_set.h"

namespace readouts {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- list
int run_list(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  auto target = shard_target(args, /*create=*/false);
  if (!target.ok()) return usage_error(err, "list", target.error().message);
  auto list = list_articles(target.value().specs);
  if (!list.ok()) {
    err << "readouts-index list: " << list.error().message << "\n";
    return kExitDatabase;
  }
  for (const auto& a : list.value()) {
    if (args.has("--json")) {
      out << dump_json({{"id", a.id},
                        {"date", a.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.date)},
                        {"title", a.title},
                        {"source", a.source}})
          << "\n";
    } else {
      out << a.id << "\t" << (a.date.empty() ? "-" : a.date) << "\t" << a.source << "\t" << a.title
          << "\n";
    }
  }
  return kExitOk;
}

// ---------------------------------------------------------------- events
int run_events(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  auto target = shard_target(args, /*create=*/false);
  if (!target.ok()) return usage_error(err, "events", target.error().message);
  auto database = open_for_reading(target.value().specs);
  if (!database.ok()) {
    err << "readouts-index events: " << database.error().message << "\n";
    return kExitDatabase;
  }
  auto events = read_events(database.value(), args.value("--id").value_or(""));
  if (!events.ok()) {
    err << "readouts-index events: " << events.error().message << "\n";
    return kExitDatabase;
  }
  if (args.has("--json")) {
    auto data = load_data(args);
    if (!data.ok()) return usage_error(err, "events", data.error().message);
    for (EventDetail& e : events.value()) {
      name_place(e, data.value().knowledge);
      compare(e, data.value().knowledge);
    }
    out << dump_json({{"events", events.value()}}) << "\n";
    return kExitOk;
  }
  for (const EventDetail& e : events.value()) {
    out << e.id << "\t" << e.date << "\t" << (e.kind.empty() ? "-" : e.kind) << "\t"
        << e.accounts.size() << " account" << (e.accounts.size() == 1 ? "" : "s") << "\n";
    for (const EventAccount& a : e.accounts)
      out << "  " << a.article.id << "\t" << (a.article.side.empty() ? "-" : a.article.side) << "\t"
          << a.article.language << "\t" << a.article.source << "\n";
  }
  return kExitOk;
}

// ---------------------------------------------------------------- stats
int run_stats(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  auto target = shard_target(args, /*create=*/false);
  if (!target.ok()) return usage_error(err, "stats", target.error().message);
  auto data = load_data(args);
  if (!data.ok()) {
    err << "readouts-index stats: " << data.error().message << "\n";
    return kExitUsage;
  }
  // Every shard must answer (the Searcher would leave out a remote one that does not).
  if (auto all = open_for_reading(target.value().specs); !all.ok()) {
    err << "readouts-index stats: " << all.error().message << "\n";
    return kExitDatabase;
  }
  std::vector<fs::path> shards(target.value().specs.begin(), target.value().specs.end());
  auto searcher = Searcher::open(shards, std::make_shared<Knowledge>(data.value().knowledge));
  if (!searcher.ok()) {
    err << "readouts-index stats: " << searcher.error().message << "\n";
    return kExitDatabase;
  }
  auto st = searcher.value()->stats();
  if (!st.ok()) {
    err << "readouts-index stats: " << st.error().message << "\n";
    return kExitDatabase;
  }
  const CorpusStats& s = st.value();
  if (args.has("--json")) {
    nlohmann::json j = render_stats(s);
    j["shards"] = shards.size();
    out << dump_json(j) << "\n";
    return kExitOk;
  }
  out << "articles: " << s.articles << "\n"
      << "dates: " << (s.first_date.empty() ? "-" : s.first_date) << " .. "
      << (s.last_date.empty() ? "-" : s.last_date) << " (" << s.undated << " undated)\n"
      << "speakers: " << s.speakers.size() << ", topics: " << s.topics.size()
      << ", sources: " << s.sources.size() << "\n"
      << "size on disk: " << s.size_bytes << " bytes\n"
      << "schema version: " << s.schema_version << "\n";
  if (shards.size() > 1) out << "shards: " << shards.size() << "\n";
  return kExitOk;
}

// ---------------------------------------------------------------- compact
namespace {

// Compacts one local database in place (target empty) or into target; the error to print.
Status compact_one(const std::string& db, const fs::path& target) {
  const bool in_place = target.empty();
  fs::path tmp = in_place ? fs::path(db + ".compact-tmp") : target;
  std::error_code ec;
  if (in_place) fs::remove_all(tmp, ec);
  Status s = compact_database(db, tmp);
  if (!s.ok() || !in_place) return s;
  fs::path old = fs::path(db + ".compact-old");
  fs::remove_all(old, ec);
  fs::rename(db, old, ec);
  if (!ec) fs::rename(tmp, db, ec);
  if (ec)
    return make_error(Code::kIoError, "could not swap in the compacted copy of " + db + ": " +
                                          ec.message() + " (the compacted copy is at " +
                                          tmp.string() + ")");
  fs::remove_all(old, ec);
  return Status::Ok();
}

}  // namespace

int run_compact(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  auto resolved = shard_target(args, /*create=*/false);
  if (!resolved.ok()) return usage_error(err, "compact", resolved.error().message);
  const ShardTarget& set = resolved.value();
  for (const std::string& spec : set.specs)
    if (is_remote_spec(spec)) {
      err << "readouts-index compact: " << spec
          << " is a remote shard: compaction works on local folders only (Xapian cannot compact "
             "through xapian-tcpsrv); on its machine, stop its xapian-tcpsrv, run "
             "`readouts-index compact --db DIR` on its folder and start it again. Nothing was "
             "compacted.\n";
      return kExitDatabase;
    }
  const fs::path target = args.value("--out").value_or("");
  if (set.specs.size() > 1 && !target.empty() && set.set_folder.empty())
    return usage_error(err, "compact", "--out takes one database or a set's folder");
  std::error_code ec;
  if (!set.set_folder.empty() && !target.empty()) {
    if (fs::exists(target, ec))
      return usage_error(err, "compact",
                         "output " + target.string() + " already exists: choose a new folder");
    fs::create_directories(target, ec);
  }
  // Shard by shard: each one's compacted copy is swapped in (or written under --out) before the
  // next is compacted.
  uint64_t before = 0, after = 0;
  for (size_t i = 0; i < set.specs.size(); ++i) {
    const std::string& db = set.specs[i];
    const fs::path into = target.empty()           ? fs::path()
                          : set.set_folder.empty() ? target
                                                   : shard_folder(target, i);
    before += size_on_disk(db);
    Status s = compact_one(db, into);
    if (!s.ok()) {
      err << "readouts-index compact: " << s.error().message << "\n";
      return kExitDatabase;
    }
    after += size_on_disk(into.empty() ? fs::path(db) : into);
  }
  if (!set.set_folder.empty() && !target.empty()) {
    Status m = write_manifest(target, set.specs.size());
    if (!m.ok()) {
      err << "readouts-index compact: " << m.error().message << "\n";
      return kExitDatabase;
    }
  }
  out << "compacted " << set.describe() << ": " << before << " -> " << after << " bytes\n";
  return kExitOk;
}

// ---------------------------------------------------------------- split
int run_split(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  // The source is read as it is (its own number of shards); --shards is the new set's.
  auto source = resolve_shards(args.values("--db"), 0, /*create=*/false);
  if (!source.ok()) return usage_error(err, "split", source.error().message);
  auto n = parse_size(args.value("--shards").value_or(""));
  if (!n.ok() || n.value() < 2 || n.value() > 1024)
    return usage_error(err, "split", "--shards takes the new set's number of shards, 2 to 1024");
  const auto target = args.value("--out");
  if (!target || target->empty())
    return usage_error(err, "split", "give the new set's folder with --out DIR");
  WriterOptions wo;
  wo.batch_size = kNewSetBatch;
  if (auto v = args.value("--batch")) {
    auto b = parse_size(*v);
    if (!b.ok() || b.value() == 0)
      return usage_error(err, "split", "--batch takes a number of 1 or more");
    wo.batch_size = b.value();
  }
  wo.no_sync = args.has("--no-sync");
  const bool show = !args.has("--quiet") && ::isatty(STDERR_FILENO);
  auto copied = split_into_set(source.value().specs, *target, n.value(), wo, [&](size_t done) {
    if (show) err << "\rreadouts-index split: " << done << " articles copied" << std::flush;
  });
  if (show) err << "\n";
  if (!copied.ok()) {
    const bool usage = copied.error().code == Code::kInvalidArgument;
    err << "readouts-index split: " << copied.error().message << "\n";
    return usage ? kExitUsage : kExitDatabase;
  }
  if (args.has("--json"))
    out << dump_json({{"articles", copied.value()}, {"shards", n.value()}, {"out", *target}})
        << "\n";
  else
    out << "split " << source.value().describe() << " into " << *target << " (" << n.value()
        << " shards): " << copied.value() << " articles\n";
  return kExitOk;
}

}  // namespace readouts
