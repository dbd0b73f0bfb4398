// One Searcher per worker thread (Xapian objects are never shared between threads).
//
// Thread-safe: local() may be called from any thread and returns that thread's own Searcher,
// opening it on first use. Searchers live until the pool is destroyed.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "shared/search/searcher.h"

namespace readouts {

class SearcherPool {
 public:
  SearcherPool(std::vector<std::filesystem::path> shards,
               std::shared_ptr<const Knowledge> knowledge, ShardOptions options = ShardOptions());
  // This thread's Searcher; an error when the database cannot be opened now.
  Result<Searcher*> local();

 private:
  std::vector<std::filesystem::path> shards_;
  std::shared_ptr<const Knowledge> knowledge_;
  ShardOptions options_;
  std::mutex mu_;
  std::map<std::thread::id, std::unique_ptr<Searcher>> searchers_;
};

}  // namespace readouts
