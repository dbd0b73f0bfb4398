// Which members of a group of synonyms add to what the others match: a member holding another
// member's words matches nothing more. Pure.
#pragma once

#include <string>
#include <vector>

namespace readouts {

// The members of a synonym group that add to what the others match, in their order: a member
// holding another one ("military-to-military talks" holds "military-to-military", "Taiwan
// Strait" holds "Taiwan"; "两军沟通渠道" holds "两军沟通") matches no article the shorter one does
// not, and its phrase is the costliest part of a search (positions read for every article holding
// its words). Latin members hold others word by word, runs of Han, kana or hangul as substrings;
// words of other scripts are whole tokens ("التعاون" does not hold "تعاون"). Of two alike, the
// first stays.
std::vector<std::string> members_adding(const std::vector<std::string>& terms);

}  // namespace readouts
