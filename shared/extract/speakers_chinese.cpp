// Chinese attribution: verbs such as 表示/指出/强调 with the first person of the clause as subject.
#include <span>

#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

namespace {
constexpr size_t kZhClauseReach = 40;   // characters from a clause's start to its verb
constexpr size_t kZhBracketReach = 24;  // tokens from a name with its original to the verb

// Characters before a person that make them the one spoken to or with, not the speaker: "向习近平
// 提出", "给习近平表示祝贺", "对拜登说" (tokens are folded to simplified characters).
constexpr std::string_view kZhObjectMarks[] = {"向", "对", "给", "跟"};
// Characters between two people that join them: "董军与赫格塞思一致认为" (a joint position).
constexpr std::string_view kZhJoiners[] = {"与", "和", "同", "及"};
// Characters before 说 or 称 that make a word of them other than "says": 小说, 学说, 传说, 据说,
// 听说, 游说, 简称, 俗称, 堪称, 昵称, 职称, 著称, 对称, 号称. Not 人, 统, 相 or 又: 发言人说,
// 总统说, 首相说 and 又说 are people speaking; nor 演 (演说, a speech given, "发表演说").
constexpr std::string_view kZhNotSpeechBefore[] = {"小", "学", "传", "据", "听", "游", "简",
                                                   "俗", "堪", "昵", "职", "著", "对", "号"};
// Characters that open a phrase of place, time, source or topic before a person, who is then not
// the clause's subject: "在…时", "据…", "当…", "关于…", "对…", "就…", "被问及…".
constexpr std::string_view kZhPhraseOpeners[] = {"在", "据", "当", "关", "于", "对",
                                                 "就", "从", "经", "由", "被"};

bool one_of(const Token& t, std::span<const std::string_view> words) {
  for (std::string_view w : words)
    if (t.folded == w) return true;
  return false;
}
}  // namespace

bool Attributor::zh_object_at(size_t b) const {
  return b > 0 && toks_[b - 1].kind == TokenKind::kCjk && one_of(toks_[b - 1], kZhObjectMarks);
}

bool Attributor::zh_joint_from(size_t e, size_t end) const {
  // A joiner within a title's length after the person ("董军上将和"), then the second person or
  // 我/他/她, then at most three characters ("一致") before the verb.
  for (size_t j = e; j < end && j < e + 3; ++j) {
    if (toks_[j].kind != TokenKind::kCjk) return false;
    if (!one_of(toks_[j], kZhJoiners) || j + 1 >= end) continue;
    size_t second_end = 0;
    if (start_at_[j + 1] >= 0)
      second_end = refs_[static_cast<size_t>(start_at_[j + 1])].e;
    else if (toks_[j + 1].folded == "我" || toks_[j + 1].folded == "他" ||
             toks_[j + 1].folded == "她")
      second_end = j + 2;
    // "王毅与布林肯会面时表示": a clause of time (when or after meeting Blinken); the first
    // person speaks.
    if (second_end && end > second_end &&
        (toks_[end - 1].folded == "时" || toks_[end - 1].folded == "后"))
      return false;
    return second_end && second_end <= end && end - second_end <= 3;
  }
  return false;
}

bool Attributor::zh_joined_at(size_t b) const {
  if (b < 2 || !one_of(toks_[b - 1], kZhJoiners)) return false;
  // A person, or the speaker themselves: "他说，自己与特朗普一致认为" (he and Trump agree: he
  // says so, Trump does not speak).
  const std::string& before = toks_[b - 2].folded;
  return end_at_[b - 2] >= 0 || before == "我" || before == "他" || before == "她" ||
         before == "自己" || (b >= 3 && toks_[b - 3].folded == "自" && before == "己");
}

size_t Attributor::zh_verb_at(size_t i) const {
  for (std::string_view v : kZhVerbs)
    if (tokens_equal(toks_, i, v)) {
      size_t chars = v.size() / 3;
      // 说 and 称 alone end words that are not a person speaking: 据说 (reportedly), 听说
      // (heard), 简称 (short for), 堪称 (can be called), ... (说服, to persuade, is speaking).
      if (chars == 1 && (v == "说" || v == "称")) {
        if (i > 0 && toks_[i - 1].kind == TokenKind::kCjk &&
            one_of(toks_[i - 1], kZhNotSpeechBefore))
          return 0;
      }
      return chars;
    }
  return 0;
}

std::string Attributor::zh_subject_before(size_t v, size_t tb, bool& joint) {
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
  // The clause's first person: "美國國務卿布林肯30日發表聲明表示" -> 布林肯, also across a long
  // adverbial ("外交部发言人林剑在4日的例行记者会上回答相关提问时表示") and quotation marks
  // ("特朗普在社交媒体“真实社交”上发文说") and brackets ("川普（Donald Trump）表示").
  auto clause_break = [&](const Token& t) {
    return t.kind == TokenKind::kPunct && !is_open_quote(t) && !is_quote_like(t) &&
           t.folded != "\xE3\x80\x8A" && t.folded != "\xE3\x80\x8B" &&  // 《 》
           t.folded != "\xEF\xBC\x88" && t.folded != "\xEF\xBC\x89" &&  // （ ）
           t.folded != "(" && t.folded != ")";
  };
  // "正如特朗普总统所说": as the person said, cited by whoever speaks here; they do not speak.
  // The person starting at k after 正如, 如同 or 诚如, a title between ("正如美国总统特朗普").
  auto cited = [&](size_t k) {
    for (size_t m = k; m > tb && m + 4 > k; --m) {
      const std::string& t = toks_[m - 1].folded;
      if (t == "正如" || t == "如同" || t == "诚如" || t == "誠如") return true;
      if (t == "如" && m - 1 > tb) {
        const std::string& before = toks_[m - 2].folded;
        if (before == "正" || before == "诚" || before == "誠") return true;
      }
      if (toks_[m - 1].kind != TokenKind::kCjk) return false;
    }
    return false;
  };
  size_t clause = end;
  while (clause > tb && clause + kZhClauseReach > end && !clause_break(toks_[clause - 1])) {
    // A bracketed aside is passed whole, its own punctuation too: "汪文斌(6.16)说".
    const std::string& t = toks_[clause - 1].folded;
    if (t == ")" || t == "\xEF\xBC\x89") {
      size_t open = clause - 1;
      while (open > tb && open + 12 > clause && toks_[open - 1].folded != "(" &&
             toks_[open - 1].folded != "\xEF\xBC\x88")
        --open;
      if (open > tb && open + 12 > clause) {
        clause = open - 1;
        continue;
      }
    }
    --clause;
  }
  if (clause > tb && !clause_break(toks_[clause - 1])) clause = end;  // out of reach
  // The person who opened an earlier clause of the sentence as its subject: no verb before them
  // in their clause, not the one spoken to or with, not inside a phrase of place, time or topic
  // ("在答复有关拜登…的询问时"); "" if none.
  auto sentence_opener = [&]() -> std::string {
    size_t opened = tb;  // the start of the clause being read
    for (size_t k = tb; k < clause; ++k) {
      if (clause_break(toks_[k])) {
        opened = k + 1;
        continue;
      }
      if (start_at_[k] < 0) {
        if (zh_verb_at(k)) return "";  // a verb before any person: reported, not a subject
        continue;
      }
      if (zh_object_at(k) || zh_joined_at(k) || cited(k)) return "";
      for (size_t m = opened; m < k; ++m)
        if (zh_verb_at(m) > 0 || one_of(toks_[m], kZhPhraseOpeners)) return "";
      return ref_name(start_at_[k]);
    }
    return "";
  };
  if (end_at_[end - 1] >= 0) {
    const size_t b = refs_[static_cast<size_t>(end_at_[end - 1])].b;
    if (zh_joined_at(b)) {  // "董军与赫格塞思一致认为": both, a joint position
      joint = true;
      return "";
    }
    if (cited(b)) return "";
    // "知情人士透露习近平希望...": a verb before the person reports them; they do not speak.
    for (size_t k = clause; k < b; ++k)
      if (start_at_[k] < 0 && zh_verb_at(k)) return "";
    if (!zh_object_at(b)) return ref_name(end_at_[end - 1]);
    // "拜登也准备向习近平提出": Xi is spoken to; the subject opens the clause.
  }
  for (size_t k = clause; k < end; ++k) {
    if (start_at_[k] < 0) {  // a verb before the first person: they are reported
      if (zh_verb_at(k)) return "";
      continue;
    }
    const size_t e = refs_[static_cast<size_t>(start_at_[k])].e;
    if (e > end) continue;
    if (zh_object_at(k)) continue;  // "给习近平打电话表示祝贺": the one called
    if (zh_joined_at(k)) {          // "自己与特朗普一致认为": a joint position
      joint = true;
      return "";
    }
    if (cited(k)) return "";
    if (zh_joint_from(e, end)) {  // "董军上将和我一致认为": a joint position
      joint = true;
      return "";
    }
    // "特朗普办公室称": an office or administration speaks, an institution.
    bool institution = false;
    for (std::string_view w : {"办公室", "辦公室", "政府", "团队", "團隊", "阵营", "陣營"})
      institution |= tokens_equal(toks_, e, w);
    if (institution) return "";
    return ref_name(start_at_[k]);
  }
  // A foreign name after a role word, its original in brackets: "美國農業部長羅林斯（Brooke
  // Rollins）同日表示" -> 羅林斯.
  // (The bracket may hold a long original, "(Center for ...)" earlier in the clause, beyond the
  // clause reach: the search starts up to kZhBracketReach tokens before the verb.)
  const size_t bracket_from =
      std::min(clause, end > tb + kZhBracketReach ? end - kZhBracketReach : tb);
  for (size_t k = bracket_from; k < end; ++k) {
    if (toks_[k].folded != "\xEF\xBC\x88" && toks_[k].folded != "(") continue;
    bool broken = false;  // a comma between the bracket and the verb: another clause
    for (size_t m = k + 1; m < end && !broken; ++m) broken = clause_break(toks_[m]);
    if (broken) continue;
    for (size_t len = 4; len >= 2; --len) {
      if (k < bracket_from + len) continue;
      bool han = true;
      for (size_t m = k - len; m < k; ++m) han &= toks_[m].kind == TokenKind::kCjk;
      if (!han) continue;
      if (!zh_role_before(toks_, k - len)) continue;
      std::string name = written(k - len, k);
      if (!zh_title_like(name)) return name;
    }
  }
  const std::string& f = toks_[end - 1].folded;
  if (f == "他" || f == "她") {
    // "林剑昨在记者会上被问及此事，他回答…", "特朗普已指示罗斯…，他在贴文中指": the person who
    // opened the sentence; else the last speaker or subject of earlier sentences.
    if (std::string opener = sentence_opener(); !opener.empty()) return opener;
    return antecedent();
  }
  // A name the article gave after a role word, alone before the verb ("钟山表示" after
  // "商务部部长钟山与…").
  for (size_t len = 3; len >= 2; --len) {
    if (end < tb + len) continue;
    if (std::string name = written(end - len, end); zh_role_names_.count(name)) return name;
  }
  // Unknown: role word + 2-3 Han characters ("发言人张三表示").
  for (size_t len = 3; len >= 2; --len) {
    if (end < tb + len) continue;
    bool han = true;
    for (size_t k = end - len; k < end; ++k) han &= toks_[k].kind == TokenKind::kCjk;
    if (!han) continue;
    if (!zh_role_before(toks_, end - len)) continue;
    std::string name = written(end - len, end);
    if (!zh_title_like(name)) return name;  // not "总统先生表示": an address, not a name
  }
  return "";
}

}  // namespace readouts::speakers_detail
