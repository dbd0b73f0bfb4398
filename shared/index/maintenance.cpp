// Opening, listing and compaction of readouts databases and shard sets (indexer CLI support).
#include "shared/index/maintenance.h"

#include <xapian.h>

#include "shared/core/article.h"
#include "shared/core/schema.h"
#include "shared/index/schema_version.h"
#include "shared/search/shard_set.h"

namespace readouts {

namespace {

// A remote shard's answer to the maintenance commands' requests, and its connection.
constexpr unsigned kRemoteTimeoutMs = 10000;
// Reads started again after a writer's commit outdated them (DatabaseModifiedError).
constexpr int kModifiedRetries = 3;

}  // namespace

Result<Xapian::Database> open_for_reading(const std::vector<std::string>& specs) {
  if (specs.empty()) return make_error(Code::kInvalidArgument, "no database given");
  Xapian::Database all;
  for (const std::string& spec : specs) {
    try {
      Xapian::Database db;
      if (is_remote_spec(spec)) {
        std::string host;
        unsigned port = 0;
        if (!parse_remote_spec(spec, host, port))
          return make_error(Code::kInvalidArgument,
                            "bad remote shard \"" + spec + "\": write it as tcp://HOST:PORT");
        db = Xapian::Remote::open(host, port, kRemoteTimeoutMs, kRemoteTimeoutMs);
      } else {
        db = Xapian::Database(spec);
      }
      Status s = check_schema_version(db, spec, /*allow_empty=*/true);
      if (!s.ok()) return s.error();
      all.add_database(db);
    } catch (const Xapian::NetworkError& e) {
      return make_error(Code::kUnavailable,
                        "shard " + spec + " does not answer (" + e.get_msg() +
                            "): start xapian-tcpsrv for it and run the command again");
    } catch (const Xapian::DatabaseOpeningError& e) {
      return make_error(Code::kUnavailable, "cannot open database " + spec + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
      return make_error(Code::kUnavailable,
                        "database " + spec + ": " + e.get_type() + ": " + e.get_msg());
    }
  }
  return all;
}

Result<std::vector<ArticleSummary>> list_articles(const std::filesystem::path& path) {
  return list_articles(std::vector<std::string>{path.string()});
}

Result<std::vector<ArticleSummary>> list_articles(const std::vector<std::string>& specs) {
  auto opened = open_for_reading(specs);
  if (!opened.ok()) return opened.error();
  const std::string name = specs.size() == 1 ? specs.front() : "the shard set";
  // A writer committing meanwhile may outdate what we read: read again from its new revision.
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Database& db = opened.value();
      std::vector<ArticleSummary> out;
      const std::string id_prefix(schema::kIdPrefix);
      for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
        auto p = db.postlist_begin(*t);
        if (p == db.postlist_end(*t)) continue;
        Xapian::Document doc = db.get_document(*p);
        ArticleSummary a;
        a.id = (*t).substr(id_prefix.size());
        a.date = ArticleDate::from_sortable(doc.get_value(schema::kSlotDate)).iso();
        a.title = doc.get_value(schema::kSlotTitle);
        a.source = doc.get_value(schema::kSlotSource);
        out.push_back(std::move(a));
      }
      return out;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kModifiedRetries)
        return make_error(Code::kUnavailable, "database " + name + " kept changing while read (" +
                                                  e.get_msg() + "): run the command again");
      try {
        opened.value().reopen();
      } catch (const Xapian::Error& again) {
        return make_error(Code::kUnavailable,
                          "database " + name + ": " + again.get_type() + ": " + again.get_msg());
      }
    } catch (const Xapian::Error& e) {
      return make_error(Code::kUnavailable,
                        "database " + name + ": " + e.get_type() + ": " + e.get_msg());
    }
  }
}

Status compact_database(const std::filesystem::path& path, const std::filesystem::path& out) {
  std::error_code ec;
  if (std::filesystem::exists(out, ec))
    return make_error(Code::kInvalidArgument,
                      "output " + out.string() + " already exists: choose a new folder");
  try {
    Xapian::Database db(path.string());
    Status s = check_schema_version(db, path.string(), /*allow_empty=*/true);
    if (!s.ok()) return s;
    db.compact(out.string());
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return make_error(Code::kUnavailable,
                      "cannot compact " + path.string() + ": " + e.get_type() + ": " + e.get_msg());
  }
}

uint64_t size_on_disk(const std::filesystem::path& db) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto f = std::filesystem::recursive_directory_iterator(db, ec);
       !ec && f != std::filesystem::recursive_directory_iterator(); f.increment(ec)) {
    if (f->is_regular_file(ec)) total += f->file_size(ec);
  }
  return total;
}

}  // namespace readouts
