// Attribution in the languages of data/attribution.json (Russian, Spanish, Japanese, Korean,
// Arabic, ...): a verb with a known person as subject before or after it, "according to" forms,
// and in verb-final languages the person marked as the subject ("トランプ氏は ... と述べた").
#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

namespace {

constexpr size_t kSubjectReach = 8;      // tokens between a subject and its verb (adverbs, titles)
constexpr size_t kAfterReach = 4;        // tokens between a verb-first verb and its subject
constexpr size_t kMarkerReach = 8;       // tokens between a name and its subject marker (titles)
constexpr size_t kVerbFinalReach = 200;  // tokens before a sentence-final verb for its subject
constexpr size_t kJointReach = 3;        // a joint subject opens its sentence ("Les deux parties")
constexpr size_t kAppositiveReach = 14;  // a title before ", Name" after a verb-first verb

// A token after which a verb may come first: a comma, a closing quotation, a dash, a colon.
bool inversion_point(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& f = t.folded;
  return f == "," || f == "\xD8\x8C" /* ، */ || f == ":" || f == "\xE2\x80\x94" /* — */ ||
         f == "\xE2\x80\x93" /* – */ || f == "-" || f == "\xC2\xBB" /* » */ ||
         f == "\xE3\x80\x8D" /* 」 */ || is_quote_like(t);
}

// Punctuation a subject search does not cross: sentence ends, quotations, brackets, colons.
bool subject_barrier(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& f = t.folded;
  if (f == "," || f == "\xD8\x8C" || f == "\xE3\x80\x81" /* 、 */) return false;
  return true;
}

// Indefinite articles of the Latin-script data languages: "un conseiller", "una fuente", "ein
// Sprecher", "an aide".
const std::unordered_set<std::string_view> kIndefiniteArticles = {
    "un", "une", "des", "uno", "una", "unos", "unas", "ein", "eine", "einem", "einer", "eines",
    "um", "uma", "uns", "umas", "een", "an",
    // Indonesian "seorang pejabat" (an official), "sebuah sumber" (a source).
    "seorang", "sebuah"};

}  // namespace

void Attributor::set_language(std::string_view language) {
  const auto& langs = k_.attribution();
  active_.assign(langs.size(), 0);
  exact_.assign(langs.size(), 0);
  data_active_ = false;
  zh_rules_ = true;
  own_language_ = -1;
  std::string primary(language.substr(0, language.find('-')));
  for (char& c : primary)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (primary == "en" || primary == "zh") return;  // built-in rules
  // Every language's verbs apply (the language may be misread: Italian as Spanish); pronouns and
  // verb-first-only words, common words elsewhere ("il", "so"), only in their own language.
  for (size_t l = 0; l < langs.size(); ++l) {
    exact_[l] = langs[l].language == primary;
    if (exact_[l]) own_language_ = static_cast<int>(l);
    active_[l] = 1;
    data_active_ |= active_[l] != 0;
    if (exact_[l] && langs[l].verb_final) zh_rules_ = false;  // 強調した is not Chinese 强调
  }
}

size_t Attributor::data_phrase_at(size_t i, size_t te, AttributionTarget& target) const {
  size_t best = 0;
  idx_.attribution.match_at(toks_, i, [&](const Phrase& p) {
    if (i + p.tokens.size() > te) return true;
    const AttributionTarget& t = idx_.attribution_targets[p.payload];
    if (!active_[t.language]) return true;
    // Words that only count verb-first ("so", "ani") and pronouns ("il", "er") belong to the
    // article's own language.
    if ((t.kind == AttributionKind::kVerbInverted || t.kind == AttributionKind::kPronoun ||
         t.kind == AttributionKind::kVerbPronoun || t.kind == AttributionKind::kComplementizer ||
         t.kind == AttributionKind::kSurnameTitle || t.kind == AttributionKind::kPreposition ||
         t.kind == AttributionKind::kInstitution) &&
        !exact_[t.language])
      return true;
    if (p.tokens.size() > best) {
      best = p.tokens.size();
      target = t;
    }
    return true;
  });
  return best;
}

// A broadcast caption: "[왕이/中 외교부장 : "..."]", "[Name/title: ...]": the named one speaks,
// named alone or with the title after the slash ("왕이 외교부장"; a country's one-character
// abbreviation before the title, 中 or 美, dropped).
std::string Attributor::caption_speaker(const Sentence& s) const {
  for (size_t i = s.tb; i + 2 < s.te; ++i) {
    if (toks_[i].folded != "[") continue;
    size_t slash = i + 1;
    while (slash < s.te && slash < i + 8 && toks_[slash].kind != TokenKind::kPunct) ++slash;
    if (slash >= s.te || slash == i + 1 || toks_[slash].folded != "/") continue;
    size_t colon = slash + 1;
    while (colon < s.te && colon < slash + 8 && toks_[colon].kind != TokenKind::kPunct) ++colon;
    if (colon >= s.te || (toks_[colon].folded != ":" && toks_[colon].folded != "\xEF\xBC\x9A"))
      continue;
    if (start_at_[i + 1] >= 0 && refs_[static_cast<size_t>(start_at_[i + 1])].e == slash)
      return ref_name(start_at_[i + 1]);
    const std::string name(
        raw_.substr(toks_[i + 1].begin, toks_[slash - 1].end - toks_[i + 1].begin));
    size_t title_b = slash + 1;
    if (title_b + 1 < colon && toks_[title_b].kind == TokenKind::kCjk &&
        toks_[title_b].end < toks_[title_b + 1].begin &&
        toks_[title_b].end - toks_[title_b].begin == 3)
      ++title_b;  // "中 ", "美 "
    std::string titled = name;
    if (title_b < colon)
      titled += " " + std::string(raw_.substr(toks_[title_b].begin,
                                              toks_[colon - 1].end - toks_[title_b].begin));
    if (const Person* p = k_.find_person(titled)) return p->name;
  }
  return "";
}

std::string Attributor::data_sentence(const Sentence& s, bool& joint) {
  // "Ambas partes acordaron ...", "両首脳は ...": a joint position, narration (on purpose); not
  // when a quotation opens the sentence ("\"Kedua pemimpin akan ...,\" kata Sullivan").
  const bool quoted_opening = s.tb < s.te && is_quote_like(toks_[s.tb]);
  for (size_t i = s.tb; !quoted_opening && i < s.te && i < s.tb + kJointReach; ++i) {
    AttributionTarget t;
    if (data_phrase_at(i, s.te, t) && t.kind == AttributionKind::kJointSubject) {
      joint = true;
      return "";
    }
  }
  if (std::string who = caption_speaker(s); !who.empty()) return who;
  // Quotation depth: a verb inside a quotation belongs to the quoted words ("«Le président Trump
  // a indiqué ...», a poursuivi le ministre"), not to the article.
  QuoteState quotes;
  std::string first;
  size_t clause_from = s.tb;  // where the clause of the next verb's subject starts
  for (size_t i = s.tb; i < s.te; ++i) {
    const Token& q = toks_[i];
    if (q.kind == TokenKind::kPunct) {
      quotes.step(q);
      continue;
    }
    if (quotes.inside()) continue;
    AttributionTarget t;
    size_t len = data_phrase_at(i, s.te, t);
    if (!len) continue;
    std::string who;
    const bool verb_final = k_.attribution()[t.language].verb_final;
    switch (t.kind) {
      case AttributionKind::kVerb:
        // After a preposition the verb's form is a noun: "بناءً على تعهد الرئيس" is "on the
        // president's pledge", not "the president pledged".
        if (i > s.tb && preposition_before(i)) break;
        if (verb_final) {
          // After an earlier speaker's verb, the subject is in the clause after it.
          Sentence clause = s;
          clause.tb = clause_from;
          who = marked_subject_before(i, clause);
        } else {
          // After a quotation or comma the verb usually comes first ("«...», — заявил Путин");
          // else the subject is before it, also across an appositive ("X, asesor, señaló").
          const bool inverted = i > s.tb && inversion_point(toks_[i - 1]);
          if (i > s.tb && toks_[i - 1].folded == ",") who = appositive_subject(i - 1, s.tb);
          if (who.empty() && inverted) who = data_subject_after(i + len, s.te);
          if (who.empty() && !inverted) who = data_subject_before(i, s.tb);
          if (who.empty() && !inverted) who = data_subject_after(i + len, s.te);
        }
        break;
      case AttributionKind::kVerbInverted:
        if (i > s.tb && inversion_point(toks_[i - 1])) who = data_subject_after(i + len, s.te);
        break;
      case AttributionKind::kVerbPronoun:  // "«...», a-t-il ajouté": the last speaker
        who = last_;                       // not a person only named: "a-t-elle" may be a source
        break;
      case AttributionKind::kAccordingTo:  // "По словам Трампа": any case after the phrase
        // "do segundo mandato de Trump", "il secondo incontro": after an article the word is
        // the ordinal its language also spells so.
        if (len == 1 && i > s.tb && is_article(t.language, toks_[i - 1])) break;
        who = data_subject_after(i + len, s.te, true);
        break;
      case AttributionKind::kAccordingToAfter:
        who = data_subject_before(i, s.tb);
        break;
      default:
        break;
    }
    i += len - 1;
    if (who.empty()) continue;
    clause_from = i + 1;
    // Verb-final languages join two people's words in one sentence ("A는 …고 밝혔지만, B는
    // …라고 경고했다"): the later clauses' speakers count too; the sentence is the first's.
    if (!verb_final) return who;
    if (first.empty()) first = who;
    add_speaker(who);
  }
  return first;
}

std::string Attributor::data_subject_before(size_t v, size_t tb) {
  size_t reach = kSubjectReach;
  for (size_t j = v, steps = 0; j > tb && steps < reach; --j, ++steps) {
    const Token& t = toks_[j - 1];
    // A short aside in brackets after the subject ("Angela Merkel (CDU) äußerte") is passed over.
    if (t.folded == ")" && j >= tb + 3) {
      size_t open = j - 1;
      while (open > tb && open + 5 > j && toks_[open - 1].folded != "(") --open;
      if (open > tb && toks_[open - 1].folded == "(") {
        j = open;  // the loop's --j steps onto the token before "("
        continue;
      }
    }
    if (subject_barrier(t)) break;
    if (end_at_[j - 1] >= 0) {
      // "с президентом США Дональдом Трампом ... заявил": a name in an oblique case is not the
      // subject; the search goes on ("Председатель КНР Си Цзиньпин").
      const Ref& r = refs_[static_cast<size_t>(end_at_[j - 1])];
      if (!r.inflected && !after_preposition(r.b)) return ref_name(end_at_[j - 1]);
      reach += r.e - r.b + 1;
      j = r.b + 1;
      continue;
    }
    AttributionTarget a;
    if (data_phrase_at(j - 1, v, a) == 1 && a.kind == AttributionKind::kPronoun)
      return antecedent();
    if (t.kind == TokenKind::kWord && t.upper_initial) {
      if (auto it = surnames_.find(t.folded); it != surnames_.end()) return it->second;
      // The last word of a capitalized run, before a comma ("Ngozi Okonjo-Iweala, a indiqué"):
      // directly before the verb it may be a title ("Przewodniczący Partii ... podkreślił").
      if (j < v && toks_[j].folded == ",") {
        std::string u = data_unknown_ending_at(j - 1, tb);
        if (!u.empty()) return u;
      }
    }
  }
  return "";
}

std::string Attributor::appositive_subject(size_t comma, size_t tb) {
  if (comma == tb) return "";
  // The segment before the comma, back to an earlier comma or the sentence start.
  size_t limit = comma > tb + kAppositiveReach ? comma - kAppositiveReach : tb;
  size_t c = comma;  // start of the segment
  bool lower_inside = false, earlier_comma = false;
  while (c > limit) {
    const Token& t = toks_[c - 1];
    if (t.folded == "," || t.folded == "\xD8\x8C") {
      earlier_comma = true;
      break;
    }
    if (subject_barrier(t)) return "";
    if (t.kind == TokenKind::kWord && !t.upper_initial) lower_inside = true;
    --c;
  }
  if (!earlier_comma && c != tb) return "";
  // The name alone between commas: "la portavoz ..., Hua Chunying, criticó".
  auto name_ending_at = [&](size_t j) -> std::string {
    if (end_at_[j] >= 0) return ref_name(end_at_[j]);
    if (toks_[j].kind != TokenKind::kWord || !toks_[j].upper_initial) return "";
    if (auto it = surnames_.find(toks_[j].folded); it != surnames_.end()) return it->second;
    return data_unknown_ending_at(j, tb);
  };
  if (!lower_inside) return name_ending_at(comma - 1);
  // An appositive: "Tom Donilon, consejero de seguridad nacional de Obama, dijo": the name
  // before it, not a name inside it.
  if (!earlier_comma || c - 1 == tb) return "";
  return name_ending_at(c - 2);
}

std::string Attributor::data_unknown_ending_at(size_t j, size_t tb) {
  if (own_language_ < 0 || !k_.attribution()[static_cast<size_t>(own_language_)].unknown_names)
    return "";
  std::string u = unknown_name_ending_at(j, tb);
  if (u.empty()) return "";
  size_t words = static_cast<size_t>(std::count(u.begin(), u.end(), ' ')) + 1;
  if (data_not_name(j + 1 - words, j + 1)) return "";
  register_name(u);
  return u;
}

std::string Attributor::data_unknown_starting_at(size_t i, size_t te) {
  if (own_language_ < 0 || !k_.attribution()[static_cast<size_t>(own_language_)].unknown_names)
    return "";
  size_t e = i;
  while (e < te && e - i < 4 && toks_[e].kind == TokenKind::kWord && toks_[e].upper_initial) ++e;
  // The name must end its clause: "..., dijo Tom Donilon." / ", Larry Kudlow." but not
  // "dijo Donald Trump Jr" runs into more words.
  if (e - i < 2 || data_not_name(i, e)) return "";
  std::string u = unknown_name_starting_at(i, e);
  if (u.empty()) return "";
  register_name(u);
  return u;
}

bool Attributor::is_article(size_t language, const Token& t) const {
  for (const std::string& w : k_.attribution()[language].articles)
    if (fold_word(w) == t.folded) return true;
  return false;
}

bool Attributor::any_not_name(const Token& t) const {
  for (const AttributionLanguage& lang : k_.attribution())
    for (const std::string& w : lang.not_names)
      if (fold_word(w) == t.folded) return true;
  return false;
}

bool Attributor::data_not_name(size_t b, size_t e) const {
  const AttributionLanguage& lang = k_.attribution()[static_cast<size_t>(own_language_)];
  for (size_t k = b; k < e; ++k)
    for (const std::string& w : lang.not_names)
      if (fold_word(w) == toks_[k].folded) return true;
  return false;
}

std::string Attributor::data_subject_after(size_t n, size_t te, bool any_case) {
  // A capitalized word that names no one ("Ministério", "Casa"), then a lower-case word: the
  // capitalized words after it go on naming the institution ("Ministério das Relações
  // Exteriores"), not a person.
  bool institution = false, institution_goes_on = false;
  bool passed_other = false;  // a person in another role passed ("назвал беседу с Си Цзиньпином")
  size_t reach = kAfterReach;  // grows by the tokens of a person passed
  for (size_t k = n; k < te && k < n + reach + 1; ++k) {
    const Token& t = toks_[k];
    if (t.kind == TokenKind::kWord && !t.upper_initial && institution) institution_goes_on = true;
    if (start_at_[k] >= 0) {
      // "заявил министр в беседе с Гао Фэном": the one spoken with, not the subject; but a
      // person in the nominative ending the clause after them is ("«...» назвал беседу с Си
      // Цзиньпином Дональд Трамп.").
      const Ref& r = refs_[static_cast<size_t>(start_at_[k])];
      // (After a person passed, the preposition found before is theirs: only a case ending
      // tells.)
      if (!any_case && (r.inflected || (!passed_other && after_preposition(r.b)))) {
        passed_other = true;
        reach += r.e - r.b;
        k = r.e - 1;
        continue;
      }
      if (passed_other && r.e < te && toks_[r.e].kind != TokenKind::kPunct) break;
      return ref_name(start_at_[k]);
    }
    if (passed_other) {
      if (t.kind == TokenKind::kPunct) break;
      continue;
    }
    AttributionTarget a;
    // "dijo que Xi ...", "заявил, что ...", "وأشار إلى أن الرئيس": the reported content.
    if (data_phrase_at(k, te, a) && a.kind == AttributionKind::kComplementizer) return "";
    if (k == n && data_phrase_at(k, te, a) && a.kind == AttributionKind::kPronoun)
      return antecedent();  // "sagte er", "dijo él"
    // "selon un conseiller de M. Obama", "dijo una fuente": someone unnamed (the person named
    // after is whose adviser they are).
    if (k == n && t.kind == TokenKind::kWord && kIndefiniteArticles.count(t.folded)) return "";
    if (t.kind == TokenKind::kPunct) break;
    if (t.kind == TokenKind::kWord && t.upper_initial) {
      if (auto it = surnames_.find(t.folded); it != surnames_.end()) return it->second;
      if (institution_goes_on) break;
      // A capitalized word ending the title just before a known name ("kata penasihat keamanan
      // nasional AS Jake Sullivan"): the name is the subject.
      if (k + 1 < te && start_at_[k + 1] >= 0) continue;
      // Capitalized title words before a known person ("kata Juru Bicara Matthew Miller"): the
      // person, not a longer unknown name.
      size_t j = k;
      while (j < te && j < k + 4 && start_at_[j] < 0 && toks_[j].kind == TokenKind::kWord &&
             toks_[j].upper_initial)
        ++j;
      if (j < te && j > k && start_at_[j] >= 0) {
        const Ref& r = refs_[static_cast<size_t>(start_at_[j])];
        if (any_case || !r.inflected) return ref_name(start_at_[j]);
      }
      std::string u = data_unknown_starting_at(k, te);
      if (!u.empty()) return u;
      if (!kTitleWords.count(t.folded) && !any_not_name(t)) break;  // "ni Pangulong Xi"
      institution = !kTitleWords.count(t.folded);
    }
  }
  // A long title, then a known person ending the clause in the nominative: "Об этом заявил
  // официальный представитель Министерства коммерции Китая Гао Фэн, ..." (no preposition or
  // complementizer before the name: "dijo a su homólogo Joe Biden" is the one spoken to).
  for (size_t k = n; k < te && k < n + kAppositiveReach; ++k) {
    if (toks_[k].kind == TokenKind::kPunct) break;
    if (start_at_[k] >= 0) {
      const Ref& r = refs_[static_cast<size_t>(start_at_[k])];
      // After "по словам" the title and the name are in the genitive ("По словам официального
      // представителя МИД Линь Цзяня,").
      if ((any_case || !r.inflected) && (r.e >= te || toks_[r.e].kind == TokenKind::kPunct))
        return ref_name(start_at_[k]);
      break;
    }
    AttributionTarget c;
    if (data_phrase_at(k, te, c) &&
        (c.kind == AttributionKind::kComplementizer || c.kind == AttributionKind::kPreposition ||
         c.kind == AttributionKind::kPronoun))
      break;
  }
  // A title, then the name after a comma at the end of the clause: "indicó el asesor económico de
  // la Casa Blanca, Larry Kudlow." (also the Arabic comma: "وصرحت السكرتيرة ...، كارولين ليفيت،").
  for (size_t k = n; k < te && k < n + kAppositiveReach; ++k) {
    AttributionTarget c;
    if (data_phrase_at(k, te, c) && c.kind == AttributionKind::kComplementizer) break;
    if (toks_[k].kind != TokenKind::kPunct) continue;
    if ((toks_[k].folded != "," && toks_[k].folded != "\xD8\x8C") || k + 1 >= te) break;
    size_t b = k + 1, e = b;
    if (start_at_[b] >= 0) {
      e = refs_[static_cast<size_t>(start_at_[b])].e;
    } else {
      while (e < te && e - b < 4 && toks_[e].kind == TokenKind::kWord && toks_[e].upper_initial)
        ++e;
    }
    if (e == b || (e < te && toks_[e].kind != TokenKind::kPunct)) break;
    if (start_at_[b] >= 0) return ref_name(start_at_[b]);
    return data_unknown_starting_at(b, e);
  }
  return "";
}

// Verb-final languages: the first person (or pronoun) before the verb followed by a subject marker
// ("習主席は", "트럼프 대통령은"); a person followed by another particle ("トランプ氏との",
// "시진핑 주석과") is not the subject.
std::string Attributor::marked_subject_before(size_t v, const Sentence& s) const {
  // Bounded, so that a megabyte sentence with many verbs stays linear.
  // A person inside a quotation is part of the quoted words ("인민일보는 \"시 주석이 ...\"고
  // 전했다": the paper reports, not Xi).
  if (std::string who = opening_subject(v, s); !who.empty()) return who;
  QuoteState quotes;
  std::string joined_person;  // the second of two people joined by 과/와, and where it ended
  size_t joined_end = 0;
  for (size_t k = v > s.tb + kVerbFinalReach ? v - kVerbFinalReach : s.tb; k < v; ++k) {
    const Token& q = toks_[k];
    if (q.kind == TokenKind::kPunct) {
      quotes.step(q);
      continue;
    }
    if (quotes.inside()) continue;
    if (start_at_[k] >= 0) {
      const Ref& r = refs_[static_cast<size_t>(start_at_[k])];
      // "트럼프 대통령과 시진핑 주석이": the second of two people joined by 과/와 is no
      // subject of its own; the two together are, a joint position.
      // (The person's title right after the name, "시진핑 중국 국가주석이", is the same second
      // person.)
      if (hangul_joined_before(r.b) || (!joined_person.empty() && r.b <= joined_end + 1 &&
                                        ref_name(start_at_[k]) == joined_person)) {
        joined_person = ref_name(start_at_[k]);
        joined_end = r.e;
        continue;
      }
      if (r.e <= v && subject_marked_at(r.e, v)) return ref_name(start_at_[k]);
      continue;
    }
    AttributionTarget a;
    size_t len = data_phrase_at(k, v, a);
    // A pronoun starts its word and its marker follows at once ("그는", not "그러나 ... 는").
    if (len && a.kind == AttributionKind::kPronoun &&
        !(k > s.tb && hangul_token(toks_[k]) && hangul_token(toks_[k - 1]) &&
          toks_[k - 1].end == toks_[k].begin) &&
        subject_marked_at(k + len, std::min(v, k + len + 1)))
      return antecedent();
  }
  return "";
}

bool Attributor::hangul_joined_before(size_t b) const {
  // The word right before the name ends in 과 or 와 ("트럼프 대통령과 시진핑"), or the word
  // before a genitive one does ("트럼프 대통령과 중국의 시진핑").
  size_t words = 0;
  for (size_t m = b, steps = 0; m > 0 && steps < 12; --m, ++steps) {
    const Token& t = toks_[m - 1];
    if (!hangul_token(t)) return false;
    if (m < toks_.size() && t.end == toks_[m].begin && m != b) continue;        // inside a word
    if (t.folded == "\xEA\xB3\xBC" || t.folded == "\xEC\x99\x80") return true;  // 과 와
    if (++words == 2 || t.folded != "\xEC\x9D\x98") return false;  // 의: one word more
  }
  return false;
}

bool Attributor::preposition_before(size_t i) const {
  AttributionTarget a;
  return data_phrase_at(i - 1, i, a) == 1 && a.kind == AttributionKind::kPreposition;
}

bool Attributor::after_preposition(size_t b) const {
  // "im Gespräch mit Biden gesagt", "с президентом США Дональдом Трампом": a title may come
  // between.
  for (size_t k = b, steps = 0; k > 0 && steps < 4; --k, ++steps) {
    AttributionTarget a;
    if (data_phrase_at(k - 1, b, a) == 1 && a.kind == AttributionKind::kPreposition) return true;
    if (toks_[k - 1].kind != TokenKind::kWord || !toks_[k - 1].upper_initial) return false;
  }
  return false;
}

// Turkish marks no subject: the person opening the sentence, after title words ("ABD Başkanı Trump
// ... söyledi", "Çin devlet başkanı Şi de ... söyledi"), unless a case ending ("Trump'ın") or a
// coordinator ("Trump ile Şi", "Trump ve Şi") follows the name: a name in any other role carries
// a case ending.
std::string Attributor::opening_subject(size_t v, const Sentence& s) const {
  if (own_language_ < 0) return "";
  const AttributionLanguage& lang = k_.attribution()[static_cast<size_t>(own_language_)];
  if (!lang.subject_first) return "";
  for (size_t k = s.tb; k < v && k < s.tb + kAfterReach + 2; ++k) {
    if (start_at_[k] >= 0) {
      const Ref& r = refs_[static_cast<size_t>(start_at_[k])];
      if (r.e >= v || r.inflected || toks_[r.e].kind != TokenKind::kWord) return "";
      for (const std::string& c : lang.coordinators)
        if (fold_word(c) == toks_[r.e].folded) return "";
      return ref_name(start_at_[k]);
    }
    if (toks_[k].kind != TokenKind::kWord) return "";
  }
  return "";
}

// Whether a subject marker follows within a few tokens of k (titles between: "氏", "대통령"),
// before any punctuation; a Korean marker must end its word ("대통령은 ", not "국가"). In
// Japanese the words between are Han or katakana titles ("共産党中央政治局委員・外交部長は"), a
// kana reading in brackets may follow the name ("趙立堅(ちょう・りつけん)報道官は"), and another
// particle ("習氏との", "習氏の") ends the search: the person is not the subject, and so does an
// institution word ("バイデン政権が": the administration is).
bool Attributor::subject_marked_at(size_t k, size_t limit) const {
  size_t reach = kMarkerReach, title_from = k;
  bool hangul_long_title = false;
  for (size_t m = k; m < limit && m < k + reach; ++m) {
    AttributionTarget a;
    size_t len = data_phrase_at(m, limit, a);
    const bool marker = len && a.kind == AttributionKind::kSubjectMarker;
    if (len && a.kind == AttributionKind::kInstitution) return false;  // "バイデン政権が"
    if (!marker && m == k && is_reading_open(toks_[m])) {
      size_t close = reading_end(m, limit);
      if (close == 0) return false;
      reach += close - m;
      title_from = close;
      m = close - 1;
      continue;
    }
    // A bracket closing around the name and its title just before the marker: "<ベッセント米財
    // 務長官>は" (a site's markup of names).
    if (!marker && m > k && m + 1 < limit &&
        (toks_[m].folded == ">" || toks_[m].folded == "\xEF\xBC\x9E" /* ＞ */)) {
      AttributionTarget next;
      const size_t n = data_phrase_at(m + 1, limit, next);
      if (n && next.kind == AttributionKind::kSubjectMarker) continue;
    }
    if (!marker && toks_[m].kind == TokenKind::kPunct) return false;  // "," marks in Turkish
    if (!marker && hiragana_token(toks_[m])) return false;            // "習氏との会談"
    if (!marker) {
      if (m == k + reach - 1 && reach < 3 * kMarkerReach) {
        if (katakana_or_han_run(title_from, m + 1)) {
          reach += kMarkerReach;
        } else if (hangul_title_run(title_from, m + 1)) {
          reach += kMarkerReach;
          hangul_long_title = true;
        }
      }
      continue;
    }
    const Token& last = toks_[m + len - 1];
    if (hangul_token(last) && m + len < toks_.size() && hangul_token(toks_[m + len]) &&
        toks_[m + len].begin == last.end)
      continue;  // inside a word
    // After a long Korean title only the topic markers (은, 는, 도) count: "이/가" there is as
    // often the subject of a clause inside the sentence ("백악관은 ... 보좌관이 만날 예정이라고
    // 밝혔다": the White House said it).
    if (hangul_long_title && (last.folded == "\xEC\x9D\xB4" || last.folded == "\xEA\xB0\x80"))
      return false;
    return true;
  }
  return false;
}

bool Attributor::is_reading_open(const Token& t) const {
  return t.kind == TokenKind::kPunct && (t.folded == "(" || t.folded == "\xEF\xBC\x88" /* （ */);
}

size_t Attributor::reading_end(size_t open, size_t limit) const {
  // "(ちょう・りつけん)", "（おう・き）", "(董军)": kana or Han only, at most 16 characters.
  for (size_t m = open + 1; m < limit && m < open + 18; ++m) {
    const Token& t = toks_[m];
    if (t.kind == TokenKind::kPunct)
      return (t.folded == ")" || t.folded == "\xEF\xBC\x89") && m > open + 1 ? m + 1 : 0;
    if (t.kind != TokenKind::kCjk) return 0;
  }
  return 0;
}

// A Korean title of several words ("중국 외교부 대변인"): hangul only, and no word in it ends in a
// particle that makes the name something other than the subject ("트럼프 대통령과", "...의").
bool Attributor::hangul_title_run(size_t b, size_t e) const {
  static const std::array<std::string_view, 8> kOtherParticles = {
      "\xEA\xB3\xBC" /* 과 */, "\xEC\x99\x80" /* 와 */, "\xEC\x9D\x98" /* 의 */,
      "\xEC\x9D\x84" /* 을 */, "\xEB\xA5\xBC" /* 를 */, "\xEC\x97\x90" /* 에 */,
      "\xEB\xA1\x9C" /* 로 */, "\xEA\xB2\x8C" /* 게 */};
  for (size_t m = b; m < e; ++m) {
    if (!hangul_token(toks_[m])) return false;
    const bool word_end = m + 1 >= toks_.size() || toks_[m + 1].begin != toks_[m].end;
    if (word_end && std::find(kOtherParticles.begin(), kOtherParticles.end(), toks_[m].folded) !=
                        kOtherParticles.end())
      return false;
  }
  return true;
}

bool Attributor::katakana_or_han_run(size_t b, size_t e) const {
  for (size_t m = b; m < e; ++m)
    if (toks_[m].kind != TokenKind::kCjk || hiragana_token(toks_[m]) || hangul_token(toks_[m]))
      return false;
  return true;
}

}  // namespace readouts::speakers_detail
