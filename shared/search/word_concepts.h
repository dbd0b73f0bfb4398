// Query words as Xapian queries and concepts: "Taiwan" -> Ztaiwan (stemmed, any case typed);
// "one-China" -> a phrase; Chinese -> n-grams; a Russian word -> its inflected forms; a synonym
// group (data/synonyms.txt, places, events) -> one concept of its members in every script.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "shared/extract/knowledge.h"

namespace readouts {

// A plain ASCII word of letters and digits ("Taiwan", "2025").
bool simple_word(std::string_view w);

// Latin script (ASCII) or not (Chinese and the rest).
bool is_latin(std::string_view s);

// Free-text words as the index holds them; one per query (a Stem is not thread-safe).
class WordQueries {
 public:
  explicit WordQueries(Xapian::QueryParser& qp) : qp_(qp), stem_("english"), russian_("russian") {}

  // A word as the TermGenerator indexed it: stemmed (Z prefix), numbers as they are, CJK n-grams.
  Xapian::Query word(const std::string& w);
  // A Cyrillic word: it and the index's words that start with its Russian stem; empty for others.
  Xapian::Query russian_forms(const std::string& w);
  // A synonym member: a word, or a phrase of unstemmed words ("people's republic of china").
  Xapian::Query member(const std::string& m);

 private:
  static constexpr Xapian::termcount kMaxRussianForms = 30;
  Xapian::QueryParser& qp_;
  Xapian::Stem stem_;
  Xapian::Stem russian_;
};

struct Concept {
  Xapian::Query query;             // what a strict match needs
  Xapian::Query wide;              // what a loose match may have instead (adds the other script)
  Xapian::Query typed;             // the forms in the script typed (ranks that language first)
  std::vector<std::string> words;  // the typed words it stands for (phrase boost)
  std::vector<EventSpan> spans;    // a named event's or place's group: the events it names
};

// Groups the words into concepts: the longest run of words that is a synonym group's member
// becomes one OP_SYNONYM concept (an event's or place's group also takes in the articles of the
// event's days between its people); every other word is a concept of its own. `expanded` gets
// each group used ("a|b|c"), `phrases` the non-Latin forms to highlight whole.
std::vector<Concept> word_concepts(const std::vector<std::string>& words,
                                   const Knowledge& knowledge, WordQueries& wq, bool synonyms,
                                   double cross_script_weight, bool cross_script_strict,
                                   std::vector<std::string>& expanded,
                                   std::vector<std::string>& phrases, const Xapian::Database* db);

}  // namespace readouts
