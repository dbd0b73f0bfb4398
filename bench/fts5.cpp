// fts5: SQLite FTS5 on the same corpus, for comparison with readouts and raw Xapian.
//
//   fts5 index DB PATH...           one FTS5 table (title, body; id and date UNINDEXED),
//                                   tokenize='porter unicode61', inserts in one transaction
//                                   (default journal and synchronous settings), one core.
//   fts5 query DB QUERIES.tsv [ITERATIONS]
//                                   MATCH (every word or "phrase" ANDed, speaker as a phrase),
//                                   date BETWEEN from AND to, ORDER BY rank (bm25) LIMIT 10;
//                                   facets = year counts over every match (GROUP BY).
// Limits of this baseline, kept on purpose (it is the stock configuration): unicode61 does not
// split Chinese runs, so a Chinese word matches only as the prefix of a run (queries get a `*`).
#include <sqlite3.h>

#include "bench/bench_common.h"

namespace {

struct Db {
  sqlite3* h = nullptr;
  explicit Db(const std::string& path) {
    if (sqlite3_open(path.c_str(), &h) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(h));
  }
  ~Db() { sqlite3_close(h); }
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(h, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error(std::string(sql) + ": " + msg);
    }
  }
};

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(Db& db, const std::string& sql) {
    if (sqlite3_prepare_v2(db.h, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db.h));
  }
  ~Stmt() { sqlite3_finalize(s); }
};

int do_index(const std::string& path, const std::vector<std::string>& paths) {
  auto t0 = bench::Clock::now();
  std::filesystem::remove(path);
  Db db(path);
  db.exec(
      "CREATE VIRTUAL TABLE docs USING fts5(title, body, id UNINDEXED, date UNINDEXED, "
      "tokenize='porter unicode61')");
  db.exec("BEGIN");
  Stmt ins(db, "INSERT INTO docs(title, body, id, date) VALUES (?1, ?2, ?3, ?4)");
  uint64_t n = 0;
  uint64_t bytes = bench::for_each_record(bench::input_files(paths), [&](const bench::Record& r) {
    sqlite3_bind_text(ins.s, 1, r.title.data(), static_cast<int>(r.title.size()), SQLITE_STATIC);
    sqlite3_bind_text(ins.s, 2, r.body.data(), static_cast<int>(r.body.size()), SQLITE_STATIC);
    sqlite3_bind_text(ins.s, 3, r.id.data(), static_cast<int>(r.id.size()), SQLITE_STATIC);
    sqlite3_bind_text(ins.s, 4, r.date.data(), static_cast<int>(r.date.size()), SQLITE_STATIC);
    if (sqlite3_step(ins.s) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db.h));
    sqlite3_reset(ins.s);
    ++n;
  });
  db.exec("COMMIT");
  nlohmann::json j = {{"articles", n}, {"bytes", bytes}, {"seconds", bench::ms_since(t0) / 1000}};
  std::cout << j.dump() << "\n";
  return n > 0 ? 0 : 1;
}

bool has_cjk(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0xE3 && c <= 0xE9) return true;  // lead bytes of U+3000..U+9FFF
  return false;
}

// Benchmark query text -> FTS5 MATCH expression: each word or "quoted phrase" becomes a quoted
// string (so hyphens and apostrophes are literal), uppercase OR/NOT/AND stay operators.
std::string to_match(const bench::Query& q) {
  std::vector<std::string> parts;
  const std::string& s = q.q;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == ',') {
      ++i;
      continue;
    }
    std::string unit;
    if (s[i] == '"') {
      size_t e = s.find('"', i + 1);
      if (e == std::string::npos) e = s.size();
      unit = s.substr(i + 1, e - i - 1);
      i = e + 1;
    } else {
      size_t e = s.find_first_of(" ,", i);
      if (e == std::string::npos) e = s.size();
      unit = s.substr(i, e - i);
      i = e;
    }
    if (unit == "OR" || unit == "NOT" || unit == "AND") {
      parts.push_back(unit);
    } else if (!unit.empty()) {
      std::string quoted = "\"";
      for (char c : unit) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
      quoted += "\"";
      if (has_cjk(unit)) quoted += "*";
      parts.push_back(quoted);
    }
  }
  if (!q.speaker.empty()) parts.push_back("\"" + q.speaker + "\"");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

std::string iso_bound(const std::string& d, bool hi) {
  std::string b = bench::date_bound(d, hi);
  if (b.empty()) return "";
  return b.substr(0, 4) + "-" + b.substr(4, 2) + "-" + b.substr(6, 2);
}

int do_query(const std::string& path, const std::string& queries_path, int iterations) {
  Db db(path);
  auto queries = bench::read_queries(queries_path);
  return bench::run_query_bench(
      "fts5", queries, iterations, 2000.0, [&](const bench::Query& q, bool warmup) -> long long {
        std::string match = to_match(q);
        std::string where = match.empty() ? "1" : "docs MATCH ?1";
        std::string lo = iso_bound(q.from, false), hi = iso_bound(q.to, true);
        if (!lo.empty()) where += " AND date >= ?2";
        if (!hi.empty()) where += " AND date <= ?3";
        auto bind = [&](Stmt& st) {
          if (!match.empty()) sqlite3_bind_text(st.s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
          if (!lo.empty()) sqlite3_bind_text(st.s, 2, lo.c_str(), -1, SQLITE_TRANSIENT);
          if (!hi.empty()) sqlite3_bind_text(st.s, 3, hi.c_str(), -1, SQLITE_TRANSIENT);
        };
        size_t sink = 0;
        {
          Stmt top(db, "SELECT id, title FROM docs WHERE " + where +
                           (match.empty() ? " ORDER BY date DESC" : " ORDER BY rank") +
                           " LIMIT 10");
          bind(top);
          int rc;
          while ((rc = sqlite3_step(top.s)) == SQLITE_ROW)
            sink += static_cast<size_t>(sqlite3_column_bytes(top.s, 1));
          if (rc != SQLITE_DONE) throw std::runtime_error(match + ": " + sqlite3_errmsg(db.h));
        }
        // Match count (FTS5 has no estimate: this is exact) and, with facets, counts per year.
        // Without facets the count is taken in the untimed warm-up only (the top 10 needs no
        // count).
        long long total = 0;
        if (!warmup && !q.facets) return static_cast<long long>(sink);
        Stmt count(db, q.facets ? "SELECT substr(date, 1, 4) y, count(*) FROM docs WHERE " + where +
                                      " GROUP BY y"
                                : "SELECT count(*) FROM docs WHERE " + where);
        bind(count);
        int rc;
        while ((rc = sqlite3_step(count.s)) == SQLITE_ROW)
          total += sqlite3_column_int64(count.s, q.facets ? 1 : 0);
        if (rc != SQLITE_DONE) throw std::runtime_error(match + ": " + sqlite3_errmsg(db.h));
        if (sink == 0 && total < 0) std::fputs("", stderr);
        return total;
      });
}

}  // namespace

int main(int argc, char** argv) {
  return bench::bench_main("fts5", argc, argv, do_index, do_query);
}
