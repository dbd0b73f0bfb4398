// A bounded cache of rendered search answers (least recently used out first).
#include "server/result_cache.h"

namespace readouts {

std::optional<std::string> ResultCache::get(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->answer;
}

void ResultCache::put(const std::string& key, std::string answer) {
  const size_t size = key.size() + answer.size();
  if (!enabled() || size > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->key.size() + it->second->answer.size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front(Entry{key, std::move(answer)});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    const Entry& last = lru_.back();
    bytes_ -= last.key.size() + last.answer.size();
    index_.erase(last.key);
    lru_.pop_back();
  }
}

ResultCache::Stats ResultCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return Stats{hits_, misses_, static_cast<uint64_t>(lru_.size()), static_cast<uint64_t>(bytes_)};
}

std::string ResultCache::key(const std::string& route,
                             const std::multimap<std::string, std::string>& params,
                             const std::string& revision) {
  // Separators that parameter values cannot hold unescaped in a key: lengths before each part.
  std::string k = route;
  for (const auto& [name, value] : params) {
    k += '\n' + std::to_string(name.size()) + ':' + name;
    k += std::to_string(value.size()) + ':' + value;
  }
  k += '\n' + revision;
  return k;
}

}  // namespace readouts
