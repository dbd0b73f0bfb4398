// Reading an article back from its Xapian document: the JSON data, the passages' value and the
// event's value (docs/schema.md, "One document per article").
#pragma once

#include <xapian.h>

#include "shared/core/article.h"

namespace readouts {

// The stored article of `doc`. False when its data is not a JSON object (`a` then holds what
// could be read: a default article with the passages and the event).
bool read_stored_article(const Xapian::Document& doc, Article& a);

}  // namespace readouts
