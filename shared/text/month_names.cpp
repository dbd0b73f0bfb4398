// Month names from ICU's locale data (DateFormatSymbols), built once into one lookup table.
#include "shared/text/month_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <unordered_map>

namespace readouts {

namespace {

// The languages whose month names are read: those of the real-world set and their neighbours.
// Left out on purpose: languages whose month names mean another month in a language listed
// (Croatian "listopad" is October, Czech and Polish November). "ar_SY": the Levantine month
// names (Arabic news agencies write "19 أيلول/سبتمبر"; names of two words, such as October's
// "تشرين الأول", are not words and are left out by name_key).
constexpr const char* kLocales[] = {"en", "es", "fr",    "de", "pt", "it", "nl", "hu", "fil", "ru",
                                    "uk", "pl", "tr",    "id", "ms", "sv", "da", "nb", "ro",  "cs",
                                    "el", "ar", "ar_SY", "he", "fa", "sw", "ca", "th"};

std::string lower_utf8(const icu::UnicodeString& s) {
  icu::UnicodeString l(s);
  l.toLower(icu::Locale::getRoot());
  std::string out;
  l.toUTF8String(out);
  return out;
}

// Letters of a name without a final dot ("janv." -> "janv"); "" when it holds anything else
// (digits: "1月"), so that only words are looked up.
std::string name_key(const icu::UnicodeString& name) {
  icu::UnicodeString n(name);
  n.trim();
  while (n.length() > 0 && n.charAt(n.length() - 1) == u'.') n.truncate(n.length() - 1);
  if (n.length() < 3) return "";
  for (int32_t i = 0; i < n.length(); ++i)
    if (u_isdigit(n.char32At(i)) || u_isspace(n.char32At(i))) return "";
  return lower_utf8(n);
}

// Arabic alef with hamza or madda written as a bare alef ("آيار", "أيار" and "ايار" are one
// month): the press writes all three.
std::string bare_alef(std::string key) {
  for (const char* alef : {"\xD8\xA3", "\xD8\xA5", "\xD8\xA2"})  // أ إ آ
    for (size_t at = key.find(alef); at != std::string::npos; at = key.find(alef, at + 2))
      key.replace(at, 2, "\xD8\xA7");  // ا
  return key;
}

using Table = std::unordered_map<std::string, int>;

Table build_table() {
  Table table;
  constexpr int kConflict = -1;
  auto add = [&](const std::string& name, int month) {
    if (name.empty()) return;
    const std::string key = bare_alef(name);
    auto [it, fresh] = table.emplace(key, month);
    if (!fresh && it->second != month) it->second = kConflict;
  };
  for (const char* tag : kLocales) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale(tag), status);
    if (U_FAILURE(status)) continue;
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* names = symbols.getMonths(count, context, width);
        for (int32_t m = 0; m < count && m < 12; ++m) add(name_key(names[m]), m + 1);
      }
    }
  }
  // Forms ICU does not list: English "Sept", Russian prepositional forms after "в" ("в июне").
  for (auto [word, month] : std::initializer_list<std::pair<const char*, int>>{{"sept", 9},
                                                                               {"январе", 1},
                                                                               {"феврале", 2},
                                                                               {"марте", 3},
                                                                               {"апреле", 4},
                                                                               {"мае", 5},
                                                                               {"июне", 6},
                                                                               {"июле", 7},
                                                                               {"августе", 8},
                                                                               {"сентябре", 9},
                                                                               {"октябре", 10},
                                                                               {"ноябре", 11},
                                                                               {"декабре", 12}})
    add(word, month);
  for (auto it = table.begin(); it != table.end();) {
    if (it->second == kConflict)
      it = table.erase(it);
    else
      ++it;
  }
  return table;
}

}  // namespace

int month_from_name(std::string_view word) {
  static const Table table = build_table();
  if (word.size() < 3 || word.size() > 40) return 0;
  bool ascii = true;
  for (char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
  std::string key;
  if (ascii) {
    key.assign(word);
    for (char& c : key)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  } else {
    key = lower_utf8(icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))));
  }
  auto it = table.find(ascii ? key : bare_alef(key));
  return it == table.end() ? 0 : it->second;
}

}  // namespace readouts
