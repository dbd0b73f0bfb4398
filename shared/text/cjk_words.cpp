// Chinese and Japanese text cut into words by ICU's dictionary word breaker.
#include "shared/text/cjk_words.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace readouts {

std::vector<std::string> cjk_words(std::string_view text) {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    return U_FAILURE(status) ? nullptr : std::move(b);
  }();
  if (!breaker) return {std::string(text)};
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  breaker->setText(u);
  std::vector<std::string> out;
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    if (breaker->getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation
    std::string word;
    u.tempSubStringBetween(start, end).toUTF8String(word);
    out.push_back(std::move(word));
  }
  return out;
}

}  // namespace readouts
