// raw_xapian: the engine's own limit, for comparison with readouts-index and readouts-server.
//
//   raw_xapian index DB PATH...     minimal indexing loop on one core: TermGenerator (English
//                                   stemming, STEM_SOME, positions, CJK n-grams), title + body,
//                                   unique id term, replace_document, one commit at the end.
//   raw_xapian query DB QUERIES.tsv [ITERATIONS]
//                                   runs each query in-process: QueryParser (AND, stemming,
//                                   phrases, CJK n-grams), speaker = phrase filter on the name,
//                                   from/to = value range on the date, facets = year counts
//                                   (ValueCountMatchSpy, exact); top 10 with their titles.
//   raw_xapian facets OURS_DB QUERIES.tsv [ITERATIONS]
//                                   the same queries on readouts' own database, counting the
//                                   facets readouts counts the engine's own way: one
//                                   ValueCountMatchSpy per value slot (date, speakers, topics,
//                                   source, language: whole values, lists not split), over up to
//                                   20,000 matches as readouts; top 10 with their stored data. The
//                                   baseline for faceted search in process (docs/benchmarks.md,
//                                   "Facets").
//   raw_xapian facets-throughput OURS_DB QUERIES.tsv SECONDS THREADS
//                                   the same faceted searches on THREADS threads (one database
//                                   each) for SECONDS: requests per second, the ceiling the
//                                   server's HTTP throughput is compared with.
// Prints one JSON object (index: {"articles","bytes","seconds"}; query: see bench_common.h).
#include <xapian.h>

#include <memory>
#include <thread>

#include "bench/bench_common.h"

namespace {

constexpr unsigned kSlotDate = 0;  // YYYYMMDD
constexpr unsigned kSlotYear = 1;  // YYYY (facet)

std::string digits_of(const std::string& s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

int do_index(const std::string& db_path, const std::vector<std::string>& paths) {
  auto t0 = bench::Clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  uint64_t n = 0;
  uint64_t bytes = bench::for_each_record(bench::input_files(paths), [&](const bench::Record& r) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(r.title);
    tg.increase_termpos();
    tg.index_text(r.body);
    const std::string idterm = "Q" + r.id;
    doc.add_boolean_term(idterm);
    std::string d = digits_of(r.date);
    if (d.size() >= 8) {
      doc.add_value(kSlotDate, d.substr(0, 8));
      doc.add_value(kSlotYear, d.substr(0, 4));
    }
    doc.set_data(r.title);
    db.replace_document(idterm, doc);
    ++n;
  });
  db.commit();
  db.close();
  nlohmann::json j = {{"articles", n}, {"bytes", bytes}, {"seconds", bench::ms_since(t0) / 1000}};
  std::cout << j.dump() << "\n";
  return n > 0 ? 0 : 1;
}

int do_query(const std::string& db_path, const std::string& queries_path, int iterations) {
  Xapian::Database db(db_path);
  Xapian::Enquire enq(db);
  Xapian::QueryParser qp;
  Xapian::Stem stem("english");
  qp.set_stemmer(stem);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  qp.set_default_op(Xapian::Query::OP_AND);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM;
  auto queries = bench::read_queries(queries_path);
  return bench::run_query_bench(
      "raw_xapian", queries, iterations, 2000.0, [&](const bench::Query& q, bool) -> long long {
        try {
          Xapian::Query query = q.q.empty() ? Xapian::Query::MatchAll : qp.parse_query(q.q, flags);
          std::vector<Xapian::Query> filters;
          if (!q.speaker.empty()) filters.push_back(qp.parse_query("\"" + q.speaker + "\"", flags));
          std::string lo = bench::date_bound(q.from, false), hi = bench::date_bound(q.to, true);
          if (!lo.empty() && !hi.empty())
            filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate, lo, hi);
          else if (!lo.empty())
            filters.emplace_back(Xapian::Query::OP_VALUE_GE, kSlotDate, lo);
          else if (!hi.empty())
            filters.emplace_back(Xapian::Query::OP_VALUE_LE, kSlotDate, hi);
          if (!filters.empty())
            query =
                Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
          enq.set_query(query);
          enq.clear_matchspies();
          Xapian::ValueCountMatchSpy years(kSlotYear);
          if (q.facets) enq.add_matchspy(&years);
          Xapian::MSet m = enq.get_mset(0, 10, q.facets ? db.get_doccount() : 0);
          size_t sink = 0;
          for (auto it = m.begin(); it != m.end(); ++it)
            sink += it.get_document().get_data().size();
          if (q.facets)
            for (auto it = years.values_begin(); it != years.values_end(); ++it)
              sink += it.get_termfreq();
          if (sink == 0 && !m.empty())
            std::fputs("", stderr);  // keeps the reads from being optimised away
          enq.clear_matchspies();
          return static_cast<long long>(m.get_matches_estimated());
        } catch (const Xapian::Error& e) {
          throw std::runtime_error(e.get_description());
        }
      });
}

// As many matches as readouts counts facets over (SearchLimits::max_facet_docs).
constexpr Xapian::doccount kFacetDocs = 20000;

// One faceted search on readouts' own database, the engine's own way; one per thread (Xapian
// objects are not shared between threads). Slots 0-4 of readouts' schema
// (shared/core/schema.h): date, speakers, topics, source, language.
class FacetedSearch {
 public:
  explicit FacetedSearch(const std::string& db_path) : db_(db_path), enq_(db_) {
    qp_.set_stemmer(Xapian::Stem("english"));
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.set_database(db_);
    qp_.set_default_op(Xapian::Query::OP_AND);
  }

  // Runs one query (top 10 with their data, and the five slots counted when it asks for
  // facets); returns the estimated matches.
  long long run(const bench::Query& q) {
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM;
    Xapian::Query query = q.q.empty() ? Xapian::Query::MatchAll : qp_.parse_query(q.q, flags);
    std::vector<Xapian::Query> filters;
    if (!q.speaker.empty()) filters.push_back(qp_.parse_query("\"" + q.speaker + "\"", flags));
    std::string lo = bench::date_bound(q.from, false), hi = bench::date_bound(q.to, true);
    if (!lo.empty() || !hi.empty())
      filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate, lo.empty() ? "0" : lo,
                           hi.empty() ? "99999999" : hi);
    if (!filters.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    enq_.set_query(query);
    enq_.clear_matchspies();
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    if (q.facets)
      for (unsigned slot = 0; slot <= 4; ++slot) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
        enq_.add_matchspy(spies.back().get());
      }
    Xapian::MSet m = enq_.get_mset(0, 10, q.facets ? kFacetDocs : 0);
    size_t sink = 0;
    for (auto it = m.begin(); it != m.end(); ++it) sink += it.get_document().get_data().size();
    for (const auto& spy : spies)
      for (auto it = spy->top_values_begin(30); it != spy->top_values_end(30); ++it)
        sink += it.get_termfreq();
    if (sink == 0 && !m.empty()) std::fputs("", stderr);
    enq_.clear_matchspies();
    return static_cast<long long>(m.get_matches_estimated());
  }

 private:
  Xapian::Database db_;
  Xapian::Enquire enq_;
  Xapian::QueryParser qp_;
};

int do_facets(const std::string& db_path, const std::string& queries_path, int iterations) {
  FacetedSearch search(db_path);
  auto queries = bench::read_queries(queries_path);
  return bench::run_query_bench("raw_xapian_facets", queries, iterations, 2000.0,
                                [&](const bench::Query& q, bool) -> long long {
                                  try {
                                    return search.run(q);
                                  } catch (const Xapian::Error& e) {
                                    throw std::runtime_error(e.get_description());
                                  }
                                });
}

// The same queries as fast as THREADS threads can answer them for SECONDS seconds, each thread
// going round the list from its own starting point (as wrk's connections go round the request
// paths): the throughput the server over HTTP is compared with (bench/run.sh, stage "http").
int do_facets_throughput(const std::string& db_path, const std::string& queries_path,
                         double seconds, int threads) {
  const auto queries = bench::read_queries(queries_path);
  if (queries.empty() || threads < 1 || seconds <= 0) {
    std::cerr << "raw_xapian: facets-throughput needs queries, SECONDS > 0 and THREADS >= 1\n";
    return 2;
  }
  std::vector<long long> done(static_cast<size_t>(threads), 0);
  std::vector<std::string> errors(static_cast<size_t>(threads));
  const auto t0 = bench::Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      try {
        FacetedSearch search(db_path);
        size_t i = static_cast<size_t>(t) * queries.size() / static_cast<size_t>(threads);
        while (bench::ms_since(t0) < seconds * 1000.0) {
          search.run(queries[i % queries.size()]);
          ++done[static_cast<size_t>(t)];
          ++i;
        }
      } catch (const Xapian::Error& e) {
        errors[static_cast<size_t>(t)] = e.get_description();
      }
    });
  for (auto& th : pool) th.join();
  const double elapsed_s = bench::ms_since(t0) / 1000.0;
  long long total = 0;
  for (long long n : done) total += n;
  nlohmann::json report = {{"engine", "raw_xapian_facets_throughput"},
                           {"threads", threads},
                           {"seconds", elapsed_s},
                           {"queries", queries.size()},
                           {"requests", total},
                           {"requests_per_s", static_cast<double>(total) / elapsed_s}};
  for (const std::string& e : errors)
    if (!e.empty()) report["error"] = e;
  std::cout << report.dump() << "\n";
  return report.contains("error") ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc >= 6 && std::string(argv[1]) == "facets-throughput")
      return do_facets_throughput(argv[2], argv[3], std::atof(argv[4]), std::atoi(argv[5]));
    if (argc >= 4 && std::string(argv[1]) == "facets")
      return do_facets(argv[2], argv[3], argc > 4 ? std::atoi(argv[4]) : 20);
    return bench::bench_main("raw_xapian", argc, argv, do_index, do_query);
  } catch (const Xapian::Error& e) {
    std::cerr << "raw_xapian: " << e.get_description() << "\n";
  }
  return 1;
}
