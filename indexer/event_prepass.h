// The first pass of an add: before anything is written, the input files are read and extracted
// (in parallel) to learn the exchange of every article the add will write, and the events of
// those articles are planned (shared/index/event_plan.h). The second pass (add_pipeline.h) then
// writes each new document once, with its event, instead of the grouping rewriting every new
// account after the add (docs/notes/bulk-events.md: 38% of the CPU of a 2,000-article bulk load).
//
// Extraction runs twice (here and when writing): cheaper than rewriting the documents, and
// nothing but the articles' ids and exchanges is kept between the passes. Standard input, which
// can be read once only, is left to the grouping after the add. Not thread-safe (one run per
// writer); database failures come back as Errors.
#pragma once

#include <vector>

#include "indexer/add_settings.h"
#include "indexer/input_files.h"
#include "shared/events/grouping.h"
#include "shared/extract/knowledge.h"
#include "shared/index/event_plan.h"
#include "shared/index/index_writer.h"

namespace readouts {

// The events of the articles that adding `files` to the writer's database will write: files
// unchanged since their stored fingerprint (unless settings.force) and unreadable ones have none.
Result<EventPlan> plan_add_events(IndexWriter& writer, const std::vector<InputFile>& files,
                                  const Knowledge& knowledge, const AddSettings& settings,
                                  const std::vector<NamedEvent>& named,
                                  const std::vector<EventCorrection>& corrections);

}  // namespace readouts
