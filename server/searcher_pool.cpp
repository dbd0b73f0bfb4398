// Per-thread Searchers for the server's workers.
#include "server/searcher_pool.h"

namespace readouts {

SearcherPool::SearcherPool(std::vector<std::filesystem::path> shards,
                           std::shared_ptr<const Knowledge> knowledge, ShardOptions options)
    : shards_(std::move(shards)), knowledge_(std::move(knowledge)), options_(std::move(options)) {
  // The workers share what they learn of remote shards (shared/search/shard_health.h).
  if (!options_.health)
    options_.health = std::make_shared<ShardHealth>(
        options_.timeout_ms, options_.connect_timeout_ms, options_.retry_after_ms);
}

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
