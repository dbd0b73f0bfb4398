// Parallel read/extract/build with one ordered writer (see add_pipeline.h).
#include "indexer/add_pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "indexer/prepared_file.h"
#include "shared/index/bulk.h"
#include "shared/index/document_builder.h"
#include "shared/index/event_index.h"

namespace readouts {

namespace {

constexpr size_t kWindow = 32;  // files prepared ahead of the writer at most
// Articles prepared (extracted, documents built) ahead of the writer at most: built documents
// are large (~100 KB each), so the window is bounded by articles, not only by files.
constexpr size_t kMaxPreparedArticles = 2000;
// Documents a worker builds for one file; the rest of a larger file (one JSON Lines file of
// 100,000 articles) are built by the writer as it writes them.
constexpr size_t kMaxBuiltPerFile = 1000;
// Articles per work item of a bulk load (any thread may write any chunk of any file).
constexpr size_t kBulkChunk = 250;

// Writes articles [begin, end) of a prepared file (documents built now when the worker did
// not), each with its planned event when there is a plan. Errors: database failures.
Status put_articles(IndexWriter& writer, const InputFile& f, PreparedFile& p, size_t begin,
                    size_t end, DocumentBuilder& builder, const EventPlan* events,
                    AddCounts& counts) {
  for (size_t k = begin; k < end; ++k) {
    const Article& a = p.articles[k];
    Xapian::Document doc = k < p.documents.size() ? std::move(p.documents[k]) : builder.build(a);
    if (events) add_event(doc, events->event_of(a.id));
    auto r = writer.put_document(a, std::move(doc), f.key);
    if (!r.ok()) return r.error();
    ++counts.articles;
    if (!a.date.known()) {
      ++counts.undated;
      counts.warnings.push_back(
          {a.origin,
           "no date found; indexed with an unknown date (add a date: field, or use "
           "--require-date to refuse such articles)"});
    }
    switch (r.value()) {
      case PutOutcome::kAdded:
        ++counts.added;
        break;
      case PutOutcome::kReplaced:
        ++counts.replaced;
        break;
      case PutOutcome::kUnchanged:
        ++counts.unchanged;
        break;
    }
  }
  return Status::Ok();
}

// After all articles of a prepared file were put: its record failures, then (when the whole file
// was read) the removal of its stale records and its fingerprint. `records` is the file's record
// count as stored in the fingerprint.
Status finish_prepared(IndexWriter& writer, const InputFile& f, const PreparedFile& p,
                       size_t records, AddCounts& counts) {
  for (const auto& fail : p.failures) counts.failures.push_back({fail.origin, fail.error.message});
  // Stale records of a changed file are removed only when the whole file was read: a file
  // that now fails keeps its previous articles.
  if (p.failures.empty() && f.key != "-") {
    std::vector<std::string> ids;
    ids.reserve(p.articles.size());
    for (const auto& a : p.articles) ids.push_back(a.id);
    auto r = writer.finish_file(f.key, p.fingerprint + ":" + std::to_string(records), ids);
    if (!r.ok()) return r.error();
    counts.removed += r.value();
  }
  return Status::Ok();
}

// Writes one prepared file: its articles, then finish_prepared.
Status write_prepared(IndexWriter& writer, const InputFile& f, PreparedFile& p,
                      DocumentBuilder& builder, const EventPlan* events, AddCounts& counts) {
  if (!p.read_error.empty()) {
    counts.failures.push_back({f.display, p.read_error});
    return Status::Ok();
  }
  if (p.unchanged) {
    counts.unchanged += p.unchanged_count;
    return Status::Ok();
  }
  Status s = put_articles(writer, f, p, 0, p.articles.size(), builder, events, counts);
  if (!s.ok()) return s;
  return finish_prepared(writer, f, p, p.articles.size(), counts);
}

void append_counts(AddCounts& to, AddCounts&& from) {
  to.added += from.added;
  to.replaced += from.replaced;
  to.unchanged += from.unchanged;
  to.removed += from.removed;
  to.undated += from.undated;
  to.articles += from.articles;
  for (auto& x : from.failures) to.failures.push_back(std::move(x));
  for (auto& x : from.warnings) to.warnings.push_back(std::move(x));
}

}  // namespace

Result<AddCounts> run_add_pipeline(IndexWriter& writer, const std::vector<InputFile>& files,
                                   const Knowledge& knowledge, const AddSettings& settings,
                                   const std::function<void(size_t, size_t)>& progress) {
  AddCounts counts;
  auto fingerprints = stored_fingerprints(writer, files, settings);
  if (!fingerprints.ok()) return fingerprints.error();
  const std::vector<std::string>& stored = fingerprints.value();

  std::vector<std::optional<PreparedFile>> slots(files.size());
  std::mutex mu;
  std::condition_variable ready, room;
  std::atomic<size_t> next{0};
  size_t written = 0;   // guarded by mu
  size_t prepared = 0;  // articles prepared and not yet written; guarded by mu
  bool stop = false;    // guarded by mu

  // Standard input can be read by one thread only, and in order: it is prepared by worker 0 like
  // any file (the claim order keeps that safe: one claim per index).
  auto worker = [&]() {
    DocumentBuilder builder;
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        // The file the writer waits for next may always be claimed (no deadlock on a big file).
        room.wait(lock, [&] {
          return stop || (next.load() < written + kWindow &&
                          (prepared < kMaxPreparedArticles || next.load() == written));
        });
        if (stop) return;
        i = next.fetch_add(1);
      }
      if (i >= files.size()) return;
      // An exception must not escape a worker (std::terminate would kill the run with nothing
      // committed since the last batch and no report): it becomes this file's failure.
      PreparedFile p;
      try {
        p = prepare_file(files[i], stored[i], knowledge, settings, &builder, kMaxBuiltPerFile);
      } catch (const std::exception& e) {
        p = PreparedFile{};
        p.read_error = std::string("internal error while reading this file: ") + e.what() +
                       " (please report it with the file)";
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        prepared += p.articles.size();
        slots[i] = std::move(p);
      }
      ready.notify_all();
    }
  };

  const int jobs = worker_count(settings);
  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j) workers.emplace_back(worker);
  auto stop_workers = [&]() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    room.notify_all();
    for (auto& w : workers) w.join();
  };

  DocumentBuilder own_builder;  // documents of big files beyond kMaxBuiltPerFile
  for (size_t i = 0; i < files.size(); ++i) {
    PreparedFile p;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return slots[i].has_value(); });
      p = std::move(*slots[i]);
      slots[i].reset();
      written = i + 1;
    }
    room.notify_all();
    Status w = write_prepared(writer, files[i], p, own_builder, settings.events, counts);
    if (!w.ok()) {
      stop_workers();
      return w.error();
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      prepared -= p.articles.size();
    }
    room.notify_all();
    if (progress) progress(i + 1, counts.articles);
  }
  stop_workers();
  return counts;
}

Result<AddCounts> run_bulk_add(const std::filesystem::path& db, const WriterOptions& options,
                               const std::vector<InputFile>& files, const Knowledge& knowledge,
                               const AddSettings& settings,
                               const std::function<void(size_t, size_t)>& progress) {
  namespace fs = std::filesystem;
  const fs::path work = bulk_work_folder(db);
  std::error_code ec;
  fs::remove_all(work, ec);  // a killed run's leftovers (we hold the target's writer lock)
  fs::create_directories(work, ec);
  if (ec)
    return make_error(Code::kUnavailable, "cannot create " + work.string() + ": " + ec.message());

  const int jobs = worker_count(settings);

  WriterOptions shard_options = options;
  shard_options.create = true;
  shard_options.no_sync = true;      // the merge is synced; a killed shard is rebuilt anyway
  shard_options.append_only = true;  // ids are made unique at the merge (remove_duplicate_ids)
  std::vector<fs::path> shard_paths;
  std::vector<std::unique_ptr<IndexWriter>> shards;
  for (int j = 0; j < jobs; ++j) {
    shard_paths.push_back(work / ("shard" + std::to_string(j)));
    auto w = IndexWriter::open(shard_paths.back(), shard_options);
    if (!w.ok()) return w.error();
    shards.push_back(std::move(w.value()));
  }

  // Work items: a file to read and extract (by the thread that claims it), then chunks of its
  // articles, which any thread writes into its own shard; so one big JSON Lines file is written
  // by every thread too. The thread writing a file's last chunk records the file's fingerprint.
  struct FileJob {
    size_t index = 0;
    PreparedFile p;
    size_t records = 0;      // the file's record count (before keep_last_of_each_id)
    size_t chunks_left = 0;  // guarded by mu
    AddCounts counts;        // guarded by mu
  };
  struct Chunk {
    std::shared_ptr<FileJob> job;
    size_t begin = 0, end = 0;
  };
  std::vector<AddCounts> per_file(files.size());
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Chunk> chunks;                  // guarded by mu
  size_t next = 0, preparing = 0;            // guarded by mu
  std::optional<Error> failure;              // guarded by mu
  size_t files_done = 0, articles_done = 0;  // guarded by mu
  auto fail = [&](const Error& e) {
    std::lock_guard<std::mutex> lock(mu);
    if (!failure) failure = e;
    cv.notify_all();
  };
  auto worker = [&](size_t j) {
    DocumentBuilder builder;
    IndexWriter& writer = *shards[j];
    for (;;) {
      Chunk chunk;
      size_t claimed = files.size();
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] {
          return failure || !chunks.empty() || next < files.size() || preparing == 0;
        });
        if (failure) return;
        if (!chunks.empty()) {
          chunk = std::move(chunks.front());
          chunks.pop_front();
        } else if (next < files.size()) {
          claimed = next++;
          ++preparing;
        } else {
          break;  // nothing queued, nothing left to read, nobody reading
        }
      }
      if (claimed < files.size()) {
        auto job = std::make_shared<FileJob>();
        job->index = claimed;
        try {
          job->p = prepare_file(files[claimed], std::string(), knowledge, settings, nullptr, 0);
        } catch (const std::exception& e) {
          job->p = PreparedFile{};
          job->p.read_error = std::string("internal error while reading this file: ") + e.what() +
                              " (please report it with the file)";
        }
        job->records = job->p.articles.size();
        job->counts.replaced += keep_last_of_each_id(job->p.articles);
        const size_t n = job->p.articles.size();
        if (!job->p.read_error.empty() || n == 0) {
          Status s =
              write_prepared(writer, files[claimed], job->p, builder, settings.events, job->counts);
          if (!s.ok()) return fail(s.error());
          std::lock_guard<std::mutex> lock(mu);
          per_file[claimed] = std::move(job->counts);
          --preparing;
          ++files_done;
          if (progress) progress(files_done, articles_done);
          cv.notify_all();
          continue;
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          job->chunks_left = (n + kBulkChunk - 1) / kBulkChunk;
          for (size_t b = kBulkChunk; b < n; b += kBulkChunk)
            chunks.push_back({job, b, std::min(n, b + kBulkChunk)});
          --preparing;
        }
        cv.notify_all();
        chunk = {job, 0, std::min(n, kBulkChunk)};
      }
      FileJob& job = *chunk.job;
      const InputFile& f = files[job.index];
      AddCounts c;
      Status s =
          put_articles(writer, f, job.p, chunk.begin, chunk.end, builder, settings.events, c);
      if (!s.ok()) return fail(s.error());
      bool last = false;
      {
        std::lock_guard<std::mutex> lock(mu);
        articles_done += c.articles;
        append_counts(job.counts, std::move(c));
        last = --job.chunks_left == 0;
        if (!last && progress) progress(files_done, articles_done);
      }
      if (!last) continue;
      // Every other chunk of this file is written (in whatever shard): finish it here.
      AddCounts fc;
      s = finish_prepared(writer, f, job.p, job.records, fc);
      if (!s.ok()) return fail(s.error());
      std::lock_guard<std::mutex> lock(mu);
      append_counts(job.counts, std::move(fc));
      per_file[job.index] = std::move(job.counts);
      ++files_done;
      if (progress) progress(files_done, articles_done);
    }
    Status s = writer.commit();
    if (!s.ok()) fail(s.error());
  };
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs; ++j) threads.emplace_back(worker, static_cast<size_t>(j));
  for (auto& t : threads) t.join();
  shards.clear();  // closes the shards (all committed)
  if (failure) return *failure;

  const fs::path merged = work / "merged";
  Status s = merge_shards(shard_paths, merged);
  if (!s.ok()) return s.error();
  for (const auto& p : shard_paths) fs::remove_all(p, ec);

  // The same id in files written by different shards: keep the later file's, as a sequential
  // run would (it replaces the earlier one).
  std::unordered_map<std::string, long> rank;
  for (size_t i = 0; i < files.size(); ++i)
    rank[origin_term_for(files[i].key)] = static_cast<long>(i);
  auto dropped = remove_duplicate_ids(merged, [&](const std::string& term) {
    auto it = rank.find(term);
    return it == rank.end() ? -1L : it->second;
  });
  if (!dropped.ok()) return dropped.error();
  s = sync_database_files(merged);
  if (!s.ok()) return s.error();
  s = exchange_folders(merged, db);
  if (!s.ok()) return s.error();

  AddCounts counts;
  for (auto& c : per_file) append_counts(counts, std::move(c));
  counts.added -= std::min(counts.added, dropped.value());
  counts.replaced += dropped.value();
  return counts;
}

std::filesystem::path bulk_work_folder(const std::filesystem::path& db) {
  std::filesystem::path p = db.lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  return p.string() + ".bulk";
}

}  // namespace readouts
