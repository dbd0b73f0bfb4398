// A government's statement reproduced as it was issued ("The following is attributable to
// Spokesperson Ned Price:") names its issuer: the office of that spokesperson. Pure and
// thread-safe given a const Knowledge.
#pragma once

#include <string>
#include <vector>

#include "shared/extract/knowledge.h"

namespace readouts {

// The outlet (kind "official") whose statement the opening paragraphs reproduce, or nullptr:
// "The following is attributable to Spokesperson NAME:", "The below is attributed to
// Spokesperson NAME:", "As stated by Spokesperson NAME:" within the first paragraphs, NAME a
// person of people.json whose role names the office ("Spokesperson of the U.S. Department of
// State": the outlet whose name or alias the role holds, the longest).
const Outlet* statement_issuer(const std::vector<std::string>& paragraphs,
                               const Knowledge& knowledge);

}  // namespace readouts
