// Per-thread Searchers for the server's workers.
#include "server/searcher_pool.h"

namespace readouts {

SearcherPool::SearcherPool(std::vector<std::filesystem::path> shards,
                           std::shared_ptr<const Knowledge> knowledge, ShardOptions options)
    : shards_(std::move(shards)), knowledge_(std::move(knowledge)), options_(options) {}

Result<Searcher*> SearcherPool::local() {
  const auto id = std::this_thread::get_id();
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = searchers_.find(id);
    if (it != searchers_.end()) return it->second.get();
  }
  auto opened = Searcher::open(shards_, knowledge_, options_);
  if (!opened.ok()) return opened.error();
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = searchers_[id];
  slot = std::move(opened.value());
  return slot.get();
}

}  // namespace readouts
