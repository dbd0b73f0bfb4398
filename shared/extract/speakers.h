// Speaker attribution: who speaks in each sentence of an article, passages per speaker, and the
// people only mentioned. Rules (docs/extraction.md, "Speakers"): a person is a speaker when an
// attribution verb has them as subject ("Xi said", "Lin Jian told reporters", "习近平指出"), when
// the verb comes first after a quotation ("..., said Trump"), after "according to", or for
// "X's remarks"; "he/she/他/她" carries the last speaker forward; joint subjects ("the two sides
// agreed") name nobody on purpose. Pure; thread-safe given a const Knowledge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/core/article.h"
#include "shared/extract/knowledge.h"

namespace readouts {

struct Attribution {
  std::vector<std::string> speakers;  // canonical names (or names as written), by first speech
  std::vector<std::string> mentions;  // known people named but never speaking
  std::vector<Passage> passages;      // paragraphs, split where the speaker changes
};

// iso_date ("YYYY-MM-DD", shorter, or "") resolves titles such as "the U.S. president". language
// (the article's tag, "" = unknown) chooses the attribution words of data/attribution.json: none
// for English and Chinese (built-in rules), else every language's verbs, and the pronouns and
// unknown-name rule of the article's own language.
Attribution attribute_speakers(const std::vector<std::string>& paragraphs,
                               const Knowledge& knowledge, std::string_view iso_date,
                               std::string_view language = "");

}  // namespace readouts
