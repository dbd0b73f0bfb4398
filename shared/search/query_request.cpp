// Reads whether a query asks who asked for an exchange. Pure.
#include "shared/search/query_request.h"

#include <xapian.h>

#include <algorithm>
#include <string>

namespace readouts {

namespace {

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// `needle` in `text` (both lower case): an ASCII needle as whole words, others anywhere.
bool holds(std::string_view text, std::string_view needle) {
  if (needle.empty()) return false;
  const bool ascii = is_ascii(needle);
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    if (!ascii) return true;
    const size_t end = at + needle.size();
    if ((at == 0 || !is_word_byte(text[at - 1])) &&
        (end >= text.size() || !is_word_byte(text[end])))
      return true;
  }
  return false;
}

bool holds_any(std::string_view text, const std::vector<std::string>& needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](const std::string& n) { return holds(text, n); });
}

}  // namespace

bool asks_who_requested(std::string_view query, const AccountRules::RequestQuestions& rq) {
  const std::string lower = Xapian::Unicode::tolower(std::string(query));
  return holds_any(lower, rq.phrases) ||
         (holds_any(lower, rq.question_words) && holds_any(lower, rq.verbs));
}

bool only_asks_who_requested(std::string_view lower_word,
                             const AccountRules::RequestQuestions& rq) {
  std::string rest(lower_word);
  if (rest.empty()) return false;
  if (is_ascii(rest)) {
    auto equal = [&](const std::string& w) { return w == rest; };
    return std::any_of(rq.question_words.begin(), rq.question_words.end(), equal) ||
           std::any_of(rq.verbs.begin(), rq.verbs.end(), equal);
  }
  // A run of CJK or Korean: what is left once its question words and verbs are taken out.
  for (const auto* list : {&rq.phrases, &rq.question_words, &rq.verbs})
    for (const std::string& w : *list)
      if (!w.empty() && !is_ascii(w))
        for (size_t at = rest.find(w); at != std::string::npos; at = rest.find(w))
          rest.erase(at, w.size());
  return rest.empty();
}

}  // namespace readouts
