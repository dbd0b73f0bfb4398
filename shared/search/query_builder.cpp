// Builds Xapian queries from requests: fields, recognised entities, boosts and filters.
#include "shared/search/query_builder.h"

#include <memory>

#include "shared/core/schema.h"

namespace readouts {

namespace {

constexpr double kSpeakerBoost = 0.6;  // weight scale for "this speaker says these words"
constexpr double kTopicBoost = 0.5;    // weight scale for articles tagged with a named topic

// speaker:, topic:, source:, lang:, year:, mention: as boolean filters with normalisation.
class BooleanFieldProcessor : public Xapian::FieldProcessor {
 public:
  BooleanFieldProcessor(std::string_view field, std::string_view prefix, const Knowledge& k)
      : field_(field), prefix_(prefix), knowledge_(k) {}
  Xapian::Query operator()(const std::string& value) override {
    if (field_ == "speaker" || field_ == "mention")
      return Xapian::Query(prefix_ + schema::normalize_value(resolve_speaker(value, knowledge_)));
    if (field_ == "topic")
      return Xapian::Query(prefix_ + schema::normalize_value(resolve_topic(value, knowledge_)));
    return Xapian::Query(prefix_ + schema::normalize_value(value));
  }

 private:
  std::string field_;
  std::string prefix_;
  const Knowledge& knowledge_;
};

// date:2025-01..2025-06, date:2025..2025, 2024-11-01..2024-11-30 (YYYY, YYYY-MM, YYYY-MM-DD).
class DateRange : public Xapian::RangeProcessor {
 public:
  explicit DateRange(const std::string& prefix)
      : Xapian::RangeProcessor(schema::kSlotDate, prefix) {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    std::string lo, hi;
    if (!begin.empty()) {
      auto b = parse_date_bounds(begin);
      if (!b.ok()) return Xapian::Query(Xapian::Query::OP_INVALID);
      lo = b.value().lower;
    }
    if (!end.empty()) {
      auto e = parse_date_bounds(end);
      if (!e.ok()) return Xapian::Query(Xapian::Query::OP_INVALID);
      hi = e.value().upper;
    }
    if (lo.empty() && hi.empty()) return Xapian::Query(Xapian::Query::OP_INVALID);
    if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);
    if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
  }
};

Xapian::Query or_of_terms(const std::vector<std::string>& terms) {
  std::vector<Xapian::Query> qs;
  for (const auto& t : terms) qs.emplace_back(t);
  return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

std::string iso_to_lower(const std::string& iso) {
  auto b = parse_date_bounds(iso);
  return b.ok() ? b.value().lower : "";
}
std::string iso_to_upper(const std::string& iso) {
  auto b = parse_date_bounds(iso);
  return b.ok() ? b.value().upper : "";
}

}  // namespace

std::string resolve_speaker(std::string_view value, const Knowledge& knowledge) {
  if (const Person* p = knowledge.find_person(value)) return p->name;
  return std::string(value);
}

std::string resolve_topic(std::string_view value, const Knowledge& knowledge) {
  if (const Topic* t = knowledge.find_topic(value)) return t->id;
  return std::string(value);
}

void configure_query_parser(Xapian::QueryParser& qp, const Knowledge& knowledge) {
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  for (const schema::Field& f : schema::kFields) {
    switch (f.kind) {
      case schema::FieldKind::kFreeText:
        qp.add_prefix(std::string(f.name), std::string(f.prefix));
        break;
      case schema::FieldKind::kBoolean:
        qp.add_boolean_prefix(std::string(f.name),
                              (new BooleanFieldProcessor(f.name, f.prefix, knowledge))->release());
        break;
      case schema::FieldKind::kDateRange:
        qp.add_rangeprocessor((new DateRange(std::string(f.name) + ":"))->release());
        break;
    }
  }
  qp.add_rangeprocessor((new DateRange(""))->release());
}

Result<BuiltQuery> build_query(const SearchRequest& request, const Knowledge& knowledge,
                               const Xapian::Database* db) {
  BuiltQuery built;
  built.interpretation = interpret_query(request.q, knowledge, request.literal);
  const Interpretation& in = built.interpretation;

  Xapian::QueryParser qp;
  configure_query_parser(qp, knowledge);
  if (db) qp.set_database(*db);
  unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                   Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;
  Xapian::Query text;
  if (!in.text.empty()) {
    try {
      text = qp.parse_query(in.text, flags);
    } catch (const Xapian::QueryParserError& e) {
      return make_error(Code::kInvalidArgument,
                        "the query could not be read (" + e.get_msg() +
                            "): check quotes, brackets and AND/OR/NOT, or search with literal=1");
    }
  }
  built.text_query = text;

  Xapian::Query query = text.empty() ? Xapian::Query::MatchAll : text;

  // Recognised speakers restrict to articles where they speak; passages they speak that contain
  // the other words rank first.
  std::vector<std::string> speakers = in.speakers;
  for (const auto& s : request.speakers) speakers.push_back(resolve_speaker(s, knowledge));
  built.speakers = speakers;
  if (!in.speakers.empty()) {
    std::vector<std::string> terms;
    for (const auto& s : in.speakers) terms.push_back(schema::speaker_term(s));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, or_of_terms(terms));
    if (!text.empty()) {
      std::vector<Xapian::Query> spoken;
      for (const auto& s : in.speakers) {
        const std::string prefix = schema::spoken_prefix(s);
        for (auto t = text.get_terms_begin(); t != text.get_terms_end(); ++t) {
          const std::string& term = *t;
          if (term.empty() || (term[0] >= 'A' && term[0] <= 'Y' && term[0] != 'Z')) continue;
          if (term[0] == 'Z')
            spoken.emplace_back("Z" + prefix + term.substr(1));
          else
            spoken.emplace_back(prefix + term);
        }
      }
      if (!spoken.empty()) {
        Xapian::Query boost(Xapian::Query::OP_OR, spoken.begin(), spoken.end());
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, kSpeakerBoost));
      }
    }
  }
  if (!in.topics.empty()) {
    std::vector<std::string> terms;
    for (const auto& t : in.topics) terms.push_back(schema::topic_term(t));
    query = Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, query,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, or_of_terms(terms), kTopicBoost));
  }

  // Filters from parameters: OR within a field, AND across fields.
  std::vector<Xapian::Query> filters;
  auto add_filter = [&](const std::vector<std::string>& values, auto term_of) {
    if (values.empty()) return;
    std::vector<std::string> terms;
    for (const auto& v : values) terms.push_back(term_of(v));
    filters.push_back(or_of_terms(terms));
  };
  add_filter(request.speakers, [&](const std::string& v) {
    return schema::speaker_term(resolve_speaker(v, knowledge));
  });
  add_filter(request.topics,
             [&](const std::string& v) { return schema::topic_term(resolve_topic(v, knowledge)); });
  add_filter(request.sources, [](const std::string& v) { return schema::source_term(v); });
  add_filter(request.languages, [](const std::string& v) { return schema::language_term(v); });

  // Dates: the request's from/to win over dates recognised in the text.
  std::string lo = !request.from.empty() ? iso_to_lower(request.from) : iso_to_lower(in.from);
  std::string hi = !request.to.empty() ? iso_to_upper(request.to) : iso_to_upper(in.to);
  if (!lo.empty() && !hi.empty())
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
  else if (!lo.empty())
    filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
  else if (!hi.empty())
    filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);

  if (!filters.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  built.query = query;
  return built;
}

}  // namespace readouts
