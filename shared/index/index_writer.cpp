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
  std::string path;
  WriterOptions options;
  Xapian::WritableDatabase db;
  DocumentBuilder builder;
  size_t pending = 0;
  // Spelling data of the uncommitted batch: one add_spelling per distinct word at commit, not
  // one per word of every document (docs/benchmarks.md, "Spelling data").
  std::unordered_map<std::string, Xapian::termcount> spelling;

  void flush_spelling() {
    for (const auto& [word, n] : spelling) db.add_spelling(word, n);
    spelling.clear();
  }
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
  auto impl = std::make_unique<Impl>();
  impl->path = path.string();
  impl->options = options;
  if (options.create) {
    Status recovered = recover_interrupted_create(path);
    if (!recovered.ok()) return recovered.error();
  }
  try {
    int flags = options.create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
    if (options.no_sync) flags |= Xapian::DB_NO_SYNC;
    impl->db = Xapian::WritableDatabase(impl->path, flags);
    Status s = check_schema_version(impl->db, impl->path, /*allow_empty=*/true);
    if (!s.ok()) return s.error();
    std::string key(schema::kVersionKey);
    if (impl->db.get_metadata(key).empty()) {
      impl->db.set_metadata(key, std::to_string(schema::kSchemaVersion));
      impl->db.commit();
    }
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl->path);
  }
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

Result<std::string> IndexWriter::file_fingerprint(std::string_view file_key) {
  try {
    return impl_->db.get_metadata(origin_meta_key(file_key));
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->path);
  }
}

Result<PutOutcome> IndexWriter::put(const Article& article, std::string_view file_key) {
  return put_document(article, impl_->builder.build(article), file_key);
}

Result<PutOutcome> IndexWriter::put_document(const Article& article, Xapian::Document doc,
                                             std::string_view file_key) {
  try {
    const std::string id_term = schema::id_term(article.id);
    PutOutcome outcome = PutOutcome::kAdded;
    Xapian::docid existing_id = 0;
    Xapian::PostingIterator it = impl_->options.append_only ? impl_->db.postlist_end(id_term)
                                                            : impl_->db.postlist_begin(id_term);
    if (it != impl_->db.postlist_end(id_term)) {
      existing_id = *it;
      auto second = it;
      if (++second != impl_->db.postlist_end(id_term)) existing_id = 0;  // several: by term
      Xapian::Document existing = impl_->db.get_document(*it);
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
      impl_->db.replace_document(existing_id, doc);
    else if (outcome == PutOutcome::kReplaced)
      impl_->db.replace_document(id_term, doc);
    else
      impl_->db.add_document(doc);
    // Spelling data for "did you mean": the article's plain words (not prefixed, not stems,
    // Latin script). Only new or changed articles get here, so frequencies stay honest enough.
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string& term = *t;
      if (term.size() < 3 || term.size() > 40 || term[0] < 'a' || term[0] > 'z') continue;
      ++impl_->spelling[term];
    }
    if (++impl_->pending >= impl_->options.batch_size) {
      Status s = commit();
      if (!s.ok()) return s.error();
    }
    return outcome;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->path);
  }
}

Result<size_t> IndexWriter::finish_file(std::string_view file_key, std::string_view fingerprint,
                                        const std::vector<std::string>& keep_ids) {
  try {
    const std::string term = origin_term(file_key);
    std::unordered_set<std::string> keep;
    for (const auto& id : keep_ids) keep.insert(schema::id_term(id));
    const std::string id_prefix(schema::kIdPrefix);
    std::vector<Xapian::docid> stale;
    for (auto it = impl_->db.postlist_begin(term); it != impl_->db.postlist_end(term); ++it) {
      auto t = impl_->db.termlist_begin(*it);
      t.skip_to(id_prefix);
      bool kept = t != impl_->db.termlist_end(*it) && (*t).starts_with(id_prefix) && keep.count(*t);
      if (!kept) stale.push_back(*it);
    }
    for (Xapian::docid did : stale) impl_->db.delete_document(did);
    impl_->db.set_metadata(origin_meta_key(file_key), std::string(fingerprint));
    impl_->pending += stale.size();
    return stale.size();
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->path);
  }
}

Result<bool> IndexWriter::remove(std::string_view id) {
  try {
    const std::string term = schema::id_term(id);
    if (impl_->db.postlist_begin(term) == impl_->db.postlist_end(term)) return false;
    impl_->db.delete_document(term);
    ++impl_->pending;
    return true;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->path);
  }
}

Result<RegroupCounts> IndexWriter::regroup_events(const std::vector<NamedEvent>& named,
                                                  const std::vector<EventCorrection>& corrections) {
  return readouts::regroup_events(impl_->db, named, corrections);
}

Status IndexWriter::commit() {
  try {
    impl_->flush_spelling();
    impl_->db.commit();
    impl_->pending = 0;
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->path);
  }
}

Result<bool> IndexWriter::is_fresh() {
  try {
    if (impl_->db.get_doccount() != 0) return false;
    const std::string prefix(schema::kOriginMetaPrefix);
    return impl_->db.metadata_keys_begin(prefix) == impl_->db.metadata_keys_end(prefix);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->path);
  }
}

Result<size_t> IndexWriter::article_count() {
  try {
    return static_cast<size_t>(impl_->db.get_doccount());
  } catch (const Xapian::Error& e) {
    return from_xapian(e, impl_->path);
  }
}

}  // namespace readouts
