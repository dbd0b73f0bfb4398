// Chinese attribution: verbs such as 表示/指出/强调 with the first person of the clause as subject.
#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

namespace {
constexpr size_t kZhClauseReach = 40;  // characters from a clause's start to its verb
}  // namespace

size_t Attributor::zh_verb_at(size_t i) const {
  for (std::string_view v : kZhVerbs)
    if (tokens_equal(toks_, i, v)) {
      size_t chars = v.size() / 3;
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
  if (end_at_[end - 1] >= 0) return ref_name(end_at_[end - 1]);
  // The clause's first person: "美國國務卿布林肯30日發表聲明表示" -> 布林肯, also across a long
  // adverbial ("外交部发言人林剑在4日的例行记者会上回答相关提问时表示") and quotation marks
  // ("特朗普在社交媒体“真实社交”上发文说") and brackets ("川普（Donald Trump）表示").
  auto clause_break = [&](const Token& t) {
    return t.kind == TokenKind::kPunct && !is_open_quote(t) && !is_quote_like(t) &&
           t.folded != "\xE3\x80\x8A" && t.folded != "\xE3\x80\x8B" &&  // 《 》
           t.folded != "\xEF\xBC\x88" && t.folded != "\xEF\xBC\x89" &&  // （ ）
           t.folded != "(" && t.folded != ")";
  };
  size_t clause = end;
  while (clause > tb && clause + kZhClauseReach > end && !clause_break(toks_[clause - 1])) --clause;
  if (clause > tb && !clause_break(toks_[clause - 1])) clause = end;  // out of reach
  for (size_t k = clause; k < end; ++k) {
    if (start_at_[k] < 0) continue;
    const size_t e = refs_[static_cast<size_t>(start_at_[k])].e;
    if (e > end) continue;
    // "特朗普办公室称": an office or administration speaks, an institution.
    bool institution = false;
    for (std::string_view w : {"办公室", "辦公室", "政府", "团队", "團隊", "阵营", "陣營"})
      institution |= tokens_equal(toks_, e, w);
    if (institution) return "";
    return ref_name(start_at_[k]);
  }
  // A foreign name after a role word, its original in brackets: "美國農業部長羅林斯（Brooke
  // Rollins）同日表示" -> 羅林斯.
  for (size_t k = clause; k < end; ++k) {
    if (toks_[k].folded != "\xEF\xBC\x88" && toks_[k].folded != "(") continue;
    for (size_t len = 4; len >= 2; --len) {
      if (k < clause + len) continue;
      bool han = true;
      for (size_t m = k - len; m < k; ++m) han &= toks_[m].kind == TokenKind::kCjk;
      if (!han) continue;
      bool after_role = false;
      for (std::string_view role : kZhRoles)
        after_role |= cjk_word_before(toks_, k - len, role) > 0;
      if (!after_role) continue;
      std::string name = written(k - len, k);
      if (!zh_title_like(name)) return name;
    }
    break;
  }
  const std::string& f = toks_[end - 1].folded;
  if (f == "他" || f == "她") return antecedent();
  // Unknown: role word + 2-3 Han characters ("发言人张三表示").
  for (size_t len = 3; len >= 2; --len) {
    if (end < tb + len) continue;
    bool han = true;
    for (size_t k = end - len; k < end; ++k) han &= toks_[k].kind == TokenKind::kCjk;
    if (!han) continue;
    for (std::string_view role : kZhRoles) {
      if (cjk_word_before(toks_, end - len, role)) {
        std::string name = written(end - len, end);
        if (zh_title_like(name)) break;  // "总统先生表示": an address, not a name
        return name;
      }
    }
  }
  return "";
}

}  // namespace readouts::speakers_detail
