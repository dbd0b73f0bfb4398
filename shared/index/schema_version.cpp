// Schema version check shared by IndexWriter and Searcher.
#include "shared/index/schema_version.h"

#include "shared/core/schema.h"

namespace readouts {

Status check_schema_version(const Xapian::Database& db, const std::string& path, bool allow_empty) {
  std::string recorded = db.get_metadata(std::string(schema::kVersionKey));
  std::string expected = std::to_string(schema::kSchemaVersion);
  if (recorded == expected) return Status::Ok();
  if (recorded.empty()) {
    if (allow_empty && db.get_doccount() == 0) return Status::Ok();
    return make_error(Code::kSchemaMismatch,
                      "database " + path +
                          " has no readouts schema version (not made by "
                          "readouts-index?); this build reads schema version " +
                          expected +
                          ": index your articles into a new database with `readouts-index add --db "
                          "NEWDIR ...`");
  }
  return make_error(Code::kSchemaMismatch,
                    "database " + path + " was written with schema version " + recorded +
                        "; this build reads schema version " + expected +
                        ": rebuild it with `readouts-index add --db NEWDIR ...` from the same "
                        "articles (see docs/operations.md, upgrading)");
}

}  // namespace readouts
