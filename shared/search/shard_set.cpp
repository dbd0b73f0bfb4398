// Opens local and remote shards as one database and leaves out, then retries, those that fail.
#include "shared/search/shard_set.h"

#include <algorithm>

#include "shared/index/schema_version.h"

namespace readouts {

namespace {

constexpr std::string_view kRemotePrefix = "tcp://";

}  // namespace

bool is_remote_spec(const std::string& spec) { return spec.starts_with(kRemotePrefix); }

bool parse_remote_spec(const std::string& spec, std::string& host, unsigned& port) {
  if (!is_remote_spec(spec)) return false;
  const std::string rest = spec.substr(kRemotePrefix.size());
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) return false;
  host = rest.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')  // [::1]
    host = host.substr(1, host.size() - 2);
  if (host.find_first_of("/ ") != std::string::npos) return false;
  unsigned value = 0;
  for (char c : rest.substr(colon + 1)) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
    if (value > 65535) return false;
  }
  if (value == 0) return false;
  port = value;
  return true;
}

Status ShardSet::connect(Shard& shard) const {
  try {
    if (shard.remote) {
      std::string host;
      unsigned port = 0;
      parse_remote_spec(shard.spec, host, port);  // checked in open()
      shard.db = Xapian::Remote::open(host, port, options_.timeout_ms, options_.connect_timeout_ms);
    } else {
      shard.db = Xapian::Database(shard.spec);
    }
    Status s = check_schema_version(shard.db, shard.spec, /*allow_empty=*/false);
    if (!s.ok()) return s;
    shard.up = true;
    return Status::Ok();
  } catch (const Xapian::NetworkError& e) {
    return make_error(Code::kUnavailable, "shard " + shard.spec + " does not answer (" +
                                              e.get_type() + ": " + e.get_msg() +
                                              "): start xapian-tcpsrv for it, or leave it out");
  } catch (const Xapian::DatabaseOpeningError& e) {
    return make_error(Code::kUnavailable, "cannot open database " + shard.spec + ": " +
                                              e.get_msg() +
                                              ": index articles into it first with "
                                              "`readouts-index add --db " +
                                              shard.spec + " PATH`");
  } catch (const Xapian::Error& e) {
    return make_error(Code::kUnavailable, "cannot open database " + shard.spec + ": " +
                                              e.get_type() + ": " + e.get_msg());
  }
}

Result<ShardSet> ShardSet::open(const std::vector<std::string>& specs,
                                const ShardOptions& options) {
  if (specs.empty()) return make_error(Code::kInvalidArgument, "no database given");
  ShardSet set;
  set.options_ = options;
  Status first_failure;
  for (const std::string& spec : specs) {
    Shard shard;
    shard.spec = spec;
    shard.remote = is_remote_spec(spec);
    if (shard.remote) {
      std::string host;
      unsigned port = 0;
      if (!parse_remote_spec(spec, host, port))
        return make_error(Code::kInvalidArgument,
                          "bad remote shard \"" + spec + "\": write it as tcp://HOST:PORT");
    }
    // A shard another worker found not answering is not waited for again.
    Status s = Status::Ok();
    if (options.health && shard.remote && options.health->down(spec))
      s = make_error(Code::kUnavailable, "shard " + spec +
                                             " does not answer: start xapian-tcpsrv for it, or "
                                             "leave it out");
    else
      s = set.connect(shard);
    if (!s.ok()) {
      // A remote shard may be down for now; anything else is the operator's to fix.
      if (!shard.remote || s.error().code == Code::kSchemaMismatch) return s.error();
      if (options.health) options.health->report_down(spec);
      if (first_failure.ok()) first_failure = s;
      shard.retry_at =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(options.retry_after_ms);
    }
    set.shards_.push_back(std::move(shard));
  }
  if (std::none_of(set.shards_.begin(), set.shards_.end(), [](const Shard& s) { return s.up; }))
    return first_failure.error();
  set.rebuild();
  return set;
}

void ShardSet::rebuild() {
  combined_ = Xapian::Database();
  for (const Shard& s : shards_)
    if (s.up) combined_.add_database(s.db);
}

void ShardSet::leave_out(Shard& shard) {
  shard.up = false;
  shard.db = Xapian::Database();
  // From now: a connection that timed out may have taken a retry period already.
  shard.retry_at =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.retry_after_ms);
  if (options_.health && shard.remote) options_.health->report_down(shard.spec);
}

bool ShardSet::reconnect_remote() {
  for (Shard& s : shards_) {
    if (!s.up || !s.remote) continue;
    Shard fresh;
    fresh.spec = s.spec;
    fresh.remote = true;
    if (connect(fresh).ok()) {
      s.db = fresh.db;
    } else {
      leave_out(s);
    }
  }
  rebuild();
  return std::any_of(shards_.begin(), shards_.end(), [](const Shard& s) { return s.up; });
}

bool ShardSet::reopen_local() {
  std::vector<Shard> again = shards_;
  for (Shard& s : again)
    if (s.up && !s.remote && !connect(s).ok()) return false;
  shards_ = std::move(again);
  rebuild();
  return true;
}

bool ShardSet::reconnect_due() {
  const auto now = std::chrono::steady_clock::now();
  bool changed = false;
  for (Shard& s : shards_) {
    const bool reported_down = options_.health && s.remote && options_.health->down(s.spec);
    if (s.up) {
      // Another worker found it not answering: leave it out now rather than wait for it.
      if (reported_down) {
        leave_out(s);
        s.retry_at = now;  // back as soon as the prober sees it answer
        changed = true;
      }
      continue;
    }
    if (now < s.retry_at || reported_down) continue;
    if (connect(s).ok()) {
      changed = true;
    } else {
      leave_out(s);
    }
  }
  if (changed) rebuild();
  return changed;
}

std::vector<std::string> ShardSet::local_paths() const {
  std::vector<std::string> out;
  for (const Shard& s : shards_)
    if (!s.remote) out.push_back(s.spec);
  return out;
}

std::vector<std::string> ShardSet::missing() const {
  std::vector<std::string> out;
  for (const Shard& s : shards_)
    if (!s.up) out.push_back(s.spec);
  return out;
}

}  // namespace readouts
