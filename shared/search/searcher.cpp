// Searcher: runs queries, facets, snippets, article look-ups and statistics over Xapian shards.
#include "shared/search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "shared/core/schema.h"
#include "shared/index/document_builder.h"
#include "shared/index/schema_version.h"
#include "shared/search/facet_spies.h"
#include "shared/search/query_builder.h"

namespace readouts {

namespace {

constexpr int kRetries = 3;
constexpr size_t kSnippetBytes = 320;
constexpr size_t kMaxPassagesForSnippet = 200;
constexpr uint64_t kFacetCheckAtLeast = 1000000;  // facets and totals exact up to this many

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
  nlohmann::json j = nlohmann::json::parse(doc.get_data(), nullptr, /*allow_exceptions=*/false);
  if (j.is_object()) from_json(j, a);
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

size_t count_marks(const std::string& s) {
  size_t n = 0;
  for (size_t pos = s.find("<mark>"); pos != std::string::npos; pos = s.find("<mark>", pos + 6))
    ++n;
  return n;
}

}  // namespace

struct Searcher::Impl {
  std::vector<std::filesystem::path> shards;
  std::shared_ptr<const Knowledge> knowledge;
  Xapian::Database db;

  template <class F>
  auto with_retry(F&& f) -> decltype(f()) {
    for (int attempt = 0;; ++attempt) {
      try {
        db.reopen();
        return f();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt + 1 >= kRetries) return from_xapian(e);
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
  }

  // The best passage for this hit: most highlighted words, the preferred speakers' first.
  void fill_snippet(SearchHit& hit, const Article& a, const Xapian::MSet& mset,
                    const std::vector<std::string>& preferred) const {
    const Xapian::Stem stem("english");
    const unsigned flags =
        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE |
        Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH | Xapian::MSet::SNIPPET_CJK_NGRAM;
    double best_score = 0;
    for (size_t i = 0; i < a.passages.size() && i < kMaxPassagesForSnippet; ++i) {
      const Passage& p = a.passages[i];
      std::string s = mset.snippet(p.text, kSnippetBytes, stem, flags, "<mark>", "</mark>", "…");
      if (s.empty()) continue;
      double score = static_cast<double>(count_marks(s));
      if (!p.speaker.empty() &&
          std::find(preferred.begin(), preferred.end(), p.speaker) != preferred.end())
        score += 0.5 + score;  // the asked-for speaker saying the words
      if (score > best_score) {
        best_score = score;
        hit.snippet = std::move(s);
        hit.snippet_speaker = p.speaker;
      }
    }
    if (hit.snippet.empty() && !a.passages.empty()) {
      hit.snippet = mset.snippet(a.passages.front().text, kSnippetBytes, stem,
                                 Xapian::MSet::SNIPPET_CJK_NGRAM, "<mark>", "</mark>", "…");
      hit.snippet_speaker = a.passages.front().speaker;
    }
  }

  std::string label_topic(const std::string& id) const {
    if (const Topic* t = knowledge->find_topic(id)) return t->label;
    return id;
  }

  Result<SearchResponse> run_search(const SearchRequest& req) {
    SearchResponse resp;
    resp.page = req.page;
    resp.per_page = req.per_page;
    auto built_r = build_query(req, *knowledge, &db);
    if (!built_r.ok()) return built_r.error();
    BuiltQuery& built = built_r.value();
    resp.interpreted = built.interpretation;

    Xapian::Enquire enquire(db);
    enquire.set_query(built.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
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
    ListValueSpy speakers(schema::kSlotSpeakers), topics(schema::kSlotTopics),
        sources(schema::kSlotSource), languages(schema::kSlotLanguage);
    DateSpy dates;
    if (req.facets) {
      enquire.add_matchspy(&speakers);
      enquire.add_matchspy(&topics);
      enquire.add_matchspy(&sources);
      enquire.add_matchspy(&languages);
      enquire.add_matchspy(&dates);
    }
    const Xapian::doccount offset = static_cast<Xapian::doccount>((req.page - 1) * req.per_page);
    const Xapian::doccount check = req.facets ? static_cast<Xapian::doccount>(std::min<uint64_t>(
                                                    db.get_doccount(), kFacetCheckAtLeast))
                                              : 0;
    Xapian::MSet mset =
        enquire.get_mset(offset, static_cast<Xapian::doccount>(req.per_page), check);
    resp.total = mset.get_matches_estimated();
    resp.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Article a = article_of(it.get_document());
      SearchHit hit;
      fill_hit(hit, a);
      hit.score = it.get_weight();
      hit.percent = it.get_percent();
      fill_snippet(hit, a, mset, built.speakers);
      resp.results.push_back(std::move(hit));
    }

    if (req.facets) {
      resp.facets["speaker"] = sorted_facet(speakers.counts(), 30);
      auto topic_values = sorted_facet(topics.counts(), 30);
      for (auto& v : topic_values) v.label = label_topic(v.value);
      resp.facets["topic"] = topic_values;
      resp.facets["source"] = sorted_facet(sources.counts(), 30);
      resp.facets["language"] = sorted_facet(languages.counts(), 10);
      resp.facets["year"] = sorted_facet(dates.years(), 0, /*by_value_desc=*/true);
      auto months = sorted_facet(dates.months(), 0, true);
      std::reverse(months.begin(), months.end());
      for (const auto& m : months) resp.timeline.push_back({m.value, m.count});
    }

    if (resp.total < 3 && !built.interpretation.text.empty()) {
      Xapian::QueryParser qp;
      configure_query_parser(qp, *knowledge);
      qp.set_database(db);
      try {
        qp.parse_query(built.interpretation.text,
                       Xapian::QueryParser::FLAG_DEFAULT |
                           Xapian::QueryParser::FLAG_SPELLING_CORRECTION |
                           Xapian::QueryParser::FLAG_CJK_NGRAM);
        std::string corrected = qp.get_corrected_query_string();
        if (!corrected.empty() && corrected != built.interpretation.text)
          resp.suggestion = corrected;
      } catch (const Xapian::QueryParserError&) {
        // No suggestion for a query that does not parse.
      }
    }
    return resp;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::filesystem::path>& shards,
                                                 std::shared_ptr<const Knowledge> knowledge) {
  if (shards.empty()) return make_error(Code::kInvalidArgument, "no database given");
  auto impl = std::make_unique<Impl>();
  impl->shards = shards;
  impl->knowledge = std::move(knowledge);
  for (const auto& path : shards) {
    try {
      Xapian::Database shard(path.string());
      Status s = check_schema_version(shard, path.string(), /*allow_empty=*/false);
      if (!s.ok()) return s.error();
      impl->db.add_database(shard);
    } catch (const Xapian::DatabaseOpeningError& e) {
      return make_error(Code::kUnavailable, "cannot open database " + path.string() + ": " +
                                                e.get_msg() +
                                                ": index articles into it first with "
                                                "`readouts-index add --db " +
                                                path.string() + " PATH`");
    } catch (const Xapian::Error& e) {
      return make_error(Code::kUnavailable, "cannot open database " + path.string() + ": " +
                                                e.get_type() + ": " + e.get_msg());
    }
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResponse> Searcher::search(const SearchRequest& request, const SearchLimits& limits) {
  Status valid = validate(request, limits);
  if (!valid.ok()) return valid.error();
  const auto start = std::chrono::steady_clock::now();
  Result<SearchResponse> r = impl_->with_retry([&]() { return impl_->run_search(request); });
  if (r.ok()) {
    r.value().took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
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
    enquire.set_query(Xapian::Query::MatchAll);
    ListValueSpy speakers(schema::kSlotSpeakers), topics(schema::kSlotTopics),
        sources(schema::kSlotSource), languages(schema::kSlotLanguage);
    DateSpy dates;
    enquire.add_matchspy(&speakers);
    enquire.add_matchspy(&topics);
    enquire.add_matchspy(&sources);
    enquire.add_matchspy(&languages);
    enquire.add_matchspy(&dates);
    enquire.get_mset(0, 0, impl_->db.get_doccount());
    st.speakers = sorted_facet(speakers.counts(), 0);
    st.topics = sorted_facet(topics.counts(), 0);
    for (auto& v : st.topics) v.label = impl_->label_topic(v.value);
    st.sources = sorted_facet(sources.counts(), 0);
    st.languages = sorted_facet(languages.counts(), 0);
    st.years = sorted_facet(dates.years(), 0, true);
    std::error_code ec;
    for (const auto& shard : impl_->shards) {
      for (auto f = std::filesystem::recursive_directory_iterator(shard, ec);
           !ec && f != std::filesystem::recursive_directory_iterator(); f.increment(ec)) {
        if (f->is_regular_file(ec)) st.size_bytes += f->file_size(ec);
      }
    }
    return st;
  });
}

}  // namespace readouts
