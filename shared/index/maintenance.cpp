// Listing and compaction of readouts databases (indexer CLI support).
#include "shared/index/maintenance.h"

#include <xapian.h>

#include "shared/core/article.h"
#include "shared/core/schema.h"
#include "shared/index/schema_version.h"

namespace readouts {

Result<std::vector<ArticleSummary>> list_articles(const std::filesystem::path& path) {
  try {
    Xapian::Database db(path.string());
    Status s = check_schema_version(db, path.string(), /*allow_empty=*/true);
    if (!s.ok()) return s.error();
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
  } catch (const Xapian::DatabaseOpeningError& e) {
    return make_error(Code::kUnavailable,
                      "cannot open database " + path.string() + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return make_error(Code::kUnavailable,
                      "database " + path.string() + ": " + e.get_type() + ": " + e.get_msg());
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
