// Speaker attribution over token streams: name/title matching, verb-anchored subject search,
// pronoun carry-over, unknown-name recognition, sentence splitting and passage grouping.
#include "shared/extract/speakers.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "shared/extract/knowledge_index.h"
#include "shared/extract/tokenize.h"
#include "shared/extract/utf8.h"

namespace readouts {

namespace {

using Set = std::unordered_set<std::string_view>;

constexpr size_t kMaxSpeakers = 100;   // per article
constexpr size_t kMaxSurnames = 1000;  // remembered names per article

// Attribution verbs (folded forms). Two-word verbs are checked separately.
const Set kVerbs = {
    "said",         "says",        "say",        "noted",       "notes",        "stressed",
    "stresses",     "emphasized",  "emphasised", "emphasizes",  "emphasises",   "underscored",
    "underscores",  "underlined",  "outlined",   "expressed",   "expresses",    "told",
    "tells",        "added",       "adds",       "urged",       "urges",        "raised",
    "welcomed",     "welcomes",    "reiterated", "reiterates",  "affirmed",     "reaffirmed",
    "agreed",       "warned",      "warns",      "asked",       "asserted",     "declared",
    "explained",    "insisted",    "remarked",   "responded",   "replied",      "stated",
    "wrote",        "posted",      "commented",  "argued",      "acknowledged", "hoped",
    "proposed",     "conveyed",    "announced",  "highlighted", "encouraged",   "condemned",
    "criticized",   "criticised",  "praised",    "thanked",     "pledged",      "vowed",
    "promised",     "suggested",   "indicated",  "recalled",    "believes",     "discussed",
    "assured",      "cautioned",   "maintained", "observed",    "hailed",       "denied",
    "confirmed",    "voiced",      "briefed",    "countered",   "insists",      "urging",
    "stressing",    "noting",      "adding",     "saying",      "expressing",   "reiterating",
    "underscoring", "emphasizing", "told"};
// Words that may sit between a subject and its verb ("Trump also said", "Xi on Monday said").
const Set kSkippable = {
    "also",     "further",    "then",     "again",      "later",        "has",        "had",
    "have",     "was",        "once",     "repeatedly", "publicly",     "separately", "previously",
    "recently", "earlier",    "firmly",   "clearly",    "specifically", "however",    "meanwhile",
    "today",    "yesterday",  "on",       "monday",     "tuesday",      "wednesday",  "thursday",
    "friday",   "saturday",   "sunday",   "privately",  "reportedly",   "himself",    "herself",
    "too",      "explicitly", "strongly", "in",         "turn",         "would",      "will",
    "could",    "had",        "both",     "first",      "solemnly",     "frankly"};
const Set kJointSubjects = {"sides",     "presidents", "leaders",      "countries", "delegations",
                            "ministers", "parties",    "they",         "officials", "governments",
                            "nations",   "heads",      "counterparts", "teams"};
// Lower-case subjects that speak for an institution ("the ministry said", "officials said").
const Set kVoiceNouns = {"ministry",       "department", "statement",  "spokesperson", "spokesman",
                         "official",       "officials",  "government", "embassy",      "agency",
                         "media",          "sources",    "source",     "analysts",     "experts",
                         "report",         "reports",    "readout",    "white",        "house",
                         "administration", "commission", "council",    "office",       "command",
                         "guard",          "military",   "army",       "police",       "court"};
const Set kRemarkNouns = {"remarks", "comments", "statement", "speech",    "message", "words",
                          "post",    "letter",   "address",   "interview", "comment", "remark"};
// Words stripped from the left of a capitalized run before it can be an unknown person's name.
const Set kNameStrip = {"the",
                        "a",
                        "an",
                        "in",
                        "on",
                        "at",
                        "but",
                        "and",
                        "as",
                        "after",
                        "meanwhile",
                        "however",
                        "president",
                        "vice",
                        "premier",
                        "minister",
                        "secretary",
                        "spokesperson",
                        "spokesman",
                        "spokeswoman",
                        "ambassador",
                        "foreign",
                        "commerce",
                        "trade",
                        "treasury",
                        "defense",
                        "defence",
                        "state",
                        "chinese",
                        "china",
                        "us",
                        "american",
                        "united",
                        "states",
                        "senator",
                        "sen",
                        "rep",
                        "representative",
                        "congressman",
                        "congresswoman",
                        "general",
                        "gen",
                        "admiral",
                        "dr",
                        "mr",
                        "ms",
                        "mrs",
                        "professor",
                        "prof",
                        "chairman",
                        "chairwoman",
                        "director",
                        "adviser",
                        "advisor",
                        "envoy",
                        "special",
                        "national",
                        "security",
                        "prime",
                        "chief",
                        "executive",
                        "press",
                        "deputy",
                        "assistant",
                        "official",
                        "analyst",
                        "researcher",
                        "senior",
                        "fellow",
                        "former",
                        "japanese",
                        "russian",
                        "ukrainian",
                        "korean",
                        "north",
                        "south",
                        "european",
                        "british",
                        "french",
                        "german",
                        "indian",
                        "pakistani",
                        "australian",
                        "taiwanese",
                        "beijing",
                        "washington",
                        "white",
                        "house",
                        "leader",
                        "governor",
                        "gov",
                        "mayor",
                        "economist",
                        "reporter",
                        "correspondent",
                        "editor",
                        "commander",
                        "colonel",
                        "col",
                        "lt",
                        "captain",
                        "sir",
                        "madam",
                        "his",
                        "her",
                        "their",
                        "our",
                        "when",
                        "while",
                        "later",
                        "earlier",
                        "today",
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday",
                        "saturday",
                        "sunday",
                        "ministry",
                        "department",
                        "spokespersons",
                        "officials",
                        "also",
                        "then",
                        "its",
                        "this",
                        "that",
                        "these",
                        "those",
                        "some",
                        "many",
                        "xinhua",
                        "reuters",
                        "ap",
                        "afp",
                        "cgtn",
                        "cctv",
                        "bloomberg",
                        "global",
                        "commerce",
                        "affairs",
                        "office",
                        "embassy"};
// A run containing one of these names an organization, not a person.
const Set kOrgWords = {
    "ministry",    "department",  "house",        "office",       "embassy",     "council",
    "committee",   "congress",    "senate",       "party",        "government",  "administration",
    "commission",  "bureau",      "group",        "institute",    "university",  "center",
    "centre",      "foundation",  "bank",         "association",  "union",       "nations",
    "forum",       "review",      "journal",      "network",      "times",       "daily",
    "post",        "news",        "agency",       "press",        "inc",         "corp",
    "company",     "co",          "ltd",          "council",      "court",       "army",
    "navy",        "force",       "forces",       "command",      "china",       "states",
    "kingdom",     "republic",    "korea",        "japan",        "russia",      "ukraine",
    "taiwan",      "iran",        "israel",       "europe",       "beijing",     "washington",
    "moscow",      "tokyo",       "summit",       "talks",        "initiative",  "strategy",
    "act",         "law",         "treaty",       "communique",   "declaration", "conference",
    "meeting",     "day",         "week",         "year",         "month",       "xinhua",
    "reuters",     "cgtn",        "guard",        "coast",        "police",      "authorities",
    "institution", "corporation", "council",      "parliament",   "assembly",    "cabinet",
    "board",       "federation",  "organization", "organisation", "media",       "television",
    "radio",       "airlines",    "exchange",     "reporters",    "report",      "statement",
    "readout",     "briefing",    "dialogue"};
// Title words: a capitalized name right after one of these is a person ("Minister Abbas Araghchi").
const Set kTitleWords = {"president",      "minister",   "secretary",  "spokesperson", "spokesman",
                         "spokeswoman",    "ambassador", "envoy",      "premier",      "chancellor",
                         "chief",          "director",   "adviser",    "advisor",      "senator",
                         "representative", "governor",   "chairman",   "chairwoman",   "commander",
                         "general",        "admiral",    "leader",     "king",         "queen",
                         "professor",      "economist",  "analyst",    "fellow",       "negotiator",
                         "official",       "mayor",      "counterpart"};
// Chinese attribution verbs (as token sequences of one character each).
const std::vector<std::string_view> kZhVerbs = {
    "表示", "指出", "强调", "強調", "说道", "說道", "认为", "認為", "希望", "介绍", "介紹",
    "重申", "呼吁", "呼籲", "提出", "坦言", "透露", "回应", "回應", "宣布", "欢迎", "歡迎",
    "感谢", "感謝", "说",   "說",   "称",   "稱",   "谈到", "談到", "主张", "主張"};
const std::vector<std::string_view> kZhSkip = {
    "还",   "還",   "也",   "并",       "並",       "则",       "則",      "都",
    "又",   "亦",   "均",   "再次",     "同时",     "同時",     "进一步",  "進一步",
    "随后", "隨後", "当天", "當天",     "对此",     "對此",     "会上",    "會上",
    "首先", "最后", "最後", "在会谈中", "在會談中", "在通话中", "在通話中"};
const std::vector<std::string_view> kZhJoint = {
    "双方", "雙方", "两国", "兩國", "两国元首", "兩國元首", "两位元首", "兩位元首", "他们", "他們"};
const std::vector<std::string_view> kZhRoles = {
    "发言人", "發言人", "大使", "部长", "部長", "主任", "教授", "研究员",
    "研究員", "总统",   "總統", "总理", "總理", "外长", "外長", "主席"};
// Honorifics and titles: alone (or as part of the characters before a verb) they address or
// describe someone, they are not a name ("总统先生强调" is "Mr. President stressed").
const std::vector<std::string_view> kZhHonorifics = {
    "先生",   "女士",   "阁下",   "閣下",   "夫人", "小姐", "同志",   "博士",
    "总统",   "總統",   "主席",   "总理",   "總理", "部长", "部長",   "外长",
    "外長",   "大使",   "国务卿", "國務卿", "首相", "议长", "議長",   "元首",
    "领导人", "領導人", "发言人", "發言人", "主任", "教授", "副总理", "副總理"};

// True when `name` (2-3 Han characters) contains an honorific or title, or a character that ends
// one of them in the text just before it ("总统先生": "统先" is not a name either).
bool zh_title_like(std::string_view name) {
  for (std::string_view h : kZhHonorifics)
    if (name.find(h) != std::string_view::npos) return true;
  return false;
}

bool is_sentence_end(const Token& t) {
  const std::string& f = t.folded;
  return t.kind == TokenKind::kPunct &&
         (f == "." || f == "!" || f == "?" || f == "\xE3\x80\x82" || f == "\xEF\xBC\x81" ||
          f == "\xEF\xBC\x9F" || f == "\xE2\x80\xA6");
}
bool is_open_quote(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.folded == "\xE2\x80\x9C" || t.folded == "\xE3\x80\x8C" || t.folded == "\xE3\x80\x8E");
}
bool is_close_quote(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.folded == "\xE2\x80\x9D" || t.folded == "\xE3\x80\x8D" || t.folded == "\xE3\x80\x8F");
}
bool is_quote_like(const Token& t) {
  return is_close_quote(t) || t.folded == "\"" || t.folded == "\xE2\x80\x99" || t.folded == "'";
}

struct Sentence {
  size_t tb = 0, te = 0;  // token range
};

std::vector<Sentence> split_sentences(const std::vector<Token>& toks) {
  std::vector<Sentence> out;
  size_t start = 0;
  int depth = 0;
  bool ascii_open = false;
  size_t open_at = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (is_open_quote(t)) {
      if (depth == 0) open_at = i;
      ++depth;
    } else if (is_close_quote(t)) {
      if (depth > 0) --depth;
    } else if (t.kind == TokenKind::kPunct && t.folded == "\"") {
      ascii_open = !ascii_open;
      if (ascii_open) open_at = i;
    }
    const bool quoted = depth > 0 || ascii_open;
    if (quoted && i - open_at > 400) {  // an unbalanced quote must not swallow everything
      depth = 0;
      ascii_open = false;
    }
    if (!quoted && is_sentence_end(t)) {
      size_t e = i + 1;
      while (e < toks.size() && (is_quote_like(toks[e]) || toks[e].folded == ")")) ++e;
      out.push_back({start, e});
      start = e;
      i = e - 1;
    } else if (quoted && is_sentence_end(t) && i + 1 < toks.size() && is_close_quote(toks[i + 1]) &&
               depth == 1) {
      // "... forward.” Next sentence": a quotation that ends a sentence.
      size_t e = i + 2;
      if (e < toks.size() && toks[e].kind == TokenKind::kWord && toks[e].upper_initial &&
          !kVerbs.count(toks[e].folded)) {
        depth = 0;
        out.push_back({start, e});
        start = e;
        i = e - 1;
      }
    }
  }
  if (start < toks.size()) out.push_back({start, toks.size()});
  return out;
}

struct Ref {
  size_t b = 0, e = 0;
  int person = -1;  // index into people(); -1 = unresolved title
  bool title = false;
  bool dropped = false;  // a title directly followed by a name ("U.S. President Joe Biden")
};

bool title_in_period(const NameTarget& t, std::string_view iso) {
  if (iso.empty()) return false;
  if (!t.from.empty() && iso < std::string_view(t.from).substr(0, iso.size())) return false;
  if (!t.to.empty() && iso >= t.to) return false;
  return true;
}

bool tokens_equal(const std::vector<Token>& toks, size_t i, std::string_view word) {
  // Matches a CJK word (one token per character) starting at token i.
  size_t pos = 0;
  size_t k = i;
  while (pos < word.size()) {
    if (k >= toks.size()) return false;
    const std::string& f = toks[k].folded;
    if (word.compare(pos, f.size(), f) != 0) return false;
    pos += f.size();
    ++k;
  }
  return true;
}
// Number of tokens of a CJK word ending just before token end (exclusive), or 0.
size_t cjk_word_before(const std::vector<Token>& toks, size_t end, std::string_view word) {
  size_t chars = 0, bytes = 0;
  while (bytes < word.size()) {
    uint32_t cp;
    bytes += utf8_decode(word, bytes, cp);
    ++chars;
  }
  if (chars > end) return 0;
  return tokens_equal(toks, end - chars, word) ? chars : 0;
}

class Attributor {
 public:
  Attributor(const Knowledge& k, std::string_view iso) : k_(k), idx_(k.index()), iso_(iso) {}

  void paragraph(const std::string& text) {
    toks_ = tokenize(text);
    find_refs();
    register_titled_names();
    auto sentences = split_sentences(toks_);
    std::vector<std::string> sentence_speaker(sentences.size());
    std::string inherited = label_speaker();
    if (!inherited.empty()) {
      add_speaker(inherited);
      last_ = inherited;
    }
    for (size_t s = 0; s < sentences.size(); ++s) {
      bool joint = false;
      std::string who = sentence(sentences[s], joint);
      if (who.empty() && !joint) who = inherited;
      sentence_speaker[s] = who;
      inherited = joint ? std::string() : who;
    }
    // Group consecutive sentences with the same speaker into passages.
    size_t s = 0;
    while (s < sentences.size()) {
      size_t e = s + 1;
      while (e < sentences.size() && sentence_speaker[e] == sentence_speaker[s]) ++e;
      size_t b_byte = toks_[sentences[s].tb].begin;
      size_t e_byte = e < sentences.size() ? toks_[sentences[e].tb].begin : text.size();
      if (s == 0) b_byte = 0;
      std::string piece(trim(std::string_view(text).substr(b_byte, e_byte - b_byte)));
      if (!piece.empty()) out_.passages.push_back({sentence_speaker[s], std::move(piece)});
      s = e;
    }
    if (sentences.empty() && !text.empty()) out_.passages.push_back({"", text});
  }

  // A transcript label: "Mao Ning: ..." / "林剑：..." opens the paragraph.
  std::string label_speaker() const {
    if (toks_.empty() || start_at_[0] < 0) return "";
    const Ref& r = refs_[static_cast<size_t>(start_at_[0])];
    if (r.e < toks_.size() && (toks_[r.e].folded == ":" || toks_[r.e].folded == "\xEF\xBC\x9A"))
      return ref_name(start_at_[0]);
    return "";
  }

  Attribution finish() {
    std::unordered_set<std::string> spoke(out_.speakers.begin(), out_.speakers.end());
    for (const std::string& m : mentioned_)
      if (!spoke.count(m)) out_.mentions.push_back(m);
    return std::move(out_);
  }

 private:
  void find_refs() {
    refs_.clear();
    end_at_.assign(toks_.size() + 1, -1);
    start_at_.assign(toks_.size() + 1, -1);
    for (size_t i = 0; i < toks_.size(); ++i) {
      Ref found;
      bool have = false, ambiguous = false;
      idx_.names.match_at(toks_, i, [&](const Phrase& p) {
        const NameTarget& t = idx_.name_targets[p.payload];
        if (have && p.tokens.size() < found.e - found.b) return false;
        if (t.title && !title_in_period(t, iso_)) return true;
        if (have) {
          // Same length: a title with two holders at this date's precision names nobody.
          if (found.title && t.title && found.person != static_cast<int>(t.person))
            ambiguous = true;
          return true;
        }
        found = Ref{i, i + p.tokens.size(), static_cast<int>(t.person), t.title, false};
        have = true;
        return true;
      });
      if (ambiguous) continue;
      if (!have) continue;
      // Skip a match that starts inside a longer earlier one (e.g. "Xi" in "President Xi").
      if (!refs_.empty() && refs_.back().e > i && refs_.back().e >= found.e) continue;
      refs_.push_back(found);
    }
    for (size_t r = 0; r < refs_.size(); ++r) {
      Ref& ref = refs_[r];
      if (ref.title) {
        // "U.S. President Joe Biden", "the President of Kenya": the title is not a reference.
        if (r + 1 < refs_.size() && refs_[r + 1].b <= ref.e && !refs_[r + 1].title)
          ref.dropped = true;
        if (ref.e < toks_.size() && toks_[ref.e].folded == "of") ref.dropped = true;
        if (ref.e < toks_.size() && toks_[ref.e].kind == TokenKind::kWord &&
            toks_[ref.e].upper_initial && !kVerbs.count(toks_[ref.e].folded))
          ref.dropped = true;  // followed by an unknown name
      }
      if (ref.dropped) continue;
      const std::string& name = k_.people()[static_cast<size_t>(ref.person)].name;
      if (std::find(mentioned_.begin(), mentioned_.end(), name) == mentioned_.end())
        mentioned_.push_back(name);
      if (!ref.title) register_name(name);
      end_at_[ref.e - 1] = static_cast<int>(r);
      if (start_at_[ref.b] < 0) start_at_[ref.b] = static_cast<int>(r);
    }
  }

  // "Iranian Foreign Minister Abbas Araghchi": a name after a title word, remembered for later.
  void register_titled_names() {
    for (size_t i = 0; i + 2 < toks_.size(); ++i) {
      if (kTitleWords.count(toks_[i].folded) && toks_[i + 1].folded == "of") {
        // "Secretary of Defense James Mattis": a department, then the name (its last two
        // capitalized words, when the run after "of" has three or four).
        size_t b = i + 2, e = b;
        while (e < toks_.size() && e - b < 5 && toks_[e].kind == TokenKind::kWord &&
               toks_[e].upper_initial && !toks_[e].possessive)
          ++e;
        if (e - b >= 3 && e - b <= 4 && start_at_[e - 2] < 0 &&
            !kOrgWords.count(toks_[e - 2].folded) && !kOrgWords.count(toks_[e - 1].folded) &&
            !kTitleWords.count(toks_[e - 2].folded) &&
            !(e < toks_.size() && toks_[e].kind == TokenKind::kWord && toks_[e].upper_initial))
          register_name(name_text(e - 2, e));
        continue;
      }
      if (!kTitleWords.count(toks_[i].folded) || start_at_[i + 1] >= 0) continue;
      size_t e = i + 1;
      while (e < toks_.size() && e - i <= 3 && toks_[e].kind == TokenKind::kWord &&
             toks_[e].upper_initial && !kNameStrip.count(toks_[e].folded) &&
             !kOrgWords.count(toks_[e].folded) && !kTitleWords.count(toks_[e].folded))
        ++e;
      if (e - (i + 1) >= 2 && e - (i + 1) <= 3 &&
          !(e < toks_.size() && toks_[e].kind == TokenKind::kWord && toks_[e].upper_initial))
        register_name(name_text(i + 1, e));
    }
  }

  std::string ref_name(int r) const {
    return k_.people()[static_cast<size_t>(refs_[static_cast<size_t>(r)].person)].name;
  }

  void add_speaker(const std::string& name) {
    if (out_.speakers.size() >= kMaxSpeakers) return;  // hostile input: bounded output
    if (speaker_set_.insert(name).second) out_.speakers.push_back(name);
  }

  // Verb length at token i (1 or 2 tokens), 0 if no attribution verb starts there.
  size_t verb_at(size_t i, size_t te) const {
    const Token& t = toks_[i];
    if (t.kind != TokenKind::kWord || t.upper_initial) return 0;
    const std::string& f = t.folded;
    if (kVerbs.count(f)) return 1;
    if (i + 1 < te) {
      const std::string& n = toks_[i + 1].folded;
      if (f == "pointed" && n == "out") return 2;
      if (f == "called" && (n == "for" || n == "on")) return 2;
      if (f == "made" && n == "clear") return 2;
      if (f == "put" && n == "forward") return 2;
      if ((f == "laid" || f == "spelled") && n == "out") return 2;
    }
    return 0;
  }

  // The name of an unknown person whose capitalized name ends at token j (inclusive), or "":
  // the capitalized words before j up to a title or function word ("Agriculture Secretary Brooke
  // Rollins" -> "Brooke Rollins"); 2..4 words, none naming an organization or place.
  std::string unknown_name_ending_at(size_t j, size_t tb) const {
    size_t b = j + 1;
    while (b > tb && j + 1 - b < 4) {
      const Token& t = toks_[b - 1];
      if (t.kind != TokenKind::kWord || !t.upper_initial) break;
      if (b - 1 < j && t.possessive) break;
      if (kNameStrip.count(t.folded) || kTitleWords.count(t.folded)) break;
      --b;
    }
    if (j + 1 - b < 2) return "";
    // A run that continues into more capitalized words is not a name we can delimit safely,
    // unless it stopped at a title word.
    if (b > tb) {
      const Token& before = toks_[b - 1];
      if (before.kind == TokenKind::kWord && before.upper_initial && !before.possessive &&
          !kNameStrip.count(before.folded) && !kTitleWords.count(before.folded))
        return "";
      if (kOrgWords.count(before.folded) && before.upper_initial &&
          !kTitleWords.count(before.folded))
        return "";
    }
    for (size_t k = b; k <= j; ++k)
      if (kOrgWords.count(toks_[k].folded)) return "";
    return name_text(b, j + 1);
  }
  std::string unknown_name_starting_at(size_t i, size_t te) const {
    while (i < te && toks_[i].kind == TokenKind::kWord && toks_[i].upper_initial &&
           (kNameStrip.count(toks_[i].folded) || kTitleWords.count(toks_[i].folded)))
      ++i;
    size_t e = i;
    while (e < te && e - i < 4 && toks_[e].kind == TokenKind::kWord && toks_[e].upper_initial) {
      ++e;
      if (toks_[e - 1].possessive) break;
    }
    size_t first = i;
    while (first < e && kNameStrip.count(toks_[first].folded)) ++first;
    if (e - first < 2) return "";
    for (size_t k = first; k < e; ++k)
      if (kOrgWords.count(toks_[k].folded)) return "";
    return name_text(first, e);
  }
  std::string name_text(size_t b, size_t e) const {
    std::string s;
    for (size_t k = b; k < e; ++k) {
      if (!s.empty()) s += ' ';
      std::string w(raw_.substr(toks_[k].begin, toks_[k].end - toks_[k].begin));
      if (toks_[k].possessive) w.resize(w.size() - (w.ends_with("'s") ? 2 : 4));
      s += w;
    }
    return s;
  }

  // Remembers a full name so that a later bare surname or given name ("Miller said") resolves.
  void register_name(const std::string& full) {
    size_t sp = full.find(' ');
    if (sp == std::string::npos) return;
    for (std::string part : {full.substr(0, sp), full.substr(full.rfind(' ') + 1)}) {
      std::string key = fold_word(part);
      if (key.size() < 3 || kNameStrip.count(key) || kOrgWords.count(key)) continue;
      if (surnames_.size() < kMaxSurnames) surnames_.emplace(key, full);
    }
  }

  // Resolves the subject that ends at token j; "" if none. Sets joint for "the two sides".
  std::string subject_ending_at(size_t j, size_t tb, bool& joint) {
    const Token& t = toks_[j];
    if (kJointSubjects.count(t.folded) && t.kind == TokenKind::kWord) {
      // Only a joint subject that opens the sentence ("The two sides agreed") is narration;
      // "what we agreed to" inside someone's remarks is not.
      if (j <= tb + 4) joint = true;
      return "";
    }
    if (end_at_[j] >= 0) return ref_name(end_at_[j]);
    if (t.kind == TokenKind::kWord && (t.folded == "he" || t.folded == "she")) return last_;
    if (t.kind == TokenKind::kWord && t.upper_initial) {
      if (auto it = surnames_.find(t.folded);
          it != surnames_.end() &&
          (j == tb || !toks_[j - 1].upper_initial || kNameStrip.count(toks_[j - 1].folded) ||
           kTitleWords.count(toks_[j - 1].folded)))
        return it->second;
      std::string u = unknown_name_ending_at(j, tb);
      if (!u.empty()) {
        register_name(u);
        return u;
      }
    }
    return "";
  }

  // Speaker of one sentence ("" = narration); every attributed person becomes a speaker.
  std::string sentence(const Sentence& s, bool& joint) {
    std::string first;
    size_t last_verb_end = s.tb;
    // Whether a clause break lies between last_verb_end and a token, scanned incrementally (each
    // token once per attribution) so that a megabyte sentence stays linear.
    size_t scanned = s.tb;
    bool clause_break = false;
    auto clause_break_before = [&](size_t e) {
      for (; scanned + 1 < e && !clause_break; ++scanned) clause_break = clause_break_at(scanned);
      return clause_break;
    };
    bool seen_verb = false;  // an attribution verb with a subject position came before
    bool other_voice = false;
    auto take = [&](const std::string& who) {
      if (who.empty()) return;
      add_speaker(who);
      if (first.empty()) first = who;
    };
    const bool question = inverted_question(s);
    for (size_t i = s.tb; i < s.te; ++i) {
      const Token& t = toks_[i];
      if (t.kind == TokenKind::kCjk) {
        if (size_t vl = zh_verb_at(i)) {
          take(zh_subject_before(i, s.tb, joint));
          i += vl - 1;
        }
        continue;
      }
      if (t.kind != TokenKind::kWord || question) continue;
      // "according to X"
      if (t.folded == "according" && i + 2 < s.te && toks_[i + 1].folded == "to") {
        if (start_at_[i + 2] >= 0) {
          take(ref_name(start_at_[i + 2]));
        } else {
          take(unknown_name_starting_at(i + 2, s.te));
        }
        continue;
      }
      // "X's remarks"
      if (t.possessive && end_at_[i] >= 0 && i + 1 < s.te &&
          kRemarkNouns.count(toks_[i + 1].folded)) {
        take(ref_name(end_at_[i]));
        continue;
      }
      size_t vl = verb_at(i, s.te);
      if (!vl) continue;
      // After the first attribution, a later one counts only in a new clause ("..., and Trump
      // said ..."), not in the reported content ("noting that Xi had announced ...").
      if (seen_verb && !clause_break_before(i) && !trailing_attribution(i, vl, s)) {
        i += vl - 1;
        continue;
      }
      // Subject before the verb.
      std::string who;
      bool cap_subject = false;
      if (negated_before(i, s.tb)) {
        i += vl - 1;
        continue;
      }
      if (i > s.tb) {
        size_t j = i - 1;
        for (size_t skipped = 0; j > s.tb && skipped < 5; ++skipped) {
          const Token& w = toks_[j];
          if (w.kind != TokenKind::kWord || !kSkippable.count(w.folded)) break;
          if (!w.upper_initial) {
            --j;
          } else if (j > s.tb + 1 && toks_[j - 1].folded == "on") {
            j -= 2;  // "Trump on Monday said": capitalized weekday after "on"
          } else {
            break;
          }
        }
        cap_subject = toks_[j].upper_initial;
        if (toks_[j].folded == "," && j > s.tb) {
          // Appositive: "John Smith, a senior fellow at Brookings, said".
          size_t k = j;
          size_t limit = j > s.tb + 20 ? j - 20 : s.tb;
          while (k > limit && toks_[k - 1].folded != ",") --k;
          if (k > limit && k >= 2 && toks_[k - 1].folded == "," && k - 1 > s.tb) {
            bool lower_inside = false;
            for (size_t m = k; m < j; ++m) lower_inside |= !toks_[m].upper_initial;
            if (lower_inside) {
              who = subject_ending_at(k - 2, s.tb, joint);
            }
          }
        } else if (toks_[j].kind == TokenKind::kWord) {
          who = subject_ending_at(j, s.tb, joint);
        }
      }
      // Verb first: "..., said Trump." / "“...,” said the Chinese leader."
      if (who.empty() && !joint && i > s.tb &&
          (toks_[i - 1].folded == "," || is_quote_like(toks_[i - 1])) && i + vl < s.te) {
        size_t n = i + vl;
        if (start_at_[n] >= 0) {
          who = ref_name(start_at_[n]);
        } else if (toks_[n].kind == TokenKind::kWord && toks_[n].upper_initial) {
          who = unknown_name_starting_at(n, s.te);
          if (who.empty())
            if (auto it = surnames_.find(toks_[n].folded); it != surnames_.end()) who = it->second;
        }
      }
      // Someone else speaks: an organization or a person we cannot name ("The China Coast Guard
      // said", "the commerce ministry said"). The sentence is not the previous speaker's.
      if (who.empty() && !joint && i > s.tb &&
          (cap_subject || kVoiceNouns.count(toks_[i - 1].folded)))
        other_voice = true;
      take(who);
      if (joint && first.empty()) return "";
      i += vl - 1;
      // A capitalized subject we could not resolve ("Miller also said ...") still opens reported
      // content; a lower-case word before the verb ("this is welcomed") does not.
      if (!who.empty() || cap_subject) {
        seen_verb = true;
        last_verb_end = i + 1;
        scanned = last_verb_end;
        clause_break = false;
      }
    }
    if (!first.empty()) last_ = first;
    if (first.empty() && other_voice) joint = true;  // narration that stops inheritance
    return first;
  }

  // A question that opens with an auxiliary ("Has President Xi confirmed whether ...?", "Did
  // Trump say ...?") asks whether someone spoke; it does not report that they did.
  bool inverted_question(const Sentence& s) const {
    static const Set kAux = {"has", "have",  "had", "did", "does", "do",   "will",  "would",
                             "can", "could", "is",  "are", "was",  "were", "should"};
    size_t b = s.tb;  // after a transcript label: "Bloomberg: Has ...?"
    for (size_t k = s.tb; k < s.te && k < s.tb + 4; ++k)
      if (toks_[k].folded == ":") b = k + 1;
    if (b >= s.te || !toks_[b].upper_initial || !kAux.count(toks_[b].folded)) return false;
    size_t e = s.te;
    while (e > s.tb + 1 && (is_quote_like(toks_[e - 1]) || toks_[e - 1].folded == ")")) --e;
    return toks_[e - 1].folded == "?";
  }

  // The wire-copy attribution that closes a sentence: "China welcomed the pledge, foreign
  // ministry spokesman Lu Kang said at a briefing." The verb is "said"/"says", not followed by
  // "that", and its subject (a name, with lower-case title words before it) follows a comma.
  bool trailing_attribution(size_t v, size_t vl, const Sentence& s) const {
    static const Set kClauseWords = {"which", "that",  "who",  "whom",  "whose",   "as",
                                     "when",  "where", "if",   "while", "because", "what",
                                     "and",   "but",   "said", "says",  "told",    "he",
                                     "she",   "it",    "they", "we",    "i"};
    const std::string& f = toks_[v].folded;
    if (vl != 1 || (f != "said" && f != "says")) return false;
    if (v + 1 < s.te && toks_[v + 1].folded == "that") return false;
    if (v == s.tb || !toks_[v - 1].upper_initial) return false;  // a capitalized name before
    for (size_t k = v, steps = 0; k > s.tb && steps < 8; --k, ++steps) {
      const Token& t = toks_[k - 1];
      if (t.folded == ",") return k < v;
      if (t.kind != TokenKind::kWord || kClauseWords.count(t.folded)) return false;
    }
    return false;
  }

  // A new clause starts at token k (k + 1 must be a token): ";", "；", "。", ", and", ", while",
  // ", but", "while", "whereas".
  bool clause_break_at(size_t k) const {
    const std::string& f = toks_[k].folded;
    if (f == ";" || f == "\xEF\xBC\x9B" || f == "\xE3\x80\x82") return true;
    if (f == "," && (toks_[k + 1].folded == "and" || toks_[k + 1].folded == "while" ||
                     toks_[k + 1].folded == "but" || toks_[k + 1].folded == "whereas"))
      return true;
    return f == "while" || f == "whereas";
  }

  // "Neither Xi nor Trump has commented", "Trump did not say": no attribution.
  bool negated_before(size_t v, size_t tb) const {
    size_t from = v > tb + 6 ? v - 6 : tb;
    for (size_t k = from; k < v; ++k) {
      const std::string& f = toks_[k].folded;
      if (f == "not" || f == "never" || f == "nor" || f == "neither" || f.ends_with("n't") ||
          f == "declined" || f == "refused")
        return true;
    }
    return false;
  }

  size_t zh_verb_at(size_t i) const {
    for (std::string_view v : kZhVerbs)
      if (tokens_equal(toks_, i, v)) {
        size_t chars = v.size() / 3;
        return chars;
      }
    return 0;
  }

  std::string zh_subject_before(size_t v, size_t tb, bool& joint) {
    size_t end = v;  // exclusive end of the subject
    for (int guard = 0; guard < 3 && end > tb; ++guard) {
      bool skipped = false;
      for (std::string_view w : kZhSkip) {
        if (size_t n = cjk_word_before(toks_, end, w); n && end - n >= tb) {
          end -= n;
          skipped = true;
          break;
        }
      }
      if (!skipped) break;
    }
    if (end <= tb) return "";
    for (std::string_view w : kZhJoint)
      if (cjk_word_before(toks_, end, w)) {
        joint = true;
        return "";
      }
    if (end_at_[end - 1] >= 0) return ref_name(end_at_[end - 1]);
    // The clause's first person: "美國國務卿布林肯30日發表聲明表示" -> 布林肯.
    size_t clause = end;
    while (clause > tb && clause + 16 > end && toks_[clause - 1].kind != TokenKind::kPunct)
      --clause;
    if (clause > tb && toks_[clause - 1].kind != TokenKind::kPunct) clause = end;  // out of reach
    for (size_t k = clause; k < end; ++k) {
      if (start_at_[k] >= 0 && refs_[static_cast<size_t>(start_at_[k])].e <= end)
        return ref_name(start_at_[k]);
    }
    const std::string& f = toks_[end - 1].folded;
    if (f == "他" || f == "她") return last_;
    // Unknown: role word + 2-3 Han characters ("发言人张三表示").
    for (size_t len = 3; len >= 2; --len) {
      if (end < tb + len) continue;
      bool han = true;
      for (size_t k = end - len; k < end; ++k) han &= toks_[k].kind == TokenKind::kCjk;
      if (!han) continue;
      for (std::string_view role : kZhRoles) {
        if (cjk_word_before(toks_, end - len, role)) {
          std::string name;
          for (size_t k = end - len; k < end; ++k) name += toks_[k].folded;
          if (zh_title_like(name)) break;  // "总统先生表示": an address, not a name
          return name;
        }
      }
    }
    return "";
  }

 public:
  void set_text(std::string_view raw) { raw_ = raw; }

 private:
  const Knowledge& k_;
  const KnowledgeIndex& idx_;
  std::string_view iso_;
  std::string_view raw_;
  std::vector<Token> toks_;
  std::vector<Ref> refs_;
  std::vector<int> end_at_, start_at_;
  std::vector<std::string> mentioned_;
  std::unordered_map<std::string, std::string> surnames_;  // unknown speakers by surname
  std::string last_;                                       // last speaker, for pronouns
  std::unordered_set<std::string> speaker_set_;
  Attribution out_;
};

}  // namespace

Attribution attribute_speakers(const std::vector<std::string>& paragraphs,
                               const Knowledge& knowledge, std::string_view iso_date) {
  Attributor a(knowledge, iso_date);
  for (const std::string& p : paragraphs) {
    a.set_text(p);
    a.paragraph(p);
  }
  return a.finish();
}

}  // namespace readouts
