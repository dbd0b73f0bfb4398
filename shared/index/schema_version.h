// Reads and checks the schema version a database records (the writer's and readers' shared rule).
//
// A database without any document and without a version is "new" and acceptable to a writer.
// Errors come back as values; Xapian exceptions are caught by the callers' guards.
#pragma once

#include <xapian.h>

#include <string>

#include "shared/core/status.h"

namespace readouts {

// Ok when `db` records schema::kSchemaVersion (or is empty and allow_empty is set); otherwise a
// kSchemaMismatch error naming both versions and what to do, for the database at `path`.
Status check_schema_version(const Xapian::Database& db, const std::string& path, bool allow_empty);

}  // namespace readouts
