// Remote shards reported down, probed again in the background until they answer.
#include "shared/search/shard_health.h"

#include <xapian.h>

#include <chrono>
#include <vector>

#include "shared/search/shard_set.h"

namespace readouts {

ShardHealth::ShardHealth(unsigned timeout_ms, unsigned connect_timeout_ms, unsigned retry_after_ms)
    : timeout_ms_(timeout_ms),
      connect_timeout_ms_(connect_timeout_ms),
      retry_after_ms_(retry_after_ms) {}

ShardHealth::~ShardHealth() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (prober_.joinable()) prober_.join();
}

void ShardHealth::report_down(const std::string& spec) {
  std::lock_guard<std::mutex> lock(mutex_);
  down_.insert(spec);
  if (!prober_.joinable() && !stopping_) prober_ = std::thread([this] { probe_loop(); });
}

bool ShardHealth::down(const std::string& spec) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return down_.count(spec) > 0;
}

unsigned long ShardHealth::probes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return probes_;
}

void ShardHealth::probe_loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(retry_after_ms_), [this] { return stopping_; });
    if (stopping_) break;
    const std::vector<std::string> specs(down_.begin(), down_.end());
    lock.unlock();
    std::vector<std::string> answered;
    for (const std::string& spec : specs) {
      std::string host;
      unsigned port = 0;
      if (!parse_remote_spec(spec, host, port)) continue;
      try {
        Xapian::Database db = Xapian::Remote::open(host, port, timeout_ms_, connect_timeout_ms_);
        db.keep_alive();
        answered.push_back(spec);
      } catch (const Xapian::Error&) {
        // Still down: probed again next period.
      }
    }
    lock.lock();
    probes_ += specs.size();
    for (const std::string& spec : answered) down_.erase(spec);
  }
}

}  // namespace readouts
