// Reads which exchange an article gives an account of (kind, each side's participants) and
// whose account it is (side), from its extracted fields and data/accounts.json. Pure.
#pragma once

#include <string>
#include <string_view>

#include "shared/core/article.h"
#include "shared/extract/knowledge.h"

namespace readouts {

// The kind and participants of the exchange the article reports. Participants are the people of
// each country who speak in it (people who only comment, such as spokespersons, excluded), the
// highest-ranked first; a side with no speaker takes its person the headline names, else its
// highest-ranked person mentioned. The kind comes from the title, else the first paragraphs.
// Empty when a side has nobody.
Exchange read_exchange(const Article& article, const Knowledge& knowledge);

// Whose account the source's article is: "china_government", "us_government" (the government
// itself, or an outlet of accounts.json's government_carriers), "china_press", "us_press",
// "other_press"; "" when the source is no known outlet.
std::string account_side(std::string_view source, const Knowledge& knowledge);

// The kind of exchange a lower-case text says took place (the first of accounts.json's kinds
// whose words occur in it), or "".
std::string exchange_kind(std::string_view lower_text, const Knowledge& knowledge);

// A government's own account: "china_government" or "us_government".
bool is_government_side(std::string_view side);

// A person's rank as a participant (0 = head of state; larger = lower), or -1 when the person
// never counts as one (a spokesperson).
int participant_rank(const Person& person, const AccountRules& rules);

}  // namespace readouts
