// rank_eval: ranking quality of readouts' search against plain Xapian BM25 and SQLite FTS5 over a
// judged query set (docs/ranking-eval.md).
//
//   rank_eval --db DB [--db SHARD...] --queries QUERIES.json [--split dev|test|all]
//             [--systems ours,bm25,fts5] [--depth N] [--k1 X] [--b Y] [--data DIR]
//             [--per-query] [--json OUT] [--check EXPR]...
//
// The three systems see the same texts: the articles stored in DB (title + passages). "ours"
// is readouts' Searcher, queried as a user would (q only, facets off, pages of 100 down to the
// depth SearchLimits allows). "bm25" is a plain Xapian database built in a temporary folder
// (TermGenerator, English stemmer, CJK n-grams) queried through a default QueryParser (OR,
// FLAG_DEFAULT | FLAG_CJK_NGRAM, STEM_SOME, no stop words; flags 0 when that throws) with
// Xapian's default BM25Weight. "fts5" is an in-memory SQLite FTS5 table (porter unicode61) queried
// with the query's words OR-ed, each one quoted, ORDER BY bm25 (only when built with sqlite3).
//
// Exit status: 0 done, every --check held; 1 a --check failed; 2 bad arguments or query file;
// 3 the database cannot be read.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifdef READOUTS_HAVE_SQLITE3
#include <sqlite3.h>
#endif

#include "bench/rank_metrics.h"
#include "shared/core/article.h"
#include "shared/core/schema.h"
#include "shared/extract/knowledge.h"
#include "shared/search/ranking_options.h"
#include "shared/search/searcher.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kUsage =
    "usage: rank_eval --db DB [--db SHARD...] --queries QUERIES.json [--split dev|test|all]\n"
    "                 [--systems ours,bm25,fts5] [--depth N] [--k1 X] [--b Y] [--data DIR]\n"
    "                 [--per-query] [--json OUT] [--check EXPR]...\n"
    "  --check EXPR  fail (exit 1) unless EXPR holds, e.g. 'ours.map>=bm25.map', 'ours.empty==0',\n"
    "                'ours.ndcg10>=0.90', 'ours.empty_vs_bm25==0'; metrics: map ndcg10 p10 empty\n"
    "                errors empty_vs_bm25 wins; operators >= <= > < ==\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Options {
  std::vector<fs::path> dbs;
  std::string queries;
  std::string split = "all";
  std::vector<std::string> systems;
  size_t depth = 1000;
  std::optional<double> k1, b;
  std::vector<fs::path> data_dirs;
  bool per_query = false;
  std::string json_out;
  std::vector<std::string> checks;
};

bool has_sqlite() {
#ifdef READOUTS_HAVE_SQLITE3
  return true;
#else
  return false;
#endif
}

double parse_number(const std::string& flag, const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(d >= 0))
    throw UsageError(flag + " needs a number >= 0, not '" + v + "'");
  return d;
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(a + " needs a value");
      return argv[++i];
    };
    if (a == "--db") {
      o.dbs.emplace_back(value());
    } else if (a == "--queries") {
      o.queries = value();
    } else if (a == "--split") {
      o.split = value();
      if (o.split != "dev" && o.split != "test" && o.split != "all")
        throw UsageError("--split must be dev, test or all, not '" + o.split + "'");
    } else if (a == "--systems") {
      std::stringstream ss(value());
      std::string s;
      while (std::getline(ss, s, ',')) {
        if (s != "ours" && s != "bm25" && s != "fts5")
          throw UsageError("--systems takes ours, bm25 and fts5, not '" + s + "'");
        if (s == "fts5" && !has_sqlite())
          throw UsageError(
              "fts5: rank_eval was built without sqlite3 (apt-get install libsqlite3-dev)");
        if (std::find(o.systems.begin(), o.systems.end(), s) == o.systems.end())
          o.systems.push_back(s);
      }
      if (o.systems.empty()) throw UsageError("--systems is empty");
    } else if (a == "--depth") {
      double d = parse_number(a, value());
      if (d < 10 || d != static_cast<double>(static_cast<size_t>(d)))
        throw UsageError("--depth must be a whole number >= 10");
      o.depth = static_cast<size_t>(d);
    } else if (a == "--k1") {
      o.k1 = parse_number(a, value());
    } else if (a == "--b") {
      o.b = parse_number(a, value());
      if (*o.b > 1) throw UsageError("--b must be between 0 and 1");
    } else if (a == "--data") {
      o.data_dirs.emplace_back(value());
    } else if (a == "--per-query") {
      o.per_query = true;
    } else if (a == "--json") {
      o.json_out = value();
    } else if (a == "--check") {
      o.checks.push_back(value());
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else {
      throw UsageError("unknown argument '" + a + "'");
    }
  }
  if (o.dbs.empty()) throw UsageError("--db is required");
  if (o.queries.empty()) throw UsageError("--queries is required");
  if (o.systems.empty()) {
    o.systems = {"ours", "bm25"};
    if (has_sqlite()) o.systems.push_back("fts5");
  }
  return o;
}

// ---- the query file (docs/ranking-eval.md, "Query files") ----

struct Query {
  std::string id, q, lang, split;
  bench::Grades keys;    // doc key -> grade, as written
  bench::Grades grades;  // article id -> grade (keys resolved; unresolved keys kept as "?key")
};

std::vector<Query> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError("cannot read the query file " + path);
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {
    throw UsageError(path + ": invalid JSON: " + e.what());
  }
  if (!j.is_object() || !j.contains("queries") || !j["queries"].is_array())
    throw UsageError(path + ": expected {\"queries\": [...]}");
  std::vector<Query> out;
  std::set<std::string> seen;
  for (const json& e : j["queries"]) {
    auto where = [&] { return path + ": query " + std::to_string(out.size() + 1); };
    if (!e.is_object() || !e.contains("q") || !e["q"].is_string())
      throw UsageError(where() + ": needs a string \"q\"");
    Query q;
    q.q = e["q"].get<std::string>();
    q.id = e.contains("id") && e["id"].is_string() ? e["id"].get<std::string>()
                                                   : "#" + std::to_string(out.size() + 1);
    if (!seen.insert(q.id).second) throw UsageError(where() + ": duplicate id " + q.id);
    q.lang = e.value("lang", "");
    q.split = e.value("split", "");
    if (!e.contains("grades") || !e["grades"].is_object())
      throw UsageError(where() + " (" + q.id + "): needs an object \"grades\"");
    for (const auto& [k, g] : e["grades"].items()) {
      if (!g.is_number_integer())
        throw UsageError(where() + " (" + q.id + "): grade of " + k + " is not an integer");
      q.keys[k] = g.get<int>();
    }
    out.push_back(std::move(q));
  }
  return out;
}

// ---- the stored articles and the doc-key rule ----

struct Doc {
  std::string id, title, body;
};

// A doc key K names the article whose id is K, or whose url is K, or whose origin file (the path
// it was indexed from, single-article files only: no "#N") has the name stem K
// ("tests/realworld/pages/en-gov-01.txt" -> "en-gov-01").
struct Corpus {
  std::vector<Doc> docs;
  std::map<std::string, std::set<std::string>> by_key;

  void add_key(const std::string& key, const std::string& id) {
    if (!key.empty()) by_key[key].insert(id);
  }
};

Corpus read_corpus(const std::vector<fs::path>& dbs) {
  Xapian::Database db;
  for (const auto& p : dbs) db.add_database(Xapian::Database(p.string()));
  Corpus c;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    json j = json::parse(doc.get_data(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id")) continue;  // not an article record
    readouts::Article a;
    readouts::from_json(j, a);
    // The passages are stored in their own value (docs/schema.md).
    readouts::passages_from_value(doc.get_value(readouts::schema::kSlotPassages), a.passages);
    if (a.id.empty()) continue;
    c.add_key(a.id, a.id);
    c.add_key(a.url, a.id);
    if (!a.origin.empty() && a.origin != "-" && a.origin.find('#') == std::string::npos)
      c.add_key(fs::path(a.origin).stem().string(), a.id);
    c.docs.push_back({a.id, a.title, a.body()});
  }
  return c;
}

struct KeyReport {
  size_t judged = 0, unresolved = 0, ambiguous = 0;
  std::vector<std::string> unresolved_examples;
};

KeyReport resolve_keys(std::vector<Query>& queries, const Corpus& c) {
  KeyReport r;
  for (auto& q : queries) {
    for (const auto& [key, g] : q.keys) {
      ++r.judged;
      auto it = c.by_key.find(key);
      if (it == c.by_key.end()) {
        ++r.unresolved;
        if (r.unresolved_examples.size() < 5) r.unresolved_examples.push_back(q.id + ":" + key);
        q.grades["?" + key] = g;  // counts as relevant, never retrieved
        continue;
      }
      if (it->second.size() > 1) ++r.ambiguous;
      for (const auto& id : it->second) q.grades[id] = std::max(q.grades[id], g);
    }
  }
  return r;
}

// ---- the systems ----

struct Run {
  std::vector<std::string> ids;
  bool error = false;
};

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "rank_eval.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary folder");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

class Ours {
 public:
  Ours(const Options& o, std::shared_ptr<const readouts::Knowledge> knowledge) {
    auto s = readouts::Searcher::open(o.dbs, std::move(knowledge));
    if (!s.ok()) throw std::runtime_error("ours: " + s.error().message);
    searcher_ = std::move(s.value());
    readouts::RankingOptions ranking;
    if (o.k1) ranking.bm25_k1 = *o.k1;
    if (o.b) ranking.bm25_b = *o.b;
    searcher_->set_ranking(ranking);
    per_page_ = std::min(100, limits_.max_per_page);
    depth_ = std::min(o.depth, static_cast<size_t>(limits_.max_result_depth));
  }
  size_t depth() const { return depth_; }

  Run search(const Query& q) {
    Run run;
    for (int page = 1; run.ids.size() < depth_; ++page) {
      readouts::SearchRequest req;
      req.q = q.q;
      req.facets = false;
      req.per_page = per_page_;
      req.page = page;
      if (static_cast<size_t>(page) * static_cast<size_t>(per_page_) >
          static_cast<size_t>(limits_.max_result_depth))
        break;
      auto resp = searcher_->search(req, limits_);
      if (!resp.ok()) {
        run.error = true;
        const std::string code(readouts::code_name(resp.error().code));
        if (errors_seen_.insert(code).second)
          std::cerr << "ours: error (" << code << ") for " << q.id << ": " << resp.error().message
                    << " (counted as an empty answer; reported once per kind)\n";
        break;
      }
      for (const auto& h : resp.value().results) run.ids.push_back(h.id);
      if (resp.value().results.size() < static_cast<size_t>(per_page_)) break;
    }
    if (run.ids.size() > depth_) run.ids.resize(depth_);
    return run;
  }

 private:
  std::unique_ptr<readouts::Searcher> searcher_;
  readouts::SearchLimits limits_;
  int per_page_ = 100;
  size_t depth_ = 1000;
  std::set<std::string> errors_seen_;
};

class PlainBm25 {
 public:
  PlainBm25(const Corpus& c, size_t depth) : depth_(depth) {
    {
      Xapian::WritableDatabase w((tmp_.path / "plain").string(), Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator tg;
      tg.set_stemmer(Xapian::Stem("english"));
      tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
      for (const auto& d : c.docs) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(d.title);
        tg.increase_termpos();
        tg.index_text(d.body);
        doc.set_data(d.id);
        w.add_document(doc);
      }
      w.commit();
    }
    db_ = Xapian::Database((tmp_.path / "plain").string());
    qp_.set_stemmer(Xapian::Stem("english"));
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.set_default_op(Xapian::Query::OP_OR);
    qp_.set_database(db_);
  }
  size_t retries() const { return retries_; }

  Run search(const Query& q) {
    Xapian::Query query;
    try {
      query = qp_.parse_query(
          q.q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
    } catch (const Xapian::QueryParserError&) {
      ++retries_;
      query = qp_.parse_query(q.q, 0);
    }
    Xapian::Enquire enquire(db_);  // default weighting: BM25Weight()
    enquire.set_query(query);
    Run run;
    Xapian::MSet m = enquire.get_mset(0, static_cast<Xapian::doccount>(depth_));
    for (auto it = m.begin(); it != m.end(); ++it) run.ids.push_back(it.get_document().get_data());
    return run;
  }

 private:
  TempDir tmp_;
  Xapian::Database db_;
  Xapian::QueryParser qp_;
  size_t depth_;
  size_t retries_ = 0;
};

#ifdef READOUTS_HAVE_SQLITE3
class Fts5 {
 public:
  Fts5(const Corpus& c, size_t depth) : depth_(depth) {
    if (sqlite3_open(":memory:", &db_) != SQLITE_OK) throw std::runtime_error("fts5: cannot open");
    exec(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, id UNINDEXED, tokenize='porter "
        "unicode61')");
    exec("BEGIN");
    sqlite3_stmt* ins = prepare("INSERT INTO docs(title, body, id) VALUES (?1, ?2, ?3)");
    for (const auto& d : c.docs) {
      sqlite3_bind_text(ins, 1, d.title.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(ins, 2, d.body.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(ins, 3, d.id.c_str(), -1, SQLITE_STATIC);
      if (sqlite3_step(ins) != SQLITE_DONE)
        throw std::runtime_error(std::string("fts5: ") + sqlite3_errmsg(db_));
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    exec("COMMIT");
    select_ = prepare("SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2");
  }
  ~Fts5() {
    sqlite3_finalize(select_);
    sqlite3_close(db_);
  }
  Fts5(const Fts5&) = delete;
  Fts5& operator=(const Fts5&) = delete;

  // The query's words (split on spaces and commas) OR-ed, each a quoted FTS5 string; words
  // without a letter or digit (".", "-") are left out; Chinese words match as prefixes of a run
  // (unicode61 does not split Chinese), as in bench/fts5.cpp.
  static std::string to_match(const std::string& q) {
    std::string out;
    std::string word;
    auto flush = [&] {
      bool wordy = false, cjk = false;
      for (unsigned char ch : word) {
        if (std::isalnum(ch) || ch >= 0x80) wordy = true;
        if (ch >= 0xE3 && ch <= 0xE9) cjk = true;  // lead bytes of U+3000..U+9FFF
      }
      if (wordy) {
        std::string quoted = "\"";
        for (char ch : word) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        out += (out.empty() ? "" : " OR ") + quoted + "\"" + (cjk ? "*" : "");
      }
      word.clear();
    };
    for (char ch : q) {
      if (ch == ' ' || ch == ',' || ch == '\t' || ch == '\n')
        flush();
      else
        word += ch;
    }
    flush();
    return out;
  }

  Run search(const Query& q) {
    Run run;
    const std::string match = to_match(q.q);
    if (match.empty()) return run;
    sqlite3_reset(select_);
    sqlite3_bind_text(select_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(select_, 2, static_cast<sqlite3_int64>(depth_));
    int rc;
    while ((rc = sqlite3_step(select_)) == SQLITE_ROW)
      run.ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select_, 0)));
    if (rc != SQLITE_DONE) {
      run.error = true;
      if (++errors_ == 1)
        std::cerr << "fts5: error for " << q.id << " (" << match << "): " << sqlite3_errmsg(db_)
                  << "\n";
    }
    return run;
  }

 private:
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error(std::string("fts5: ") + msg);
    }
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("fts5: ") + sqlite3_errmsg(db_));
    return s;
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
  size_t depth_;
  size_t errors_ = 0;
};
#endif

// ---- scoring ----

struct Score {
  double ap = 0, ndcg10 = 0, p10 = 0;
  size_t returned = 0;
  bool error = false;
};

struct Totals {
  double map = 0, ndcg10 = 0, p10 = 0;
  size_t empty = 0, errors = 0, empty_vs_bm25 = 0, wins = 0;
};

std::string fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.4f", v);
  return b;
}

// "ours.map>=bm25.map", "ours.empty==0": returns whether it holds; a message either way.
bool check(const std::string& expr, const std::map<std::string, Totals>& totals,
           std::string& says) {
  static const char* ops[] = {">=", "<=", "==", ">", "<"};
  size_t at = std::string::npos;
  std::string op;
  for (const char* o : ops) {
    at = expr.find(o);
    if (at != std::string::npos) {
      op = o;
      break;
    }
  }
  if (op.empty()) throw UsageError("--check '" + expr + "': no operator (>= <= == > <)");
  auto side = [&](std::string s) -> double {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    const size_t dot = s.find('.');
    if (dot != std::string::npos && !std::isdigit(static_cast<unsigned char>(s[0]))) {
      auto t = totals.find(s.substr(0, dot));
      if (t == totals.end())
        throw UsageError("--check '" + expr + "': system " + s.substr(0, dot) + " was not run");
      const std::string m = s.substr(dot + 1);
      const Totals& v = t->second;
      if (m == "map") return v.map;
      if (m == "ndcg10") return v.ndcg10;
      if (m == "p10") return v.p10;
      if (m == "empty") return static_cast<double>(v.empty);
      if (m == "errors") return static_cast<double>(v.errors);
      if (m == "empty_vs_bm25") return static_cast<double>(v.empty_vs_bm25);
      if (m == "wins") return static_cast<double>(v.wins);
      throw UsageError("--check '" + expr + "': unknown metric " + m);
    }
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0')
      throw UsageError("--check '" + expr + "': '" + s + "' is not SYSTEM.METRIC or a number");
    return d;
  };
  const double l = side(expr.substr(0, at)), r = side(expr.substr(at + op.size()));
  const bool ok = op == ">="   ? l >= r - 1e-12
                  : op == "<=" ? l <= r + 1e-12
                  : op == ">"  ? l > r
                  : op == "<"  ? l < r
                               : std::abs(l - r) < 1e-12;
  says = expr + " (" + fmt(l) + " " + op + " " + fmt(r) + ")";
  return ok;
}

int run(const Options& o) {
  {  // the checks' syntax, before the work
    std::map<std::string, Totals> none;
    for (const auto& s : o.systems) none[s] = Totals{};
    std::string says;
    for (const auto& c : o.checks) (void)check(c, none, says);
  }
  auto queries = load_queries(o.queries);
  std::erase_if(queries, [&](const Query& q) { return o.split != "all" && q.split != o.split; });
  if (queries.empty()) throw UsageError(o.queries + ": no query in split " + o.split);

  Corpus corpus;
  try {
    corpus = read_corpus(o.dbs);
  } catch (const Xapian::Error& e) {
    std::cerr << "rank_eval: cannot read the database: " << e.get_description() << "\n";
    return 3;
  }
  if (corpus.docs.empty()) {
    std::cerr << "rank_eval: no article in the database\n";
    return 3;
  }
  const KeyReport keys = resolve_keys(queries, corpus);

  std::unique_ptr<Ours> ours;
  std::unique_ptr<PlainBm25> bm25;
#ifdef READOUTS_HAVE_SQLITE3
  std::unique_ptr<Fts5> fts5;
#endif
  const auto wants = [&](const char* s) {
    return std::find(o.systems.begin(), o.systems.end(), s) != o.systems.end();
  };
  size_t ours_depth = o.depth;
  try {
    if (wants("ours")) {
      std::vector<fs::path> dirs = {fs::path(READOUTS_SOURCE_DIR) / "data"};
      dirs.insert(dirs.end(), o.data_dirs.begin(), o.data_dirs.end());
      auto knowledge = readouts::load_knowledge(dirs);
      if (!knowledge.ok()) throw UsageError("data: " + knowledge.error().message);
      ours = std::make_unique<Ours>(
          o, std::make_shared<const readouts::Knowledge>(std::move(knowledge.value())));
      ours_depth = ours->depth();
    }
    if (wants("bm25")) bm25 = std::make_unique<PlainBm25>(corpus, o.depth);
#ifdef READOUTS_HAVE_SQLITE3
    if (wants("fts5")) fts5 = std::make_unique<Fts5>(corpus, o.depth);
#endif
  } catch (const Xapian::Error& e) {
    std::cerr << "rank_eval: " << e.get_description() << "\n";
    return 3;
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const UsageError*>(&e)) throw;
    std::cerr << "rank_eval: " << e.what() << "\n";
    return 3;
  }

  std::map<std::string, Totals> totals;
  size_t scored = 0, unjudged = 0, ties = 0;
  json per_query = json::array();
  if (o.per_query) {
    std::printf("%-12s", "query");
    for (const auto& s : o.systems) std::printf(" %6s-AP %6s-nDCG", s.c_str(), s.c_str());
    std::printf("  %-6s  text\n", "winner");
  }
  for (const auto& q : queries) {
    std::map<std::string, Score> scores;
    std::map<std::string, Run> runs;
    for (const auto& s : o.systems) {
      Run r;
      if (s == "ours") r = ours->search(q);
      if (s == "bm25") r = bm25->search(q);
#ifdef READOUTS_HAVE_SQLITE3
      if (s == "fts5") r = fts5->search(q);
#endif
      Score sc;
      sc.ap = bench::average_precision(r.ids, q.grades);
      sc.ndcg10 = bench::ndcg_at(r.ids, q.grades, 10);
      sc.p10 = bench::precision_at(r.ids, q.grades, 10);
      sc.returned = r.ids.size();
      sc.error = r.error;
      scores[s] = sc;
      runs[s] = std::move(r);
    }
    const bool judged = bench::relevant_count(q.grades) > 0;
    // The winner: best nDCG@10, then best AP; "tie" when the best two are equal on both.
    std::string winner = "tie";
    if (judged && o.systems.size() > 1) {
      std::vector<std::string> order = o.systems;
      std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        return std::pair(scores[a].ndcg10, scores[a].ap) >
               std::pair(scores[b].ndcg10, scores[b].ap);
      });
      const Score &first = scores[order[0]], &second = scores[order[1]];
      if (first.ndcg10 > second.ndcg10 + 1e-9 ||
          (std::abs(first.ndcg10 - second.ndcg10) <= 1e-9 && first.ap > second.ap + 1e-9))
        winner = order[0];
    }
    if (judged) {
      ++scored;
      if (winner == "tie") ++ties;
    } else {
      ++unjudged;
    }
    json jq = {{"id", q.id},
               {"q", q.q},
               {"split", q.split},
               {"relevant", bench::relevant_count(q.grades)},
               {"winner", judged ? winner : "unjudged"}};
    for (const auto& s : o.systems) {
      const Score& sc = scores[s];
      Totals& t = totals[s];
      if (judged) {
        t.map += sc.ap;
        t.ndcg10 += sc.ndcg10;
        t.p10 += sc.p10;
        if (winner == s) ++t.wins;
      }
      if (sc.returned == 0) {
        ++t.empty;
        if (scores.count("bm25") && scores["bm25"].returned > 0) ++t.empty_vs_bm25;
      }
      if (sc.error) ++t.errors;
      jq[s] = {{"ap", sc.ap},
               {"ndcg10", sc.ndcg10},
               {"p10", sc.p10},
               {"returned", sc.returned},
               {"error", sc.error},
               {"top10", std::vector<std::string>(
                             runs[s].ids.begin(),
                             runs[s].ids.begin() +
                                 static_cast<long>(std::min<size_t>(10, runs[s].ids.size())))}};
    }
    per_query.push_back(jq);
    if (o.per_query) {
      std::printf("%-12s", q.id.c_str());
      for (const auto& s : o.systems) {
        const Score& sc = scores[s];
        if (sc.returned == 0)
          std::printf(" %9s %11s", sc.error ? "error" : "empty", "-");
        else
          std::printf(" %9.4f %11.4f", sc.ap, sc.ndcg10);
      }
      std::string text = q.q.size() > 70 ? q.q.substr(0, 67) + "..." : q.q;
      std::printf("  %-6s  %s\n", judged ? winner.c_str() : "-", text.c_str());
    }
  }
  for (auto& [s, t] : totals) {
    if (scored == 0) break;
    t.map /= static_cast<double>(scored);
    t.ndcg10 /= static_cast<double>(scored);
    t.p10 /= static_cast<double>(scored);
  }

  // The summary.
  std::printf("\nqueries: %zu (split %s, %zu scored, %zu without a relevant judgment)\n",
              queries.size(), o.split.c_str(), scored, unjudged);
  std::printf(
      "judged pairs: %zu (%zu keys not in the index, %zu naming several articles); %zu articles\n",
      keys.judged, keys.unresolved, keys.ambiguous, corpus.docs.size());
  if (!keys.unresolved_examples.empty()) {
    std::printf("  not in the index, e.g.:");
    for (const auto& e : keys.unresolved_examples) std::printf(" %s", e.c_str());
    std::printf("\n");
  }
  std::printf("depth: %zu", o.depth);
  if (ours && ours_depth != o.depth)
    std::printf(" (ours: %zu, SearchLimits::max_result_depth)", ours_depth);
  if (bm25) std::printf("; bm25 query-parser retries with flags 0: %zu", bm25->retries());
  std::printf("\n\n%-6s %8s %8s %8s %6s %6s %6s\n", "system", "MAP", "nDCG@10", "P@10", "empty",
              "errors", "wins");
  for (const auto& s : o.systems) {
    const Totals& t = totals[s];
    std::printf("%-6s %8.4f %8.4f %8.4f %6zu %6zu %6zu\n", s.c_str(), t.map, t.ndcg10, t.p10,
                t.empty, t.errors, t.wins);
  }
  if (o.systems.size() > 1) std::printf("%-6s %44zu\n", "ties", ties);

  if (!o.json_out.empty()) {
    json out = {{"queries_file", o.queries},
                {"split", o.split},
                {"queries", queries.size()},
                {"scored", scored},
                {"depth", o.depth},
                {"ours_depth", ours_depth},
                {"judged_pairs", keys.judged},
                {"unresolved_keys", keys.unresolved},
                {"articles", corpus.docs.size()},
                {"ties", ties},
                {"per_query", per_query}};
    if (bm25) out["bm25_parser_retries"] = bm25->retries();
    for (const auto& s : o.systems) {
      const Totals& t = totals[s];
      out["systems"][s] = {{"map", t.map},       {"ndcg10", t.ndcg10},
                           {"p10", t.p10},       {"empty", t.empty},
                           {"errors", t.errors}, {"empty_vs_bm25", t.empty_vs_bm25},
                           {"wins", t.wins}};
    }
    std::ofstream f(o.json_out);
    f << out.dump(1) << "\n";
    if (!f) {
      std::cerr << "rank_eval: cannot write " << o.json_out << "\n";
      return 2;
    }
  }

  int status = 0;
  for (const auto& c : o.checks) {
    std::string says;
    const bool ok = check(c, totals, says);
    std::printf("check %s: %s\n", ok ? "passed" : "FAILED", says.c_str());
    if (!ok) status = 1;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_args(argc, argv));
  } catch (const UsageError& e) {
    std::cerr << "rank_eval: " << e.what() << "\n" << kUsage;
    return 2;
  }
}
