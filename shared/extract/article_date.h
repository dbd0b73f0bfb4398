// The article's own date, chosen from every piece of evidence a page gives: an explicit field,
// metadata and publication lines, the url's path, the dateline, the opening paragraphs. Captions,
// "updated" stamps and render times are not the article's date. Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/article.h"
#include "shared/extract/dates.h"
#include "shared/extract/text_cleanup.h"

namespace readouts {

struct DateEvidence {
  std::string_view field;                        // an explicit date field ("" if none)
  std::string_view field_evidence;               // "front matter", "json field", "html meta", ...
  const std::vector<DateLine>* lines = nullptr;  // metadata and date-only lines near the top
  std::string_view url;                          // the article's web address ("" if none)
  const Dateline* dateline = nullptr;            // the first paragraph's dateline, if any
  std::string_view headline;
  const std::vector<std::string>* paragraphs = nullptr;
  NumericOrder numeric_order = NumericOrder::kUnknown;  // for "06/05/2025"
};

struct DateChoice {
  ArticleDate date;                   // unknown when nothing gives a date
  std::vector<std::string> warnings;  // e.g. an unreadable date field
};

// Precedence: the field; a metadata or publication line; a date-only line near the top that the
// url's date does not contradict; the url's date; the dateline (its year from the evidence
// above, else the text); the first full date of the opening paragraphs that is not a caption's.
// `date.evidence` names what was used, and what disagreed ("url; date line 2026-01-14 differs").
DateChoice choose_article_date(const DateEvidence& evidence);

// The date written in a url's path: /2013/06/09/, /2019-06/19/, /2025/0605/, /20250605/,
// t20250605_..., -2025-06-05; /2025/06/ gives a month. nullopt if none.
std::optional<ArticleDate> date_from_url(std::string_view url);

}  // namespace readouts
