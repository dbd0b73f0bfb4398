// Parallel read/extract/build with one ordered writer (see add_pipeline.h).
#include "indexer/add_pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "shared/core/hash.h"
#include "shared/index/document_builder.h"

namespace readouts {

namespace {

constexpr size_t kWindow = 32;  // files prepared ahead of the writer at most

struct PreparedFile {
  std::string read_error;  // non-empty: the file could not be read
  bool unchanged = false;  // fingerprint matched: nothing to do
  size_t unchanged_count = 0;
  std::string fingerprint;  // "<bytes hash>.<data fingerprint>"
  std::vector<Article> articles;
  std::vector<Xapian::Document> documents;
  std::vector<RecordFailure> failures;
};

PreparedFile prepare(const InputFile& f, const std::string& stored, const Knowledge& knowledge,
                     const AddSettings& settings, DocumentBuilder& builder) {
  PreparedFile out;
  auto bytes = read_input(f, settings.extract.max_bytes);
  if (!bytes.ok()) {
    out.read_error = bytes.error().message;
    return out;
  }
  out.fingerprint = stable_hash_hex(bytes.value()) + "." + settings.data_fingerprint;
  if (!settings.force && f.key != "-" && stored.starts_with(out.fingerprint + ":")) {
    out.unchanged = true;
    out.unchanged_count = std::strtoul(stored.c_str() + out.fingerprint.size() + 1, nullptr, 10);
    return out;
  }
  // Articles without an id or URL get ids derived from their file's content, so the same file
  // gets the same ids wherever it is (docs/cli.md, "Article ids").
  SourceInfo source{f.display, f.extension, stable_hash_hex(bytes.value())};
  ExtractOutcome outcome = extract_articles(bytes.value(), source, knowledge, settings.extract);
  out.failures = std::move(outcome.failures);
  out.articles = std::move(outcome.articles);
  out.documents.reserve(out.articles.size());
  for (const Article& a : out.articles) out.documents.push_back(builder.build(a));
  return out;
}

}  // namespace

Result<AddCounts> run_add_pipeline(IndexWriter& writer, const std::vector<InputFile>& files,
                                   const Knowledge& knowledge, const AddSettings& settings,
                                   const std::function<void(size_t, size_t)>& progress) {
  AddCounts counts;
  // Stored fingerprints are read here, on the writer's thread, before workers start.
  std::vector<std::string> stored(files.size());
  if (!settings.force) {
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].key == "-") continue;
      auto fp = writer.file_fingerprint(files[i].key);
      if (!fp.ok()) return fp.error();
      stored[i] = std::move(fp.value());
    }
  }

  std::vector<std::optional<PreparedFile>> slots(files.size());
  std::mutex mu;
  std::condition_variable ready, room;
  std::atomic<size_t> next{0};
  size_t written = 0;  // guarded by mu
  bool stop = false;   // guarded by mu

  // Standard input can be read by one thread only, and in order: it is prepared by worker 0 like
  // any file (the claim order keeps that safe: one claim per index).
  auto worker = [&]() {
    DocumentBuilder builder;
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return stop || next.load() < written + kWindow; });
        if (stop) return;
        i = next.fetch_add(1);
      }
      if (i >= files.size()) return;
      // An exception must not escape a worker (std::terminate would kill the run with nothing
      // committed since the last batch and no report): it becomes this file's failure.
      PreparedFile p;
      try {
        p = prepare(files[i], stored[i], knowledge, settings, builder);
      } catch (const std::exception& e) {
        p = PreparedFile{};
        p.read_error = std::string("internal error while reading this file: ") + e.what() +
                       " (please report it with the file)";
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i] = std::move(p);
      }
      ready.notify_all();
    }
  };

  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  int jobs = settings.jobs > 0 ? settings.jobs : static_cast<int>(hw);
  jobs = std::clamp(jobs, 1, 64);
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
    const InputFile& f = files[i];
    if (!p.read_error.empty()) {
      counts.failures.push_back({f.display, p.read_error});
    } else if (p.unchanged) {
      counts.unchanged += p.unchanged_count;
    } else {
      std::vector<std::string> ids;
      for (size_t k = 0; k < p.articles.size(); ++k) {
        const Article& a = p.articles[k];
        auto r = writer.put_document(a, std::move(p.documents[k]), f.key);
        if (!r.ok()) {
          stop_workers();
          return r.error();
        }
        ids.push_back(a.id);
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
      for (const auto& fail : p.failures)
        counts.failures.push_back({fail.origin, fail.error.message});
      // Stale records of a changed file are removed only when the whole file was read: a file
      // that now fails keeps its previous articles.
      if (p.failures.empty() && f.key != "-") {
        auto r = writer.finish_file(f.key, p.fingerprint + ":" + std::to_string(ids.size()), ids);
        if (!r.ok()) {
          stop_workers();
          return r.error();
        }
        counts.removed += r.value();
      }
    }
    if (progress) progress(i + 1, counts.articles);
  }
  stop_workers();
  return counts;
}

}  // namespace readouts
