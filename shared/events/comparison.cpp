// Compares the accounts of one event, topic by topic and side by side. Pure.
#include "shared/events/comparison.h"

#include <algorithm>
#include <map>
#include <set>

#include "shared/events/exchange.h"
#include "shared/extract/topics.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr double kSpecificWeight = 2.0;
constexpr size_t kMaxPassagesPerTopic = 12;

std::string country_side(const std::string& side) {
  if (side.starts_with("china_")) return "china";
  if (side.starts_with("us_")) return "us";
  return "";
}

std::string side_of_person(const std::string& name, const Knowledge& knowledge) {
  const Person* p = knowledge.person_by_name(name);
  if (!p) return "";
  return p->country == "CN" ? "china" : p->country == "US" ? "us" : "";
}

// The sentence of `text` around byte `at` (ends at . 。 ! ? or a new line).
std::string sentence_at(const std::string& text, size_t at) {
  size_t begin = at, end = at;
  while (begin > 0 && text[begin - 1] != '.' && text[begin - 1] != '\n' && text[begin - 1] != '!')
    --begin;
  while (end < text.size() && text[end] != '.' && text[end] != '\n' && text[end] != '!') ++end;
  std::string s = text.substr(begin, end - begin);
  const size_t stop = s.find("\xE3\x80\x82");  // 。 after the phrase
  return stop != std::string::npos && stop > at - begin ? s.substr(0, stop) : s;
}

// Who asked for the exchange, as the account says it: an answering word ("应约": the writer's
// side answered the other's request) or "at the request of" followed by a side's name.
void read_requests(const Article& a, const Knowledge& knowledge, std::vector<RequestClaim>& out) {
  const AccountRules& rules = knowledge.account_rules();
  const std::string own = country_side(a.side);
  std::string text = a.title + "\n";
  for (size_t i = 0; i < a.passages.size() && i < 3; ++i) text += a.passages[i].text + "\n";
  const std::string lower = ascii_lower(text);
  if (!own.empty())
    for (const std::string& w : rules.answering_words)
      if (lower.find(ascii_lower(w)) != std::string::npos) {
        out.push_back({own == "china" ? "us" : "china", a.id, w});
        return;
      }
  for (const std::string& w : rules.request_words) {
    const size_t at = lower.find(ascii_lower(w));
    if (at == std::string::npos) continue;
    // Only about the exchange itself: its sentence says it took place ("spoke by phone ...").
    if (exchange_kind(sentence_at(lower, at), knowledge).empty()) continue;
    const std::string after = lower.substr(at + w.size(), 60);
    for (const auto& [side, names] : rules.side_names)
      for (const std::string& n : names)
        if (after.find(ascii_lower(n)) != std::string::npos) {
          out.push_back({side, a.id, w});
          return;
        }
  }
}

}  // namespace

std::vector<std::string> passage_topics(const Passage& passage, const Knowledge& knowledge) {
  std::vector<std::string> out;
  for (const TopicScore& s : score_topics("", {passage}, knowledge))
    if (s.max_weight >= kSpecificWeight && !s.negated) out.push_back(s.id);
  return out;
}

Comparison compare_accounts(const std::vector<Article>& accounts, const Knowledge& knowledge) {
  Comparison c;
  std::map<std::string, TopicComparison> by_topic;
  std::map<std::string, std::set<std::string>> side_topics;  // government side -> topics
  for (const Article& a : accounts) {
    if (is_government_side(a.side)) side_topics[a.side];  // present, even with no topic
    for (const std::string& t : a.topics) {
      TopicComparison& tc = by_topic[t];
      tc.topic = t;
      tc.accounts.push_back(a.id);
      if (is_government_side(a.side)) side_topics[a.side].insert(t);
    }
    read_requests(a, knowledge, c.requested_by);
  }
  // Passages on each raised topic, government accounts first.
  std::vector<const Article*> ordered;
  for (const Article& a : accounts) ordered.push_back(&a);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Article* x, const Article* y) {
    return is_government_side(x->side) > is_government_side(y->side);
  });
  const bool both = side_topics.count("china_government") && side_topics.count("us_government");
  for (const Article* a : ordered) {
    for (const Passage& p : a->passages) {
      SidePassage credited{a->id, a->side, p.speaker, p.text, {}};
      for (const std::string& t : passage_topics(p, knowledge)) {
        if (std::find(a->topics.begin(), a->topics.end(), t) == a->topics.end()) continue;
        TopicComparison& tc = by_topic[t];
        if (tc.passages.size() < kMaxPassagesPerTopic)
          tc.passages.push_back({a->id, a->side, p.speaker, p.text, {}});
        // One government crediting the other side's person on a topic the other never raises.
        if (!both || !is_government_side(a->side) || p.speaker.empty()) continue;
        const std::string speaker_side = side_of_person(p.speaker, knowledge);
        const std::string own = country_side(a->side);
        if (speaker_side.empty() || speaker_side == own) continue;
        const std::string other = speaker_side == "china" ? "china_government" : "us_government";
        if (!side_topics[other].count(t)) credited.topics.push_back(t);
      }
      if (!credited.topics.empty()) c.credited_only_by_other.push_back(std::move(credited));
    }
  }
  for (auto& [t, tc] : by_topic) c.topics.push_back(std::move(tc));
  std::stable_sort(c.topics.begin(), c.topics.end(),
                   [](const TopicComparison& x, const TopicComparison& y) {
                     return x.accounts.size() > y.accounts.size();
                   });
  if (both) {
    for (const std::string& t : side_topics["china_government"])
      if (!side_topics["us_government"].count(t)) c.only_china_government.push_back(t);
    for (const std::string& t : side_topics["us_government"])
      if (!side_topics["china_government"].count(t)) c.only_us_government.push_back(t);
  }
  return c;
}

}  // namespace readouts
