// Splitting one readouts database (or a set) into a new set of N shards by copying its documents.
#include "shared/index/split.h"

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "shared/core/schema.h"
#include "shared/index/document_builder.h"
#include "shared/index/event_index.h"
#include "shared/index/maintenance.h"
#include "shared/index/shard_layout.h"

namespace readouts {

namespace fs = std::filesystem;

namespace {

// The document again from the article it stores (what search reads back): the builder's
// terms, positions and values, its event and the terms of the files it came from. No copy of
// the stored positions: reading them term by term is several times slower than building them.
Xapian::Document rebuilt(const Xapian::Document& stored, DocumentBuilder& builder,
                         std::string& id) {
  Article a;
  if (!article_from_stored(stored.get_data(), a)) return Xapian::Document();
  passages_from_value(stored.get_value(schema::kSlotPassages), a.passages);
  Xapian::Document doc = builder.build(a);
  add_event(doc, stored.get_value(schema::kSlotEvent));
  // The exchange's place details (country, government seat) came from the knowledge at indexing
  // and are not in the stored article: kept as they were.
  const std::string exchange = stored.get_value(schema::kSlotExchange);
  if (!exchange.empty()) doc.add_value(schema::kSlotExchange, exchange);
  const std::string origin(schema::kOriginPrefix);
  auto t = stored.termlist_begin();
  for (t.skip_to(origin); t != stored.termlist_end() && (*t).starts_with(origin); ++t)
    doc.add_boolean_term(*t);
  id = a.id;
  return doc;
}

// Documents rebuilt on one thread (reading the source) and written on the caller's (the writer):
// building costs about as much as writing. Each side owns its Xapian objects.
class DocumentQueue {
 public:
  struct Item {
    std::string id;
    Xapian::Document doc;
  };
  // False when the consumer gave up (stop()): the producer ends.
  bool push(Item item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return items_.size() < kCapacity || stopped_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    ready_.notify_one();
    return true;
  }
  // False when the producer is done and everything was taken.
  bool pop(Item& item) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || done_; });
    if (items_.empty()) return false;
    item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return true;
  }
  void finish() {
    std::lock_guard lock(mutex_);
    done_ = true;
    ready_.notify_all();
  }
  void stop() {  // the consumer gives up: the producer's pushes return false at once
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }

 private:
  static constexpr size_t kCapacity = 512;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Item> items_;
  bool done_ = false, stopped_ = false;
};

Status rebuild_all(Xapian::Database& source, const std::string& source_name, DocumentQueue& queue) {
  DocumentBuilder builder;
  try {
    for (auto p = source.postlist_begin(""); p != source.postlist_end(""); ++p) {
      DocumentQueue::Item item;
      item.doc = rebuilt(source.get_document(*p), builder, item.id);
      if (item.id.empty())
        return make_error(Code::kUnavailable,
                          "database " + source_name + ": document " + std::to_string(*p) +
                              " holds no readouts article: is it a readouts database?");
      if (!queue.push(std::move(item))) return Status::Ok();  // the writer failed and says why
    }
    return Status::Ok();
  } catch (const Xapian::DatabaseModifiedError& e) {
    return make_error(Code::kUnavailable,
                      "database " + source_name + " changed while it was split (" + e.get_msg() +
                          "): run the split again when no indexer writes to it");
  } catch (const Xapian::Error& e) {
    return make_error(Code::kUnavailable,
                      "database " + source_name + ": " + e.get_type() + ": " + e.get_msg());
  }
}

Result<size_t> copy_all(Xapian::Database& source, const std::string& source_name,
                        IndexWriter& writer, const std::function<void(size_t)>& progress) {
  Status m = writer.copy_metadata(source);
  if (!m.ok()) return m.error();
  DocumentQueue queue;
  Status read_status;
  std::thread reader([&] {
    read_status = rebuild_all(source, source_name, queue);
    queue.finish();
  });
  Status write_status;
  size_t copied = 0;
  DocumentQueue::Item item;
  while (queue.pop(item)) {
    write_status = writer.append_copy(item.id, item.doc);
    if (!write_status.ok()) {
      queue.stop();
      break;
    }
    if (++copied % 10000 == 0 && progress) progress(copied);
  }
  reader.join();
  if (!write_status.ok()) return write_status.error();
  if (!read_status.ok()) return read_status.error();
  Status c = writer.commit();
  if (!c.ok()) return c.error();
  if (progress) progress(copied);
  return copied;
}

}  // namespace

Result<size_t> split_into_set(const std::vector<std::string>& from, const fs::path& out_dir,
                              size_t n, const WriterOptions& options,
                              const std::function<void(size_t)>& progress) {
  if (n < 2)
    return make_error(Code::kInvalidArgument,
                      "--shards takes a number of 2 or more (a set of one shard is one database)");
  std::error_code ec;
  if (fs::exists(out_dir, ec))
    return make_error(Code::kInvalidArgument,
                      "output " + out_dir.string() + " already exists: choose a new folder");
  auto opened = open_for_reading(from);
  if (!opened.ok()) return opened.error();
  const std::string source_name = from.size() == 1 ? from.front() : "the shard set";

  fs::create_directories(out_dir, ec);
  if (ec)
    return make_error(Code::kUnavailable,
                      "cannot create " + out_dir.string() + ": " + ec.message());
  std::vector<std::string> specs;
  for (size_t i = 0; i < n; ++i) specs.push_back(shard_folder(out_dir, i).string());
  auto result = [&]() -> Result<size_t> {
    WriterOptions wo = options;
    wo.create = true;
    auto writer = IndexWriter::open_set(specs, wo);
    if (!writer.ok()) return writer.error();
    auto copied = copy_all(opened.value(), source_name, *writer.value(), progress);
    if (!copied.ok()) return copied;
    writer.value().reset();  // closes every shard before the manifest names them
    Status m = write_manifest(out_dir, n);
    if (!m.ok()) return m.error();
    return copied;
  }();
  if (!result.ok()) fs::remove_all(out_dir, ec);
  return result;
}

}  // namespace readouts
