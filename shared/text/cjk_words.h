// Chinese and Japanese text cut into words by ICU's dictionary word breaker ("主动提出的" ->
// 主动, 提出, 的). For queries, whose unspaced runs would otherwise be searched whole.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace readouts {

// The words of a run of text (valid UTF-8), in order, without spaces and punctuation. Thread-safe
// (one break iterator per thread). Returns the run whole if ICU cannot segment it.
std::vector<std::string> cjk_words(std::string_view text);

}  // namespace readouts
