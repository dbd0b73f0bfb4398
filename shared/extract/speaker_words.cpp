// Word lists of English and Chinese attribution (verbs, title, organization and joint-subject
// words) and the token helpers the speaker rules share.
#include "shared/extract/speaker_words.h"

#include "shared/text/utf8.h"

namespace readouts::speakers_detail {

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
    "underscoring", "emphasizing", "told",       "tweeted",     "tweets",       "described",
    "echoed",       "stating",     "accused",    "reminded",    "reminds",      "reported",
    "pressured"};
// Words that may sit between a subject and its verb ("Trump also said", "Xi on Monday said").
const Set kSkippable = {
    "also",     "further",    "then",     "again",      "later",        "has",        "had",
    "have",     "was",        "once",     "repeatedly", "publicly",     "separately", "previously",
    "recently", "earlier",    "firmly",   "clearly",    "specifically", "however",    "meanwhile",
    "today",    "yesterday",  "on",       "monday",     "tuesday",      "wednesday",  "thursday",
    "friday",   "saturday",   "sunday",   "privately",  "reportedly",   "himself",    "herself",
    "too",      "explicitly", "strongly", "in",         "turn",         "would",      "will",
    "could",    "had",        "both",     "first",      "solemnly",     "frankly"};
const Set kClauseOpeners = {"when",  "while",   "if",     "as",       "after",   "before",
                            "once",  "since",   "though", "although", "because", "unless",
                            "until", "whether", "where",  "asked",    "pressed", "speaking"};
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
    "表示", "指出", "强调", "強調", "说道", "說道", "认为", "認為", "希望", "介绍", "介紹", "重申",
    "呼吁", "呼籲", "提出", "坦言", "透露", "回应", "回應", "宣布", "欢迎", "歡迎", "感谢", "感謝",
    "说", "說", "称", "稱", "谈到", "談到", "主张", "主張", "阐明", "闡明", "回答", "形容", "写道",
    "寫道", "警告", "提到", "告诉", "告訴", "否认", "否認", "声称", "聲稱", "宣称", "宣稱", "直言",
    "坦承", "敦促", "反对", "反對", "称赞", "稱讚", "盛赞", "盛讚", "赞扬", "讚揚", "赞赏", "讚賞",
    "表态", "表態", "补充", "補充", "阐述", "闡述", "表明", "证实", "證實",
    // Hong Kong papers' "楊濤指，" (pointed out): 指 only right before a comma.
    "指，", "指,"};
const std::vector<std::string_view> kZhSkip = {
    "还",       "還",       "也",       "并",       "並",   "则",     "則",     "都",   "又",
    "亦",       "均",       "再次",     "同时",     "同時", "进一步", "進一步", "随后", "隨後",
    "当天",     "當天",     "对此",     "對此",     "会上", "會上",   "首先",   "最后", "最後",
    "在会谈中", "在會談中", "在通话中", "在通話中", "所",   "自己"};
const std::vector<std::string_view> kZhJoint = {
    "双方", "雙方", "两国", "兩國", "两国元首", "兩國元首", "两位元首", "兩位元首", "他们", "他們"};
const std::vector<std::string_view> kZhRoles = {
    "发言人", "發言人", "大使", "部长", "部長", "主任", "教授", "研究员", "研究員", "总统", "總統",
    "总理", "總理", "外长", "外長", "主席", "专家", "專家", "学者", "學者", "顾问", "顧問",
    "分析师", "分析師",
    // A ministry's department heads who brief the press ("北美大洋洲司司长杨涛").
    "司长", "司長", "局长", "局長",
    // Heads of institutes and think tanks who comment ("研究院院长阮宗泽认为").
    "院长", "院長", "所长", "所長", "会长", "會長", "理事长", "理事長"};
// Honorifics and titles: alone (or as part of the characters before a verb) they address or
// describe someone, they are not a name ("总统先生强调" is "Mr. President stressed").
const std::vector<std::string_view> kZhHonorifics = {
    "先生",   "女士",   "阁下", "閣下", "夫人",   "小姐",   "同志",   "博士",   "总统",   "總統",
    "主席",   "总理",   "總理", "部长", "部長",   "外长",   "外長",   "大使",   "国务卿", "國務卿",
    "首相",   "议长",   "議長", "元首", "领导人", "領導人", "发言人", "發言人", "主任",   "教授",
    "副总理", "副總理", "专家", "專家", "学者",   "學者",   "顾问",   "顧問"};

// True when `name` (2-3 Han characters) contains an honorific or title, or a character that ends
// one of them in the text just before it ("总统先生": "统先" is not a name either).
bool zh_title_like(std::string_view name) {
  for (std::string_view h : kZhHonorifics)
    if (name.find(h) != std::string_view::npos) return true;
  // Words that follow a role word before a verb without naming anyone: "专家分析认为" (experts,
  // analysing, believe), "学者普遍认为", "顾问们一致表示".
  // And words of time or sequence in the same place: "发言人同日表示" (the spokesperson, the
  // same day, said).
  static const std::vector<std::string_view> kNotNames = {
      "分析", "普遍", "一致", "纷纷", "紛紛", "大多", "多数", "多數", "大都",
      "们",   "們",   "则",   "則",   "同日", "当日", "當日", "当天", "當天",
      "今天", "昨天", "今日", "昨日", "日前", "近日", "此前", "随后", "隨後",
      "随即", "隨即", "再次", "再度", "也",   "还",   "還",   "当时", "當時"};
  for (std::string_view w : kNotNames)
    if (name.starts_with(w)) return true;
  return false;
}

bool is_sentence_end(const Token& t) {
  const std::string& f = t.folded;
  return t.kind == TokenKind::kPunct &&
         (f == "." || f == "!" || f == "?" || f == "\xE3\x80\x82" || f == "\xEF\xBC\x81" ||
          f == "\xEF\xBC\x9F" || f == "\xE2\x80\xA6" || f == "\xD8\x9F" /* ؟ */);
}
bool is_open_quote(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.folded == "\xE2\x80\x9C" || t.folded == "\xE3\x80\x8C" || t.folded == "\xE3\x80\x8E" ||
          t.folded == "\xC2\xAB" /* « */);
}
bool is_close_quote(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.folded == "\xE2\x80\x9D" || t.folded == "\xE3\x80\x8D" || t.folded == "\xE3\x80\x8F" ||
          t.folded == "\xC2\xBB" /* » */);
}
bool hangul_token(const Token& t) {
  // U+AC00..U+D7AF: lead bytes EA..ED.
  return t.kind == TokenKind::kCjk && !t.folded.empty() &&
         static_cast<unsigned char>(t.folded[0]) >= 0xEA &&
         static_cast<unsigned char>(t.folded[0]) <= 0xED;
}
namespace {
// The code point of a one-character CJK token (three UTF-8 bytes), or 0.
uint32_t cjk_code_point(const Token& t) {
  if (t.kind != TokenKind::kCjk || t.folded.size() != 3) return 0;
  const auto* b = reinterpret_cast<const unsigned char*>(t.folded.data());
  return ((b[0] & 0x0Fu) << 12) | ((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu);
}
}  // namespace
bool hiragana_token(const Token& t) {
  const uint32_t cp = cjk_code_point(t);
  return cp >= 0x3040 && cp <= 0x309F;
}
bool katakana_token(const Token& t) {
  const uint32_t cp = cjk_code_point(t);
  return cp >= 0x30A0 && cp <= 0x30FF;
}
bool is_quote_like(const Token& t) {
  return is_close_quote(t) || t.folded == "\"" || t.folded == "\xE2\x80\x99" || t.folded == "'";
}

bool QuoteState::step(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  if (t.folded == "\"") {
    ascii_open = !ascii_open;
  } else if (t.folded == "\xE2\x80\x9E") {  // „
    low_open = true;
  } else if (low_open && t.folded == "\xE2\x80\x9C") {  // “ closing „
    low_open = false;
  } else if (is_open_quote(t)) {
    ++depth;
  } else if (is_close_quote(t)) {
    if (depth > 0) --depth;
  } else {
    return false;
  }
  return true;
}

bool QuoteState::closes_only(const Token& next) const {
  if (low_open) return depth == 0 && next.folded == "\xE2\x80\x9C";
  return depth == 1 && is_close_quote(next);
}

size_t quoted_name_end(const std::vector<Token>& toks, size_t i, size_t end) {
  constexpr size_t kMaxWords = 3;
  if (i >= toks.size() || toks[i].kind != TokenKind::kPunct || toks[i].folded != "\"") return 0;
  for (size_t k = i + 1; k < end && k < toks.size() && k <= i + kMaxWords + 1; ++k) {
    if (toks[k].kind == TokenKind::kPunct) return toks[k].folded == "\"" && k > i + 1 ? k : 0;
    if (toks[k].kind != TokenKind::kWord) return 0;
  }
  return 0;
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

bool zh_role_before(const std::vector<Token>& toks, size_t at, bool honorifics) {
  for (std::string_view role : kZhRoles)
    if (cjk_word_before(toks, at, role)) return true;
  if (honorifics)
    for (std::string_view word : kZhHonorifics)
      if (cjk_word_before(toks, at, word)) return true;
  return false;
}

}  // namespace readouts::speakers_detail
