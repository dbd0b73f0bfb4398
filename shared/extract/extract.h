// Extraction: bytes of one input (a file or stdin) -> Articles with date, speakers, topics,
// passages. Pure: no I/O, no Xapian. Every reader (scraped text, Markdown with front matter, JSON,
// JSON Lines, HTML) ends here. Thread-safe given a const Knowledge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/core/article.h"
#include "shared/core/status.h"
#include "shared/extract/knowledge.h"

namespace readouts {

struct SourceInfo {
  std::string origin;  // path as given, or "-" for standard input; copied into Article::origin
  std::string
      extension;        // lower-case file extension without dot ("md", "jsonl", "html", "txt", "")
  std::string id_seed;  // stable string an id is derived from when the record has none
};

struct ExtractOptions {
  size_t max_bytes = 32u << 20;  // larger inputs fail with kTooLarge
  bool require_date = false;     // articles without a date fail instead of warning
  std::string url;  // the input's web address when the caller knows it (--url); records
                    // without a url of their own take it
  // false: topics are not detected (Article::topics stays as the record gives it), for a pass
  // that needs only what an article is about otherwise (its exchange: indexer/event_prepass.h)
  bool detect_topics = true;
};

struct RecordFailure {
  std::string origin;  // path, or path#N for the Nth record
  Error error;         // what went wrong and what to do
};

struct ExtractOutcome {
  std::vector<Article> articles;
  std::vector<RecordFailure> failures;
};

// Detects the format (extension, then content sniffing), reads every record, extracts metadata.
// Never throws; a bad record becomes a failure and the others are still returned.
ExtractOutcome extract_articles(std::string_view bytes, const SourceInfo& source,
                                const Knowledge& knowledge, const ExtractOptions& options);

}  // namespace readouts
