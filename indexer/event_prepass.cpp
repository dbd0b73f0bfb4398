// The add's first pass: every article's exchange, read before anything is written, and the plan
// of their events (event_prepass.h).
#include "indexer/event_prepass.h"

#include <atomic>
#include <exception>
#include <thread>

#include "indexer/prepared_file.h"
#include "shared/index/document_builder.h"

namespace readouts {

namespace {

// What one file contributes to the plan.
struct FileExchanges {
  bool reread = false;  // the file is read and written again (new or changed)
  std::vector<PlannedArticle> articles;
};

FileExchanges read_exchanges(const InputFile& f, const std::string& stored,
                             const Knowledge& knowledge, const AddSettings& settings) {
  FileExchanges out;
  if (f.key == "-") return out;  // read once, by the second pass
  // What an article is about does not change its exchange: topics are not detected here.
  AddSettings exchanges_only = settings;
  exchanges_only.extract.detect_topics = false;
  PreparedFile p;
  try {
    p = prepare_file(f, stored, knowledge, exchanges_only, nullptr, 0);
  } catch (const std::exception&) {
    return out;  // the second pass reports it
  }
  if (!p.read_error.empty() || p.unchanged) return out;
  out.reread = true;
  keep_last_of_each_id(p.articles);
  out.articles.reserve(p.articles.size());
  for (const Article& a : p.articles) out.articles.push_back({a.id, exchange_value_of(a)});
  return out;
}

}  // namespace

Result<EventPlan> plan_add_events(IndexWriter& writer, const std::vector<InputFile>& files,
                                  const Knowledge& knowledge, const AddSettings& settings,
                                  const std::vector<NamedEvent>& named,
                                  const std::vector<EventCorrection>& corrections) {
  auto fingerprints = stored_fingerprints(writer, files, settings);
  if (!fingerprints.ok()) return fingerprints.error();
  const std::vector<std::string>& stored = fingerprints.value();
  std::vector<FileExchanges> per_file(files.size());
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < files.size(); i = next++)
      per_file[i] = read_exchanges(files[i], stored[i], knowledge, settings);
  };
  std::vector<std::thread> threads;
  for (int j = 0; j < worker_count(settings); ++j) threads.emplace_back(worker);
  for (auto& t : threads) t.join();

  // In file order: for an id in several files, the later file's article is the one kept.
  std::vector<PlannedArticle> articles;
  std::vector<std::string> reread;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!per_file[i].reread) continue;
    reread.push_back(origin_term_for(files[i].key));
    for (auto& a : per_file[i].articles) articles.push_back(std::move(a));
  }
  return writer.plan_events(articles, reread, named, corrections);
}

}  // namespace readouts
