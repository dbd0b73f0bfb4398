// Recognises the topics a query names: by id or label, through a synonym group, or by a term.
#include "shared/search/query_topics.h"

#include <algorithm>

#include "shared/text/tokenize.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// The topic a word names through its synonym group: a group holding the word and a topic's id
// or label ("芬太尼" is in the group of "fentanyl"); nullptr if none.
const Topic* topic_of_synonym(const std::string& word, const Knowledge& knowledge) {
  const bool ascii = std::all_of(word.begin(), word.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string folded = ascii ? ascii_lower(word) : fold_word(word);
  for (const SynonymGroup& g : knowledge.synonyms()) {
    if (std::none_of(g.terms.begin(), g.terms.end(),
                     [&](const std::string& term) { return term == word || term == folded; }))
      continue;
    for (const std::string& term : g.terms)
      if (const Topic* topic = knowledge.find_topic(term)) return topic;
  }
  return nullptr;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

std::vector<std::string> topics_named(const std::vector<std::string>& words,
                                      const Knowledge& knowledge) {
  std::vector<std::string> out;
  const auto usable = [&](size_t i) { return i < words.size() && !words[i].empty(); };
  for (size_t i = 0; i < words.size(); ++i) {
    if (!usable(i)) continue;
    const std::string& w = words[i];
    if (usable(i + 1)) {
      const std::string two = w + " " + words[i + 1];
      const Topic* topic = knowledge.find_topic(two);
      if (!topic) topic = knowledge.topic_of_term(two);
      if (!topic && usable(i + 2)) topic = knowledge.topic_of_term(two + " " + words[i + 2]);
      if (topic) {
        add_unique(out, topic->id);
        continue;
      }
    }
    const Topic* topic = knowledge.find_topic(w);
    if (!topic) topic = topic_of_synonym(w, knowledge);
    if (!topic) topic = knowledge.topic_of_term(w);
    if (topic) {
      add_unique(out, topic->id);
      continue;
    }
    // A Chinese word holding a distinctive term: "两军沟通渠道" holds "两军沟通".
    uint32_t first = 0;
    utf8_decode(w, 0, first);
    if (!is_cjk_char(first)) continue;
    const std::string folded = fold_word(w);
    for (const auto& [term, index] : knowledge.cjk_topic_terms())
      if (term.size() < folded.size() && folded.find(term) != std::string::npos)
        add_unique(out, knowledge.topics()[index].id);
  }
  return out;
}

}  // namespace readouts
