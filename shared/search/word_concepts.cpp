// Query words as Xapian queries (stems, phrases, CJK n-grams, Russian forms) and concepts.
#include "shared/search/word_concepts.h"

#include <algorithm>

#include "shared/search/date_filters.h"
#include "shared/search/query_builder.h"
#include "shared/text/chinese_script.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

std::string lower_ascii(const std::string& s) { return ascii_lower(s); }

// The weight of an event's account that names neither the event nor its place (BM25 units; a
// page that names them scores on its words as well). docs/search.md.
constexpr double kEventAccountWeight = 10.0;

}  // namespace

bool simple_word(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

Xapian::Query WordQueries::word(const std::string& w) {
  // As the TermGenerator indexes them: words are stemmed (Z prefix), numbers are not ("90").
  if (simple_word(w))
    return Xapian::Query(w[0] >= '0' && w[0] <= '9' ? lower_ascii(w) : "Z" + stem_(lower_ascii(w)));
  if (Xapian::Query forms = russian_forms(w); !forms.empty()) return forms;
  try {
    Xapian::Query q =
        qp_.parse_query(bracket_cjk_runs(to_simplified(w)),
                        Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
    return q;
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query();
  }
}

// A Cyrillic word: its inflected forms ("разговор" finds "разговора", "разговоре"), as the
// words the index holds that start with its Russian stem (the index stems every language the
// English way, which leaves Cyrillic as it is). Empty for other words.
Xapian::Query WordQueries::russian_forms(const std::string& w) {
  uint32_t cp = 0;
  utf8_decode(w, 0, cp);
  if (cp < 0x0400 || cp > 0x04FF) return {};
  const std::string lower = Xapian::Unicode::tolower(w);
  const std::string stem = russian_(lower);
  Xapian::Query exact(lower);
  if (stem.size() < 6 || stem == lower) return exact;  // three letters at least
  return Xapian::Query(Xapian::Query::OP_OR, exact,
                       Xapian::Query(Xapian::Query::OP_WILDCARD, stem, kMaxRussianForms,
                                     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
}

// A synonym member: a word, or a phrase of unstemmed words ("people's republic of china").
Xapian::Query WordQueries::member(const std::string& m) {
  if (m.find(' ') == std::string::npos) return word(m);
  try {
    return qp_.parse_query("\"" + to_simplified(m) + "\"",
                           Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_CJK_NGRAM);
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query();
  }
}

// Latin script (ASCII) or not (Chinese and the rest).
bool is_latin(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::vector<Concept> word_concepts(const std::vector<std::string>& words,
                                   const Knowledge& knowledge, WordQueries& wq, bool synonyms,
                                   double cross_script_weight, bool cross_script_strict,
                                   std::vector<std::string>& expanded,
                                   std::vector<std::string>& phrases, const Xapian::Database* db) {
  std::vector<std::string> lower;  // as the groups' terms: Unicode lower case ("Пусан" -> "пусан")
  for (const auto& w : words) lower.push_back(Xapian::Unicode::tolower(w));
  std::vector<Concept> out;
  size_t i = 0;
  while (i < words.size()) {
    const SynonymGroup* group = nullptr;
    size_t len = 0;
    if (synonyms) {
      // The longest term starting here; of several as long, the first group's.
      if (const std::vector<SynonymStart>* starts = knowledge.synonyms_starting(lower[i]))
        for (const SynonymStart& start : *starts) {
          const std::vector<std::string>& parts = start.words;
          if (parts.size() <= len || i + parts.size() > words.size()) continue;
          if (std::equal(parts.begin(), parts.end(), lower.begin() + static_cast<long>(i))) {
            group = &knowledge.synonyms()[start.group];
            len = parts.size();
          }
        }
    }
    Concept c;
    if (group) {
      // Members in the script the query was typed in count fully; the other script's members
      // (the Chinese of an English word, and back) count less, so that an English query ranks
      // English accounts first and still finds the Chinese ones.
      const bool typed_latin = is_latin(words[i]);
      std::vector<Xapian::Query> same, other;
      std::string note;
      for (const std::string& m : group->match_terms) {
        Xapian::Query q = wq.member(m);
        if (!q.empty()) (is_latin(m) == typed_latin ? same : other).push_back(q);
      }
      for (const std::string& m : group->terms) {
        note += (note.empty() ? "" : "|") + m;
        if (!is_latin(m)) phrases.push_back(m);
      }
      Xapian::Query main(Xapian::Query::OP_SYNONYM, same.begin(), same.end());
      c.query = c.wide = c.typed = main;
      if (!other.empty()) {
        Xapian::Query cross(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_SYNONYM, other.begin(), other.end()),
                            cross_script_weight);
        c.wide = Xapian::Query(Xapian::Query::OP_OR, main, cross);
        if (cross_script_strict) c.query = c.wide;
      }
      // An event or a place of events: the accounts of those days that involve its people
      // count too (an Arabic account of the Busan meeting may never name Busan).
      if (Xapian::Query accounts = event_accounts(*group, db); !accounts.empty()) {
        c.wide = Xapian::Query(Xapian::Query::OP_OR, c.wide,
                               constant_weight(accounts, kEventAccountWeight));
        if (cross_script_strict) c.query = c.wide;
      }
      c.spans = group->spans;
      expanded.push_back(note);
    } else {
      len = 1;
      c.query = c.wide = c.typed = wq.word(words[i]);
      if (!is_latin(words[i])) phrases.push_back(words[i]);
    }
    for (size_t k = i; k < i + len; ++k) c.words.push_back(words[k]);
    if (!c.query.empty()) out.push_back(std::move(c));
    i += len;
  }
  return out;
}

}  // namespace readouts
