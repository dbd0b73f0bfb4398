// fold_name(): the lookup form of a name, alias or credit (ASCII lower case, no dots, one space).
#pragma once

#include <string>
#include <string_view>

namespace readouts {

// Folds a name or alias for lookup: ASCII lower case, collapsed spaces, no dots ("U.S." -> "us").
std::string fold_name(std::string_view s);

}  // namespace readouts
