// Knowledge: parsing data/attribution.json (attribution words per language) and indexing them.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "shared/extract/knowledge.h"
#include "shared/extract/knowledge_index.h"
#include "shared/knowledge/data_json.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

using nlohmann::json;

constexpr size_t kMaxAttributionBytes = 4u << 20;

// Reads the list of strings under `key` (absent: empty); false when it is not a list of strings.
bool read_words(const json& o, const char* key, std::vector<std::string>& out) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_array()) return false;
  for (const json& w : *it) {
    if (!w.is_string()) return false;
    std::string s(trim(w.get<std::string>()));
    if (!s.empty()) out.push_back(std::move(s));
  }
  return true;
}

// The word with its first letter in upper case, for Cyrillic and Latin-1 letters (the tokenizer
// folds only ASCII): "по словам" -> "По словам", "según" stays (ASCII first letters fold anyway).
std::string capitalized(const std::string& w) {
  if (w.size() < 2) return w;
  const auto b0 = static_cast<unsigned char>(w[0]), b1 = static_cast<unsigned char>(w[1]);
  uint32_t cp = 0;
  if (b0 >= 0xC0 && b0 < 0xE0) cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
  uint32_t up = cp;
  if (cp >= 0x430 && cp <= 0x44F) up = cp - 0x20;              // а-я
  if (cp >= 0x450 && cp <= 0x45F) up = cp - 0x50;              // ѐ-џ (ё, і, ї, є)
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) up = cp - 0x20;  // à-þ
  if (up == cp) return w;
  std::string out;
  out += static_cast<char>(0xC0 | (up >> 6));
  out += static_cast<char>(0x80 | (up & 0x3F));
  out += w.substr(2);
  return out;
}

// The compound verbs with an adverb after their auxiliary: "a déclaré" -> "a toutefois déclaré";
// and with a quotation mark opening after it ("a «exprimé").
std::vector<std::string> with_adverbs(const AttributionLanguage& lang) {
  std::vector<std::string> out;
  for (const std::string& verb : lang.verbs) {
    const size_t space = verb.find(' ');
    if (space == std::string::npos) continue;
    const std::string aux = verb.substr(0, space);
    if (std::find(lang.auxiliaries.begin(), lang.auxiliaries.end(), aux) == lang.auxiliaries.end())
      continue;
    for (const std::string& adverb : lang.adverbs_after_auxiliary)
      out.push_back(aux + " " + adverb + verb.substr(space));
    // A quotation opening inside the verb: "Wang Yi a «exprimé l'espoir que ...»".
    for (const char* quote : {"\xC2\xAB", "\xE2\x80\x9C", "\""})
      out.push_back(aux + " " + quote + verb.substr(space));
  }
  return out;
}

}  // namespace

Status Knowledge::add_attribution_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin, kMaxAttributionBytes);
  if (!doc.ok()) return doc.error();
  auto listed = data_list(doc.value(), "languages", origin);
  if (!listed.ok()) return listed.error();
  const json* list = &listed.value();
  std::vector<AttributionLanguage> parsed;
  size_t n = 0;
  for (const json& o : *list) {
    ++n;
    std::string where = "language #" + std::to_string(n);
    if (!o.is_object()) return data_error(origin, where + ": must be an object");
    AttributionLanguage lang;
    auto tag = o.find("language");
    if (tag == o.end() || !tag->is_string() || trim(tag->get<std::string>()).empty())
      return data_error(origin, where + ": missing \"language\"");
    lang.language = ascii_lower(trim(tag->get<std::string>()));
    where += " (" + lang.language + ")";
    if (auto vf = o.find("verb_final"); vf != o.end()) {
      if (!vf->is_boolean())
        return data_error(origin, where + ": \"verb_final\" must be true or false");
      lang.verb_final = vf->get<bool>();
    }
    if (auto sf = o.find("subject_first"); sf != o.end()) {
      if (!sf->is_boolean())
        return data_error(origin, where + ": \"subject_first\" must be true or false");
      lang.subject_first = sf->get<bool>();
    }
    if (auto un = o.find("unknown_names"); un != o.end()) {
      if (!un->is_boolean())
        return data_error(origin, where + ": \"unknown_names\" must be true or false");
      lang.unknown_names = un->get<bool>();
    }
    const std::pair<const char*, std::vector<std::string>*> fields[] = {
        {"verbs", &lang.verbs},
        {"verbs_inverted", &lang.verbs_inverted},
        {"auxiliaries", &lang.auxiliaries},
        {"adverbs_after_auxiliary", &lang.adverbs_after_auxiliary},
        {"verbs_pronoun", &lang.verbs_pronoun},
        {"according_to", &lang.according_to},
        {"according_to_after", &lang.according_to_after},
        {"pronouns", &lang.pronouns},
        {"joint_subjects", &lang.joint_subjects},
        {"subject_markers", &lang.subject_markers},
        {"name_endings", &lang.name_endings},
        {"latin_name_endings", &lang.latin_name_endings},
        {"not_names", &lang.not_names},
        {"complementizers", &lang.complementizers},
        {"surname_titles", &lang.surname_titles},
        {"coordinators", &lang.coordinators},
        {"prepositions", &lang.prepositions},
        {"institution_words", &lang.institution_words},
        {"articles", &lang.articles}};
    for (const auto& [key, into] : fields)
      if (!read_words(o, key, *into))
        return data_error(origin, where + ": \"" + key + "\" must be a list of strings");
    if (auto sc = o.find("name_stem_changes"); sc != o.end() && !sc->is_null()) {
      const std::string bad = where +
                              ": \"name_stem_changes\" must map a final letter to a list "
                              "of endings, e.g. {\"ь\": [\"я\", \"ю\"]}";
      if (!sc->is_object()) return data_error(origin, bad);
      for (const auto& [final_letter, endings_json] : sc->items()) {
        std::vector<std::string> endings;
        const json holder = {{"endings", endings_json}};
        if (final_letter.empty() || !read_words(holder, "endings", endings))
          return data_error(origin, bad);
        lang.name_stem_changes.emplace_back(final_letter, std::move(endings));
      }
    }
    parsed.push_back(std::move(lang));
  }
  for (AttributionLanguage& lang : parsed) {  // same language: the later entry replaces it
    auto same = [&](const AttributionLanguage& a) { return a.language == lang.language; };
    if (auto it = std::find_if(attribution_.begin(), attribution_.end(), same);
        it != attribution_.end())
      *it = std::move(lang);
    else
      attribution_.push_back(std::move(lang));
  }
  changed();
  return Status::Ok();
}

void Knowledge::index_attribution(KnowledgeIndex& idx) const {
  idx.attribution.set_hangul_word_start(false);
  std::vector<std::string> endings, latin;
  std::vector<std::pair<std::string, std::vector<std::string>>> stem_changes;
  for (size_t l = 0; l < attribution_.size(); ++l) {
    const AttributionLanguage& lang = attribution_[l];
    auto add = [&](const std::vector<std::string>& words, AttributionKind kind) {
      for (const std::string& w : words) {
        const std::string upper = capitalized(w);
        for (const std::string* form : {&w, &upper}) {
          if (form == &upper && upper == w) continue;
          idx.attribution.add(*form, static_cast<uint32_t>(idx.attribution_targets.size()));
          idx.attribution_targets.push_back({static_cast<uint32_t>(l), kind});
        }
      }
    };
    add(lang.verbs, AttributionKind::kVerb);
    add(with_adverbs(lang), AttributionKind::kVerb);
    add(lang.verbs_inverted, AttributionKind::kVerbInverted);
    add(lang.verbs_pronoun, AttributionKind::kVerbPronoun);
    add(lang.according_to, AttributionKind::kAccordingTo);
    add(lang.according_to_after, AttributionKind::kAccordingToAfter);
    add(lang.pronouns, AttributionKind::kPronoun);
    add(lang.joint_subjects, AttributionKind::kJointSubject);
    add(lang.subject_markers, AttributionKind::kSubjectMarker);
    add(lang.complementizers, AttributionKind::kComplementizer);
    add(lang.surname_titles, AttributionKind::kSurnameTitle);
    add(lang.prepositions, AttributionKind::kPreposition);
    add(lang.institution_words, AttributionKind::kInstitution);
    endings.insert(endings.end(), lang.name_endings.begin(), lang.name_endings.end());
    for (const std::string& e : lang.latin_name_endings) latin.push_back(fold_word(e));
    for (const auto& [final_letter, list] : lang.name_stem_changes) {
      std::vector<std::string> folded;
      for (const std::string& e : list) folded.push_back(fold_word(e));
      stem_changes.emplace_back(fold_word(final_letter), std::move(folded));
    }
  }
  // Longest endings first, so that "ом" is tried before "м" would be.
  for (auto* list : {&endings, &latin}) {
    std::sort(list->begin(), list->end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  idx.names.set_endings(std::move(endings), std::move(latin), std::move(stem_changes));
  idx.attribution.finalize();
}

}  // namespace readouts
