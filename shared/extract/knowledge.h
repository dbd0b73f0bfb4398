// Knowledge: the people, topic taxonomy, synonyms, outlets and attribution words that extraction
// and query interpretation use.
//
// Built from the data files in data/ (people.json, topics.json, synonyms.txt, outlets.json,
// attribution.json) and any folder the user adds (--data DIR): later sources extend earlier ones
// (same id: the later entry wins). Parsing is pure (from strings); load_knowledge() does the file
// I/O. Immutable after construction and safe to share between threads for reading.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/core/article.h"
#include "shared/core/status.h"
#include "shared/knowledge/name_fold.h"
#include "shared/knowledge/outlets.h"

namespace readouts {

struct KnowledgeIndex;  // shared/extract/knowledge_index.h

// A title that names a person only during a period ("the U.S. president" 2021-01-20..2025-01-20).
struct TitledPeriod {
  std::string title;  // alias text, e.g. "the U.S. president", "美国总统"
  std::string from;   // "YYYY-MM-DD" inclusive, "" = open
  std::string to;     // "YYYY-MM-DD" exclusive, "" = open
};

struct Person {
  std::string id;                    // stable slug, e.g. "xi_jinping"
  std::string name;                  // canonical name, e.g. "Xi Jinping"
  std::string country;               // "CN", "US", or another ISO code; "" if none
  std::string role;                  // short description, e.g. "President of the PRC"
  std::vector<std::string> aliases;  // every form that names only this person ("Xi", "习近平")
  std::vector<TitledPeriod> titles;  // forms that name this person only during a period
};

struct TopicTerm {
  std::string text;  // a word or phrase ("one-china", "台湾问题", "тайван*": see PhraseMatcher)
  double weight = 1.0;  // evidence weight when the term occurs
};

struct Topic {
  std::string id;        // stable id, e.g. "taiwan"
  std::string label;     // English label, e.g. "Taiwan"
  std::string label_zh;  // Chinese label, e.g. "台湾"
  std::vector<TopicTerm> terms;
  // Topics this one is part of in a sentence that names them: "North Korea's pursuit of nuclear
  // weapons" is North Korea, not arms control. Ids of other topics ("within" in topics.json).
  std::vector<std::string> within;
};

// Attribution words of one language (data/attribution.json), read by the speaker rules for
// articles in that language (English and Chinese have built-in rules).
struct AttributionLanguage {
  std::string language;     // primary tag: "ru", "ja", "es", ...
  bool verb_final = false;  // the verb ends the clause (ja, ko): the subject is marked, not placed
  bool subject_first = false;  // a person opening the sentence is its subject (tr: no marker)
  bool unknown_names = false;  // capitalized names of people not in people.json count (not "de":
                               // German capitalizes every noun)
  std::vector<std::string> verbs;  // "заявил", "a déclaré", "と述べた": subject before or after
  // Compound verbs ("a déclaré") also match with one of these adverbs after their auxiliary
  // ("a toutefois déclaré"): the verbs whose first word is in `auxiliaries`.
  std::vector<std::string> auxiliaries;
  std::vector<std::string> adverbs_after_auxiliary;
  std::vector<std::string> verbs_inverted;  // only verb-first after a quote or comma: "so", "ani"
  std::vector<std::string> verbs_pronoun;   // a verb with its pronoun subject: "a-t-il", "aniya"
  std::vector<std::string> according_to;  // before the name: "según", "по словам", "ayon kay"
  std::vector<std::string> according_to_after;  // after the name: "によると", "에 따르면"
  std::vector<std::string> pronouns;            // "он", "она", "él", "彼", "그"
  std::vector<std::string> joint_subjects;  // "ambas partes", "両首脳", "양국 정상": nobody speaks
  std::vector<std::string> subject_markers;  // verb-final languages: "は", "が", "은", "는"
  std::vector<std::string> name_endings;  // case endings after a non-Latin name: "а", "у", "ом"
  std::vector<std::string> latin_name_endings;  // after a Latin name of 4+ letters: "nak", "iem"
  // Endings that replace a name's last letter: "ь" -> "я", "ю", "ем" ("Цзянь" -> "Цзяня").
  std::vector<std::pair<std::string, std::vector<std::string>>> name_stem_changes;
  std::vector<std::string> not_names;  // capitalized words that are no part of a person's name
  std::vector<std::string> complementizers;  // "que", "что", "أن": reported content follows
  std::vector<std::string> surname_titles;  // "氏", "部長", "부장" after a surname ("董氏は")
  std::vector<std::string> prepositions;    // "mit Biden", "с Трампом": not the subject
  std::vector<std::string> institution_words;  // "バイデン政権は": the administration, not Biden
  std::vector<std::string> articles;           // "o", "do", "il": after one, "segundo" is "second"
  std::vector<std::string> coordinators;       // subject_first: "ile", "ve" join two people
};

// A set of equivalent phrasings for query expansion ("prc", "china", "people's republic of china").
// When and between whom an event of events.json took place.
struct EventSpan {
  std::string from, to;             // ISO days, inclusive
  std::vector<std::string> people;  // canonical names
  std::string event;                // the event's id in events.json
  std::string kind;                 // its kind there ("summit", "talks", "call", ...)
  // Held by phone or video: a call, or an event of no place ("place": null, a virtual summit).
  bool remote = false;
  std::vector<std::string> names;  // the event's own names (not its place's), lower case
  std::string place;               // its places.json id, "" when none
};

struct SynonymGroup {
  std::vector<std::string> terms;  // lower case
  // The terms a query matches: those holding no other term (shared/text/held_members.h), set
  // when the knowledge is indexed.
  std::vector<std::string> match_terms;
  std::string id;  // "place:busan", "event:busan-2025" for groups from places/events.json
  // An event's group: its span; a place's group: the spans of the events held there. An account
  // of the event may name neither (the query builder also takes in the articles of these days
  // that involve these people).
  std::vector<EventSpan> spans;
  // A place's group naming one venue (places.json kind estate, compound or building), not a
  // city: an account naming it names the events held there.
  bool venue = false;
  // A place's group: its first English name as written ("Bali"), to show; and whether the
  // place also stands for its government ("Beijing said"; places.json stands_for_government).
  std::string label;
  bool stands_for_government = false;
  // A place's group in neither country (places.json country other than CN and US): a meeting
  // there is a journey for both sides, so the place names it too (not a call).
  bool abroad = false;
  std::string country;  // a place's group: its places.json country ("CN", "DE"), "" when unsaid
  // A place's group: the places.json ids of the wider places it lies in (an estate near San
  // Francisco, in California): an account saying "San Francisco" may tell of an event held there.
  std::vector<std::string> within;
};

// A synonym term cut into its words, with its group (an index into Knowledge::synonyms()).
struct SynonymStart {
  size_t group = 0;
  std::vector<std::string> words;
};

// How an article's account of an exchange is read (data/accounts.json; shared/events/).
struct AccountRules {
  struct Kind {
    std::string kind;   // "call", "video-call", "meeting", "summit", "talks"
    std::string group;  // a member of the synonym group whose words say this kind ("phone call")
    std::vector<std::string> words;  // more words that say it ("on the phone"), lower case
  };
  struct Rank {
    int rank = 0;                         // 0 = head of state; larger = lower
    std::vector<std::string> role_words;  // words of a people.json role giving this rank
  };
  std::vector<Kind> kinds;  // in order: the first kind found wins
  std::vector<Rank> ranks;  // in order: the first list a role matches gives its rank
  int default_rank = 3;     // a role matching no list
  std::vector<std::string> not_participants;     // role words of people who only comment
  std::vector<std::string> government_carriers;  // outlet ids that publish a government's readouts
  // Who asked for the exchange: words by which an account says its own side answered the other's
  // request ("应约"), words followed by the asking side's name ("at the request of"), and the
  // names of each side ("china": "Chinese side", "Beijing", ...; "us": ...).
  std::vector<std::string> answering_words, request_words;
  std::vector<std::pair<std::string, std::vector<std::string>>> side_names;
  // A title announcing the exchange ("to meet", "即将"), not reporting it; not right after one of
  // preview_not_after ("agreed to meet" reports an agreement).
  std::vector<std::string> preview_words, preview_not_after;
  // A preview word relating two exchanges ("ahead of"): after one of title_report_words ("Wang Yi
  // and Rubio speak ahead of ...") the title reports the first.
  std::vector<std::string> preview_after_exchange, title_report_words;
  // A lead announcing the exchange ("will meet today", "готовятся к встрече"): its first
  // paragraph holds one of lead_preview_words and none of lead_report_words ("said", "met").
  std::vector<std::string> lead_preview_words, lead_report_words;
  // An arrival story ("arrives in", "抵达" in the title or first paragraph of text) comes before
  // any talk, unless it opens a state visit (state_visit_words: "state visit", "国事访问").
  std::vector<std::string> arrival_words, state_visit_words;
  // A meeting held on arrival told in the same title or lead ("與特朗普舉行會面"): the story is
  // an account of it, unless the lead announces it (lead_preview_words).
  std::vector<std::string> arrival_meeting_words;
  // A query asking who asked for an exchange: one of question_words with one of verbs, or one
  // of phrases (lower case); evidence: the phrases by which an account says who asked.
  struct RequestQuestions {
    std::vector<std::string> question_words, verbs, phrases, evidence;
  } request_questions;
  // Title words of a commentary on an exchange ("editorial", "社评"): an opinion piece is no
  // account of what was said.
  std::vector<std::string> commentary_words;
  // Words naming each day of the week, Monday first (lower case): the day an undated account
  // names ("on Wednesday", "周三") tells apart the exchanges of the same people.
  std::vector<std::vector<std::string>> weekdays;
  // Words right before (deadline_before: "after", "bis") or right after (deadline_after: "起",
  // "부터") a day without a year that make it a deadline or a start ("no tariffs after January
  // 1"), not the exchange's day (lower case).
  std::vector<std::string> deadline_before, deadline_after;
};

// A user's correction of the grouping (data/event_corrections.json): the article's event is
// `event` ("" = in no event), whatever the grouping would say.
struct EventCorrection {
  std::string article;
  std::string event;
};

// One character that stands for a leader in a pair name such as 川習會 (pair_names.json).
struct PairInitial {
  std::string initial;  // "川"
  std::string person;   // canonical name, "Donald J. Trump"
};

class Knowledge {
 public:
  Knowledge() = default;

  // Parses and merges one set of data files' contents (any may be empty). Errors name the file's
  // role ("people.json") and the problem; nothing is merged on error.
  Status add_people_json(std::string_view json_text, std::string_view origin);
  Status add_topics_json(std::string_view json_text, std::string_view origin);
  Status add_synonyms_text(std::string_view text, std::string_view origin);
  Status add_outlets_json(std::string_view json_text, std::string_view origin) {
    Status s = outlets_.add_json(json_text, origin);
    if (s.ok()) changed();  // outlet names shadow topic terms (shadow_outlet_names)
    return s;
  }
  Status add_attribution_json(std::string_view json_text, std::string_view origin);
  // places.json and events.json: each place or event becomes a synonym group of its names in
  // every language (an event's group also holds its place's names), so that a query naming it
  // in one script finds the accounts in the others (knowledge_places.cpp).
  Status add_places_json(std::string_view json_text, std::string_view origin);
  Status add_events_json(std::string_view json_text, std::string_view origin);
  // pair_names.json: leaders' initials and the endings of names like 川習會 (knowledge_pairs.cpp);
  // read after people.json (its names must be canonical names there).
  Status add_pair_names_json(std::string_view json_text, std::string_view origin);
  // accounts.json: the kinds of exchange, participants' ranks, government carriers.
  Status add_accounts_json(std::string_view json_text, std::string_view origin);
  const AccountRules& account_rules() const { return account_rules_; }
  // event_corrections.json: articles put into (or out of) events by hand.
  Status add_event_corrections_json(std::string_view json_text, std::string_view origin);
  const std::vector<EventCorrection>& event_corrections() const { return event_corrections_; }
  const std::vector<PairInitial>& pair_initials() const { return pair_initials_; }
  const std::vector<std::string>& pair_endings() const { return pair_endings_; }

  const std::vector<Person>& people() const { return people_; }
  const std::vector<Topic>& topics() const { return topics_; }
  const std::vector<SynonymGroup>& synonyms() const { return synonyms_; }
  // The synonym terms whose first word is `word` (lower case), in the order of the groups and
  // their terms; nullptr when none.
  const std::vector<SynonymStart>* synonyms_starting(std::string_view word) const;
  const Outlets& outlets() const { return outlets_; }
  // Words that make a sentence an account of the talks ("обсудили", "discutieron", "協議"), from
  // topics.json's "account_words" (added to the built-in English and Chinese ones).
  const std::vector<std::string>& account_words() const { return account_words_; }
  const std::vector<AttributionLanguage>& attribution() const { return attribution_; }
  // Negation in other languages, from topics.json: "negators" (no, pas, nicht, не, لم, ...) with
  // "negation_words" (discutió, abordé, besprochen, обсуждали, ...) make a sentence say that
  // something was not discussed; a "negated_discussion" phrase says so alone (議論しなかった,
  // 논의하지 않았다), like 没有讨论.
  const std::vector<std::string>& negators() const { return negators_; }
  const std::vector<std::string>& negation_words() const { return negation_words_; }
  const std::vector<std::string>& negated_discussion() const { return negated_discussion_; }

  // Person named exactly by an alias or canonical name (case-insensitive for Latin script).
  const Person* find_person(std::string_view alias) const;
  // Person named by a title during the given date (ISO "YYYY-MM-DD" or shorter); nullptr if none.
  const Person* find_person_by_title(std::string_view title, std::string_view iso_date) const;
  const Person* person_by_name(std::string_view canonical_name) const;
  const Topic* find_topic(std::string_view id_or_label) const;
  // The topic one of whose distinctive terms (weight 3 or more in topics.json, no wildcard) the
  // text is ("两军沟通", "military communication"); nullptr if none or several topics claim it.
  const Topic* topic_of_term(std::string_view text) const;
  // The distinctive terms of the topics in Chinese/Japanese characters (2 or more), folded, each
  // with its topic: a query word made of several of them names their topics.
  const std::vector<std::pair<std::string, size_t>>& cjk_topic_terms() const {
    return cjk_topic_terms_;
  }

  // Precompiled matchers for extraction (names, titles, topic terms); never null.
  const KnowledgeIndex& index() const;

  // Between begin_load() and end_load() the add_* calls do not rebuild the matchers after each
  // file; end_load() builds them once (load_knowledge reads a dozen files: one build, not four).
  // Lookups through the index (find_person, find_topic, index()) wait for end_load().
  void begin_load() { loading_ = true; }
  void end_load() {
    loading_ = false;
    reindex();
  }

 private:
  void reindex();
  void changed() {
    if (!loading_) reindex();
  }
  void shadow_outlet_names(KnowledgeIndex& idx) const;
  void index_topic_terms();
  void index_attribution(KnowledgeIndex& idx) const;  // knowledge_attribution.cpp
  void index_synonyms();                              // after every change to synonyms_
  std::vector<Person> people_;
  std::vector<Topic> topics_;
  std::vector<SynonymGroup> synonyms_;
  Outlets outlets_;
  std::vector<std::string> account_words_, negators_, negation_words_, negated_discussion_;
  std::vector<AttributionLanguage> attribution_;
  std::vector<PairInitial> pair_initials_;
  AccountRules account_rules_;
  std::vector<EventCorrection> event_corrections_;
  std::vector<std::string> pair_endings_;
  std::unordered_map<std::string, std::vector<SynonymStart>> synonym_starts_;  // first word ->
  std::unordered_map<std::string, size_t> alias_index_;       // folded alias -> people_ index
  std::unordered_map<std::string, size_t> topic_index_;       // folded id/label -> topics_ index
  std::unordered_map<std::string, size_t> topic_term_index_;  // folded term -> topics_ index
  std::vector<std::pair<std::string, size_t>> cjk_topic_terms_;
  std::shared_ptr<const KnowledgeIndex> index_;  // rebuilt by reindex(); shared by copies
  bool loading_ = false;                         // between begin_load() and end_load()
};

// Reads people.json, topics.json, synonyms.txt, outlets.json, places.json, events.json,
// pair_names.json and attribution.json from each folder in order (missing files in an extension
// folder are fine; the first folder must have the first four, the others are optional). The default
// folder is default_data_dir().
Result<Knowledge> load_knowledge(const std::vector<std::filesystem::path>& dirs);
std::filesystem::path default_data_dir();

}  // namespace readouts
