// IndexWriter: batched, idempotent writes to one Xapian database, with per-file fingerprints.
#include "shared/index/index_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "shared/core/hash.h"
#include "shared/core/schema.h"
#include "shared/index/document_builder.h"
#include "shared/index/schema_version.h"
#include "shared/index/shard_layout.h"
#include "shared/search/shard_set.h"

namespace readouts {

namespace {

std::string origin_term(std::string_view file_key) { return origin_term_for(file_key); }
std::string origin_meta_key(std::string_view file_key) {
  return std::string(schema::kOriginMetaPrefix) + stable_hash_hex(file_key);
}

Error from_xapian(const Xapian::Error& e, const std::string& path) {
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    return make_error(Code::kUnavailable, "database " + path +
                                              " is locked by another writer (is another "
                                              "readouts-index running?); wait for it to finish");
  }
  if (type == "NetworkError" || type == "NetworkTimeoutError") {
    return make_error(Code::kUnavailable,
                      "shard " + path + " does not answer (" + e.get_msg() +
                          "): start `xapian-tcpsrv --writable --port PORT DIR` for it on its "
                          "machine and run the command again (it is safe to repeat)");
  }
  if (type == "DatabaseOpeningError" || type == "DatabaseCorruptError" ||
      type == "DatabaseVersionError" || type == "DatabaseNotFoundError") {
    return make_error(Code::kUnavailable, "cannot open database " + path + ": " + e.get_msg());
  }
  return make_error(Code::kInternal,
                    "database " + path + ": " + std::string(e.get_type()) + ": " + e.get_msg());
}

// Whether another process holds the Xapian write lock of the folder (fcntl lock on flintlock).
bool write_locked(const std::filesystem::path& dir) {
  const int fd = ::open((dir / "flintlock").c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  const bool locked = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  ::close(fd);
  return locked;
}

// A writer killed while Xapian was creating the database leaves table files without the
// "iamglass" version file; no later open can read such a folder. When the folder holds nothing
// but such leftovers (and no writer holds its lock), they are removed so that it is created
// again: nothing was ever committed there. Any other file makes us leave the folder alone.
Status recover_interrupted_create(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec) || std::filesystem::exists(dir / "iamglass", ec))
    return Status();
  std::vector<std::filesystem::path> leftovers;
  uintmax_t tables_bytes = 0;
  bool table_seen = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool table = name.ends_with(".glass");
    const bool leftover = table || name == "flintlock" || name.ends_with(".tmp") ||
                          name.ends_with(".baseA") || name.ends_with(".baseB");
    if (!leftover || !entry.is_regular_file(ec)) return Status();  // not ours to touch
    table_seen |= table;
    if (table) tables_bytes += entry.file_size(ec);
    leftovers.push_back(entry.path());
  }
  if (ec || !table_seen || write_locked(dir)) return Status();
  // Xapian creates the tables empty and then renames v.tmp to iamglass; a table with anything
  // in it is someone's data: never delete it.
  if (tables_bytes > 0)
    return make_error(Code::kUnavailable,
                      "database " + dir.string() +
                          " has table files but no iamglass version file: it is damaged, not "
                          "half-created; restore it from a copy or remove the folder and index "
                          "again");
  for (const auto& f : leftovers) {
    std::filesystem::remove(f, ec);
    if (ec)
      return make_error(Code::kUnavailable, "database " + dir.string() +
                                                " was left half-created by an interrupted run "
                                                "and " +
                                                f.string() + " cannot be removed: " + ec.message() +
                                                "; remove the folder and run again");
  }
  return Status();
}

}  // namespace

std::string origin_term_for(std::string_view file_key) {
  return std::string(schema::kOriginPrefix) + stable_hash_hex(file_key);
}

struct IndexWriter::Impl {
  struct Shard {
    std::string spec;  // a folder, or tcp://HOST:PORT
    Xapian::WritableDatabase db;
    // Spelling data of the uncommitted batch: one add_spelling per distinct word at commit, not
    // one per word of every document (docs/benchmarks.md, "Spelling data").
    std::unordered_map<std::string, Xapian::termcount> spelling;
    // Spelling data for "did you mean": the document's plain words (not prefixed, not stems,
    // Latin script).
    void count_spelling(const Xapian::Document& doc) {
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        if (term.size() < 3 || term.size() > 40 || term[0] < 'a' || term[0] > 'z') continue;
        ++spelling[term];
      }
    }
  };
  WriterOptions options;
  std::vector<Shard> shards;
  DocumentBuilder builder;
  size_t pending = 0;

  Shard& shard_for(std::string_view id) { return shards[shard_of(id, shards.size())]; }
  void flush_spelling() {
    for (Shard& s : shards) {
      for (const auto& [word, n] : s.spelling) s.db.add_spelling(word, n);
      s.spelling.clear();
    }
  }
  // The spec of the set, for messages: the shard's when there is one.
  std::string name() const { return shards.size() == 1 ? shards.front().spec : "the shard set"; }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() {
  // Xapian commits on destruction; the spelling data of that last batch goes with it.
  try {
    if (impl_) impl_->flush_spelling();
  } catch (const Xapian::Error&) {
  }
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::filesystem::path& path,
                                                       const WriterOptions& options) {
  return open_set({path.string()}, options);
}

namespace {

// Opens one shard and checks its schema version (not its place in a set).
Status open_shard(const std::string& spec, const WriterOptions& options,
                  Xapian::WritableDatabase& db) {
  const bool remote = is_remote_spec(spec);
  if (options.create && !remote) {
    Status recovered = recover_interrupted_create(spec);
    if (!recovered.ok()) return recovered;
    // Xapian makes the database's own folder only: its parents are made here (--db a/b/db).
    std::error_code ec;
    if (const auto parent = std::filesystem::path(spec).parent_path(); !parent.empty())
      std::filesystem::create_directories(parent, ec);
    if (ec)
      return make_error(Code::kUnavailable, "cannot create the folder of database " + spec + ": " +
                                                ec.message() +
                                                "; check the path and its permissions");
  }
  try {
    int flags = options.create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
    if (options.no_sync) flags |= Xapian::DB_NO_SYNC;
    if (remote) {
      std::string host;
      unsigned port = 0;
      if (!parse_remote_spec(spec, host, port))
        return make_error(Code::kInvalidArgument,
                          "bad remote shard \"" + spec + "\": write it as tcp://HOST:PORT");
      db = Xapian::Remote::open_writable(host, port, options.remote_timeout_ms,
                                         options.remote_connect_timeout_ms, flags);
    } else {
      db = Xapian::WritableDatabase(spec, flags);
    }
    return check_schema_version(db, spec, /*allow_empty=*/true);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, spec);
  }
}

// Whether the shard may be shard i of n: Ok, or why not. *record: its place is to be written.
Status check_place(Xapian::WritableDatabase& db, const std::string& spec, size_t i, size_t n,
                   bool* record) {
  *record = false;
  const std::string value = db.get_metadata(std::string(schema::kShardMetaKey));
  size_t was_i = 0, was_n = 0;
  if (value.empty()) {
    if (n == 1) return Status::Ok();
    if (db.get_doccount() != 0)
      return make_error(Code::kInvalidArgument,
                        "database " + spec + " holds " + std::to_string(db.get_doccount()) +
                            " articles but is not a shard of a set: index a set of " +
                            std::to_string(n) + " shards into new databases (docs/scaling.md)");
    *record = true;
    return Status::Ok();
  }
  if (!parse_shard_meta(value, was_i, was_n))
    return make_error(Code::kInvalidArgument,
                      "database " + spec + " records an unreadable shard place \"" + value + "\"");
  if (was_i == i && was_n == n) return Status::Ok();
  return make_error(Code::kInvalidArgument,
                    "database " + spec + " is shard " + std::to_string(was_i) + " of a set of " +
                        std::to_string(was_n) + ", but was given as shard " + std::to_string(i) +
                        " of " + std::to_string(n) +
                        ": give the whole set (its folder, or every shard with --db in the "
                        "set's order), with --shards " +
                        std::to_string(was_n) + " or none");
}

}  // namespace

Result<std::unique_ptr<IndexWriter>> IndexWriter::open_set(const std::vector<std::string>& specs,
                                                           const WriterOptions& options) {
  if (specs.empty()) return make_error(Code::kInvalidArgument, "no database given");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  // Every shard opened and checked before anything is written.
  for (const std::string& spec : specs) {
    Impl::Shard shard;
    shard.spec = spec;
    Status s = open_shard(spec, options, shard.db);
    if (!s.ok()) return s.error();
    impl->shards.push_back(std::move(shard));
  }
  std::vector<bool> record(specs.size(), false);
  try {
    for (size_t i = 0; i < specs.size(); ++i) {
      bool r = false;
      Status s = check_place(impl->shards[i].db, specs[i], i, specs.size(), &r);
      if (!s.ok()) return s.error();
      record[i] = r;
    }
    for (size_t i = 0; i < specs.size(); ++i) {
      Xapian::WritableDatabase& db = impl->shards[i].db;
      bool changed = false;
      const std::string key(schema::kVersionKey);
      if (db.get_metadata(key).empty()) {
        db.set_metadata(key, std::to_string(schema::kSchemaVersion));
        changed = true;
      }
      if (record[i]) {
        db.set_metadata(std::string(schema::kShardMetaKey), shard_meta_value(i, specs.size()));
        changed = true;
      }
      if (changed) db.commit();
    }
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl->name());
  }
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

size_t IndexWriter::shard_count() const { return impl_->shards.size(); }

Result<std::string> IndexWriter::file_fingerprint(std::string_view file_key) {
  Impl::Shard* at = nullptr;
  try {
    // A file's articles may be in every shard: its fingerprint counts when they all agree (a run
    // stopped between two shards' commits leaves them apart, and the file is read again).
    std::string found;
    for (size_t i = 0; i < impl_->shards.size(); ++i) {
      at = &impl_->shards[i];
      std::string fp = at->db.get_metadata(origin_meta_key(file_key));
      if (i == 0)
        found = std::move(fp);
      else if (fp != found)
        return std::string();
    }
    return found;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, at ? at->spec : impl_->name());
  }
}

Result<PutOutcome> IndexWriter::put(const Article& article, std::string_view file_key) {
  return put_document(article, impl_->builder.build(article), file_key);
}

Result<PutOutcome> IndexWriter::put_document(const Article& article, Xapian::Document doc,
                                             std::string_view file_key) {
  Impl::Shard& shard = impl_->shard_for(article.id);
  Xapian::WritableDatabase& db = shard.db;
  try {
    const std::string id_term = schema::id_term(article.id);
    PutOutcome outcome = PutOutcome::kAdded;
    Xapian::docid existing_id = 0;
    Xapian::PostingIterator it =
        impl_->options.append_only ? db.postlist_end(id_term) : db.postlist_begin(id_term);
    if (it != db.postlist_end(id_term)) {
      existing_id = *it;
      auto second = it;
      if (++second != db.postlist_end(id_term)) existing_id = 0;  // several: by term
      Xapian::Document existing = db.get_document(*it);
      const std::string want = origin_term(file_key);
      auto t = existing.termlist_begin();
      t.skip_to(want);
      bool same_origin = t != existing.termlist_end() && *t == want;
      if (same_origin && existing.get_value(schema::kSlotContentHash) == article.content_hash)
        return PutOutcome::kUnchanged;
      outcome = PutOutcome::kReplaced;
    }
    doc.add_boolean_term(origin_term(file_key));
    // The id term was just looked up: add or replace by docid (replace_document(term) would
    // look it up again).
    if (existing_id)
      db.replace_document(existing_id, doc);
    else if (outcome == PutOutcome::kReplaced)
      db.replace_document(id_term, doc);
    else
      db.add_document(doc);
    // Only new or changed articles get here, so spelling frequencies stay honest enough.
    shard.count_spelling(doc);
    if (++impl_->pending >= impl_->options.batch_size) {
      Status s = commit();
      if (!s.ok()) return s.error();
    }
    return outcome;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, shard.spec);
  }
}

Status IndexWriter::append_copy(std::string_view id, const Xapian::Document& doc) {
  Impl::Shard& shard = impl_->shard_for(id);
  try {
    shard.db.add_document(doc);
    shard.count_spelling(doc);
    if (++impl_->pending >= impl_->options.batch_size) return commit();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return from_xapian(e, shard.spec);
  }
}

Status IndexWriter::copy_metadata(const Xapian::Database& from) {
  const std::string version(schema::kVersionKey), place(schema::kShardMetaKey);
  Impl::Shard* at = nullptr;
  try {
    for (auto k = from.metadata_keys_begin(); k != from.metadata_keys_end(); ++k) {
      if (*k == version || *k == place) continue;
      const std::string value = from.get_metadata(*k);
      for (Impl::Shard& shard : impl_->shards) {
        at = &shard;
        shard.db.set_metadata(*k, value);
      }
    }
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return from_xapian(e, at ? at->spec : impl_->name());
  }
}

Result<size_t> IndexWriter::finish_file(std::string_view file_key, std::string_view fingerprint,
                                        const std::vector<std::string>& keep_ids) {
  const std::string term = origin_term(file_key);
  std::unordered_set<std::string> keep;
  for (const auto& id : keep_ids) keep.insert(schema::id_term(id));
  const std::string id_prefix(schema::kIdPrefix);
  size_t removed = 0;
  for (Impl::Shard& shard : impl_->shards) {
    Xapian::WritableDatabase& db = shard.db;
    try {
      std::vector<Xapian::docid> stale;
      for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        auto t = db.termlist_begin(*it);
        t.skip_to(id_prefix);
        bool kept = t != db.termlist_end(*it) && (*t).starts_with(id_prefix) && keep.count(*t);
        if (!kept) stale.push_back(*it);
      }
      for (Xapian::docid did : stale) db.delete_document(did);
      db.set_metadata(origin_meta_key(file_key), std::string(fingerprint));
      impl_->pending += stale.size();
      removed += stale.size();
    } catch (const Xapian::Error& e) {
      return from_xapian(e, shard.spec);
    }
  }
  return removed;
}

Result<bool> IndexWriter::remove(std::string_view id) {
  Impl::Shard& shard = impl_->shard_for(id);
  try {
    const std::string term = schema::id_term(id);
    if (shard.db.postlist_begin(term) == shard.db.postlist_end(term)) return false;
    shard.db.delete_document(term);
    ++impl_->pending;
    return true;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, shard.spec);
  }
}

Result<RegroupCounts> IndexWriter::regroup_events(const std::vector<NamedEvent>& named,
                                                  const std::vector<EventCorrection>& corrections) {
  std::vector<Xapian::WritableDatabase*> dbs;
  for (Impl::Shard& s : impl_->shards) dbs.push_back(&s.db);
  return readouts::regroup_events(dbs, named, corrections);
}

Result<EventPlan> IndexWriter::plan_events(const std::vector<PlannedArticle>& articles,
                                           const std::vector<std::string>& reread_origins,
                                           const std::vector<NamedEvent>& named,
                                           const std::vector<EventCorrection>& corrections) {
  std::vector<Xapian::Database*> dbs;
  for (Impl::Shard& s : impl_->shards) dbs.push_back(&s.db);
  return readouts::plan_events(dbs, articles, reread_origins, named, corrections);
}

Status IndexWriter::commit() {
  try {
    impl_->flush_spelling();
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->name());
  }
  for (Impl::Shard& shard : impl_->shards) {
    try {
      shard.db.commit();
    } catch (const Xapian::Error& e) {
      return from_xapian(e, shard.spec);
    }
  }
  impl_->pending = 0;
  return Status::Ok();
}

Result<bool> IndexWriter::is_fresh() {
  try {
    const std::string prefix(schema::kOriginMetaPrefix);
    for (Impl::Shard& s : impl_->shards) {
      if (s.db.get_doccount() != 0) return false;
      if (s.db.metadata_keys_begin(prefix) != s.db.metadata_keys_end(prefix)) return false;
    }
    return true;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->name());
  }
}

Result<size_t> IndexWriter::article_count() {
  try {
    size_t n = 0;
    for (Impl::Shard& s : impl_->shards) n += static_cast<size_t>(s.db.get_doccount());
    return n;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->name());
  }
}

}  // namespace readouts
