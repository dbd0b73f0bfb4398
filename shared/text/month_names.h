// Month names in many languages ("June", "junio", "juin", "Juni", "június", "Hunyo", "июня",
// "يونيو", ...), read from ICU's locale data: word -> month number. Pure; thread-safe.
#pragma once

#include <string_view>

namespace readouts {

// The month (1..12) a word names in one of the supported languages, full or abbreviated
// ("Sept", "janv.", "Dez"), in any letter case; 0 when it names none or names different months
// in different languages. The word is the letters only (no digits, spaces or final dot).
int month_from_name(std::string_view word);

}  // namespace readouts
