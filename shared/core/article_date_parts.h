// The stored article's date fields (ISO text, precision name, evidence) as an ArticleDate: one
// reading for both JSON readers (article.cpp with nlohmann, article_stored.cpp with simdjson).
#pragma once

#include <string>
#include <string_view>

#include "shared/core/article.h"

namespace readouts {

DatePrecision precision_from_name(std::string_view name);
ArticleDate stored_date(const std::string& iso, std::string_view precision, std::string evidence);

}  // namespace readouts
