// Builds Xapian documents from Articles: the indexing half of the schema (see docs/schema.md).
#include "shared/index/document_builder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <string_view>
#include <vector>

#include "shared/core/schema.h"
#include "shared/text/chinese_script.h"

namespace readouts {

namespace {

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += schema::kListSeparator;
    out += item;
  }
  return out;
}

// The first code point of s (UTF-8), or 0.
unsigned first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  const auto b = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  const unsigned c = b(0);
  if (c < 0x80) return c;
  if ((c & 0xE0) == 0xC0) return ((c & 0x1F) << 6) | (b(1) & 0x3F);
  if ((c & 0xF0) == 0xE0) return ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

// Ranges the CJK n-gram tokeniser splits (CJK radicals to CJK unified ideographs, Hangul
// syllables, compatibility ideographs, extension B and later).
bool is_cjk_code_point(unsigned c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// STEM_SOME also gives every CJK n-gram a "stemmed" copy (Z + the same n-gram, the English
// stemmer leaves it as it is). Queries search n-grams unstemmed (the QueryParser does not stem
// them), so the copies are never read: they are removed (~10% of the postings of a corpus with
// some Chinese). Non-CJK words keep their Z forms.
void remove_cjk_stems(Xapian::Document& doc) {
  std::vector<std::string> drop;
  auto t = doc.termlist_begin();
  t.skip_to("Z\xE2");  // the first byte of U+2000 and beyond
  for (; t != doc.termlist_end(); ++t) {
    const std::string& term = *t;
    if (term.empty() || term[0] != 'Z') break;
    if (is_cjk_code_point(first_code_point(std::string_view(term).substr(1)))) drop.push_back(term);
  }
  for (const auto& term : drop) doc.remove_term(term);
}

// Lead = the first two passages; they weigh more, like the title.
constexpr size_t kLeadPassages = 2;
constexpr Xapian::termcount kTitleWeight = 3;
constexpr Xapian::termcount kLeadWeight = 2;

}  // namespace

std::string exchange_value_of(const Article& a) {
  std::vector<std::string> place;
  if (!a.exchange.place.empty()) {
    place = {a.exchange.place, a.exchange.place_country};
    if (a.exchange.place_stands_for_government) place.push_back("g");
  }
  return schema::exchange_value(a.date.known() ? a.date.sortable() : "", a.exchange.kind,
                                a.exchange.china, a.exchange.us, a.exchange.named,
                                a.exchange.month_day, a.exchange.weekday, place);
}

bool is_cjk_language(std::string_view tag) {
  return tag.starts_with("zh") || tag.starts_with("ja") || tag.starts_with("ko");
}

DocumentBuilder::DocumentBuilder() {
  generator_.set_stemmer(Xapian::Stem("english"));
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  // CJK n-grams always: Chinese names and quotes appear in English articles too.
  generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  spoken_.set_stemmer(Xapian::Stem("english"));
  spoken_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  spoken_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

// The words a speaker says (schema::spoken_term): the passage is tokenised on its own, then
// each term is kept under the speaker's prefix only when a query can ask for it.
void DocumentBuilder::add_spoken_terms(Xapian::Document& doc, const Passage& p) {
  Xapian::Document words;
  spoken_.set_document(words);
  spoken_.index_text_without_positions(to_simplified(p.text));
  const std::string prefix = schema::spoken_prefix(p.speaker);
  for (auto t = words.termlist_begin(); t != words.termlist_end(); ++t) {
    std::string term = schema::spoken_term(prefix, *t);
    if (!term.empty()) doc.add_term(term, t.get_wdf());
  }
}

Xapian::Document DocumentBuilder::build(const Article& a) {
  Xapian::Document doc;
  generator_.set_document(doc);

  // Title: prefixed field and, weighted, in the unprefixed text.
  // Chinese is indexed in its simplified form (臺灣 as 台湾): queries fold the same way, so
  // either script finds both (shared/text/chinese_script.h).
  const std::string title = to_simplified(a.title);
  generator_.index_text(title, 1, std::string(schema::kTitlePrefix));
  generator_.index_text(title, kTitleWeight);
  generator_.increase_termpos(100);

  for (size_t i = 0; i < a.passages.size(); ++i) {
    const Passage& p = a.passages[i];
    generator_.index_text(to_simplified(p.text), i < kLeadPassages ? kLeadWeight : 1);
    generator_.increase_termpos(10);  // no phrase matches across passages
    if (!p.speaker.empty()) add_spoken_terms(doc, p);
  }
  remove_cjk_stems(doc);

  doc.add_boolean_term(schema::id_term(a.id));
  // Speaker and topic terms carry a wdf (not boolean) so that queries can boost by them: a
  // speaker's wdf is the number of passages they speak (at most 5), a topic's is 1.
  for (const auto& s : a.speakers) {
    Xapian::termcount spoken = 0;
    for (const auto& p : a.passages) spoken += p.speaker == s ? 1 : 0;
    doc.add_term(schema::speaker_term(s), std::clamp<Xapian::termcount>(spoken, 1, 5));
  }
  for (const auto& m : a.mentions) doc.add_boolean_term(schema::mention_term(m));
  for (const auto& t : a.topics) doc.add_term(schema::topic_term(t), 1);
  if (!a.source.empty()) doc.add_boolean_term(schema::source_term(a.source));
  if (!a.language.empty()) doc.add_boolean_term(schema::language_term(a.language));
  if (!a.format.empty()) doc.add_boolean_term(std::string(schema::kFormatPrefix) + a.format);

  if (a.date.known()) {
    doc.add_boolean_term(schema::year_term(a.date.year));
    if (a.date.precision >= DatePrecision::kMonth)
      doc.add_boolean_term(schema::month_term(a.date.year, a.date.month));
    if (a.date.precision >= DatePrecision::kDay)
      doc.add_boolean_term(schema::day_term(a.date.year, a.date.month, a.date.day));
    doc.add_value(schema::kSlotDate, a.date.sortable());
  } else {
    doc.add_boolean_term(std::string(schema::kNoDateTerm));
  }

  const std::string speakers = join_list(a.speakers), topics = join_list(a.topics);
  doc.add_value(schema::kSlotSpeakers, speakers);
  doc.add_value(schema::kSlotTopics, topics);
  doc.add_value(schema::kSlotSource, a.source);
  doc.add_value(schema::kSlotLanguage, a.language);
  doc.add_value(schema::kSlotFacets, schema::facet_value(a.date.known() ? a.date.sortable() : "",
                                                         speakers, topics, a.source, a.language));
  doc.add_value(schema::kSlotContentHash, a.content_hash);
  doc.add_value(schema::kSlotTitle, a.title);
  if (!a.exchange.empty()) {
    for (const auto& name : a.exchange.china) doc.add_boolean_term(schema::exchange_term(name));
    for (const auto& name : a.exchange.us) doc.add_boolean_term(schema::exchange_term(name));
  }
  const std::string exchange = exchange_value_of(a);
  if (!exchange.empty()) doc.add_value(schema::kSlotExchange, exchange);

  // The passages go in their own value (read without the data, which Xapian compresses); the
  // data holds the rest (docs/schema.md).
  if (!a.passages.empty()) doc.add_value(schema::kSlotPassages, passages_value(a.passages));
  nlohmann::json j = a;
  j.erase("passages");
  if (a.indexed.empty()) {
    // The day it is stored, kept while its file is unchanged (unchanged files are not rebuilt).
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
    j["indexed"] = day;
  }
  doc.set_data(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return doc;
}

}  // namespace readouts
