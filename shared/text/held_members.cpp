// Members of a synonym group that hold another member (held_members.h).
#include "shared/text/held_members.h"

#include "shared/text/chinese_script.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

bool ascii_only(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// A synonym member as the words it matches, for telling which members another member holds:
// Latin words lower case between single spaces (the query parser splits "military-to-military"
// into a phrase of three words); a run of Han, kana or hangul without spaces simplified, between
// no spaces (its n-grams: a run holding another holds its n-grams); "" for anything else (words of
// other scripts are whole tokens: "تعاون" is no part of "التعاون" in the index).
std::string member_words(const std::string& m) {
  if (!ascii_only(m)) {
    for (size_t i = 0; i < m.size();) {
      uint32_t cp = 0;
      i += utf8_decode(m, i, cp);
      if (!is_cjk_char(cp)) return "";
    }
    return to_simplified(m);
  }
  std::string out = " ";
  for (char c : m) {
    const bool word_byte =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (word_byte)
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    else if (out.back() != ' ')
      out += ' ';
  }
  if (out.back() != ' ') out += ' ';
  return out.size() > 2 ? out : "";
}

}  // namespace

std::vector<std::string> members_adding(const std::vector<std::string>& terms) {
  std::vector<std::string> words;
  for (const std::string& m : terms) words.push_back(member_words(m));
  std::vector<std::string> out;
  for (size_t i = 0; i < terms.size(); ++i) {
    bool held = false;
    for (size_t j = 0; j < terms.size() && !held && !words[i].empty(); ++j) {
      if (i == j || words[j].empty() || ascii_only(terms[i]) != ascii_only(terms[j])) continue;
      held = words[j] == words[i] ? j < i
                                  : words[j].size() < words[i].size() &&
                                        words[i].find(words[j]) != std::string::npos;
    }
    if (!held) out.push_back(terms[i]);
  }
  return out;
}

}  // namespace readouts
