// Progress line for long indexing runs: articles/s, done/total, ETA; only on a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>

namespace readouts {

class Progress {
 public:
  // enabled: whether to draw (the caller checks isatty); total: number of input files.
  Progress(std::ostream& out, bool enabled, size_t total);
  void update(size_t files_done, size_t articles_done);
  void finish();

 private:
  std::ostream& out_;
  bool enabled_;
  size_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace readouts
