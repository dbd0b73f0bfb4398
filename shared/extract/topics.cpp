// Topic scoring: term matching over tokens, title/lead weighting, negation, thresholds.
#include "shared/extract/topics.h"

#include <algorithm>
#include <unordered_set>

#include "shared/extract/knowledge_index.h"
#include "shared/extract/tokenize.h"

namespace readouts {

namespace {

const std::unordered_set<std::string_view> kNegators = {
    "not", "no", "never", "didn't", "wasn't", "weren't", "neither", "nor", "without"};
const std::unordered_set<std::string_view> kDiscussWords = {
    "discuss",   "discussed", "discussion", "discussions", "raise",   "raised",   "mention",
    "mentioned", "mentions",  "address",    "addressed",   "agenda",  "touch",    "touched",
    "bring",     "brought",   "come",       "came",        "talk",    "talked",   "cover",
    "covered",   "broach",    "broached",   "featured",    "feature", "included", "include"};
const std::vector<std::string_view> kZhNegDiscuss = {
    "没有讨论", "沒有討論", "未讨论",   "未討論",   "未涉及", "没有涉及", "沒有涉及",
    "未提及",   "没有提及", "沒有提及", "未谈及",   "未談及", "没有谈及", "沒有談及",
    "并未讨论", "並未討論", "没有提到", "沒有提到", "未提到", "未触及",   "未觸及"};

struct Sentence {
  size_t tb, te;
  bool negated_discussion;  // "did not discuss", "was not raised", "没有讨论"
  size_t negator = 0;       // token of the English negation word (when negated_discussion)
  bool joint = false;       // opens with a joint subject: "The two leaders agreed ..."
};

const std::unordered_set<std::string_view> kJointWords = {"sides", "leaders", "presidents",
                                                          "countries", "delegations"};
const std::vector<std::string_view> kZhJointOpen = {"双方", "雙方", "两国", "兩國"};

bool sentence_end(const Token& t) {
  const std::string& f = t.folded;
  return t.kind == TokenKind::kPunct &&
         (f == "." || f == "!" || f == "?" || f == ";" || f == "\xE3\x80\x82" ||
          f == "\xEF\xBC\x81" || f == "\xEF\xBC\x9F" || f == "\xEF\xBC\x9B");
}

std::vector<Sentence> sentences_of(const std::vector<Token>& toks, std::string_view text) {
  std::vector<Sentence> out;
  size_t start = 0;
  for (size_t i = 0; i <= toks.size(); ++i) {
    if (i < toks.size() && !sentence_end(toks[i])) continue;
    size_t e = std::min(i + 1, toks.size());
    if (e > start) {
      bool neg = false, discuss = false;
      size_t negator = 0;
      for (size_t k = start; k < e; ++k) {
        if (!neg && kNegators.count(toks[k].folded)) {
          neg = true;
          negator = k;
        }
        discuss |= kDiscussWords.count(toks[k].folded) > 0;
      }
      bool joint = false;
      for (size_t k = start; k < e && k < start + 4; ++k)
        joint |= toks[k].kind == TokenKind::kWord && kJointWords.count(toks[k].folded) > 0;
      bool zh = false;
      if (toks[start].begin < text.size()) {
        std::string_view span = text.substr(toks[start].begin, toks[e - 1].end - toks[start].begin);
        for (std::string_view w : kZhNegDiscuss)
          if (span.find(w) != std::string_view::npos) zh = true;
      }
      if (!joint && toks[start].begin < text.size()) {
        std::string_view head = text.substr(toks[start].begin, 6);
        for (std::string_view w : kZhJointOpen) joint |= head == w;
      }
      out.push_back({start, e, (neg && discuss) || zh, zh ? 0 : negator, joint});
    }
    start = e;
  }
  return out;
}

bool negated_here(const std::vector<Token>& toks, const Sentence& s, size_t i) {
  if (s.negator == 0 && toks[s.tb].kind == TokenKind::kCjk) return true;  // Chinese: whole sentence
  if (i + 8 >= s.negator && i <= s.negator) return true;
  if (i > s.negator) {
    for (size_t k = s.negator; k < i; ++k)
      if (toks[k].folded == ",") return false;
    return i - s.negator <= 6;
  }
  return false;
}

struct Acc {
  double score = 0;
  size_t matches = 0;
  double max_weight = 0;
  std::vector<size_t> passages;
  bool negated = false;
};

// Scores one text unit (the title is unit 0; passages follow). Each sentence gives a topic the
// weight of its strongest term there (repeating a word in one sentence adds nothing), times the
// unit's multiplier; a sentence that names three or more topics is a list and counts half.
void score_unit(std::string_view text, size_t unit, double multiplier, const KnowledgeIndex& idx,
                std::vector<Acc>& acc) {
  std::vector<Token> toks = tokenize(text);
  auto sents = sentences_of(toks, text);
  std::vector<double> best(acc.size(), 0.0);
  std::vector<uint32_t> touched;
  size_t i = 0;
  for (const Sentence& s : sents) {
    touched.clear();
    for (i = s.tb; i < s.te; ++i) {
      size_t len = 0;
      idx.topic_terms.match_at(toks, i, [&](const Phrase& p) {
        if (len && p.tokens.size() < len) return false;  // the longest phrase shadows shorter ones
        len = p.tokens.size();
        const auto& target = idx.term_targets[p.payload];
        Acc& a = acc[target.topic];
        // Only terms near the negation are what was not discussed: up to 8 tokens before it
        // ("Asked about Taiwan, he said the issue was not ...") and after it up to a comma.
        if (s.negated_discussion && negated_here(toks, s, i)) {
          a.negated = true;
          return true;
        }
        ++a.matches;
        if (best[target.topic] == 0) touched.push_back(target.topic);
        best[target.topic] = std::max(best[target.topic], target.weight);
        return true;
      });
      if (len > 1) i += len - 1;
    }
    size_t specific = 0;
    for (uint32_t t : touched) specific += best[t] >= 3;
    const double list_factor = specific >= 3 ? 0.5 : 1.0;
    const double m = s.joint ? std::max(multiplier, kReportedMultiplier) : multiplier;
    for (uint32_t t : touched) {
      Acc& a = acc[t];
      a.score += best[t] * m * list_factor;
      a.max_weight = std::max(a.max_weight, best[t]);
      if (a.passages.empty() || a.passages.back() != unit) a.passages.push_back(unit);
      best[t] = 0;
    }
  }
}

}  // namespace

std::vector<TopicScore> score_topics(std::string_view title, const std::vector<Passage>& passages,
                                     const Knowledge& knowledge) {
  const KnowledgeIndex& idx = knowledge.index();
  std::vector<Acc> acc(knowledge.topics().size());
  if (acc.empty()) return {};
  score_unit(title, 0, kTitleMultiplier, idx, acc);
  for (size_t p = 0; p < passages.size(); ++p) {
    // The lead and sentences that report someone's words weigh more than narration.
    const bool lead = p == 0, attributed = !passages[p].speaker.empty();
    score_unit(passages[p].text, p + 1, lead || attributed ? kReportedMultiplier : 1.0, idx, acc);
  }
  std::vector<TopicScore> out;
  for (size_t t = 0; t < acc.size(); ++t) {
    if (acc[t].score <= 0 && !acc[t].negated) continue;
    out.push_back({knowledge.topics()[t].id, acc[t].score, acc[t].passages.size(), acc[t].matches,
                   acc[t].max_weight, acc[t].negated});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TopicScore& a, const TopicScore& b) { return a.score > b.score; });
  return out;
}

std::vector<std::string> detect_topics(std::string_view title, const std::vector<Passage>& passages,
                                       const Knowledge& knowledge) {
  std::vector<std::string> out;
  for (const TopicScore& s : score_topics(title, passages, knowledge)) {
    if (s.negated) continue;
    // Generic words (weight < 3) make a topic only when they recur in two places (title or
    // passages); words of weight 1 only support.
    const bool specific = s.max_weight >= 3;
    const bool recurring = s.passages >= 2 && s.max_weight >= 2;
    if (s.score >= kTopicMinScore && (specific || recurring)) out.push_back(s.id);
  }
  return out;
}

}  // namespace readouts
