// readouts-index commands: the table, help texts, and each command's run function.
#include "indexer/cli.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "indexer/add_pipeline.h"
#include "indexer/cli_support.h"
#include "indexer/event_prepass.h"
#include "indexer/input_files.h"
#include "indexer/options.h"
#include "indexer/progress.h"
#include "shared/core/hash.h"
#include "shared/events/grouping.h"
#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"
#include "shared/index/index_writer.h"
#include "shared/index/maintenance.h"
#include "shared/index/schema_version.h"
#include "shared/index/shard_layout.h"
#include "shared/search/events.h"
#include "shared/search/render_json.h"
#include "shared/search/searcher.h"
#include "shared/search/shard_set.h"

namespace readouts {

namespace {

namespace fs = std::filesystem;

constexpr size_t kDefaultMaxBytes = 32u << 20;

struct Command {
  std::string name;
  std::string usage;
  std::string summary;
  std::vector<FlagSpec> flags;
  int (*run)(const ParsedArgs&, std::ostream&, std::ostream&);
};

const FlagSpec kDbFlag{"--db", true, true, "DIR",
                       "the database folder (created by add), a set's folder, or "
                       "tcp://HOST:PORT (xapian-tcpsrv --writable); repeat it for each shard "
                       "of a set, in the set's order"};
const FlagSpec kShardsFlag{"--shards", true, false, "N",
                           "the number of shards: add creates DIR/shard-0..N-1 in a new --db "
                           "DIR; elsewhere it must be the set's N"};
const FlagSpec kDataFlag{"--data", true, true, "DIR",
                         "extra folder with people.json / topics.json / synonyms.txt / "
                         "outlets.json / attribution.json extending the defaults (repeatable)"};
const FlagSpec kJsonFlag{"--json", false, false, "", "print JSON instead of text"};
const FlagSpec kHelpFlag{"--help", false, false, "", "show this help"};
const FlagSpec kMaxBytesFlag{"--max-bytes", true, false, "N",
                             "refuse inputs larger than N bytes (suffix K, M, G; default 32M)"};
const FlagSpec kRequireDateFlag{"--require-date", false, false, "",
                                "refuse articles whose date cannot be found"};
const FlagSpec kUrlFlag{"--url", true, false, "URL",
                        "the web address the single input file was fetched from (evidence for "
                        "its source and date; records with their own url keep it)"};

Result<ExtractOptions> extract_options(const ParsedArgs& args) {
  ExtractOptions o;
  o.max_bytes = kDefaultMaxBytes;
  if (auto v = args.value("--max-bytes")) {
    auto s = parse_size(*v);
    if (!s.ok()) return make_error(Code::kInvalidArgument, "--max-bytes: " + s.error().message);
    o.max_bytes = s.value();
  }
  o.require_date = args.has("--require-date");
  if (auto url = args.value("--url")) {
    if (!is_web_address(*url))
      return make_error(Code::kInvalidArgument,
                        "--url '" + *url + "' is not a web address: give it as https://host/path");
    if (args.positional.size() != 1)
      return make_error(Code::kInvalidArgument,
                        "--url names the address of one input: give exactly one file (or -)");
    std::error_code ec;
    if (args.positional[0] != "-" && std::filesystem::is_directory(args.positional[0], ec))
      return make_error(Code::kInvalidArgument,
                        "--url names the address of one input, not of a folder: give one file "
                        "(records in JSON, JSON Lines or front matter carry their own url)");
    o.url = *url;
  }
  return o;
}

SourceInfo source_info(const InputFile& f, const std::string& bytes) {
  // Articles without an id or URL get ids derived from their file's content, so the same file
  // gets the same ids wherever it is (docs/cli.md, "Article ids").
  return SourceInfo{f.display, f.extension, stable_hash_hex(bytes)};
}

void print_problems(std::ostream& err, const std::vector<InputProblem>& problems) {
  for (const auto& p : problems) err << "error: " << p.path << ": " << p.reason << "\n";
}

// ---------------------------------------------------------------- add
int run_add(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  auto target = shard_target(args, /*create=*/true);
  if (!target.ok()) return usage_error(err, "add", target.error().message);
  const ShardTarget& set = target.value();
  const bool single = is_single_local(set);
  const std::optional<std::string> db = set.specs.front();
  if (args.positional.empty())
    return usage_error(err, "add", "give at least one PATH (file, folder or -)");
  auto opts = extract_options(args);
  if (!opts.ok()) return usage_error(err, "add", opts.error().message);
  // A new set is filled article by article (no bulk merge), so it commits in large batches unless
  // told otherwise: at 100k, 10,000 wrote 22 times less than 250 (docs/benchmarks.md).
  size_t batch = set.new_set ? kNewSetBatch : WriterOptions{}.batch_size;
  if (auto v = args.value("--batch")) {
    auto s = parse_size(*v);
    if (!s.ok()) return usage_error(err, "add", "--batch: " + s.error().message);
    batch = s.value();
  }
  auto data = load_data(args);
  if (!data.ok()) {
    err << "readouts-index add: " << data.error().message << "\n";
    return kExitUsage;
  }
  WriterOptions wo;
  wo.batch_size = batch;
  wo.no_sync = args.has("--no-sync");
  if (set.new_set) {
    std::error_code ec;
    fs::create_directories(set.set_folder, ec);
  }
  // Every shard is opened and checked before anything is written.
  auto writer_r = IndexWriter::open_set(set.specs, wo);
  if (!writer_r.ok()) {
    err << "readouts-index add: " << writer_r.error().message << "\n";
    return kExitDatabase;
  }
  std::unique_ptr<IndexWriter> writer_ptr = std::move(writer_r.value());
  if (set.new_set) {
    Status m = write_manifest(set.set_folder, set.specs.size());
    if (!m.ok()) {
      err << "readouts-index add: " << m.error().message << "\n";
      return kExitDatabase;
    }
  }

  AddSettings settings;
  settings.extract = opts.value();
  settings.data_fingerprint = data.value().fingerprint;
  // The url given on the command line is part of what the file's articles are made of.
  if (!opts.value().url.empty())
    settings.data_fingerprint =
        hex64(fnv1a64(opts.value().url, fnv1a64(settings.data_fingerprint)));
  settings.force = args.has("--force");
  if (auto v = args.value("--jobs")) {
    auto n = parse_size(*v);
    if (!n.ok() || n.value() > 64)
      return usage_error(err, "add", "--jobs takes a number from 1 to 64");
    settings.jobs = static_cast<int>(n.value());
  }

  InputListing listing = list_inputs(args.positional);
  Progress progress(err, !args.has("--quiet") && ::isatty(STDERR_FILENO), listing.files.size());
  auto on_progress = [&](size_t files, size_t articles) { progress.update(files, articles); };
  if (single) {
    // What a bulk load killed after its swap left behind (we hold the writer lock: no other
    // run uses it).
    std::error_code ec;
    fs::remove_all(bulk_work_folder(*db), ec);
  }
  // A fresh database is built in parallel shards, merged compactly and swapped in (docs/cli.md);
  // a set of shards is written article by article, each to its shard.
  auto fresh = writer_ptr->is_fresh();
  if (!fresh.ok()) {
    err << "readouts-index add: " << fresh.error().message << "\n";
    return kExitDatabase;
  }
  const bool bulk = single && fresh.value() && !args.has("--no-bulk") && !listing.files.empty();
  // The new articles' events, planned before anything is written: each new document is then
  // written once, with its event, and the grouping below rewrites only the documents whose event
  // the new ones change (indexer/event_prepass.h).
  const std::vector<NamedEvent> named = named_events(data.value().knowledge);
  const auto& corrections = data.value().knowledge.event_corrections();
  auto plan = plan_add_events(*writer_ptr, listing.files, data.value().knowledge, settings, named,
                              corrections);
  if (!plan.ok()) {
    err << "readouts-index add: " << plan.error().message << "\n";
    return kExitDatabase;
  }
  settings.events = &plan.value();
  auto counts_r =
      bulk ? run_bulk_add(*db, wo, listing.files, data.value().knowledge, settings, on_progress)
           : run_add_pipeline(*writer_ptr, listing.files, data.value().knowledge, settings,
                              on_progress);
  progress.finish();
  if (bulk) {
    // Success or not, the writer on the old (empty) database is closed and the work folder
    // removed; after a success db is the merged database, which we open again.
    writer_ptr.reset();
    std::error_code ec;
    fs::remove_all(bulk_work_folder(*db), ec);
    if (counts_r.ok()) {
      auto reopened = IndexWriter::open(*db, wo);
      if (!reopened.ok()) {
        err << "readouts-index add: " << reopened.error().message << "\n";
        return kExitDatabase;
      }
      writer_ptr = std::move(reopened.value());
    }
  }
  if (!counts_r.ok()) {
    err << "readouts-index add: " << counts_r.error().message << "\n";
    return kExitDatabase;
  }
  IndexWriter& writer = *writer_ptr;
  auto grouped = writer.regroup_events(named, corrections);
  if (!grouped.ok()) {
    err << "readouts-index add: " << grouped.error().message << "\n";
    return kExitDatabase;
  }
  Status c = writer.commit();
  if (!c.ok()) {
    err << "readouts-index add: " << c.error().message << "\n";
    return kExitDatabase;
  }
  const AddCounts& counts = counts_r.value();
  std::vector<InputProblem> failures = listing.problems;
  failures.insert(failures.end(), counts.failures.begin(), counts.failures.end());
  const size_t added = counts.added, replaced = counts.replaced, unchanged = counts.unchanged,
               removed = counts.removed, undated = counts.undated;
  auto count = writer.article_count();
  for (const auto& w : counts.warnings) err << "warning: " << w.path << ": " << w.reason << "\n";

  print_problems(err, failures);
  if (args.has("--json")) {
    nlohmann::json j = {{"added", added},
                        {"replaced", replaced},
                        {"unchanged", unchanged},
                        {"removed", removed},
                        {"failed", failures.size()},
                        {"undated", undated},
                        {"skipped", listing.skipped},
                        {"articles", count.ok() ? count.value() : 0}};
    nlohmann::json fl = nlohmann::json::array();
    for (const auto& fail : failures) fl.push_back({{"path", fail.path}, {"reason", fail.reason}});
    j["failures"] = fl;
    out << dump_json(j) << "\n";
  } else {
    out << "added " << added << ", replaced " << replaced << ", unchanged " << unchanged
        << ", removed " << removed << ", failed " << failures.size();
    if (undated) out << " (" << undated << " without a date)";
    if (count.ok()) out << "; " << count.value() << " articles in " << set.describe();
    out << "\n";
  }
  return failures.empty() ? kExitOk : kExitInputFailed;
}

// ---------------------------------------------------------------- inspect
int run_inspect(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  if (args.positional.empty())
    return usage_error(err, "inspect", "give at least one PATH (file, folder or -)");
  auto opts = extract_options(args);
  if (!opts.ok()) return usage_error(err, "inspect", opts.error().message);
  auto data = load_data(args);
  if (!data.ok()) {
    err << "readouts-index inspect: " << data.error().message << "\n";
    return kExitUsage;
  }
  InputListing listing = list_inputs(args.positional);
  std::vector<InputProblem> failures = listing.problems;
  const bool json = args.has("--json");
  for (const InputFile& f : listing.files) {
    auto bytes = read_input(f, opts.value().max_bytes);
    if (!bytes.ok()) {
      failures.push_back({f.display, bytes.error().message});
      continue;
    }
    ExtractOutcome outcome = extract_articles(bytes.value(), source_info(f, bytes.value()),
                                              data.value().knowledge, opts.value());
    for (const Article& a : outcome.articles) {
      if (json) {
        nlohmann::json j = a;
        out << dump_json(j) << "\n";
      } else {
        out << a.origin << "\n  id: " << a.id << "\n  title: " << a.title
            << "\n  date: " << (a.date.known() ? a.date.iso() : "(unknown)") << " ("
            << precision_name(a.date.precision) << ", " << a.date.evidence << ")"
            << "\n  source: " << a.source << "\n  language: " << a.language << "\n  speakers: ";
        for (size_t i = 0; i < a.speakers.size(); ++i) out << (i ? ", " : "") << a.speakers[i];
        out << "\n  mentions: ";
        for (size_t i = 0; i < a.mentions.size(); ++i) out << (i ? ", " : "") << a.mentions[i];
        out << "\n  topics: ";
        for (size_t i = 0; i < a.topics.size(); ++i) out << (i ? ", " : "") << a.topics[i];
        out << "\n  passages:\n";
        for (const auto& p : a.passages) {
          out << "    [" << (p.speaker.empty() ? "-" : p.speaker) << "] "
              << (p.text.size() > 100 ? p.text.substr(0, 100) + "…" : p.text) << "\n";
        }
        for (const auto& w : a.warnings) out << "  warning: " << w << "\n";
      }
    }
    for (const auto& fail : outcome.failures) failures.push_back({fail.origin, fail.error.message});
  }
  print_problems(err, failures);
  return failures.empty() ? kExitOk : kExitInputFailed;
}

// ---------------------------------------------------------------- remove
int run_remove(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  auto target = shard_target(args, /*create=*/false);
  if (!target.ok()) return usage_error(err, "remove", target.error().message);
  if (args.positional.empty()) return usage_error(err, "remove", "give at least one article ID");
  WriterOptions wo;
  wo.create = false;
  auto writer = IndexWriter::open_set(target.value().specs, wo);
  if (!writer.ok()) {
    err << "readouts-index remove: " << writer.error().message << "\n";
    return kExitDatabase;
  }
  size_t removed = 0, missing = 0;
  for (const auto& id : args.positional) {
    auto r = writer.value()->remove(id);
    if (!r.ok()) {
      err << "readouts-index remove: " << r.error().message << "\n";
      return kExitDatabase;
    }
    if (r.value()) {
      ++removed;
    } else {
      ++missing;
      err << "error: " << id << ": no article with this id (see `readouts-index list`)\n";
    }
  }
  auto data = load_data(args);
  if (!data.ok()) return usage_error(err, "remove", data.error().message);
  auto grouped = writer.value()->regroup_events(named_events(data.value().knowledge),
                                                data.value().knowledge.event_corrections());
  if (!grouped.ok()) {
    err << "readouts-index remove: " << grouped.error().message << "\n";
    return kExitDatabase;
  }
  Status c = writer.value()->commit();
  if (!c.ok()) {
    err << "readouts-index remove: " << c.error().message << "\n";
    return kExitDatabase;
  }
  out << "removed " << removed << ", not found " << missing << "\n";
  return missing ? kExitInputFailed : kExitOk;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"add",
       "add --db DIR [--shards N] [options] PATH...",
       "Index files, folders (recursively) or - (standard input). Unchanged files are skipped; "
       "changed files replace their articles.",
       {kDbFlag,
        kShardsFlag,
        kDataFlag,
        kMaxBytesFlag,
        kRequireDateFlag,
        kUrlFlag,
        kJsonFlag,
        kHelpFlag,
        {"--force", false, false, "", "re-read files even when unchanged"},
        {"--batch", true, false, "N",
         "commit every N changed articles (default 250; 10000 into a new --shards set)"},
        {"--no-bulk", false, false, "",
         "write into an empty database directly (no parallel shards, no merge)"},
        {"--no-sync", false, false, "", "do not fsync commits (fast rebuilds you can redo)"},
        {"--jobs", true, false, "N",
         "worker threads reading and preparing articles, and shards written in parallel "
         "into an empty database (default: one per core)"},
        {"--quiet", false, false, "", "no progress line"}},
       run_add},
      {"inspect",
       "inspect [--json] [options] PATH...",
       "Show what would be indexed (date, speakers, topics, passages) without a database.",
       {kDataFlag, kMaxBytesFlag, kRequireDateFlag, kUrlFlag, kJsonFlag, kHelpFlag},
       run_inspect},
      {"remove",
       "remove --db DIR ID...",
       "Remove articles by id (and regroup the events).",
       {kDbFlag, kShardsFlag, kDataFlag, kHelpFlag},
       run_remove},
      {"list",
       "list --db DIR [--json]",
       "List articles: id, date, source, title.",
       {kDbFlag, kShardsFlag, kJsonFlag, kHelpFlag},
       run_list},
      {"events",
       "events --db DIR [--id EVENT] [--json]",
       "List the events (accounts of one call, meeting or talks grouped) and their accounts.",
       {kDbFlag,
        kShardsFlag,
        kDataFlag,
        {"--id", true, false, "EVENT", "only this event"},
        kJsonFlag,
        kHelpFlag},
       run_events},
      {"stats",
       "stats --db DIR [--json]",
       "Articles, speakers, topics, date range and size on disk (a set's shards summed).",
       {kDbFlag, kShardsFlag, kDataFlag, kJsonFlag, kHelpFlag},
       run_stats},
      {"compact",
       "compact --db DIR [--out DIR2]",
       "Compact the database, or each local shard of a set (in place, or into DIR2). Run it "
       "after large loads.",
       {kDbFlag,
        kShardsFlag,
        {"--out", true, false, "DIR2", "write the compacted copy here instead"},
        kHelpFlag},
       run_compact},
      {"split",
       "split --db DIR --shards N --out DIR2",
       "Copy a database (or a set) into a new set of N shards in DIR2, each article to its shard, "
       "without reading the articles again.",
       {kDbFlag,
        {"--shards", true, false, "N", "the new set's number of shards (2 to 1024)"},
        {"--out", true, false, "DIR2", "the new set's folder (must not exist)"},
        {"--batch", true, false, "N", "commit every N copied articles (default 10000)"},
        {"--no-sync", false, false, "", "do not fsync commits"},
        {"--quiet", false, false, "", "no progress line"},
        kJsonFlag,
        kHelpFlag},
       run_split},
  };
  return kCommands;
}

void print_main_help(std::ostream& out) {
  out << "readouts-index: build and maintain a readouts search database.\n\nUsage:\n";
  for (const auto& c : commands())
    out << "  readouts-index " << c.usage << "\n      " << c.summary << "\n";
  out << "\nRun `readouts-index COMMAND --help` for a command's options. See docs/cli.md.\n"
      << "Exit status: 0 ok, 1 some inputs failed, 2 usage error, 3 database error.\n";
}

void print_command_help(std::ostream& out, const Command& c) {
  out << "Usage: readouts-index " << c.usage << "\n\n" << c.summary << "\n\nOptions:\n";
  for (const auto& f : c.flags) {
    std::string left = f.name + (f.takes_value ? " " + f.value_name : "");
    out << "  " << left << std::string(left.size() < 18 ? 18 - left.size() : 1, ' ') << f.help
        << "\n";
  }
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_main_help(args.empty() ? err : out);
    return args.empty() ? kExitUsage : kExitOk;
  }
  for (const auto& c : commands()) {
    if (c.name != args[0]) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    auto parsed = parse_args(rest, c.flags);
    if (!parsed.ok()) return usage_error(err, c.name, parsed.error().message);
    if (parsed.value().has("--help")) {
      print_command_help(out, c);
      return kExitOk;
    }
    try {
      return c.run(parsed.value(), out, err);
    } catch (const std::exception& e) {
      err << "readouts-index " << c.name << ": internal error: " << e.what()
          << " (please report this with the input that caused it)\n";
      return kExitDatabase;
    }
  }
  err << "readouts-index: unknown command '" << args[0] << "'\n";
  print_main_help(err);
  return kExitUsage;
}

}  // namespace readouts
