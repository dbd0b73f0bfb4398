// How a query's unspaced Chinese and Japanese runs are cut into words: the synonym terms they
// hold set apart, standalone function words and question words cut out, the rest kept whole.
#pragma once

#include <string>

#include "shared/extract/knowledge.h"

namespace readouts {

// The synonym terms of two CJK characters or more inside an unspaced run, set apart by spaces
// (at each position the longest term starting there); the Chinese between them cut where a
// function word stands alone ("的", "是": ICU's dictionary says where, shared/text/cjk_words.h).
std::string cut_out_terms(const std::string& run, const Knowledge& knowledge);

// Question words inside unspaced Chinese ("谈了什么", "是谁提出的") replaced by spaces, longest
// first.
void cut_out_question_words(std::string& run);

}  // namespace readouts
