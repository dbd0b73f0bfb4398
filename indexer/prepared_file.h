// One input file of an add, read and extracted (and some of its documents built): what the add's
// passes (indexer/event_prepass.h, indexer/add_pipeline.h) make of a file before writing it.
//
// Plain functions; safe to call from several threads at once for different files (each with its
// own DocumentBuilder). Problems are values in the PreparedFile; nothing throws but what
// extraction itself might (callers catch std::exception per file).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/add_settings.h"
#include "indexer/input_files.h"
#include "shared/index/document_builder.h"
#include "shared/index/index_writer.h"

namespace readouts {

struct PreparedFile {
  std::string read_error;  // non-empty: the file could not be read
  bool unchanged = false;  // fingerprint matched: nothing to do
  size_t unchanged_count = 0;
  std::string fingerprint;  // "<bytes hash>.<data fingerprint>"
  std::vector<Article> articles;
  std::vector<Xapian::Document> documents;  // of the first articles, when a builder was given
  std::vector<RecordFailure> failures;
};

// Reads and extracts a file. `stored` is the file's stored fingerprint ("" when none): a file
// whose bytes and data match it is only marked unchanged (unless settings.force). With a
// builder, the documents of the first max_built articles are built too.
PreparedFile prepare_file(const InputFile& file, const std::string& stored,
                          const Knowledge& knowledge, const AddSettings& settings,
                          DocumentBuilder* builder, size_t max_built);

// The stored fingerprint of every file ("" for standard input, and for all when settings.force),
// read on the writer's thread before any worker starts.
Result<std::vector<std::string>> stored_fingerprints(IndexWriter& writer,
                                                     const std::vector<InputFile>& files,
                                                     const AddSettings& settings);

// Within one file, the same id twice: keeps the last record (a sequential run replaces the first
// with it). Returns how many were dropped.
size_t keep_last_of_each_id(std::vector<Article>& articles);

}  // namespace readouts
