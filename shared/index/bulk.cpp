// Parallel bulk loads: merge, de-duplicate, sync and swap (see bulk.h).
#include "shared/index/bulk.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>

#include "shared/core/schema.h"

namespace readouts {

namespace {

Error xapian_error(const Xapian::Error& e, const std::string& what) {
  return make_error(Code::kUnavailable, what + ": " + e.get_type() + ": " + e.get_msg());
}

Status fsync_path(const std::filesystem::path& p, bool directory) {
  int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return make_error(Code::kUnavailable, "cannot open " + p.string() + " to sync it");
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0)
    return make_error(Code::kUnavailable,
                      "fsync " + p.string() + " failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

Status merge_shards(const std::vector<std::filesystem::path>& shards,
                    const std::filesystem::path& out) {
  try {
    Xapian::Database all;
    for (const auto& s : shards) all.add_database(Xapian::Database(s.string()));
    Xapian::Compactor compactor;  // duplicate metadata keys: the first shard's value
    all.compact(out.string(), 0, 0, compactor);
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return xapian_error(e, "cannot merge the shards into " + out.string());
  }
}

Result<size_t> remove_duplicate_ids(const std::filesystem::path& path,
                                    const std::function<long(const std::string&)>& order) {
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
    const std::string id_prefix(schema::kIdPrefix), origin_prefix(schema::kOriginPrefix);
    std::vector<Xapian::docid> drop;
    for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
      if (t.get_termfreq() < 2) continue;
      Xapian::docid keep = 0;
      long best = -2;
      std::vector<Xapian::docid> docs;
      for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
        auto o = db.termlist_begin(*p);
        o.skip_to(origin_prefix);
        long rank = -1;
        if (o != db.termlist_end(*p) && (*o).starts_with(origin_prefix)) rank = order(*o);
        docs.push_back(*p);
        if (rank >= best) {  // ties: the later document (the later shard)
          best = rank;
          keep = *p;
        }
      }
      for (Xapian::docid d : docs)
        if (d != keep) drop.push_back(d);
    }
    for (Xapian::docid d : drop) db.delete_document(d);
    db.commit();
    return drop.size();
  } catch (const Xapian::Error& e) {
    return xapian_error(e, "cannot de-duplicate " + path.string());
  }
}

Status sync_database_files(const std::filesystem::path& db) {
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(db, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    Status s = fsync_path(it->path(), false);
    if (!s.ok()) return s;
  }
  if (ec) return make_error(Code::kUnavailable, "cannot list " + db.string() + ": " + ec.message());
  return fsync_path(db, true);
}

Status exchange_folders(const std::filesystem::path& a, const std::filesystem::path& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) {
    Status s = fsync_path(b.parent_path().empty() ? "." : b.parent_path(), true);
    (void)s;  // the swap is done; a failed directory fsync only weakens power-loss durability
    return Status::Ok();
  }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return make_error(Code::kUnavailable, "cannot swap " + a.string() + " and " + b.string() +
                                              ": " + std::strerror(errno));
  std::error_code ec;
  std::filesystem::path aside = a.string() + ".old";
  std::filesystem::remove_all(aside, ec);
  std::filesystem::rename(b, aside, ec);
  if (!ec) std::filesystem::rename(a, b, ec);
  if (!ec) std::filesystem::rename(aside, a, ec);
  if (ec)
    return make_error(Code::kUnavailable,
                      "cannot move " + a.string() + " to " + b.string() + ": " + ec.message());
  return Status::Ok();
}

}  // namespace readouts
