// Language detection: "zh-Hans" vs "zh-Hant" (counts of characters that differ between the
// scripts), "ja" and "ko" by script; every other language (about 80) by CLD2, falling back to
// script and function-word statistics when CLD2 is unsure; "und" when nothing is sure. Looks at
// the first 8 KB only. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace readouts {

std::string detect_language(std::string_view text);

// Normalizes a given language tag ("EN", "en-US", "zh-CN", "zh_TW", "zh-Hant-HK") to the forms
// readouts uses; "" if the tag is not usable.
std::string normalize_language_tag(std::string_view tag);

}  // namespace readouts
