// Reads where an exchange took place from an account's title and first paragraphs. Pure.
#include "shared/events/exchange_place.h"

#include <xapian.h>

#include <algorithm>
#include <limits>

namespace readouts {

namespace {

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// Where `needle` first occurs in `text` (both lower case; an ASCII needle only as a whole word),
// or npos.
size_t first_occurrence(std::string_view text, std::string_view needle) {
  const bool ascii = std::all_of(needle.begin(), needle.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    if (!ascii) return at;
    const size_t end = at + needle.size();
    if ((at == 0 || !is_word_byte(text[at - 1])) &&
        (end >= text.size() || !is_word_byte(text[end])))
      return at;
  }
  return std::string_view::npos;
}

// The place named first in a lower-case text; a place standing for its government only when
// no other place is named.
std::string first_place(std::string_view lower_text, const Knowledge& knowledge) {
  std::string best, fallback;
  size_t best_at = std::numeric_limits<size_t>::max();
  size_t fallback_at = best_at;
  for (const SynonymGroup& g : knowledge.synonyms()) {
    if (!g.id.starts_with("place:")) continue;
    for (const std::string& term : g.terms) {
      if (term.size() < 3) continue;
      const size_t at = first_occurrence(lower_text, term);
      if (at == std::string_view::npos) continue;
      size_t& where = g.stands_for_government ? fallback_at : best_at;
      std::string& id = g.stands_for_government ? fallback : best;
      if (at < where) where = at, id = g.id.substr(6);
    }
  }
  return best.empty() ? fallback : best;
}

}  // namespace

std::string exchange_place(const Article& article, const Exchange& exchange,
                           const std::string& lower_lead, const Knowledge& knowledge) {
  if (exchange.kind == "call" || exchange.kind == "video-call") return "";
  for (const std::string& event : exchange.named)
    for (const SynonymGroup& g : knowledge.synonyms())
      if (g.id.starts_with("place:"))
        for (const EventSpan& span : g.spans)
          if (span.event == event) return g.id.substr(6);
  const std::string title = Xapian::Unicode::tolower(article.title);
  if (std::string place = first_place(title, knowledge); !place.empty()) return place;
  return first_place(lower_lead, knowledge);
}

const SynonymGroup* place_group(const std::string& place_id, const Knowledge& knowledge) {
  if (place_id.empty()) return nullptr;
  for (const SynonymGroup& g : knowledge.synonyms())
    if (g.id == "place:" + place_id) return &g;
  return nullptr;
}

std::string place_label(const std::string& place_id, const Knowledge& knowledge) {
  for (const SynonymGroup& g : knowledge.synonyms())
    if (g.id == "place:" + place_id) return g.label.empty() ? place_id : g.label;
  return place_id;
}

}  // namespace readouts
