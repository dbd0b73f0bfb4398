// Builds Xapian queries from requests: fields, recognised entities, boosts and filters.
#include "shared/search/query_builder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>

#include "shared/core/article.h"
#include "shared/core/schema.h"
#include "shared/search/date_filters.h"
#include "shared/search/query_reader.h"
#include "shared/search/word_concepts.h"
#include "shared/text/chinese_script.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Stop and question words for queries with Xapian syntax (free text drops them itself).
class QueryStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& word) const override { return is_stop_word(word); }
};

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
    return value_range(lo, hi);
  }
};

Xapian::Query or_of_terms(const std::vector<std::string>& terms) {
  std::vector<Xapian::Query> qs;
  for (const auto& t : terms) qs.emplace_back(t);
  return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The spoken-word terms of a query's words for one speaker, in the forms the index keeps
// (schema::spoken_term): a Latin word by its stem (ZXW<key>:<stem>, also for the unstemmed words
// of a phrase such as "one-China"), numbers and CJK n-grams as they are (XW<key>:<term>).
void add_spoken_terms(const Xapian::Query& words, const std::string& speaker,
                      std::vector<Xapian::Query>& out) {
  Xapian::Stem stem("english");  // per call: a stemmer is not thread-safe
  const std::string prefix = schema::spoken_prefix(speaker);
  for (auto t = words.get_terms_begin(); t != words.get_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Y')) continue;  // prefixed: not words
    std::string spoken;
    if (term[0] == 'Z')
      spoken = schema::spoken_term(prefix, term);
    else if (term[0] >= 'a' && term[0] <= 'z' && is_latin(term))
      spoken = schema::spoken_term(prefix, "Z" + stem(term));
    else
      spoken = schema::spoken_term(prefix, term);
    if (!spoken.empty()) out.emplace_back(spoken);
  }
}

// Whether the text holds a typed date field or range ("date:...", "year:...", "a..b").
bool typed_date_syntax(const std::string& text) {
  const std::string lower = lower_ascii(text);
  return lower.find("date:") != std::string::npos || lower.find("year:") != std::string::npos ||
         lower.find("..") != std::string::npos;
}

}  // namespace

Xapian::Query constant_weight(const Xapian::Query& q, double weight) {
  return Xapian::Query(Xapian::Query::OP_FILTER,
                       Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()), q);
}

std::string bracket_cjk_runs(std::string_view text) {
  auto cjk_at = [&](size_t i, size_t& len) {
    uint32_t cp = 0;
    len = utf8_decode(text, i, cp);
    return is_cjk_char(cp);
  };
  std::string out;
  bool in_quotes = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t len = 1;
    if (text[i] == '"') in_quotes = !in_quotes;
    if (in_quotes || !cjk_at(i, len)) {  // quoted runs are phrases: they parse
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    size_t end = i;
    while (end < text.size() && cjk_at(end, len)) end += len;
    if (i > 0 && text[i - 1] == ':') {  // "field:漢字" keeps its field
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (i > 0 && std::string_view(" (+-").find(text[i - 1]) == std::string_view::npos) out += ' ';
    out += '(';
    out.append(text.substr(i, end - i));
    out += ')';
    if (end < text.size() && text[end] != ' ' && text[end] != ')') out += ' ';
    i = end;
  }
  return out;
}

std::string resolve_speaker(std::string_view value, const Knowledge& knowledge) {
  if (const Person* p = knowledge.find_person(value)) return p->name;
  // "Joe+Biden": a form-encoded space that reached us undecoded.
  std::string spaced(value);
  std::replace(spaced.begin(), spaced.end(), '+', ' ');
  if (const Person* p = knowledge.find_person(spaced)) return p->name;
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
  qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
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
                               const Xapian::Database* db, const RankingOptions& options) {
  BuiltQuery built;
  built.interpretation = interpret_query(request.q, knowledge, request.literal);
  const Interpretation& in = built.interpretation;

  Xapian::QueryParser qp;
  configure_query_parser(qp, knowledge);
  if (db) qp.set_database(*db);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;
  auto parse = [&](const std::string& text) -> Result<Xapian::Query> {
    try {
      return qp.parse_query(bracket_cjk_runs(to_simplified(text)), flags);
    } catch (const Xapian::QueryParserError& e) {
      return make_error(Code::kInvalidArgument,
                        "the query could not be read (" + e.get_msg() +
                            "): check quotes, brackets and AND/OR/NOT, or search with literal=1");
    }
  };

  // ---- Concepts: what every strict match must contain. ----
  std::vector<Concept> concepts;
  if (in.syntax) {
    // Xapian syntax: the QueryParser reads the text; stop words dropped; no synonyms.
    qp.set_stopper((new QueryStopper())->release());
    if (!in.text.empty()) {
      auto text = parse(in.text);
      if (!text.ok()) {
        // A typed date field or range that is wrong ("date:2025-13..") is the user's to fix;
        // any other syntax that does not parse is read as words.
        SearchRequest words = request;
        words.q = words_only(request.q);
        if (typed_date_syntax(in.text) || words.q == request.q) return text.error();
        auto rebuilt = build_query(words, knowledge, db, options);
        if (rebuilt.ok()) rebuilt.value().interpretation.syntax_ignored = true;
        return rebuilt;
      }
      if (!text.value().empty())
        concepts.push_back({text.value(), text.value(), text.value(), {}, {}});
      for (std::string token : split_query(in.text)) {
        std::erase_if(token, [](char c) {
          return std::string_view("\"()+-*").find(c) != std::string_view::npos;
        });
        if (!is_latin(token)) built.highlight_phrases.push_back(token);
      }
    }
  } else {
    // literal=1: the words as typed, without synonyms (and without people, dates or topics:
    // the interpretation recognised none).
    WordQueries wq(qp);
    concepts = word_concepts(in.words, knowledge, wq, options.synonyms && !in.literal,
                             options.cross_script, options.cross_script_strict, built.expanded,
                             built.highlight_phrases, db);
  }
  // "Who asked for the call?": the accounts that say who asked, in any language, are a concept.
  if (in.asks_request && !in.syntax) {
    WordQueries wq(qp);
    std::vector<Xapian::Query> evidence;
    for (const std::string& phrase : knowledge.account_rules().request_questions.evidence)
      if (Xapian::Query q = wq.member(to_simplified(phrase)); !q.empty()) evidence.push_back(q);
    if (!evidence.empty()) {
      Xapian::Query any(Xapian::Query::OP_OR, evidence.begin(), evidence.end());
      concepts.push_back({any, any, any, {}, {}});
    }
  }
  // The one named event the query names ("Busan" with Trump and Xi: busan-2025).
  {
    std::vector<std::string> events;
    for (const auto& c : concepts)
      for (const EventSpan& span : c.spans) {
        const bool people = std::all_of(in.speakers.begin(), in.speakers.end(), [&](auto& s) {
          return std::find(span.people.begin(), span.people.end(), s) != span.people.end();
        });
        const bool days =
            (in.from.empty() || span.to >= in.from) && (in.to.empty() || span.from <= in.to);
        if (people && days && std::find(events.begin(), events.end(), span.event) == events.end())
          events.push_back(span.event);
      }
    if (events.size() == 1) built.named_event = events.front();
  }
  std::vector<Xapian::Query> word_queries, wide_queries, typed_queries;
  for (const auto& c : concepts) {
    word_queries.push_back(c.query);
    wide_queries.push_back(c.wide);
    typed_queries.push_back(c.typed);
  }
  built.text_query = Xapian::Query(Xapian::Query::OP_OR, wide_queries.begin(), wide_queries.end());

  // A named person: the article involves them (speaks, is mentioned, or is named as typed).
  // When the query asks what they said, only articles where they speak qualify (a filter below).
  std::vector<Xapian::Query> person_concepts;
  for (size_t i = 0; i < in.speakers.size(); ++i) {
    if (in.said) continue;
    std::vector<Xapian::Query> forms = {Xapian::Query(schema::speaker_term(in.speakers[i])),
                                        Xapian::Query(schema::mention_term(in.speakers[i]))};
    const std::string& alias = i < in.aliases.size() ? in.aliases[i] : in.speakers[i];
    WordQueries wq(qp);
    Xapian::Query typed = wq.member(lower_ascii(alias));
    if (!typed.empty()) forms.push_back(typed);
    person_concepts.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
  }

  std::vector<Xapian::Query> all = word_queries;
  all.insert(all.end(), person_concepts.begin(), person_concepts.end());
  // Not Xapian::Query::MatchAll: that static object is shared by every thread and its reference
  // count is not atomic, so concurrent copies corrupt it (a crash under load). Query("") is the
  // same match-all query, owned by this call.
  Xapian::Query strict = all.empty() ? Xapian::Query(std::string())
                                     : Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());

  // ---- Boosts: rank, never match. ----
  std::vector<Xapian::Query> boosts;
  std::vector<std::string> speakers = in.speakers;
  for (const auto& s : request.speakers) speakers.push_back(resolve_speaker(s, knowledge));
  for (const auto& s : in.speaker_filters) speakers.push_back(resolve_speaker(s, knowledge));
  built.speakers = speakers;
  // Highlights: a named person's names in every script ("Xi" also marks 习近平 and 習近平).
  for (const auto& s : speakers)
    if (const Person* p = knowledge.find_person(s)) {
      built.highlight_phrases.push_back(p->name);
      for (const auto& alias : p->aliases)
        if (!is_latin(alias)) built.highlight_phrases.push_back(alias);
    }
  for (const auto& alias : in.aliases) built.highlight_phrases.push_back(alias);
  if (!built.text_query.empty()) {
    // One unit per concept and speaker: the n-grams or synonyms of a word count once.
    std::vector<Xapian::Query> spoken;
    for (const auto& s : speakers) {
      for (const auto& c : concepts) {
        std::vector<Xapian::Query> terms;
        add_spoken_terms(c.wide, s, terms);
        if (!terms.empty())
          spoken.emplace_back(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
      }
    }
    if (!spoken.empty())
      boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_OR, spoken.begin(), spoken.end()),
                          options.speaker_boost);
  }
  if (!in.speakers.empty() && !in.said && options.person_boost > 0) {
    std::vector<std::string> terms;
    for (const auto& s : in.speakers) terms.push_back(schema::speaker_term(s));
    boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, or_of_terms(terms), options.person_boost);
  }
  if (!in.topics.empty() && options.topic_boost > 0) {
    std::vector<std::string> terms;
    for (const auto& t : in.topics) terms.push_back(schema::topic_term(t));
    boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, or_of_terms(terms), options.topic_boost);
  }
  // Two or three plain Latin words: the same words next to each other rank higher. Longer runs,
  // and runs of stop words only ("the of and"), would read long position lists for little gain
  // (docs/benchmarks.md: the stop-word run cost 232 ms at 100k articles; four words 19-140 ms at
  // 1M, with no ranking change on the real-world set or Cranfield).
  if (!in.syntax && options.phrase_boost > 0) {
    std::vector<Xapian::Query> positional;
    bool content_word = false;
    for (const auto& c : concepts)
      for (const auto& w : c.words)
        if (simple_word(w)) {
          positional.emplace_back(lower_ascii(w));
          content_word |= !is_stop_word(lower_ascii(w));
        }
    if (positional.size() >= 2 && positional.size() <= 3 && content_word)
      boosts.emplace_back(
          Xapian::Query::OP_SCALE_WEIGHT,
          Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(), positional.end(),
                        static_cast<Xapian::termcount>(positional.size())),
          options.phrase_boost);
  }
  // scale: the boosts' weight factor (RankingOptions::long_query_boost_scale for long queries).
  auto with_boosts = [&](Xapian::Query q, double scale = 1.0) {
    if (boosts.empty()) return q;
    Xapian::Query any_boost(Xapian::Query::OP_OR, boosts.begin(), boosts.end());
    if (scale != 1.0) any_boost = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any_boost, scale);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, any_boost);
  };

  // ---- Filters: OR within a field, AND across fields. ----
  std::vector<Xapian::Query> filters;
  auto add_filter = [&](const std::vector<std::string>& values, auto term_of) {
    if (values.empty()) return;
    std::vector<std::string> terms;
    for (const auto& v : values) terms.push_back(term_of(v));
    filters.push_back(or_of_terms(terms));
  };
  if (in.said)
    add_filter(in.speakers, [](const std::string& v) { return schema::speaker_term(v); });
  add_filter(request.speakers, [&](const std::string& v) {
    return schema::speaker_term(resolve_speaker(v, knowledge));
  });
  add_filter(request.topics,
             [&](const std::string& v) { return schema::topic_term(resolve_topic(v, knowledge)); });
  add_filter(request.sources, [](const std::string& v) { return schema::source_term(v); });
  add_filter(request.languages, [](const std::string& v) { return schema::language_term(v); });
  // Fields typed in the query: each its own filter, so they narrow the request's filters.
  add_filter(in.speaker_filters, [&](const std::string& v) {
    return schema::speaker_term(resolve_speaker(v, knowledge));
  });
  add_filter(in.mention_filters, [&](const std::string& v) {
    return schema::mention_term(resolve_speaker(v, knowledge));
  });
  add_filter(in.topic_filters,
             [&](const std::string& v) { return schema::topic_term(resolve_topic(v, knowledge)); });
  add_filter(in.source_filters, [](const std::string& v) { return schema::source_term(v); });
  add_filter(in.language_filters, [](const std::string& v) { return schema::language_term(v); });

  const std::vector<Xapian::Query> undated_filters = filters;
  // Dates: the request's from/to win over dates recognised in the text.
  // A date read from the words ("Trump Xi call September 2025", "11月") keeps the articles
  // whose date is unknown, after those of that date (+4 units); a date given as a parameter or
  // a year:/date: field is a strict filter. A day read from the words ("2025年11月24日",
  // "November 24") also takes in the day before and after, the day itself first (+1 unit): a
  // Washington evening is the next morning in Beijing, and each side dates its account so.
  const bool date_from_words = request.from.empty() && request.to.empty() && !in.date_words.empty();
  const bool one_day = date_from_words && in.from.size() == 10 && in.from == in.to;
  std::string from = !request.from.empty() ? request.from : in.from;
  std::string to = !request.to.empty() ? request.to : in.to;
  std::vector<std::string> days = in.days;
  if (date_from_words && options.day_window) {
    if (one_day) from = shift_day(in.from, -1), to = shift_day(in.to, 1);
    for (const std::string& d : in.days)
      for (int delta : {-1, 1}) {
        const std::string near = shift_day("2024-" + d, delta).substr(5);  // a leap year
        if (std::find(days.begin(), days.end(), near) == days.end()) days.push_back(near);
      }
    if (one_day) {
      const auto [day_lo, day_hi] = slot_range(in.from, in.to);
      boosts.push_back(constant_weight(date_filter(day_lo, day_hi, db), kTierUnit));
    } else if (!in.days.empty()) {
      boosts.push_back(constant_weight(month_filter({}, in.days, db), kTierUnit));
    }
  }
  const auto [lo, hi] = slot_range(from, to);
  std::vector<Xapian::Query> date_filters;
  if (!lo.empty() || !hi.empty()) date_filters.push_back(date_filter(lo, hi, db));
  if (Xapian::Query months = month_filter(in.months, days, db); !months.empty())
    date_filters.push_back(months);
  if (!date_filters.empty()) {
    Xapian::Query dated(Xapian::Query::OP_AND, date_filters.begin(), date_filters.end());
    if (date_from_words && options.undated_after_dated) {
      boosts.push_back(constant_weight(dated, 4 * kTierUnit));
      built.interpretation.undated_included = true;
      dated = Xapian::Query(Xapian::Query::OP_OR, dated,
                            Xapian::Query(std::string(schema::kNoDateTerm)));
    }
    filters.push_back(dated);
  }
  if (!filters.empty())
    built.filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
  auto with_filters = [&](Xapian::Query q) {
    if (filters.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_FILTER, q,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  };

  // ---- Tiers: constants on top of the BM25 weight, in multiples of kTierUnit (the searcher
  // reports the weight modulo kTierUnit), so that a better kind of match always ranks first:
  //   +4 units per concept matched (each word or synonym group, other-script synonyms
  //            counting, and each named person involved): in the loose query only, so that
  //            articles matching more of the query come first (coordination-level ranking);
  //   +2 units: every concept matches and the named people speak (queries naming people);
  //   +1 unit:  the article reports an exchange between the named people of both sides (XEX);
  //   +1 unit:  every concept matches in the script typed (loose query; the strict query needs
  //            it anyway).
  // So for "Taiwan, Xi, 2025": Xi's own accounts about Taiwan in the language typed, then in
  // the other language, then others' accounts naming Xi and Taiwan, then Xi or Taiwan alone.
  // Pasted text (more than kLongTextWords words) or more concepts than tiers_max_concepts:
  // plain BM25 over any of the concepts, with the boosts on top; no tiers, no strict pass. For
  // long questions, counting the words matched ranks below BM25 (docs/search.md, Cranfield).
  const bool more_like_this =
      in.long_text || (!in.syntax && all.size() > options.tiers_max_concepts);
  if (more_like_this) {
    std::vector<Xapian::Query> any = wide_queries;
    any.insert(any.end(), person_concepts.begin(), person_concepts.end());
    // The boosts at a fraction of their weight: a long question's words already name its people
    // and topics, and the full boosts would outweigh its rare words ("Feuer" in a German
    // question on Biden, Xi and Taiwan ranked below every Taiwan call).
    built.query =
        with_filters(with_boosts(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()),
                                 options.long_query_boost_scale));
  }

  std::vector<Xapian::Query> tiers;
  // "习近平 会见 布林肯": the people of both sides named, the accounts of their exchanges first.
  Xapian::Query exchange_between;  // the article reports an exchange between the named sides
  if (options.tiers && options.exchange_tier > 0) {
    std::vector<std::string> china, us;
    for (const auto& s : in.speakers)
      if (const Person* p = knowledge.person_by_name(s)) {
        if (p->country == "CN") china.push_back(s);
        if (p->country == "US") us.push_back(s);
      }
    if (!china.empty() && !us.empty()) {
      std::vector<std::string> cn_terms, us_terms;
      for (const auto& s : china) cn_terms.push_back(schema::exchange_term(s));
      for (const auto& s : us) us_terms.push_back(schema::exchange_term(s));
      exchange_between =
          Xapian::Query(Xapian::Query::OP_AND, or_of_terms(cn_terms), or_of_terms(us_terms));
      tiers.push_back(constant_weight(exchange_between, options.exchange_tier * kTierUnit));
    }
  }
  // Every concept matches and the named people speak, or (people of both sides named) the
  // article reports their exchange: an account of that meeting in any language, whose words
  // name its participants only by title ("the Secretary", "he").
  if (options.tiers && !person_concepts.empty()) {
    std::vector<Xapian::Query> speak = {};
    for (const auto& s : in.speakers) speak.emplace_back(schema::speaker_term(s));
    Xapian::Query people(Xapian::Query::OP_AND, speak.begin(), speak.end());
    if (!exchange_between.empty())
      people = Xapian::Query(Xapian::Query::OP_OR, people, exchange_between);
    std::vector<Xapian::Query> complete = wide_queries;
    complete.push_back(people);
    tiers.push_back(constant_weight(
        Xapian::Query(Xapian::Query::OP_AND, complete.begin(), complete.end()), 2 * kTierUnit));
  }
  // Every concept in the script typed (when another script could also match): +1 unit, so that
  // an English query lists English accounts first and a Chinese one Chinese accounts.
  std::vector<Xapian::Query> typed_all = typed_queries;
  typed_all.insert(typed_all.end(), person_concepts.begin(), person_concepts.end());
  const Xapian::Query typed_complete =
      typed_all.empty() ? Xapian::Query()
                        : Xapian::Query(Xapian::Query::OP_AND, typed_all.begin(), typed_all.end());
  bool widened = false;
  for (const auto& c : concepts) widened |= c.wide.get_description() != c.typed.get_description();
  auto with_tiers = [&](Xapian::Query q, const std::vector<Xapian::Query>& ts) {
    if (ts.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                         Xapian::Query(Xapian::Query::OP_OR, ts.begin(), ts.end()));
  };
  if (!more_like_this) {
    std::vector<Xapian::Query> strict_tiers = tiers;
    if (options.tiers && widened && options.cross_script_strict)
      strict_tiers.push_back(constant_weight(typed_complete, kTierUnit));
    built.query = with_filters(with_boosts(with_tiers(strict, strict_tiers)));
  }

  // Any of the concepts (the words' and the named people's, plus extra ones), with one
  // coordination tier per concept (see Tiers) and the given tiers on top.
  auto any_concept = [&](const std::vector<Xapian::Query>& extra,
                         std::vector<Xapian::Query> tiers_on_top) {
    std::vector<Xapian::Query> wide = wide_queries;
    wide.insert(wide.end(), person_concepts.begin(), person_concepts.end());
    wide.insert(wide.end(), extra.begin(), extra.end());
    if (options.tiers && wide.size() >= 2)
      for (const auto& concept_query : wide)
        tiers_on_top.push_back(constant_weight(concept_query, 4 * kTierUnit));
    return with_boosts(
        with_tiers(Xapian::Query(Xapian::Query::OP_OR, wide.begin(), wide.end()), tiers_on_top));
  };

  // Loose: any concept matches; the tiers order the matches.
  // Only for free text: with explicit operators the user said what must match.
  if (options.loose_fallback && (all.size() >= 2 || widened) && !in.syntax && !more_like_this) {
    if (!typed_complete.empty()) tiers.push_back(constant_weight(typed_complete, kTierUnit));
    built.loose = with_filters(any_concept({}, tiers));
  }

  // The dates read from the words as words ("1972 Shanghai Communique": articles that mention
  // 1972, whatever their date), for the searcher to try when the dated query finds nothing.
  if (!in.date_words.empty() && request.from.empty() && request.to.empty() && !in.syntax) {
    WordQueries wq(qp);
    std::vector<Xapian::Query> date_words;
    for (const auto& w : in.date_words) date_words.push_back(wq.word(w));
    Xapian::Query undated = any_concept(date_words, {});
    built.undated =
        undated_filters.empty()
            ? undated
            : Xapian::Query(Xapian::Query::OP_FILTER, undated,
                            Xapian::Query(Xapian::Query::OP_AND, undated_filters.begin(),
                                          undated_filters.end()));
  }
  return built;
}

}  // namespace readouts
