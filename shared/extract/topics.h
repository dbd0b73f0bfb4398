// Topic detection: weighted terms from topics.json scored over the title and passages. A topic is
// assigned when the article discusses it (enough weighted evidence, spread over passages or in
// the title/lead), never for a single passing mention, and never when the text says it was not
// discussed ("did not discuss Taiwan", "Taiwan was not raised", "没有讨论台湾问题"). Pure;
// thread-safe given a const Knowledge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/core/article.h"
#include "shared/extract/knowledge.h"

namespace readouts {

struct TopicScore {
  std::string id;
  double score = 0;
  size_t passages = 0;  // distinct units (title, passages) with evidence
  size_t matches = 0;   // term occurrences
  double max_weight = 0;
  bool negated = false;
};

// Thresholds (tuned on tests/eval/extraction; see docs/extraction.md).
// A topic's score sums, per sentence, the weight of its strongest term there (terms weigh 1..3 in
// topics.json) times 2 in the title, 1.5 in the lead, in a passage with a speaker, or in a
// sentence that is an account of the talks (a joint subject or a discussion word: "raised",
// "discussed", "reviewed", "交换意见", ...), 1 otherwise; a sentence of plain narration that lists
// three or more topics counts half. In an account sentence a capitalized weight-2 term
// ("Taiwan", "Syria") weighs 3, as does a weight-2 term framed as the subject ("On X,", "the X
// issue", "X问题"). A topic is assigned at kTopicMinScore with a specific term, or with weight-2
// terms in two places; never a single specific term in narration.
inline constexpr double kTitleMultiplier = 2.0;
inline constexpr double kReportedMultiplier = 1.5;
inline constexpr double kTopicMinScore = 4.0;
// A topic negated somewhere ("X was not discussed") is still assigned at this score, with specific
// terms in two or more places outside the negation.
inline constexpr double kNegatedOverrideScore = 8.0;

// Scores every topic with evidence, highest first.
std::vector<TopicScore> score_topics(std::string_view title, const std::vector<Passage>& passages,
                                     const Knowledge& knowledge);
// Topic ids assigned to the article, in score order.
std::vector<std::string> detect_topics(std::string_view title, const std::vector<Passage>& passages,
                                       const Knowledge& knowledge);

}  // namespace readouts
