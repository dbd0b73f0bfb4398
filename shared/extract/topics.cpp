// Topic scoring: term matching over tokens, title/lead weighting, negation, thresholds.
#include "shared/extract/topics.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "shared/extract/knowledge_index.h"
#include "shared/text/tokenize.h"

namespace readouts {

namespace {

const std::unordered_set<std::string_view> kNegators = {
    "not", "no", "never", "didn't", "wasn't", "weren't", "neither", "nor", "without"};
const std::unordered_set<std::string_view> kDiscussWords = {
    "discuss",   "discussed", "discussion", "discussions", "raise",   "raised",   "mention",
    "mentioned", "mentions",  "address",    "addressed",   "agenda",  "touch",    "touched",
    "bring",     "brought",   "come",       "came",        "talk",    "talked",   "cover",
    "covered",   "broach",    "broached",   "featured",    "feature", "included", "include"};
const std::vector<std::string_view> kZhNegDiscuss = {
    "没有讨论", "沒有討論", "未讨论", "未討論", "未涉及", "没有涉及", "沒有涉及", "未提及",
    "没有提及", "沒有提及", "未谈及", "未談及", "没有谈及", "沒有談及", "并未讨论", "並未討論",
    "没有提到", "沒有提到", "未提到", "未触及", "未觸及",
    // passive: "台灣問題在會談中沒有被提及"
    "没有被提及", "沒有被提及", "未被提及", "没有被讨论", "沒有被討論", "未被讨论", "未被討論",
    "没有被提到", "沒有被提到", "未被提到", "没有被谈及", "沒有被談及"};

// Words that report what was said or discussed: a sentence with one ("The Secretary raised
// concerns about ...", "The leaders reviewed progress on ...", "双方就……交换了意见") is an account
// of the talks even when no speaker is named, and weighs like reported speech.
const std::unordered_set<std::string_view> kReportWords = {
    "discussed",   "discussion", "discussions", "raised",     "reviewed",   "addressed",
    "touched",     "exchanged",  "stressed",    "emphasized", "emphasised", "underlined",
    "underscored", "urged",      "pressed",     "reaffirmed", "reiterated", "concerns",
    "welcomed",    "agreed",     "highlighted", "pledged",    "committed",  "affirmed",
    "restated",    "outlined",   "warned",      "consensus"};
// Not "said", "told", "noted": with a person as subject the passage already has a speaker, and
// without one ("tour operators said") it is usually a bystander's remark, not the talks.
const std::vector<std::string_view> kZhReport = {
    "讨论", "討論", "交换意见", "交換意見", "交换了意见", "交換了意見", "谈到", "談到", "提出",
    "交涉", "重申", "呼吁",     "呼籲",     "阐明",       "闡明",       "阐述", "闡述", "同意",
    "欢迎", "歡迎", "关切",     "關切",     "强调",       "強調",       "共识", "共識"};

struct Sentence {
  size_t tb, te;
  bool negated_discussion;  // "did not discuss", "was not raised", "没有讨论"
  size_t negator = 0;       // token of the English negation word (when negated_discussion)
  bool joint = false;       // opens with a joint subject: "The two leaders agreed ..."
  bool reported = false;    // has a reporting or discussion word (kReportWords, kZhReport)
  size_t clause_end = 0;    // a whole-sentence negation (没有讨论) reaches up to this token
};

const std::unordered_set<std::string_view> kJointWords = {"sides", "leaders", "presidents",
                                                          "countries", "delegations"};
const std::vector<std::string_view> kZhJointOpen = {"双方", "雙方", "两国", "兩國"};

bool sentence_end(const Token& t) {
  const std::string& f = t.folded;
  return t.kind == TokenKind::kPunct &&
         (f == "." || f == "!" || f == "?" || f == ";" || f == "\xE3\x80\x82" ||
          f == "\xEF\xBC\x81" || f == "\xEF\xBC\x9F" || f == "\xEF\xBC\x9B");
}

std::vector<Sentence> sentences_of(const std::vector<Token>& toks, std::string_view text,
                                   const KnowledgeIndex& idx) {
  std::vector<Sentence> out;
  size_t start = 0;
  for (size_t i = 0; i <= toks.size(); ++i) {
    if (i < toks.size() && !sentence_end(toks[i])) continue;
    size_t e = std::min(i + 1, toks.size());
    if (e > start) {
      bool neg = false, reported = false;
      size_t negator = 0;
      std::vector<size_t> negators, discussions;
      bool whole = false;  // a phrase that alone says it was not discussed (議論しなかった)
      size_t whole_at = 0;
      for (size_t k = start; k < e; ++k) {
        bool negator_here = kNegators.count(toks[k].folded) > 0;
        bool discuss = kDiscussWords.count(toks[k].folded) > 0;
        reported |= kReportWords.count(toks[k].folded) > 0;
        idx.sentence_words.match_at(toks, k, [&](const Phrase& p) {
          switch (p.payload) {
            case KnowledgeIndex::kAccount:
              reported = true;
              break;
            case KnowledgeIndex::kNegator:
              negator_here = true;
              break;
            case KnowledgeIndex::kNegationWord:
              discuss = true;
              break;
            default:
              if (!whole) whole_at = k;
              whole = true;
          }
          return true;
        });
        if (negator_here) negators.push_back(k);
        if (discuss) discussions.push_back(k);
      }
      // The negation must bear on the discussion word: "did not discuss", "Taiwan was not on the
      // agenda", "no discussion of", "wurde nicht besprochen"; a discussion word far from the
      // negator ("will discuss Taiwan, ... which they could not resolve") is not negated.
      for (size_t n : negators) {
        for (size_t d : discussions)
          if ((d > n && d - n <= 8) || (d < n && n - d <= 3)) neg = true;
        if (neg) {
          negator = n;
          break;
        }
      }
      bool joint = false;
      for (size_t k = start; k < e && k < start + 4; ++k)
        joint |= toks[k].kind == TokenKind::kWord && kJointWords.count(toks[k].folded) > 0;
      bool zh = false;
      size_t clause_end = e;
      if (toks[start].begin < text.size()) {
        std::string_view span = text.substr(toks[start].begin, toks[e - 1].end - toks[start].begin);
        size_t at = std::string_view::npos;  // byte offset of the first negation phrase
        for (std::string_view w : kZhNegDiscuss) at = std::min(at, span.find(w));
        zh = at != std::string_view::npos || whole;
        if (at != std::string_view::npos) {
          size_t k = start;
          while (k < e && toks[k].begin < toks[start].begin + at) ++k;
          whole_at = whole ? std::min(whole_at, k) : k;
        }
        // The negation reaches to the end of its clause, not past a comma into what follows
        // ("欧塔加斯未提及是否达成协议，但……法案" negates only the agreement).
        clause_end = e;
        for (size_t k = whole_at; k < e; ++k)
          if (toks[k].folded == "," || toks[k].folded == "\xEF\xBC\x8C") {
            clause_end = k;
            break;
          }
        for (std::string_view w : kZhReport)
          if (span.find(w) != std::string_view::npos) reported = true;
      }
      if (!joint && toks[start].begin < text.size()) {
        std::string_view head = text.substr(toks[start].begin, 6);
        for (std::string_view w : kZhJointOpen) joint |= head == w;
      }
      out.push_back({start, e, neg || zh, zh ? 0 : negator, joint, reported, clause_end});
    }
    start = e;
  }
  return out;
}

bool negated_here(const std::vector<Token>& toks, const Sentence& s, size_t i) {
  // Chinese, Japanese, Korean: the sentence up to the end of the negation's clause.
  if (s.negator == 0 && toks[s.tb].kind == TokenKind::kCjk) return i < s.clause_end;
  if (i + 8 >= s.negator && i <= s.negator) return true;
  if (i > s.negator) {
    for (size_t k = s.negator; k < i; ++k)
      if (toks[k].folded == ",") return false;
    return i - s.negator <= 10;  // "did not address the U.S. blacklisting of ... Huawei"
  }
  return false;
}

bool is_topic_term_at(const std::vector<Token>& toks, size_t i, const KnowledgeIndex& idx) {
  bool any = false;
  idx.topic_terms.match_at(toks, i, [&](const Phrase&) {
    any = true;
    return false;
  });
  return any;
}

// A country or region named as where something happened, after a city: "in Osaka, Japan",
// "at Busan, South Korea", "in San Francisco, California". The city must not itself be a topic
// term ("in Xinjiang, Tibet, and Hong Kong" is a list of subjects).
bool place_apposition(const std::vector<Token>& toks, size_t i, const KnowledgeIndex& idx) {
  if (i < 3 || toks[i - 1].folded != ",") return false;
  for (size_t words = 1; words <= 2; ++words) {
    if (i < 2 + words) break;
    const size_t first = i - 1 - words;
    bool names = true;
    for (size_t k = first; k < i - 1; ++k)
      names &= toks[k].kind == TokenKind::kWord && toks[k].upper_initial &&
               !is_topic_term_at(toks, k, idx);
    if (!names) break;
    const std::string& prep = toks[first - 1].folded;
    if (prep == "in" || prep == "at") return true;
  }
  return false;
}

// A place named as where a meeting was held: right after a meeting's name and "in" ("the G20
// summit in Japan", "la cumbre del G-20 en Japón"), or before a "held in" construction
// ("일본 오사카에서 열리는", "日本で開催される", "在日本大阪举行").
bool venue(std::string_view text, const std::vector<Token>& toks, const Sentence& s, size_t i,
           size_t len, size_t venue_end) {
  static const std::unordered_set<std::string_view> kIn = {"in", "en", "à", "au", "em", "no",
                                                           "na", "im", "в", "во", "di"};
  if (i >= 1 && venue_end == i - 1 && kIn.count(toks[i - 1].folded)) return true;
  const size_t e = i + std::max<size_t>(len, 1);
  // Korean and Japanese: the place, perhaps a city after it, then "에서" / "で", then a word for
  // "held" within a few characters.
  static const std::vector<std::string_view> kAt = {"에서", "で"};
  static const std::vector<std::string_view> kHeld = {"열리", "열린", "열렸", "개최", "開催",
                                                      "開か", "行わ", "举行", "召开"};
  for (size_t k = e; k < s.te && k < e + 6; ++k) {
    if (toks[k].kind != TokenKind::kCjk) break;
    const std::string_view rest = text.substr(toks[k].begin, 24);
    for (std::string_view at : kAt) {
      if (rest.substr(0, at.size()) != at) continue;
      const std::string_view after = rest.substr(at.size());
      for (std::string_view h : kHeld)
        if (after.find(h) != std::string_view::npos) return true;
    }
  }
  // Chinese: "在日本大阪举行的".
  if (i > s.tb && toks[i - 1].folded == "在")
    for (size_t k = e; k + 1 < s.te && k < e + 6; ++k) {
      if (toks[k].kind != TokenKind::kCjk) break;
      const std::string pair = toks[k].folded + toks[k + 1].folded;
      if (pair == "举行" || pair == "召开") return true;
    }
  return false;
}

// A term framed as the subject of what follows: "On Taiwan, ...", "the situation in Syria",
// "the Syria issue", "叙利亚问题", "半岛局势", "ウクライナ情勢", "대만 문제", "قضية تايوان", or an
// agenda heading at the start of a sentence ("Climate change: ...").
bool framed(std::string_view text, const std::vector<Token>& toks, const Sentence& s, size_t i,
            size_t len) {
  static const std::unordered_set<std::string_view> kAfter = {"issue", "issues", "question",
                                                              "situation", "crisis"};
  // Chinese and Japanese (問題, 情勢), Korean (문제, 사태, 정세, 위기): two characters after.
  static const std::vector<std::string_view> kZhAfter = {"问题", "問題", "局势", "局勢",
                                                         "情势", "情勢", "危机", "危機",
                                                         "문제", "사태", "정세", "위기"};
  // Arabic, before the term (folded): "قضية تايوان", "مسألة ...", "ملف ...", "أزمة ...".
  static const std::unordered_set<std::string_view> kArBefore = {
      "قضية", "قضايا", "مسالة", "مسائل", "ملف", "ملفات", "ازمة"};  // ازمة (folded أزمة)
  const size_t e = i + std::max<size_t>(len, 1);
  if (e < s.te && kAfter.count(toks[e].folded)) return true;
  if (e + 1 < s.te && toks[e].kind == TokenKind::kCjk)
    for (std::string_view w : kZhAfter)
      if (toks[e].folded + toks[e + 1].folded == w) return true;
  // Japanese postpositions that make the term the subject: "シリアをめぐっては", "台湾について",
  // "北朝鮮に関して".
  static const std::vector<std::string_view> kJaAfter = {"をめぐ", "について", "に関し", "に関す",
                                                         "に対する"};
  // Within the same phrase or list, up to 32 characters on (a list of four or five items):
  // "シリア・アサド政権に対する攻撃をめぐっては",
  // "貿易や軍事、ウクライナやイランの情勢などについて".
  for (size_t k = e; k < s.te && k < e + 32; ++k) {
    if (toks[k].kind != TokenKind::kCjk && toks[k].folded != "\xE3\x83\xBB" &&
        toks[k].folded != "\xE3\x80\x81")  // ・ 、
      break;
    const std::string_view rest = text.substr(toks[k].begin);
    for (std::string_view w : kJaAfter)
      if (rest.substr(0, w.size()) == w) return true;
  }
  // An item of a Chinese or Japanese list of issues: "处理台湾、经贸摩擦等敏感问题",
  // "台湾、香港、新疆問題について".
  if (e < s.te && toks[e].folded == "\xE3\x80\x81")
    for (size_t k = e + 1; k + 1 < s.te && k < e + 20; ++k) {
      if (toks[k].kind != TokenKind::kCjk && toks[k].folded != "\xE3\x80\x81") break;
      const std::string pair = toks[k].folded + toks[k + 1].folded;
      if (pair == "问题" || pair == "問題" || pair == "议题" || pair == "議題") return true;
    }
  if (i > s.tb && toks[i - 1].folded == "on" &&
      (i - 1 == s.tb || toks[i - 2].kind == TokenKind::kPunct))
    return true;
  // Also a later item of the list the word opens ("قضايا تايوان وبحر الصين الجنوبي والحرب ..."):
  // back to it over words only.
  for (size_t k = i; k > s.tb && k + 12 > i; --k) {
    if (toks[k - 1].kind != TokenKind::kWord) break;
    if (kArBefore.count(toks[k - 1].folded)) return true;
  }
  // A word for "subject" or "question" before the term, perhaps with "of": "beim Thema Taiwan",
  // "el tema de Taiwán", "la question de l'Ukraine", "по вопросу Тайваня".
  static const std::unordered_set<std::string_view> kBefore = {
      "thema",   "tema",    "cuestión",  "cuestion", "question", "questão", "questione",
      "dossier", "вопросу", "вопрос",    "вопросе",  "теме",     "тема",    "тему",
      "темы",    "konusu",  "konusunda", "isu",      "masalah",  "isyu"};
  static const std::unordered_set<std::string_view> kOf = {"de", "del", "di",    "du", "des",
                                                           "da", "do",  "della", "ng"};
  size_t b = i;
  if (b > s.tb && kOf.count(toks[b - 1].folded)) --b;
  if (b > s.tb && kBefore.count(toks[b - 1].folded)) return true;
  // Differences or talks over a subject: "their differences on Taiwan", "tensions over Ukraine".
  static const std::unordered_set<std::string_view> kOver = {"over", "on", "about", "regarding",
                                                             "concerning"};
  static const std::unordered_set<std::string_view> kRift = {
      "differences",  "difference",    "tensions", "tension", "dispute",  "disputes",
      "disagreement", "disagreements", "rift",     "feud",    "standoff", "positions"};
  if (i >= s.tb + 2 && kOver.count(toks[i - 1].folded) && kRift.count(toks[i - 2].folded))
    return true;
  // A heading of an agenda item: "Corea del Norte: los líderes acordaron ...", "气候变化：".
  if (e < s.te && i <= s.tb + 2 && (toks[e].folded == ":" || toks[e].folded == "\xEF\xBC\x9A"))
    return true;
  return i >= s.tb + 2 && toks[i - 1].folded == "in" && toks[i - 2].folded == "situation";
}

// A capitalized word, also in other alphabets and after an elided article ("l'Ukraine").
bool capitalized(std::string_view text, const Token& t) {
  if (t.upper_initial) return true;
  std::string_view w = text.substr(t.begin, t.end - t.begin);
  if (starts_upper(w)) return true;
  for (std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    const size_t q = w.find(apos);
    if (q != std::string_view::npos && q <= 5) return starts_upper(w.substr(q + apos.size()));
  }
  return false;
}

// A menu or breadcrumb of the page, not prose: three or more separators ("News • Travel •
// Education •", "Home | World | Asia |", "首页 » 新闻 »").
bool navigation(const std::vector<Token>& toks, const Sentence& s) {
  static const std::unordered_set<std::string_view> kSeparators = {"|", "\xE2\x80\xA2", "\xC2\xBB",
                                                                   "\xE2\x80\xBA"};  // | • » ›
  size_t n = 0;
  for (size_t k = s.tb; k < s.te; ++k) n += kSeparators.count(toks[k].folded);
  return n >= 3;
}

struct Acc {
  double score = 0;
  size_t matches = 0;
  double max_weight = 0;
  std::vector<size_t> passages;
  bool negated = false;
};

// Scores one text unit (the title is unit 0; passages follow). Each sentence gives a topic the
// weight of its strongest term there (repeating a word in one sentence adds nothing), times the
// unit's multiplier; a sentence that names three or more topics is a list and counts half.
void score_unit(std::string_view text, size_t unit, double multiplier, bool attributed,
                const KnowledgeIndex& idx, const std::vector<std::vector<uint32_t>>& within,
                std::vector<Acc>& acc) {
  std::vector<Token> toks = tokenize(text);
  auto sents = sentences_of(toks, text, idx);
  std::vector<double> best(acc.size(), 0.0);
  std::vector<uint32_t> touched;
  size_t i = 0;
  for (const Sentence& s : sents) {
    touched.clear();
    size_t venue_end = SIZE_MAX;  // the token after the last term of weight 0 ("G20 summit")
    if (navigation(toks, s)) continue;
    for (i = s.tb; i < s.te; ++i) {
      size_t len = 0;
      idx.topic_terms.match_at(toks, i, [&](const Phrase& p) {
        if (len && p.tokens.size() < len) return false;  // the longest phrase shadows shorter ones
        len = p.tokens.size();
        const auto& target = idx.term_targets[p.payload];
        // A term of weight 0 names something else and only shadows the shorter terms inside it:
        // "the G20 summit" is where the talks were held, not global governance.
        if (target.weight <= 0) {
          venue_end = i + len;
          return true;
        }
        Acc& a = acc[target.topic];
        // Only terms near the negation are what was not discussed: up to 8 tokens before it
        // ("Asked about Taiwan, he said the issue was not ...") and after it up to a comma.
        if (s.negated_discussion && negated_here(toks, s, i)) {
          a.negated = true;
          return true;
        }
        if (place_apposition(toks, i, idx) || venue(text, toks, s, i, len, venue_end)) return true;
        ++a.matches;
        if (best[target.topic] == 0) touched.push_back(target.topic);
        // A typical term (weight 2) that names something (a capitalized word inside the sentence:
        // "raised concerns about ... Taiwan", "the situation in Syria") is what was discussed when
        // the sentence reports a discussion or a speaker's words ("Xi a demandé ... à Taïwan");
        // common words ("history", "technology") are not, and
        // nor is Chinese, which has no capitals, unless framed ("On X,", "the X issue", "X问题").
        const bool named = capitalized(text, toks[i]) && i > s.tb;
        const double w = target.weight >= 2 && (((s.reported || attributed) && named) ||
                                                framed(text, toks, s, i, len))
                             ? std::max(target.weight, 3.0)
                             : target.weight;
        best[target.topic] = std::max(best[target.topic], w);
        return true;
      });
      if (len > 1) i += len - 1;
    }
    // A sentence with a joint subject or a reporting word is an account of the talks; a list of
    // subjects there is an agenda and each counts. In other narration, a sentence naming three or
    // more topics is a list in passing and counts half.
    const bool account = s.joint || s.reported;
    const double m = account ? std::max(multiplier, kReportedMultiplier) : multiplier;
    size_t specific = 0;
    for (uint32_t t : touched) specific += best[t] >= 3;
    const double list_factor = specific >= 3 && m <= 1.0 ? 0.5 : 1.0;
    // A topic that is part of another named in the same sentence counts for that one only.
    std::vector<uint32_t> part;
    for (uint32_t t : touched)
      for (uint32_t w : within[t])
        if (best[w] > 0) part.push_back(t);
    for (uint32_t t : part) best[t] = 0;
    for (uint32_t t : touched) {
      if (best[t] == 0) continue;
      Acc& a = acc[t];
      a.score += best[t] * m * list_factor;
      a.max_weight = std::max(a.max_weight, best[t]);
      if (a.passages.empty() || a.passages.back() != unit) a.passages.push_back(unit);
      best[t] = 0;
    }
  }
}

}  // namespace

std::vector<TopicScore> score_topics(std::string_view title, const std::vector<Passage>& passages,
                                     const Knowledge& knowledge) {
  const KnowledgeIndex& idx = knowledge.index();
  std::vector<Acc> acc(knowledge.topics().size());
  if (acc.empty()) return {};
  std::vector<std::vector<uint32_t>> within(acc.size());
  for (size_t t = 0; t < acc.size(); ++t)
    for (const std::string& id : knowledge.topics()[t].within)
      for (size_t o = 0; o < acc.size(); ++o)
        if (o != t && knowledge.topics()[o].id == id) within[t].push_back(static_cast<uint32_t>(o));
  score_unit(title, 0, kTitleMultiplier, false, idx, within, acc);
  for (size_t p = 0; p < passages.size(); ++p) {
    // The lead and sentences that report someone's words weigh more than narration.
    const bool lead = p == 0, attributed = !passages[p].speaker.empty();
    score_unit(passages[p].text, p + 1, lead || attributed ? kReportedMultiplier : 1.0, attributed,
               idx, within, acc);
  }
  std::vector<TopicScore> out;
  for (size_t t = 0; t < acc.size(); ++t) {
    if (acc[t].score <= 0 && !acc[t].negated) continue;
    out.push_back({knowledge.topics()[t].id, acc[t].score, acc[t].passages.size(), acc[t].matches,
                   acc[t].max_weight, acc[t].negated});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TopicScore& a, const TopicScore& b) { return a.score > b.score; });
  return out;
}

std::vector<std::string> detect_topics(std::string_view title, const std::vector<Passage>& passages,
                                       const Knowledge& knowledge) {
  std::vector<std::string> out;
  for (const TopicScore& s : score_topics(title, passages, knowledge)) {
    // A topic said not to have been discussed is dropped, unless the article discusses it at
    // length elsewhere (specific terms in two or more places): the negation then concerns another
    // meeting or moment ("Taiwan was not discussed at yesterday's summit; today the ministers
    // ...").
    if (s.negated && !(s.score >= kNegatedOverrideScore && s.passages >= 2 && s.max_weight >= 3))
      continue;
    // Generic words (weight < 3) make a topic only when they recur in two places (title or
    // passages); words of weight 1 only support.
    const bool specific = s.max_weight >= 3;
    const bool recurring = s.passages >= 2 && s.max_weight >= 2;
    if (s.score >= kTopicMinScore && (specific || recurring)) out.push_back(s.id);
  }
  return out;
}

}  // namespace readouts
