// The settings of one `readouts-index add` run, shared by its passes (indexer/event_prepass.h,
// indexer/add_pipeline.h). Plain data.
#pragma once

#include <algorithm>
#include <string>
#include <thread>

#include "shared/extract/extract.h"
#include "shared/index/event_plan.h"

namespace readouts {

struct AddSettings {
  ExtractOptions extract;
  std::string data_fingerprint;  // changes when data files or extraction change
  bool force = false;            // ignore stored fingerprints
  int jobs = 0;                  // worker threads; 0 = one per core
  // The events planned for the new articles (plan_add_events): each new document is written with
  // its event. Null: documents are written without one (the grouping after the add gives it).
  const EventPlan* events = nullptr;
};

// The number of worker threads of a run: settings.jobs, or one per core; 1 to 64.
inline int worker_count(const AddSettings& settings) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::clamp(settings.jobs > 0 ? settings.jobs : cores, 1, 64);
}

}  // namespace readouts
