// What the Searchers of one process know of their remote shards: which do not answer, probed
// again in the background until they do.
//
// Thread-safe, and holds no Xapian object that a Searcher uses: the prober opens its own
// connections on its own thread. Shared through ShardOptions::health by every ShardSet of a
// server, so that a shard one worker found not answering is left out by the others at once (none
// waits for it again), and so that no request waits for a missing shard's connection to time
// out: a worker connects again only once the prober has seen the shard answer.
#pragma once

#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace readouts {

class ShardHealth {
 public:
  // Probes every retry_after_ms, each connection within connect_timeout_ms and timeout_ms.
  ShardHealth(unsigned timeout_ms, unsigned connect_timeout_ms, unsigned retry_after_ms);
  ~ShardHealth();  // stops the prober (within one probe)
  ShardHealth(const ShardHealth&) = delete;
  ShardHealth& operator=(const ShardHealth&) = delete;

  // A Searcher found the remote shard `spec` ("tcp://HOST:PORT") not answering.
  void report_down(const std::string& spec);
  // Whether `spec` was reported down and has not answered the prober since.
  bool down(const std::string& spec) const;
  // How many probes have been made (for tests and /metrics).
  unsigned long probes() const;

 private:
  void probe_loop();

  const unsigned timeout_ms_, connect_timeout_ms_, retry_after_ms_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::set<std::string> down_;
  unsigned long probes_ = 0;
  bool stopping_ = false;
  std::thread prober_;  // started by the first report
};

}  // namespace readouts
