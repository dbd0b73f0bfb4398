// Recognises the topics a query names: by id or label, through a synonym group, or by a term.
#pragma once

#include <string>
#include <vector>

#include "shared/extract/knowledge.h"

namespace readouts {

// The topics named by the query's words, in order. `words` are the query's plain words ("" for
// a word already read as something else: a person, a date). A topic is named by its id or label
// ("Taiwan"), by a word whose synonym group holds its id or label ("芬太尼"), by one of its
// distinctive terms in one, two or three words ("military communication", "两军沟通"), or, in
// Chinese, Japanese and Korean, by a word holding a distinctive term ("两军沟通渠道").
std::vector<std::string> topics_named(const std::vector<std::string>& words,
                                      const Knowledge& knowledge);

}  // namespace readouts
