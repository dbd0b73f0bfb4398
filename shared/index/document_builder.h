// Document builder: Article -> Xapian::Document, following shared/core/schema.h. No I/O.
//
// The TermGenerator is reused across calls (build is not thread-safe; use one builder per thread;
// the documents it returns belong to the caller and may be handed to another thread).
// Errors: Xapian exceptions are not expected here (no database access); none are thrown by design.
#pragma once

#include <xapian.h>

#include <string>

#include "shared/core/article.h"

namespace readouts {

class DocumentBuilder {
 public:
  DocumentBuilder();
  // Builds the document for an article. The document's data is the article's JSON (to_json)
  // without its passages, which value slot schema::kSlotPassages holds (passages_value).
  Xapian::Document build(const Article& article);

 private:
  void add_spoken_terms(Xapian::Document& doc, const Passage& passage);

  Xapian::TermGenerator generator_;
  Xapian::TermGenerator spoken_;  // one passage at a time, into a scratch document
};

// The exchange value (value slot 9, schema::exchange_value) of an article's document: what the
// grouping reads; "" when the article reports no exchange (its document then has no slot 9).
std::string exchange_value_of(const Article& article);

// Whether a language tag is Chinese, Japanese or Korean (indexed with CJK n-grams).
bool is_cjk_language(std::string_view language_tag);

}  // namespace readouts
