// Language detection by character statistics: "en", "zh-Hans" vs "zh-Hant" (counts of characters
// that differ between the scripts), "ja", "ko", "ru", "ar" and a few others by script and common
// words; "und" when unsure. Looks at the first 8 KB only. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace readouts {

std::string detect_language(std::string_view text);

// Normalizes a given language tag ("EN", "en-US", "zh-CN", "zh_TW", "zh-Hant-HK") to the forms
// readouts uses; "" if the tag is not usable.
std::string normalize_language_tag(std::string_view tag);

}  // namespace readouts
