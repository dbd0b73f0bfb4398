// Searcher: runs queries, facets, snippets, article look-ups and statistics over Xapian shards.
#include "shared/search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <utility>

#include "shared/core/schema.h"
#include "shared/index/document_builder.h"
#include "shared/index/schema_version.h"
#include "shared/search/events.h"
#include "shared/search/facet_spies.h"
#include "shared/search/facet_table.h"
#include "shared/search/highlight.h"
#include "shared/search/hit_snippet.h"
#include "shared/search/query_builder.h"
#include "shared/search/query_reader.h"
#include "shared/search/stored_article.h"

namespace readouts {

namespace {

constexpr int kRetries = 3;
// Fewer strict matches than this: search any of the words instead (strict matches first).
constexpr Xapian::doccount kMinStrictMatches = 10;
// Event feedback: the accounts of the event the first results report rank this many tier units
// higher (above every other tier: they come first).
constexpr double kEventFirstUnits = 100;
// Fewer results than this: look for a "did you mean" suggestion.
constexpr uint64_t kFewResults = 3;
constexpr double kSimilarLinkWeight = 2.0;  // a shared speaker or topic vs a shared word

Error from_xapian(const Xapian::Error& e) {
  const std::string type = e.get_type();
  if (type == "QueryParserError")
    return make_error(Code::kInvalidArgument, "the query could not be read: " + e.get_msg());
  if (type.starts_with("Database") || type.starts_with("Network"))
    return make_error(Code::kUnavailable, "the database is not available: " + type);
  return make_error(Code::kInternal, type + ": " + e.get_msg());
}

Article article_of(const Xapian::Document& doc) {
  Article a;
  read_stored_article(doc, a);  // a default article when the data is not JSON
  return a;
}

std::vector<FacetValue> sorted_facet(const std::unordered_map<std::string, uint64_t>& counts,
                                     size_t limit, bool by_value_desc = false) {
  std::vector<FacetValue> out;
  out.reserve(counts.size());
  for (const auto& [value, count] : counts) out.push_back({value, value, count});
  std::sort(out.begin(), out.end(), [&](const FacetValue& a, const FacetValue& b) {
    if (by_value_desc) return a.value > b.value;
    if (a.count != b.count) return a.count > b.count;
    return a.value < b.value;
  });
  if (limit && out.size() > limit) out.resize(limit);
  return out;
}

// Adds the time from its making to stop() (or its end) to *into, when given.
class Stopwatch {
 public:
  explicit Stopwatch(double* into) : into_(into), start_(std::chrono::steady_clock::now()) {}
  Stopwatch(const Stopwatch&) = delete;
  Stopwatch& operator=(const Stopwatch&) = delete;
  ~Stopwatch() { stop(); }
  void stop() {
    if (!into_) return;
    *into_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
                  .count();
    into_ = nullptr;
  }

 private:
  double* into_;
  std::chrono::steady_clock::time_point start_;
};

// The costs a search adds to, for as long as it runs (run_search, which may run another).
struct CostsScope {
  SearchCosts*& slot;
  SearchCosts* outer;
  ~CostsScope() { slot = outer; }
};

// Whether query text excludes something ("-word", "NOT").
bool excludes(const std::string& text) {
  for (const std::string& token : split_query(text))
    if (token.starts_with("-") || token == "NOT") return true;
  return false;
}

}  // namespace

struct Searcher::Impl {
  ShardSet shards;
  std::shared_ptr<const Knowledge> knowledge;
  Xapian::Database db;  // shards.db(): the shards that answer
  RankingOptions ranking;
  bool use_facet_table = true;
  std::shared_ptr<const FacetTable> facet_table;  // of db's revision when last asked
  SearchCosts* costs = nullptr;                   // of the search running (run_search)

  // A facet spy for db now: from the FacetTable (one local shard), else reading value slots
  // (over remote shards, through Xapian's own value counter).
  std::unique_ptr<FacetMatchSpy> facet_spy(bool count_events) {
    if (shards.has_remote()) return std::make_unique<FacetSpy>(count_events, /*remote=*/true);
    const std::vector<std::string> local = shards.local_paths();
    if (use_facet_table && shards.size() == 1 && local.size() == 1)
      facet_table = FacetTable::shared(db, local.front(), facet_table);
    return make_facet_spy(use_facet_table ? facet_table : nullptr, count_events);
  }

  // Runs f on the database reopened; again after a DatabaseModifiedError, after a shard that
  // stopped answering is left out (NetworkError: down, stopped, cut off, timed out), and after
  // the local shards are opened again by name (DatabaseOpeningError: a replica's switch).
  template <class F>
  auto with_retry(F&& f) -> decltype(f()) {
    if (shards.reconnect_due()) db = shards.db();
    for (int attempt = 0;; ++attempt) {
      try {
        db.reopen();
        return f();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt + 1 >= kRetries) return from_xapian(e);
      } catch (const Xapian::NetworkError& e) {
        if (attempt + 1 >= kRetries || !shards.reconnect_remote()) return from_xapian(e);
        db = shards.db();
      } catch (const Xapian::DatabaseOpeningError& e) {
        // A replica switched to its other copy (a stub now naming another folder), or a
        // database swapped in by a bulk load: open the local shards again from their names.
        if (attempt + 1 >= kRetries || !shards.reopen_local()) return from_xapian(e);
        db = shards.db();
      } catch (const Xapian::Error& e) {
        return from_xapian(e);
      }
    }
  }

  void fill_hit(SearchHit& hit, const Article& a) const {
    hit.id = a.id;
    hit.origin = a.origin;
    hit.title = a.title;
    hit.date = a.date.iso();
    hit.source = a.source;
    hit.url = a.url;
    hit.language = a.language;
    hit.speakers = a.speakers;
    hit.topics = a.topics;
    hit.side = a.side;
    hit.event = a.event;
    hit.indexed = a.indexed;
  }

  std::string label_topic(const std::string& id) const {
    if (const Topic* t = knowledge->find_topic(id)) return t->label;
    return id;
  }

  // Runs q and counts its matches (at least up to `enough`): for fallbacks and suggestions.
  Xapian::doccount count_matches(const Xapian::Query& q, Xapian::doccount enough) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    Xapian::MSet m = enquire.get_mset(0, 0, enough);
    return m.get_matches_estimated();
  }

  // "Did you mean": words that are not in the index and have a close, indexed spelling. Offered
  // only when the corrected query finds more than this one. Remote shards have no spelling data.
  std::string suggest(const SearchRequest& req, const BuiltQuery& built, uint64_t total,
                      const SearchLimits& limits) {
    if (req.literal || built.interpretation.syntax) return "";
    std::string corrected = req.q;
    bool changed = false;
    for (const std::string& word : built.interpretation.words) {
      std::string lower;
      bool simple = !word.empty();
      for (char c : word) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c < 'a' || c > 'z') simple = false;
        lower += c;
      }
      if (!simple || lower.size() < 3 || db.term_exists(lower)) continue;
      const std::string fix = db.get_spelling_suggestion(lower, 2);
      if (fix.empty() || fix == lower) continue;
      size_t pos = corrected.find(word);
      if (pos == std::string::npos) continue;
      corrected.replace(pos, word.size(), fix);
      changed = true;
    }
    if (!changed) return "";
    // Better spelt = finds more in the whole database (the filters are not what is misspelt;
    // the UI offers to drop them when the corrected words still find nothing within them).
    auto words_only = [&](const std::string& q) -> Xapian::doccount {
      SearchRequest r;
      r.q = q;
      auto b = build_query(r, *knowledge, &db, ranking);
      if (!b.ok()) return 0;
      return count_matches(b.value().loose.empty() ? b.value().query : b.value().loose,
                           kMinStrictMatches);
    };
    (void)total;
    (void)limits;
    return words_only(corrected) > words_only(req.q) ? corrected : "";
  }

  // The event of the first match when the second or the third match is an account of it too;
  // "" otherwise.
  static std::string dominant_event(const Xapian::MSet& top) {
    std::vector<std::string> events;
    for (auto it = top.begin(); it != top.end() && events.size() < 3; ++it)
      events.push_back(it.get_document().get_value(schema::kSlotEvent));
    if (events.size() < 2 || events[0].empty()) return "";
    for (size_t i = 1; i < events.size(); ++i)
      if (events[i] == events[0]) return events[0];
    return "";
  }

  // One ranked run of q for the requested page, counting at least check_at_least matches (and
  // feeding them to the facet spy, if any).
  Xapian::MSet run_enquire(const Xapian::Query& q, const SearchRequest& req, FacetMatchSpy* spy,
                           Xapian::doccount check_at_least) {
    const Stopwatch watch(costs ? &costs->match_ms : nullptr);
    Xapian::Enquire enquire(db);
    // Every event id is at least "0" (ids are letters, digits and '-', never '-' first).
    enquire.set_query(req.events_only ? Xapian::Query(Xapian::Query::OP_FILTER, q,
                                                      Xapian::Query(Xapian::Query::OP_VALUE_GE,
                                                                    schema::kSlotEvent, "0"))
                                      : q);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.bm25_k1, 0, 1, ranking.bm25_b, 0.5));
    switch (req.sort) {
      case SortOrder::kRelevance:
        enquire.set_sort_by_relevance_then_value(schema::kSlotDate, true);
        break;
      case SortOrder::kDateDesc:
        enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
        break;
      case SortOrder::kDateAsc:
        enquire.set_sort_by_value_then_relevance(schema::kSlotDate, false);
        break;
    }
    if (spy) spy->attach(enquire);
    if (req.one_per_event) enquire.set_collapse_key(schema::kSlotEvent);
    const auto offset = static_cast<Xapian::doccount>((req.page - 1) * req.per_page);
    return enquire.get_mset(offset, static_cast<Xapian::doccount>(req.per_page), check_at_least);
  }

  // retry_words: when syntax matches nothing, search its words once (never again from there).
  // first: when given, the articles it matches rank first (the syntax's own matches when its
  // words are searched after it found too few).
  // The matches' articles and the highlighter of the query that found them (visit_matches).
  struct Visited {
    std::vector<Article> articles;
    std::optional<Highlighter> highlighter;
  };

  // visited: when given, receives each match's article and the highlighter (no snippets made).
  Result<SearchResponse> run_search(const SearchRequest& req, const SearchLimits& limits,
                                    bool retry_words = true, const Xapian::Query* first = nullptr,
                                    Visited* visited = nullptr) {
    SearchResponse resp;
    resp.page = req.page;
    resp.per_page = req.per_page;
    const CostsScope costs_scope{costs, std::exchange(costs, &resp.costs)};
    auto built_r = build_query(req, *knowledge, &db, ranking);
    if (!built_r.ok()) return built_r.error();
    BuiltQuery& built = built_r.value();
    if (first) {
      auto first_tier = [&](const Xapian::Query& q) {
        return q.empty() ? q
                         : Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                                         constant_weight(*first, 8 * kTierUnit));
      };
      built.query = first_tier(built.query);
      built.loose = first_tier(built.loose);
    }
    resp.interpreted = built.interpretation;
    resp.synonyms = built.expanded;

    // Every concept first; when that finds too few, any concept with the full matches first.
    // A date read from the words that finds nothing ("1972 Shanghai Communique"): the words.
    // The first run counts far enough to tell (check_at_least), so the common case runs once.
    const bool may_loosen = !built.loose.empty() && req.sort == SortOrder::kRelevance;
    const bool may_undate = !built.undated.empty();
    // Facets count every match up to max_facet_docs; beyond it totals and counts are estimates.
    const Xapian::doccount check = req.facets ? static_cast<Xapian::doccount>(std::min<uint64_t>(
                                                    db.get_doccount(), limits.max_facet_docs))
                                              : 0;
    std::unique_ptr<FacetMatchSpy> spy = req.facets ? facet_spy(req.events_only) : nullptr;
    Xapian::Query query = built.query;
    Xapian::MSet mset =
        run_enquire(query, req, spy.get(),
                    std::max({check, may_loosen ? kMinStrictMatches : 0, may_undate ? 1u : 0u}));
    if (may_loosen && mset.get_matches_lower_bound() < kMinStrictMatches) {
      query = built.loose;
      resp.match = "any";
      if (spy) spy = facet_spy(req.events_only);
      mset = run_enquire(query, req, spy.get(), std::max(check, may_undate ? 1u : 0u));
    }
    if (may_undate && mset.get_matches_lower_bound() == 0) {
      query = built.undated;
      resp.match = "any";
      resp.interpreted.from.clear();
      resp.interpreted.to.clear();
      resp.interpreted.months.clear();
      resp.interpreted.days.clear();
      resp.interpreted.undated_included = false;
      resp.interpreted.dates_as_words = true;
      if (spy) spy = facet_spy(req.events_only);
      mset = run_enquire(query, req, spy.get(), check);
    }
    // Event feedback: the accounts of the named event the query names (data/events.json), else
    // of the event the first result and the second or third report, rank first, those the
    // query does not match after those it does (docs/search.md).
    if (ranking.event_feedback && req.sort == SortOrder::kRelevance && !req.one_per_event &&
        !built.interpretation.syntax && !built.interpretation.literal &&
        !built.interpretation.long_text &&
        req.q.find_first_not_of(" \t\r\n") != std::string::npos) {
      SearchRequest first_three = req;
      first_three.page = 1;
      first_three.per_page = 3;
      const bool have_top = req.page == 1 && req.per_page >= 3;
      std::string event = built.named_event;
      const bool named = !event.empty() && db.get_termfreq(schema::event_term(event)) > 0;
      if (!named)
        event = dominant_event(have_top ? mset : run_enquire(query, first_three, nullptr, 0));
      if (!event.empty()) {
        const Xapian::Query event_accounts(schema::event_term(event));
        Xapian::Query accounts = event_accounts;
        // A query about a topic: the event's accounts that raise it first (about several: those
        // that raise them all, "fentanyl tariffs"; the strict match asks for all). When the query
        // names no event ("Обама Си Цзиньпин кибербезопасность"), only those: the topic may span
        // several events; when it names one ("cumbre ... Sunnylands Corea del Norte"), its other
        // accounts follow them, before the rest.
        std::vector<std::string> topic_terms;
        for (const std::string& t : built.interpretation.topics)
          topic_terms.push_back(schema::topic_term(t));
        if (!topic_terms.empty())
          accounts = Xapian::Query(
              Xapian::Query::OP_FILTER, accounts,
              Xapian::Query(Xapian::Query::OP_AND, topic_terms.begin(), topic_terms.end()));
        accounts = constant_weight(accounts, kEventFirstUnits * kTierUnit);
        if (named && !topic_terms.empty())
          accounts =
              Xapian::Query(Xapian::Query::OP_OR, accounts,
                            constant_weight(event_accounts, kEventFirstUnits / 2 * kTierUnit));
        if (!built.filter.empty())
          accounts = Xapian::Query(Xapian::Query::OP_FILTER, accounts, built.filter);
        query = Xapian::Query(Xapian::Query::OP_OR, query, accounts);
        resp.event_first = event;
        if (spy) spy = facet_spy(req.events_only);
        mset = run_enquire(query, req, spy.get(), check);
      }
    }
    // Syntax that matches nothing (a phrase not in the index, "A AND B" where none has both):
    // the words instead, so that a question whose words match answers. Not when the syntax
    // excludes ("Taiwan -Biden", "NOT"): there nothing may be what was asked for.
    // Syntax that matches fewer than kMinStrictMatches (a quoted phrase the other accounts word
    // differently): its matches first, then the articles with its words, as for free text.
    const Xapian::doccount syntax_matches = mset.get_matches_lower_bound();
    if (retry_words && built.interpretation.syntax && !excludes(built.interpretation.text) &&
        (syntax_matches == 0 ||
         (syntax_matches < kMinStrictMatches && req.sort == SortOrder::kRelevance))) {
      SearchRequest words = req;
      words.q = words_only(req.q);
      Visited words_visited;
      auto retried =
          run_search(words, limits, /*retry_words=*/false, syntax_matches == 0 ? nullptr : &query,
                     visited ? &words_visited : nullptr);
      if (retried.ok() && retried.value().total > syntax_matches &&
          !retried.value().interpreted.syntax) {
        if (visited) *visited = std::move(words_visited);
        if (syntax_matches == 0) {
          retried.value().interpreted.syntax_ignored = true;
        } else {
          retried.value().interpreted = resp.interpreted;  // what was read: the syntax
          retried.value().match = "any";
        }
        return retried;
      }
    }
    resp.total = mset.get_matches_estimated();
    resp.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

    const std::vector<std::string> needles = snippet_needles(query);
    const Highlighter highlighter(query, built.highlight_phrases);
    Stopwatch snippets_watch(&resp.costs.snippets_ms);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Article a = article_of(it.get_document());
      SearchHit hit;
      fill_hit(hit, a);
      if (!hit.event.empty()) hit.event_accounts = db.get_termfreq(schema::event_term(hit.event));
      hit.score = std::fmod(it.get_weight(), kTierUnit);  // without the ranking tiers
      hit.percent = it.get_percent();
      if (visited)
        visited->articles.push_back(std::move(a));
      else
        fill_snippet(hit, a, highlighter, built.speakers, needles);
      resp.results.push_back(std::move(hit));
    }
    snippets_watch.stop();

    if (visited) visited->highlighter.emplace(highlighter);

    if (req.facets) {
      const Stopwatch facets_watch(&resp.costs.facets_ms);
      const Facets f = spy->facets();
      resp.facets["speaker"] = sorted_facet(f.speakers, 30);
      auto topic_values = sorted_facet(f.topics, 30);
      for (auto& v : topic_values) v.label = label_topic(v.value);
      resp.facets["topic"] = topic_values;
      resp.facets["source"] = sorted_facet(f.sources, 30);
      resp.facets["language"] = sorted_facet(f.languages, 10);
      resp.facets["year"] = sorted_facet(f.years, 0, /*by_value_desc=*/true);
      resp.timeline = month_timeline(f.months);
      // Over remote shards the spy cannot count events: one more match does.
      resp.event_timeline = month_timeline(req.events_only && shards.has_remote()
                                               ? count_event_months(db, query, db.get_doccount())
                                               : f.event_months);
    }

    if (resp.total < kFewResults) resp.suggestion = suggest(req, built, resp.total, limits);
    return resp;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::filesystem::path>& shards,
                                                 std::shared_ptr<const Knowledge> knowledge,
                                                 const ShardOptions& options) {
  std::vector<std::string> specs;
  for (const auto& path : shards) specs.push_back(path.string());
  auto set = ShardSet::open(specs, options);
  if (!set.ok()) return set.error();
  auto impl = std::make_unique<Impl>();
  impl->shards = std::move(set.value());
  impl->db = impl->shards.db();
  impl->knowledge = std::move(knowledge);
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResponse> Searcher::search(const SearchRequest& request, const SearchLimits& limits) {
  Status valid = validate(request, limits);
  if (!valid.ok()) return valid.error();
  const auto start = std::chrono::steady_clock::now();
  Result<SearchResponse> r =
      impl_->with_retry([&]() { return impl_->run_search(request, limits); });
  if (r.ok()) {
    r.value().missing_shards = impl_->shards.missing();
    r.value().partial = !r.value().missing_shards.empty();
    r.value().took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
  return r;
}

Result<SearchResponse> Searcher::visit_matches(const SearchRequest& request,
                                               const SearchLimits& limits,
                                               const MatchVisitor& visit) {
  Status valid = validate(request, limits);
  if (!valid.ok()) return valid.error();
  Impl::Visited visited;
  Result<SearchResponse> r = impl_->with_retry([&]() {
    visited = Impl::Visited();  // a retry starts again
    return impl_->run_search(request, limits, /*retry_words=*/true, nullptr, &visited);
  });
  if (!r.ok() || !visited.highlighter) return r;
  for (const Article& a : visited.articles) visit(a, *visited.highlighter);
  return r;
}

Result<Article> Searcher::article(std::string_view id) {
  return impl_->with_retry([&]() -> Result<Article> {
    const std::string term = schema::id_term(id);
    Xapian::PostingIterator it = impl_->db.postlist_begin(term);
    if (it == impl_->db.postlist_end(term))
      return make_error(Code::kNotFound,
                        "no article with id '" + std::string(id.substr(0, 100)) + "'");
    return article_of(impl_->db.get_document(*it));
  });
}

Result<EventDetail> Searcher::event(std::string_view id, bool with_comparison) {
  return impl_->with_retry([&]() -> Result<EventDetail> {
    auto events = read_events(impl_->db, id);
    if (!events.ok()) return events.error();
    if (events.value().empty())
      return make_error(Code::kNotFound,
                        "no event with id '" + std::string(id.substr(0, 100)) + "'");
    EventDetail e = std::move(events.value().front());
    name_place(e, *impl_->knowledge);
    if (with_comparison) compare(e, *impl_->knowledge);
    return e;
  });
}

Result<std::string> Searcher::revision() {
  return impl_->with_retry([&]() -> Result<std::string> {
    if (impl_->shards.size() != 1 || !impl_->shards.missing().empty()) return std::string();
    try {
      return std::to_string(impl_->db.get_revision()) + ":" + impl_->db.get_uuid();
    } catch (const Xapian::InvalidOperationError&) {
      return std::string();  // not a local glass or chert database
    }
  });
}

Result<std::vector<SearchHit>> Searcher::similar(std::string_view id, int count) {
  return impl_->with_retry([&]() -> Result<std::vector<SearchHit>> {
    const std::string term = schema::id_term(id);
    Xapian::PostingIterator it = impl_->db.postlist_begin(term);
    if (it == impl_->db.postlist_end(term))
      return make_error(Code::kNotFound,
                        "no article with id '" + std::string(id.substr(0, 100)) + "'");
    Xapian::RSet rset;
    rset.add_document(*it);
    struct WordsOnly : Xapian::ExpandDecider {
      bool operator()(const std::string& t) const override {
        return !t.empty() &&
               ((t[0] >= 'a' && t[0] <= 'z') || static_cast<unsigned char>(t[0]) >= 0x80);
      }
    } words_only;
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Xapian::Query(term));
    Xapian::ESet eset = enquire.get_eset(30, rset, &words_only);
    std::vector<Xapian::Query> terms;
    for (auto e = eset.begin(); e != eset.end(); ++e) terms.emplace_back(*e);
    // The same people and topics count too: they link accounts across languages (the Chinese
    // readout of a call shares its speakers and topics with the English one, not its words).
    const Xapian::Document seed = impl_->db.get_document(*it);
    for (std::string_view prefix : {schema::kSpeakerPrefix, schema::kTopicPrefix}) {
      auto t = seed.termlist_begin();
      for (t.skip_to(std::string(prefix)); t != seed.termlist_end() && (*t).starts_with(prefix);
           ++t)
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*t), kSimilarLinkWeight);
    }
    std::vector<SearchHit> out;
    if (terms.empty()) return out;
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                    Xapian::Query(term)));
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(count));
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      Article a = article_of(m.get_document());
      SearchHit hit;
      impl_->fill_hit(hit, a);
      hit.score = m.get_weight();
      hit.percent = m.get_percent();
      out.push_back(std::move(hit));
    }
    return out;
  });
}

const Knowledge& Searcher::knowledge() const { return *impl_->knowledge; }

void Searcher::set_ranking(const RankingOptions& options) { impl_->ranking = options; }

void Searcher::use_facet_table(bool on) { impl_->use_facet_table = on; }

Result<uint64_t> Searcher::article_count() {
  return impl_->with_retry([&]() -> Result<uint64_t> { return impl_->db.get_doccount(); });
}

Result<CorpusStats> Searcher::stats() {
  return impl_->with_retry([&]() -> Result<CorpusStats> {
    CorpusStats st;
    st.articles = impl_->db.get_doccount();
    st.schema_version = schema::kSchemaVersion;
    std::string lo = impl_->db.get_value_lower_bound(schema::kSlotDate);
    std::string hi = impl_->db.get_value_upper_bound(schema::kSlotDate);
    st.first_date = ArticleDate::from_sortable(lo).iso();
    st.last_date = ArticleDate::from_sortable(hi).iso();
    st.undated = impl_->db.get_termfreq(std::string(schema::kNoDateTerm));
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(
        Xapian::Query(std::string()));  // not the shared static MatchAll (see query_builder.cpp)
    std::unique_ptr<FacetMatchSpy> spy = impl_->facet_spy(false);
    spy->attach(enquire);
    enquire.get_mset(0, 0, impl_->db.get_doccount());
    const Facets facets = spy->facets();
    st.speakers = sorted_facet(facets.speakers, 0);
    st.topics = sorted_facet(facets.topics, 0);
    for (auto& v : st.topics) v.label = impl_->label_topic(v.value);
    st.sources = sorted_facet(facets.sources, 0);
    st.languages = sorted_facet(facets.languages, 0);
    st.years = sorted_facet(facets.years, 0, true);
    std::error_code ec;
    for (const std::string& shard : impl_->shards.local_paths()) {
      for (auto f = std::filesystem::recursive_directory_iterator(shard, ec);
           !ec && f != std::filesystem::recursive_directory_iterator(); f.increment(ec)) {
        if (f->is_regular_file(ec)) st.size_bytes += f->file_size(ec);
      }
    }
    return st;
  });
}

}  // namespace readouts
