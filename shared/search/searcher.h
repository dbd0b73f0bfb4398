// Searcher: the read side of the library (search, one article, similar articles, statistics).
//
// Owns one read-only Xapian database (a list of shards, local or remote, opened together). NOT
// thread-safe: use one Searcher per thread (the server keeps one per worker). Each call reopens the
// database first, so commits made by the indexer are seen at once, and retries on
// DatabaseModifiedError. Every Xapian exception is caught here and returned as an Error
// (kInvalidArgument for a query a user got wrong, kUnavailable for a database problem, kNotFound
// for an unknown id).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "shared/core/status.h"
#include "shared/extract/knowledge.h"
#include "shared/search/ranking_options.h"
#include "shared/search/search_request.h"
#include "shared/search/search_result.h"
#include "shared/search/shard_set.h"

namespace readouts {

struct EventDetail;
class Highlighter;

// Called with each match's whole article and the highlighter of the query that matched it.
using MatchVisitor = std::function<void(const Article&, const Highlighter&)>;

class Searcher {
 public:
  // Opens every shard read-only and checks its schema version (kSchemaMismatch otherwise).
  // A shard is a folder, a Xapian stub file or "tcp://HOST:PORT" (xapian-tcpsrv): a remote
  // shard that does not answer is left out and tried again later (shared/search/shard_set.h);
  // answers then say which shards are missing (SearchResponse::partial).
  static Result<std::unique_ptr<Searcher>> open(const std::vector<std::filesystem::path>& shards,
                                                std::shared_ptr<const Knowledge> knowledge,
                                                const ShardOptions& options = ShardOptions());
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  Result<SearchResponse> search(const SearchRequest& request, const SearchLimits& limits);
  // As search(), and each match of the requested page (in rank order) goes to `visit` with its
  // whole article and the highlighter its snippet would use; the hits carry no snippets.
  // Keyword in context reads the passages this way (shared/search/kwic_search.h).
  Result<SearchResponse> visit_matches(const SearchRequest& request, const SearchLimits& limits,
                                       const MatchVisitor& visit);
  Result<Article> article(std::string_view id);
  Result<std::vector<SearchHit>> similar(std::string_view id, int count);
  // The event with this id and its accounts (shared/search/events.h); kNotFound when unknown.
  Result<EventDetail> event(std::string_view id, bool with_comparison = true);
  Result<CorpusStats> stats();
  // The people, topics, outlets and synonyms it reads queries with.
  const Knowledge& knowledge() const;
  // Replaces the ranking weights (evaluation and tuning; the defaults are what we ship).
  void set_ranking(const RankingOptions& options);
  // Facets from the in-memory FacetTable (the default) or from value slots per match (FacetSpy,
  // the reference the tests compare it with). Same counts either way.
  void use_facet_table(bool on);
  // The database's revision ("<revision>:<uuid>", changing with every commit), read after a
  // reopen; "" when it cannot tell (several shards), so that nothing is cached.
  Result<std::string> revision();
  // Cheap liveness check: the database can be reopened and counted.
  Result<uint64_t> article_count();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace readouts
