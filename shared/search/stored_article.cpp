// Reads an article back from its Xapian document (stored_article.h).
#include "shared/search/stored_article.h"

#include "shared/core/schema.h"

namespace readouts {

bool read_stored_article(const Xapian::Document& doc, Article& a) {
  const bool object = article_from_stored(doc.get_data(), a);
  a.passages.clear();
  passages_from_value(doc.get_value(schema::kSlotPassages), a.passages);
  a.event = doc.get_value(schema::kSlotEvent);
  return object;
}

}  // namespace readouts
