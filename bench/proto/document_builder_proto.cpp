// PROTOTYPE (bench only): a copy of shared/index/document_builder.cpp; READOUTS_PROTO_NO_SPOKEN=1
// skips the per-speaker XW terms. Linked into bench_index_proto in place of the original.
#include <cstdlib>
// Builds Xapian documents from Articles: the indexing half of the schema (see docs/schema.md).
#include "shared/index/document_builder.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "shared/core/schema.h"

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

// Lead = the first two passages; they weigh more, like the title.
constexpr size_t kLeadPassages = 2;
constexpr Xapian::termcount kTitleWeight = 3;
constexpr Xapian::termcount kLeadWeight = 2;

}  // namespace

bool is_cjk_language(std::string_view tag) {
  return tag.starts_with("zh") || tag.starts_with("ja") || tag.starts_with("ko");
}

DocumentBuilder::DocumentBuilder() {
  generator_.set_stemmer(Xapian::Stem("english"));
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  // CJK n-grams always: Chinese names and quotes appear in English articles too.
  generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

Xapian::Document DocumentBuilder::build(const Article& a) {
  Xapian::Document doc;
  generator_.set_document(doc);

  // Title: prefixed field and, weighted, in the unprefixed text.
  generator_.index_text(a.title, 1, std::string(schema::kTitlePrefix));
  generator_.index_text(a.title, kTitleWeight);
  generator_.increase_termpos(100);

  for (size_t i = 0; i < a.passages.size(); ++i) {
    const Passage& p = a.passages[i];
    generator_.index_text(p.text, i < kLeadPassages ? kLeadWeight : 1);
    generator_.increase_termpos(10);  // no phrase matches across passages
    static const bool no_spoken = std::getenv("READOUTS_PROTO_NO_SPOKEN") != nullptr;
    if (!p.speaker.empty() && !no_spoken) {
      generator_.index_text_without_positions(p.text, 1, schema::spoken_prefix(p.speaker));
    }
  }

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

  doc.add_value(schema::kSlotSpeakers, join_list(a.speakers));
  doc.add_value(schema::kSlotTopics, join_list(a.topics));
  doc.add_value(schema::kSlotSource, a.source);
  doc.add_value(schema::kSlotLanguage, a.language);
  doc.add_value(schema::kSlotContentHash, a.content_hash);
  doc.add_value(schema::kSlotTitle, a.title);

  nlohmann::json j = a;
  doc.set_data(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return doc;
}

}  // namespace readouts
