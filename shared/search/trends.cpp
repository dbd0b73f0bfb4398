// Trends computed from searches: each series is one search whose facets count its periods.
#include "shared/search/trends.h"

#include <algorithm>
#include <map>
#include <set>

#include "shared/events/exchange.h"

namespace readouts {

namespace {

const char* facet_of(TrendSplit split) {
  switch (split) {
    case TrendSplit::kSpeaker:
      return "speaker";
    case TrendSplit::kTopic:
      return "topic";
    case TrendSplit::kSource:
      return "source";
    case TrendSplit::kLanguage:
      return "language";
    case TrendSplit::kSide:
      return "side";
    case TrendSplit::kNone:
      break;
  }
  return "";
}

std::vector<std::string>& filter_of(SearchRequest& r, TrendSplit split) {
  switch (split) {
    case TrendSplit::kSpeaker:
      return r.speakers;
    case TrendSplit::kTopic:
      return r.topics;
    case TrendSplit::kSource:
    case TrendSplit::kSide:  // a side is searched as its sources
      return r.sources;
    default:
      return r.languages;
  }
}

// Matches per period of a search's answer: its year facet, or its monthly timeline.
std::map<std::string, uint64_t> per_period(const SearchResponse& r, bool by_year) {
  std::map<std::string, uint64_t> out;
  if (by_year) {
    if (auto it = r.facets.find("year"); it != r.facets.end())
      for (const FacetValue& v : it->second) out[v.value] += v.count;
  } else {
    for (const TimelineBucket& b : r.timeline)
      if (b.count > 0) out[b.period] += b.count;
  }
  return out;
}

const char* side_label(const std::string& side) {
  if (side == "china_government") return "Chinese government";
  if (side == "us_government") return "US government";
  if (side == "china_press") return "Chinese press";
  if (side == "us_press") return "US press";
  return "other press";
}

// Every source of the database by side (account_side), those of `only` when given.
Result<std::map<std::string, std::vector<std::string>>> sources_by_side(
    Searcher& searcher, const std::vector<std::string>& only) {
  auto stats = searcher.stats();
  if (!stats.ok()) return stats.error();
  std::map<std::string, std::vector<std::string>> out;
  for (const FacetValue& source : stats.value().sources) {
    if (!only.empty() && std::find(only.begin(), only.end(), source.value) == only.end()) continue;
    const std::string side = account_side(source.value, searcher.knowledge());
    if (!side.empty()) out[side].push_back(source.value);
  }
  return out;
}

}  // namespace

const char* split_name(TrendSplit split) {
  return split == TrendSplit::kNone ? "none" : facet_of(split);
}

Result<TrendsResponse> compute_trends(Searcher& searcher, const TrendsRequest& request,
                                      const SearchLimits& limits) {
  TrendsResponse out;
  std::map<std::string, uint64_t> corpus;
  if (request.normalize) {
    SearchRequest all;
    all.per_page = 1;
    auto r = searcher.search(all, limits);
    if (!r.ok()) return r.error();
    corpus = per_period(r.value(), request.by_year);
  }
  std::set<std::string> periods;
  auto add_series = [&](const SearchRequest& search, const std::string& q, const std::string& value,
                        const std::string& label) -> Status {
    auto r = searcher.search(search, limits);
    if (!r.ok()) return r.error();
    TrendSeries s;
    s.q = q;
    s.split_value = value;
    s.label = label;
    s.total = r.value().total;
    s.exact = r.value().total_exact;
    for (const auto& [period, count] : per_period(r.value(), request.by_year)) {
      TrendPoint p{period, count, 0};
      if (request.normalize) {
        const uint64_t n = corpus.count(period) ? corpus.at(period) : 0;
        p.per_1000 = n ? 1000.0 * static_cast<double>(count) / static_cast<double>(n) : 0;
      }
      periods.insert(period);
      s.points.push_back(std::move(p));
    }
    out.series.push_back(std::move(s));
    return Status::Ok();
  };
  for (const std::string& q : request.queries) {
    SearchRequest search = request.base;
    search.q = q;
    search.page = 1;
    search.per_page = 1;
    search.facets = true;
    const std::string name = q.empty() ? "all readouts" : q;
    if (request.split == TrendSplit::kNone) {
      if (Status st = add_series(search, q, "", name); !st.ok()) return st.error();
      continue;
    }
    if (request.split == TrendSplit::kSide) {
      auto sides = sources_by_side(searcher, search.sources);
      if (!sides.ok()) return sides.error();
      for (const auto& [side, sources] : sides.value()) {
        SearchRequest one = search;
        one.sources = sources;
        if (Status st = add_series(one, q, side, name + " · " + side_label(side)); !st.ok())
          return st.error();
        if (out.series.back().total == 0)
          out.series.pop_back();  // a side the search misses
        else
          out.series.back().sources = sources;
      }
      continue;
    }
    // The split's values: those the search filters on, else its facet's most frequent.
    std::vector<FacetValue> values;
    if (!filter_of(search, request.split).empty()) {
      for (const auto& v : filter_of(search, request.split)) values.push_back({v, v, 0});
    } else {
      auto r = searcher.search(search, limits);
      if (!r.ok()) return r.error();
      if (auto it = r.value().facets.find(facet_of(request.split)); it != r.value().facets.end())
        values = it->second;
    }
    if (values.size() > kMaxTrendSplitValues) values.resize(kMaxTrendSplitValues);
    for (const FacetValue& v : values) {
      SearchRequest one = search;
      filter_of(one, request.split) = {v.value};
      if (Status st = add_series(one, q, v.value, name + " · " + v.label); !st.ok())
        return st.error();
    }
  }
  out.periods.assign(periods.begin(), periods.end());
  return out;
}

}  // namespace readouts
