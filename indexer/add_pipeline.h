// The add pipeline: files are read, extracted and turned into Xapian documents by worker threads,
// in parallel; one writer (the calling thread) writes them in file order and commits in batches.
//
// Xapian objects cross threads only by hand-off: a document built by a worker is never touched
// by it again. Not re-entrant; one run at a time per database (Xapian's lock enforces it).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "indexer/add_settings.h"
#include "indexer/input_files.h"
#include "shared/extract/extract.h"
#include "shared/index/index_writer.h"

namespace readouts {

struct AddCounts {
  size_t added = 0, replaced = 0, unchanged = 0, removed = 0, undated = 0, articles = 0;
  std::vector<InputProblem> failures;
  std::vector<InputProblem> warnings;  // articles indexed with a problem (no date, ...)
};

// Runs the pipeline over `files`. progress(files_done, articles_done) is called from the writer.
// Returns an error only for database failures (then the run stops; committed work stays).
Result<AddCounts> run_add_pipeline(IndexWriter& writer, const std::vector<InputFile>& files,
                                   const Knowledge& knowledge, const AddSettings& settings,
                                   const std::function<void(size_t, size_t)>& progress);

// The bulk load of a fresh database `db` (IndexWriter::is_fresh; the caller holds db's writer
// open, which keeps other writers out): `jobs` threads (default: one per core) each read,
// extract and write whole files into their own shard database under bulk_work_folder(db)
// (without fsync), then the shards are merged compactly (shared/index/bulk.h), duplicate ids
// across shards resolved as a sequential run would, the result synced and swapped in place of
// db in one rename. The caller must then close its writer on db (it now refers to the old,
// empty database, which sits in the work folder) and remove the work folder. Until the swap, db
// stays empty; a killed run leaves it so, and the rerun starts over. progress is called from
// the worker threads, one at a time.
Result<AddCounts> run_bulk_add(const std::filesystem::path& db, const WriterOptions& options,
                               const std::vector<InputFile>& files, const Knowledge& knowledge,
                               const AddSettings& settings,
                               const std::function<void(size_t, size_t)>& progress);

// Where the bulk load of db works: "<db>.bulk" next to it.
std::filesystem::path bulk_work_folder(const std::filesystem::path& db);

}  // namespace readouts
