// Splitting one readouts database (or a set) into a new set of N shards by copying its documents,
// without reading the articles again.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "shared/core/status.h"
#include "shared/index/index_writer.h"

namespace readouts {

// Copies every article of `from` (one database, a set's folder, or shards: maintenance.h's
// open_for_reading) into a new set of n shards in out_dir: each document to shard_of(id, n) as it
// is (terms, positions, values, stored article, event), the spelling data counted again per
// shard, the metadata (file fingerprints) in every shard, the manifest written last. out_dir must
// not exist. On any error the half-written out_dir is removed and `from` is untouched. Errors:
// kInvalidArgument (n < 2, out_dir exists), kUnavailable (a database cannot be read or written,
// or `from` changed while it was read). progress(articles copied) is called now and then.
Result<size_t> split_into_set(const std::vector<std::string>& from,
                              const std::filesystem::path& out_dir, size_t n,
                              const WriterOptions& options,
                              const std::function<void(size_t)>& progress = {});

}  // namespace readouts
