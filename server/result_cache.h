// A bounded cache of rendered search answers, keyed by the normalized request and the database
// revision, least recently used out first (docs/api.md, "Caching").
//
// Thread-safe: one cache serves every worker (a mutex around a list and a map; entries are
// immutable strings, copied out).
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace readouts {

class ResultCache {
 public:
  // At most max_bytes of keys and answers; 0 turns the cache off.
  explicit ResultCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  bool enabled() const { return max_bytes_ > 0; }
  // The answer stored under key, counting a hit or a miss.
  std::optional<std::string> get(const std::string& key);
  // Stores an answer; one larger than a quarter of the cache is not kept.
  void put(const std::string& key, std::string answer);

  struct Stats {
    uint64_t hits = 0, misses = 0, entries = 0, bytes = 0;
  };
  Stats stats() const;

  // The key of a request: its route, its parameters in name order (values of one name in the
  // order given) and the database revision.
  static std::string key(const std::string& route,
                         const std::multimap<std::string, std::string>& params,
                         const std::string& revision);

 private:
  struct Entry {
    std::string key, answer;
  };
  size_t max_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace readouts
