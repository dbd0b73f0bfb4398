// Reads where an exchange took place from an account's title and first paragraphs. Pure.
#pragma once

#include <string>

#include "shared/core/article.h"
#include "shared/extract/knowledge.h"

namespace readouts {

// The data/places.json id of the place the article's exchange happened at, or "": the place of
// the named event it names (Exchange::named), else the place named first in the title, else in
// `lower_lead` (the lead paragraphs past a page's chrome, in Unicode lower case). A place that also
// stands for its government
// ("Beijing said", places.json "stands_for_government") counts only when no other place is named.
// Calls have no place ("" for the kinds call and video-call).
std::string exchange_place(const Article& article, const Exchange& exchange,
                           const std::string& lower_lead, const Knowledge& knowledge);

// The places.json group of a place id (its country, whether it stands for its government), or
// null.
const SynonymGroup* place_group(const std::string& place_id, const Knowledge& knowledge);

// The place's name to show (its first English name in places.json), or the id when it has none.
std::string place_label(const std::string& place_id, const Knowledge& knowledge);

}  // namespace readouts
