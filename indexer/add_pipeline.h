// The add pipeline: files are read, extracted and turned into Xapian documents by worker threads,
// in parallel; one writer (the calling thread) writes them in file order and commits in batches.
//
// Xapian objects cross threads only by hand-off: a document built by a worker is never touched
// by it again. Not re-entrant; one run at a time per database (Xapian's lock enforces it).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "indexer/input_files.h"
#include "shared/extract/extract.h"
#include "shared/index/index_writer.h"

namespace readouts {

struct AddSettings {
  ExtractOptions extract;
  std::string data_fingerprint;  // changes when data files or extraction change
  bool force = false;            // ignore stored fingerprints
  int jobs = 0;                  // worker threads; 0 = one per core
};

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

}  // namespace readouts
