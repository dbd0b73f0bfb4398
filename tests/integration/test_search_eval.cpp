// Search quality: nDCG@10 of our ranking vs plain Xapian BM25 over the judged evaluation set in
// tests/eval/search/ (articles/*.md + judgments.jsonl; see tests/eval/search/README.md).
//
// Both systems see the same texts: the articles are indexed with the real indexer; the baseline
// database holds the same extracted title and passages, indexed by a plain TermGenerator
// (English stemming, CJK n-grams) and queried through a default QueryParser (OP_OR) with
// Xapian's default BM25. Run with `integration_tests --test-case='search eval*' -s` to see the
// per-query table.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "shared/core/article.h"
#include "shared/extract/knowledge.h"
#include "shared/search/ranking_options.h"
#include "shared/search/searcher.h"
#include "shared/search/stored_article.h"
#include "tests/integration/test_helpers.h"

using namespace readouts;
using namespace readouts::testing;
using nlohmann::json;

namespace {

struct Judged {
  std::string q;
  std::string kind;
  std::map<std::string, int> rel;
};

std::vector<Judged> load_judgments() {
  std::ifstream in(std::string(READOUTS_TEST_DIR) + "/eval/search/judgments.jsonl");
  std::vector<Judged> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    json j = json::parse(line);
    Judged r{j["q"], j.value("kind", ""), {}};
    for (auto& [id, g] : j["rel"].items()) r.rel[id] = g.get<int>();
    out.push_back(std::move(r));
  }
  return out;
}

double ndcg_at_10(const std::vector<std::string>& ranked, const std::map<std::string, int>& rel) {
  double dcg = 0;
  for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
    auto it = rel.find(ranked[i]);
    int g = it == rel.end() ? 0 : it->second;
    dcg += (std::pow(2.0, g) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> ideal;
  for (const auto& [id, g] : rel) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < 10; ++i)
    idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

// The baseline: the same extracted texts (title + passages), plain TermGenerator.
void build_plain_db(const std::filesystem::path& ours, const std::filesystem::path& plain) {
  Xapian::Database src(ours.string());
  Xapian::WritableDatabase dst(plain.string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  for (auto it = src.postlist_begin(""); it != src.postlist_end(""); ++it) {
    Article a;
    read_stored_article(src.get_document(*it), a);
    Xapian::Document d;
    tg.set_document(d);
    tg.index_text(a.title);
    tg.increase_termpos();
    tg.index_text(a.body());
    d.set_data(a.id);
    dst.add_document(d);
  }
  dst.commit();
}

std::vector<std::string> plain_search(Xapian::Database& db, const std::string& q) {
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  Xapian::Query query;
  try {
    query =
        qp.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
  } catch (const Xapian::QueryParserError&) {
    return {};
  }
  Xapian::Enquire enq(db);
  enq.set_query(query);
  Xapian::MSet m = enq.get_mset(0, 10);
  std::vector<std::string> out;
  for (auto it = m.begin(); it != m.end(); ++it) out.push_back(it.get_document().get_data());
  return out;
}

struct EvalResult {
  double ours = 0;
  double plain = 0;
  size_t queries = 0;
  std::map<std::string, std::pair<double, double>> by_kind;  // sum ours, sum plain
  std::map<std::string, int> kind_count;
};

// Both databases, built once per test process.
struct EvalSetup {
  TempDir tmp;
  std::unique_ptr<Searcher> searcher;
  std::unique_ptr<Xapian::Database> plain;
  std::vector<Judged> judged;

  EvalSetup() {
    auto db = tmp.path() / "ours";
    auto plain_path = tmp.path() / "plain";
    auto indexed = index_paths(db, quote(std::string(READOUTS_TEST_DIR) + "/eval/search/articles"));
    INFO(indexed.output);
    REQUIRE(indexed.status == 0);
    build_plain_db(db, plain_path);
    auto knowledge = load_knowledge({default_data_dir()});
    REQUIRE(knowledge.ok());
    auto s = Searcher::open({db}, std::make_shared<const Knowledge>(std::move(knowledge.value())));
    REQUIRE(s.ok());
    searcher = std::move(s.value());
    plain = std::make_unique<Xapian::Database>(plain_path.string());
    judged = load_judgments();
  }
};

EvalSetup& setup() {
  static EvalSetup s;
  return s;
}

EvalResult run_eval(const RankingOptions& options, bool print) {
  EvalSetup& st = setup();
  st.searcher->set_ranking(options);
  EvalResult r;
  if (print) std::printf("%-48s %6s %6s\n", "query", "ours", "bm25");
  for (const auto& j : st.judged) {
    SearchRequest req;
    req.q = j.q;
    req.facets = false;
    auto resp = st.searcher->search(req, SearchLimits{});
    std::vector<std::string> ours;
    if (resp.ok())
      for (const auto& h : resp.value().results) ours.push_back(h.id);
    const double a = ndcg_at_10(ours, j.rel);
    const double b = ndcg_at_10(plain_search(*st.plain, j.q), j.rel);
    if (print) std::printf("%-48s %6.3f %6.3f%s\n", j.q.c_str(), a, b, a + 1e-9 < b ? "  <" : "");
    r.ours += a;
    r.plain += b;
    r.by_kind[j.kind].first += a;
    r.by_kind[j.kind].second += b;
    ++r.kind_count[j.kind];
    ++r.queries;
  }
  st.searcher->set_ranking(RankingOptions());
  r.ours /= static_cast<double>(r.queries);
  r.plain /= static_cast<double>(r.queries);
  if (print)
    std::printf("mean nDCG@10 over %zu queries: ours %.3f, plain BM25 %.3f\n", r.queries, r.ours,
                r.plain);
  return r;
}

}  // namespace

TEST_CASE("search eval nDCG@10 of our ranking beats plain BM25 and stays above its floor") {
  EvalResult r = run_eval(RankingOptions(), /*print=*/true);
  MESSAGE("nDCG@10 ours " << r.ours << " plain BM25 " << r.plain << " over " << r.queries
                          << " queries");
  CHECK(r.queries >= 40);
  CHECK(r.ours > r.plain + 0.05);
  CHECK(r.ours >= 0.91);  // measured 0.933 (docs/search.md); a floor, not a target
}

// Each ranking feature must earn its place: switching it off may not score better.
TEST_CASE("search eval every ranking feature helps or is neutral") {
  const RankingOptions base;
  const double full = run_eval(base, false).ours;
  struct Variant {
    const char* name;
    RankingOptions options;
  };
  std::vector<Variant> variants;
  auto add = [&](const char* name, auto change) {
    RankingOptions o = base;
    change(o);
    variants.push_back({name, o});
  };
  add("no synonyms", [](RankingOptions& o) { o.synonyms = false; });
  add("no loose fallback", [](RankingOptions& o) { o.loose_fallback = false; });
  add("no ranking tiers", [](RankingOptions& o) { o.tiers = false; });
  add("no speaker-words boost", [](RankingOptions& o) { o.speaker_boost = 0; });
  add("no person boost", [](RankingOptions& o) { o.person_boost = 0; });
  add("no topic boost", [](RankingOptions& o) { o.topic_boost = 0; });
  add("no phrase boost", [](RankingOptions& o) { o.phrase_boost = 0; });
  add("no event feedback", [](RankingOptions& o) { o.event_feedback = false; });
  add("no exchange tier", [](RankingOptions& o) { o.exchange_tier = 0; });
  add("cross-script synonyms at half weight", [](RankingOptions& o) { o.cross_script = 0.5; });
  add("cross-script synonyms in strict matches",
      [](RankingOptions& o) { o.cross_script_strict = true; });
  add("BM25 b=0.3 (sessions 1-5)", [](RankingOptions& o) { o.bm25_b = 0.3; });
  add("BM25 b=0.5", [](RankingOptions& o) { o.bm25_b = 0.5; });
  add("BM25 b=0.1", [](RankingOptions& o) { o.bm25_b = 0.1; });
  add("BM25 k1=2.0", [](RankingOptions& o) { o.bm25_k1 = 2.0; });
  std::printf("%-40s %6.3f\n", "shipped settings", full);
  for (const auto& v : variants) {
    const double score = run_eval(v.options, false).ours;
    std::printf("%-40s %6.3f\n", v.name, score);
    CHECK_MESSAGE(score <= full + 0.005, std::string(v.name));  // 0.005: a rank swap or two
  }
}

TEST_CASE("search eval nDCG@10 is 1 for a perfect ranking and 0 for none") {
  std::map<std::string, int> rel = {{"a", 2}, {"b", 1}};
  CHECK(ndcg_at_10({"a", "b"}, rel) == doctest::Approx(1.0));
  CHECK(ndcg_at_10({"x", "y"}, rel) == doctest::Approx(0.0));
  CHECK(ndcg_at_10({"b", "a"}, rel) < 1.0);
}
