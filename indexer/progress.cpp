// Draws the indexer's progress line at most ten times a second.
#include "indexer/progress.h"

#include <cstdio>
#include <ostream>

namespace readouts {

Progress::Progress(std::ostream& out, bool enabled, size_t total)
    : out_(out), enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()) {}

void Progress::update(size_t files_done, size_t articles_done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && files_done < total_) return;
  last_draw_ = now;
  drawn_ = true;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? static_cast<double>(articles_done) / secs : 0;
  double file_rate = secs > 0 ? static_cast<double>(files_done) / secs : 0;
  double eta = file_rate > 0 ? static_cast<double>(total_ - files_done) / file_rate : 0;
  char line[160];
  std::snprintf(line, sizeof line, "\r%zu/%zu files, %zu articles, %.0f articles/s, ETA %.0fs   ",
                files_done, total_, articles_done, rate, eta);
  out_ << line << std::flush;
}

void Progress::finish() {
  if (enabled_ && drawn_) out_ << "\n";
}

}  // namespace readouts
