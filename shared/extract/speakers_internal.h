// The speaker attributor's state and rules, shared by speakers*.cpp (internal to extraction):
// references to known people, sentences, and the per-article memory of speakers and names.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "shared/extract/knowledge.h"
#include "shared/extract/knowledge_index.h"
#include "shared/extract/speaker_words.h"
#include "shared/extract/speakers.h"
#include "shared/text/tokenize.h"

namespace readouts::speakers_detail {

constexpr size_t kMaxSpeakers = 100;      // per article
constexpr size_t kMaxSurnames = 1000;     // remembered names per article
constexpr size_t kMaxCaptionTokens = 90;  // a photo caption is a short paragraph

struct Sentence {
  size_t tb = 0, te = 0;  // token range
};

// Splits a paragraph's tokens into sentences (ends outside quotations).
std::vector<Sentence> split_sentences(const std::vector<Token>& toks);

struct Ref {
  size_t b = 0, e = 0;
  int person = -1;  // index into people(); -1 = unresolved title
  bool title = false;
  bool dropped = false;    // a title directly followed by a name ("U.S. President Joe Biden")
  bool inflected = false;  // matched with a case ending ("Трампом"): not a nominative subject
};

inline bool title_in_period(const NameTarget& t, std::string_view iso) {
  if (iso.empty()) return false;
  if (!t.from.empty() && iso < std::string_view(t.from).substr(0, iso.size())) return false;
  if (!t.to.empty() && iso >= t.to) return false;
  return true;
}

class Attributor {
 public:
  Attributor(const Knowledge& k, std::string_view iso) : k_(k), idx_(k.index()), iso_(iso) {}
  void set_text(std::string_view raw) { raw_ = raw; }
  // Chooses the attribution words of data/attribution.json for the article's language.
  void set_language(std::string_view language);

  void paragraph(const std::string& text);
  // The paragraph's text from token `from` to token `to` (exclusive), as written: names keep the
  // script of the text (tokens fold traditional Chinese to simplified).
  std::string written(size_t from, size_t to) const {
    return std::string(para_.substr(toks_[from].begin, toks_[to - 1].end - toks_[from].begin));
  }
  // A transcript label: "Mao Ning: ..." / "林剑：..." opens the paragraph.
  std::string label_speaker() const;
  std::string quote_label_speaker() const;
  bool title_space_label(const Ref& r) const;
  bool comma_quote_label(const Ref& r) const;
  std::string bare_label() const;
  bool opens_statement() const;
  std::string statement_header() const;
  std::string surname_label_speaker() const;
  std::string side_label_speaker() const;
  // "Name, title words (through translator): ..." opening a sentence of running text.
  std::string sentence_label(const Sentence& s) const;
  // Sound-bite labels of a broadcast transcript: "[트럼프/美 대통령 : ...]" names a speaker.
  void bracket_labels();
  // Korean headlines' "Name “quotation”" without a verb: the named person speaks.
  void korean_name_quotes();
  Attribution finish();

 private:
  void drop_name_quotes();
  std::string label_alone() const;
  void find_refs();
  // "Iranian Foreign Minister Abbas Araghchi": a name after a title word, remembered for later.
  void register_titled_names();
  std::string ref_name(int r) const;
  // A photo caption: a short paragraph ending with a photo credit ("... November 9, 2017.
  // REUTERS/Jane Doe", "Xinhua/Li Ming", "Getty Images/AFP").
  bool photo_caption() const;
  // Whom "he", "she", "他", "он" refer to: the last speaker, or the person who opened a later
  // sentence without speaking ("Trump spoke with Xi. He said"; "Obama said ... Xi recalled
  // Nixon's trip. “...,” he said").
  const std::string& antecedent() const {
    if (last_.empty() || (!last_subject_.empty() && last_subject_at_ > last_at_))
      return last_subject_;
    return last_;
  }
  // The holder of the title at ref whom the article named most recently; -1 if none.
  int holder_named_before(const Ref& ref) const;
  // The person named before whose Han or hangul name starts with the surname at token i, when a
  // surname title of the article's language follows ("董氏は", "둥 부장은"); -1 if none.
  int surname_with_title(size_t i) const;
  void add_speaker(const std::string& name);
  // Verb length at token i (1 or 2 tokens), 0 if no attribution verb starts there.
  size_t verb_at(size_t i, size_t te) const;
  // The name of an unknown person whose capitalized name ends at token j (inclusive), or "":
  // the capitalized words before j up to a title or function word ("Agriculture Secretary Brooke
  // Rollins" -> "Brooke Rollins"); 2..4 words, none naming an organization or place.
  std::string unknown_name_ending_at(size_t j, size_t tb) const;
  std::string unknown_name_starting_at(size_t i, size_t te) const;
  // The written name of tokens b..e, or the canonical name of the known person it misspells by
  // one letter ("Mathew Miller" -> "Matthew Miller"; known_spelling()).
  std::string name_text(size_t b, size_t e) const;
  // A known person's canonical name when `name` (Latin, 2-4 words) differs from their name or an
  // alias in one letter of one word of 5 letters or more, same first letter; else `name`.
  std::string known_spelling(const std::string& name) const;
  // "Джей Карни ... сказал Карни": a later word alone that ends a known person's name the article
  // wrote in full in a script without ASCII letters; -1 if none.
  int surname_of_named(size_t i) const;
  // A person's short Chinese name at i (KnowledgeIndex::zh_short_names), when the article named
  // them before or a title precedes it; its length in tokens in `len`. -1 when none.
  int zh_short_name_at(size_t i, size_t& len) const;
  void remember_last_word(const Ref& r);  // for surname_of_named()
  // Remembers a full name so that a later bare surname or given name ("Miller said") resolves.
  void register_name(const std::string& full);
  // Resolves the subject that ends at token j; "" if none. Sets joint for "the two sides".
  std::string subject_ending_at(size_t j, size_t tb, bool& joint);
  // Whether the subject starting at token start is the second of "A and (his title) B".
  bool coordinated_subject(size_t start, size_t tb) const;
  // The person last named in the article who has a title or alias with this word ("secretary").
  std::string role_named_before(const std::string& word) const;
  // The one person named before whose family name, written first, is `family` ("he" for He
  // Lifeng); "" when none or several.
  std::string family_name_named_before(const std::string& family) const;
  // Speaker of one sentence ("" = narration); every attributed person becomes a speaker.
  std::string sentence(const Sentence& s, bool& joint);
  // A question that opens with an auxiliary ("Has President Xi confirmed whether ...?", "Did
  // Trump say ...?") asks whether someone spoke; it does not report that they did.
  bool inverted_question(const Sentence& s) const;
  // The known person who opens the sentence (title words before) and is its subject, or "".
  std::string opening_person(const Sentence& s, size_t before) const;
  // The wire-copy attribution that closes a sentence: "China welcomed the pledge, foreign
  // ministry spokesman Lu Kang said at a briefing." The verb is "said"/"says", not followed by
  // "that", and its subject (a name, with lower-case title words before it) follows a comma.
  bool trailing_attribution(size_t v, size_t vl, const Sentence& s) const;
  // The person of a trailing attribution that closes the sentence (nothing but a few words
  // after its verb: no comma, quotation or other verb), or "".
  std::string closing_speaker(const Sentence& s);
  // A new clause starts at token k (k + 1 must be a token): ";", "；", "。", ", and", ", while",
  // ", but", "while", "whereas".
  bool clause_break_at(size_t k) const;
  // "Neither Xi nor Trump has commented", "Trump did not say": no attribution.
  bool negated_before(size_t v, size_t tb) const;
  // Attribution by the words of data/attribution.json (speakers_multilingual.cpp): the first
  // person a verb, "according to" or a marked subject attributes in the sentence; "" if none.
  // A joint subject opening the sentence ("Las dos partes acordaron") sets joint.
  std::string data_sentence(const Sentence& s, bool& joint);
  // The attribution phrase at token i of an active language: its length (0 if none) and target.
  size_t data_phrase_at(size_t i, size_t te, AttributionTarget& target) const;
  std::string data_subject_before(size_t v, size_t tb);
  // The subject after a verb (nominative, not after a preposition) or after an "according to"
  // phrase (any_case: "По словам Трампа").
  std::string data_subject_after(size_t n, size_t te, bool any_case = false);
  // An unknown person's name ending at token j (or starting at i), when the article's language
  // allows unknown names and no word of it is one of the language's not_names; remembered.
  std::string data_unknown_ending_at(size_t j, size_t tb);
  // The subject of a verb right after a comma that closes a name or an appositive ("X, asesor
  // de Y, señaló"); "" if the comma closes something else.
  std::string appositive_subject(size_t comma, size_t tb);
  std::string data_unknown_starting_at(size_t i, size_t te);
  bool data_not_name(size_t b, size_t e) const;
  bool any_not_name(const Token& t) const;  // a not_names word of any language ("Pangulong")
  // The person a broadcast caption "[name/title : ...]" in the sentence names, or "".
  std::string caption_speaker(const Sentence& s) const;
  bool is_article(size_t language, const Token& t) const;  // an article of that language ("do")
  std::string marked_subject_before(size_t v, const Sentence& s) const;
  std::string opening_subject(size_t v, const Sentence& s) const;
  // Whether a preposition of the article's language comes just before the name at b (capitalized
  // title words between): "mit Biden", "с президентом" (a lower-case title ends the check).
  // Whether a person starting at token b is the second of two joined by 과/와 ("트럼프 대통령과
  // 시진핑 주석이").
  bool hangul_joined_before(size_t b) const;
  bool after_preposition(size_t b) const;
  // Whether a preposition of the article's language is the token just before i ("على تعهد").
  bool preposition_before(size_t i) const;
  bool subject_marked_at(size_t k, size_t limit) const;
  // A kana (or Han) reading in brackets after a name: "(ちょう・りつけん)"; the token after its
  // closing bracket, or 0.
  bool is_reading_open(const Token& t) const;
  size_t reading_end(size_t open, size_t limit) const;
  bool katakana_or_han_run(size_t b, size_t e) const;  // a Japanese title ("外交部長")
  bool hangul_title_run(size_t b, size_t e) const;  // a Korean title ("중국 외교부 대변인")
  size_t zh_verb_at(size_t i) const;
  // The person starting at token b follows 向/对/给/跟: spoken to, not speaking ("向习近平提出").
  bool zh_object_at(size_t b) const;
  // The person starting at token b follows another person and 与/和/同/及 ("董军与赫格塞思").
  bool zh_joined_at(size_t b) const;
  // A person ending at token e is joined to a second one just before the verb at end.
  bool zh_joint_from(size_t e, size_t end) const;
  std::string zh_subject_before(size_t v, size_t tb, bool& joint);

  const Knowledge& k_;
  const KnowledgeIndex& idx_;
  std::string_view iso_;
  std::string_view raw_;
  std::string_view para_;        // the paragraph being attributed (paragraph())
  std::vector<uint8_t> active_;  // per language of Knowledge::attribution(): its words apply
  std::vector<uint8_t> exact_;   // ... and it is the article's own language
  bool data_active_ = false;     // some language's words apply
  bool zh_rules_ = true;         // Chinese verbs apply (not in Japanese or Korean text)
  int own_language_ = -1;        // index of the article's language in Knowledge::attribution()
  std::vector<Token> toks_;
  std::vector<Ref> refs_;
  std::vector<int> end_at_, start_at_;
  std::vector<std::string> mentioned_;
  std::unordered_map<size_t, size_t> mention_order_;  // person -> order of their last mention
  size_t mentions_seen_ = 0;
  std::unordered_map<std::string, std::string> surnames_;  // unknown speakers by surname
  std::unordered_set<std::string> zh_role_names_;          // Chinese names seen after a role word
  void register_zh_role_names();
  // Last words of known people's full names written in Cyrillic, Arabic, ..., and the first and
  // last words of Latin ones outside English (surname_of_named).
  std::unordered_map<std::string, size_t> named_last_words_;
  // Latin names and aliases of 2+ words, as folded words, for known_spelling() (built lazily).
  mutable std::vector<std::pair<std::vector<std::string>, size_t>> latin_names_;
  std::string last_;                 // last speaker, for pronouns
  std::string pending_label_;        // a label paragraph's person, for the paragraph after it
  bool pending_label_bare_ = false;  // a bare name and title: only for a bullet or a quotation
  std::string last_subject_;         // person opening the last sentence that opened with one
  size_t sentences_seen_ = 0, last_at_ = 0, last_subject_at_ = 0;  // when each was set
  std::unordered_set<std::string> speaker_set_;
  Attribution out_;
};

}  // namespace readouts::speakers_detail
