// Renders result values as the API's JSON (field names documented in docs/api.md).
#include "shared/search/render_json.h"

#include <utility>

namespace readouts {

namespace {

nlohmann::json facet_values(const std::vector<FacetValue>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values)
    out.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
  return out;
}

nlohmann::json timeline_json(const std::vector<TimelineBucket>& buckets) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& b : buckets) out.push_back({{"period", b.period}, {"count", b.count}});
  return out;
}

nlohmann::json or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

nlohmann::json render_interpretation(const Interpretation& in) {
  nlohmann::json filters = nlohmann::json::object();
  auto add = [&](const char* field, const std::vector<std::string>& values) {
    if (!values.empty()) filters[field] = values;
  };
  add("speaker", in.speaker_filters);
  add("mention", in.mention_filters);
  add("topic", in.topic_filters);
  add("source", in.source_filters);
  add("lang", in.language_filters);
  return {{"speakers", in.speakers},
          {"said", in.said},
          {"asks_request", in.asks_request},
          {"topics", in.topics},
          {"from", or_null(in.from)},
          {"to", or_null(in.to)},
          {"months", in.months},
          {"days", in.days},
          {"undated_included", in.undated_included},
          {"text", in.text},
          {"words", in.words},
          {"ignored", in.ignored},
          {"syntax", in.syntax},
          {"literal", in.literal},
          {"filters", filters},
          {"dates_as_words", in.dates_as_words},
          {"date_words", in.date_words},
          {"long_text", in.long_text},
          {"punctuation", in.punctuation},
          {"syntax_ignored", in.syntax_ignored}};
}

nlohmann::json render_hit(const SearchHit& h) {
  return {{"id", h.id},
          {"origin", h.origin},
          {"title", h.title},
          {"date", or_null(h.date)},
          {"source", h.source},
          {"url", h.url},
          {"language", h.language},
          {"speakers", h.speakers},
          {"topics", h.topics},
          {"side", or_null(h.side)},
          {"event", or_null(h.event)},
          {"event_accounts", h.event_accounts},
          {"score", h.score},
          {"percent", h.percent},
          {"snippet", h.snippet},
          {"speaker", or_null(h.snippet_speaker)}};
}

nlohmann::json render_search(const SearchResponse& r) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& h : r.results) results.push_back(render_hit(h));
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : r.facets) facets[name] = facet_values(values);
  return {{"total", r.total},
          {"total_exact", r.total_exact},
          {"took_ms", r.took_ms},
          {"page", r.page},
          {"per_page", r.per_page},
          {"interpreted",
           [&] {
             nlohmann::json in = render_interpretation(r.interpreted);
             in["match"] = r.match;
             in["event_first"] = or_null(r.event_first);
             in["synonyms"] = r.synonyms;
             return in;
           }()},
          {"suggestion", or_null(r.suggestion)},
          {"results", std::move(results)},  // moved, not copied into the object
          {"facets", std::move(facets)},
          {"timeline", timeline_json(r.timeline)},
          {"partial", r.partial},
          {"missing_shards", r.missing_shards}};
}

nlohmann::json render_events(const SearchResponse& r, const std::vector<EventDetail>& events) {
  nlohmann::json j = render_search(r);
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < events.size() && i < r.results.size(); ++i) {
    nlohmann::json e = events[i];
    e.erase("comparison");
    e["best"] = render_hit(r.results[i]);
    list.push_back(std::move(e));
  }
  j.erase("results");
  j["events"] = std::move(list);
  j["event_timeline"] = timeline_json(r.event_timeline);
  return j;
}

nlohmann::json render_article(const Article& a) {
  nlohmann::json j = a;
  return j;
}

nlohmann::json render_trends(const TrendsRequest& request, const TrendsResponse& response) {
  nlohmann::json series = nlohmann::json::array();
  for (const TrendSeries& s : response.series) {
    nlohmann::json points = nlohmann::json::array();
    for (const TrendPoint& p : s.points) {
      nlohmann::json point = {{"period", p.period}, {"count", p.count}};
      if (request.normalize) point["per_1000"] = p.per_1000;
      points.push_back(std::move(point));
    }
    nlohmann::json one = {{"q", s.q},
                          {"split_value", or_null(s.split_value)},
                          {"label", s.label},
                          {"total", s.total},
                          {"total_exact", s.exact},
                          {"points", std::move(points)}};
    if (request.split == TrendSplit::kSide) one["sources"] = s.sources;
    series.push_back(std::move(one));
  }
  return {{"by", request.by_year ? "year" : "month"},
          {"split", split_name(request.split)},
          {"normalize", request.normalize},
          {"periods", response.periods},
          {"series", std::move(series)}};
}

nlohmann::json render_kwic(const KwicRequest& request, const KwicResponse& response) {
  nlohmann::json lines = nlohmann::json::array();
  for (const KwicLine& l : response.lines)
    lines.push_back({{"left", l.left},
                     {"keyword", l.keyword},
                     {"right", l.right},
                     {"left_cut", l.left_cut},
                     {"right_cut", l.right_cut},
                     {"speaker", or_null(l.speaker)},
                     {"id", l.id},
                     {"title", l.title},
                     {"date", or_null(l.date)},
                     {"source", or_null(l.source)},
                     {"language", l.language},
                     {"passage", l.passage},
                     {"offset", l.offset}});
  return {{"context", request.context},
          {"sort", kwic_sort_name(request.sort)},
          {"page", request.page},
          {"per_page", request.per_page},
          {"total", response.total},
          {"articles", response.articles},
          {"articles_matched", response.articles_matched},
          {"articles_exact", response.articles_exact},
          {"truncated", response.truncated},
          {"match", response.match},
          {"lines", std::move(lines)}};
}

nlohmann::json render_similar(const std::string& id, const std::vector<SearchHit>& hits) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& h : hits) results.push_back(render_hit(h));
  return {{"id", id}, {"results", std::move(results)}};
}

nlohmann::json render_stats(const CorpusStats& s) {
  return {{"articles", s.articles},
          {"first_date", or_null(s.first_date)},
          {"last_date", or_null(s.last_date)},
          {"undated", s.undated},
          {"speakers", facet_values(s.speakers)},
          {"topics", facet_values(s.topics)},
          {"sources", facet_values(s.sources)},
          {"languages", facet_values(s.languages)},
          {"years", facet_values(s.years)},
          {"schema_version", s.schema_version},
          {"size_bytes", s.size_bytes}};
}

nlohmann::json render_error(const Error& e) {
  return {{"error", {{"code", std::string(code_name(e.code))}, {"message", e.message}}}};
}

std::string dump_json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace readouts
