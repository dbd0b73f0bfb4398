// Knowledge: the people, topic taxonomy and synonyms that extraction and query interpretation use.
//
// Built from the data files in data/ (people.json, topics.json, synonyms.txt) and any folder the
// user adds (--data DIR): later sources extend earlier ones (same id: the later entry wins).
// Parsing is pure (from strings); load_knowledge() does the file I/O. Immutable after construction
// and safe to share between threads for reading.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/core/article.h"
#include "shared/core/status.h"

namespace readouts {

struct KnowledgeIndex;  // shared/extract/knowledge_index.h

// A title that names a person only during a period ("the U.S. president" 2021-01-20..2025-01-20).
struct TitledPeriod {
  std::string title;  // alias text, e.g. "the U.S. president", "美国总统"
  std::string from;   // "YYYY-MM-DD" inclusive, "" = open
  std::string to;     // "YYYY-MM-DD" exclusive, "" = open
};

struct Person {
  std::string id;                    // stable slug, e.g. "xi_jinping"
  std::string name;                  // canonical name, e.g. "Xi Jinping"
  std::string country;               // "CN", "US", or another ISO code; "" if none
  std::string role;                  // short description, e.g. "President of the PRC"
  std::vector<std::string> aliases;  // every form that names only this person ("Xi", "习近平")
  std::vector<TitledPeriod> titles;  // forms that name this person only during a period
};

struct TopicTerm {
  std::string text;  // a word or phrase ("one-china", "台湾问题", "тайван*": see PhraseMatcher)
  double weight = 1.0;  // evidence weight when the term occurs
};

struct Topic {
  std::string id;        // stable id, e.g. "taiwan"
  std::string label;     // English label, e.g. "Taiwan"
  std::string label_zh;  // Chinese label, e.g. "台湾"
  std::vector<TopicTerm> terms;
};

// A set of equivalent phrasings for query expansion ("prc", "china", "people's republic of china").
struct SynonymGroup {
  std::vector<std::string> terms;  // lower case
};

class Knowledge {
 public:
  Knowledge() = default;

  // Parses and merges one set of data files' contents (any may be empty). Errors name the file's
  // role ("people.json") and the problem; nothing is merged on error.
  Status add_people_json(std::string_view json_text, std::string_view origin);
  Status add_topics_json(std::string_view json_text, std::string_view origin);
  Status add_synonyms_text(std::string_view text, std::string_view origin);

  const std::vector<Person>& people() const { return people_; }
  const std::vector<Topic>& topics() const { return topics_; }
  const std::vector<SynonymGroup>& synonyms() const { return synonyms_; }
  // Words that make a sentence an account of the talks ("обсудили", "discutieron", "協議"), from
  // topics.json's "account_words" (added to the built-in English and Chinese ones).
  const std::vector<std::string>& account_words() const { return account_words_; }
  // Negation in other languages, from topics.json: "negators" (no, pas, nicht, не, لم, ...) with
  // "negation_words" (discutió, abordé, besprochen, обсуждали, ...) make a sentence say that
  // something was not discussed; a "negated_discussion" phrase says so alone (議論しなかった,
  // 논의하지 않았다), like 没有讨论.
  const std::vector<std::string>& negators() const { return negators_; }
  const std::vector<std::string>& negation_words() const { return negation_words_; }
  const std::vector<std::string>& negated_discussion() const { return negated_discussion_; }

  // Person named exactly by an alias or canonical name (case-insensitive for Latin script).
  const Person* find_person(std::string_view alias) const;
  // Person named by a title during the given date (ISO "YYYY-MM-DD" or shorter); nullptr if none.
  const Person* find_person_by_title(std::string_view title, std::string_view iso_date) const;
  const Person* person_by_name(std::string_view canonical_name) const;
  const Topic* find_topic(std::string_view id_or_label) const;

  // Precompiled matchers for extraction (names, titles, topic terms); never null.
  const KnowledgeIndex& index() const;

 private:
  void reindex();
  std::vector<Person> people_;
  std::vector<Topic> topics_;
  std::vector<SynonymGroup> synonyms_;
  std::vector<std::string> account_words_, negators_, negation_words_, negated_discussion_;
  std::unordered_map<std::string, size_t> alias_index_;  // folded alias -> people_ index
  std::unordered_map<std::string, size_t> topic_index_;  // folded id/label -> topics_ index
  std::shared_ptr<const KnowledgeIndex> index_;          // rebuilt by reindex(); shared by copies
};

// Folds a name or alias for lookup: ASCII lower case, collapsed spaces, no dots ("U.S." -> "us").
std::string fold_name(std::string_view s);

// Reads people.json, topics.json and synonyms.txt from each folder in order (missing files in an
// extension folder are fine; the first folder must have all three). The default folder is
// default_data_dir().
Result<Knowledge> load_knowledge(const std::vector<std::filesystem::path>& dirs);
std::filesystem::path default_data_dir();

}  // namespace readouts
