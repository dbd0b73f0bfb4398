// How a query's unspaced Chinese and Japanese runs are cut into words.
#include "shared/search/query_cjk.h"

#include "shared/text/cjk_words.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Chinese function words that stand alone in a query's run ("的", "是", "了"): the run is cut
// there when the dictionary (cjk_words.h) reads them as words of their own, not inside another
// word (和 in 和平, 是 in 但是). The rest stays together, as typed: the dictionary cuts domain
// words wrongly ("中美元首" as 中 / 美元 / 首), the index's n-grams match the run whole.
bool is_function_word(const std::string& w) {
  static const char* kWords[] = {"的", "了", "是", "在", "和", "与", "與", "吗", "嗎", "呢",
                                 "吧", "啊", "谁", "誰", "哪", "对", "對", "把", "被", "就",
                                 "也", "都", "还", "還", "又", "或", "及", "跟", "从", "從",
                                 "给", "給", "这", "這", "那", "之", "于", "於", "将", "將"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

std::string cut_into_words(const std::string& stretch) {
  size_t chars = 0;
  for (size_t i = 0; i < stretch.size();) {
    uint32_t cp = 0;
    i += utf8_decode(stretch, i, cp);
    if (!is_han(cp)) return stretch;
    ++chars;
  }
  if (chars < 2) return stretch;
  std::string out;
  for (const std::string& w : cjk_words(stretch)) out += is_function_word(w) ? std::string(" ") : w;
  return out;
}

}  // namespace

// The synonym terms of two CJK characters or more inside an unspaced run, set apart by spaces:
// at each position the longest term starting there; the Chinese and Japanese between them cut
// into words.
std::string cut_out_terms(const std::string& run, const Knowledge& knowledge) {
  std::string out, stretch;
  auto flush = [&] {
    out += cut_into_words(stretch);
    stretch.clear();
  };
  size_t i = 0;
  while (i < run.size()) {
    size_t best = 0;
    if (static_cast<unsigned char>(run[i]) >= 0x80) {
      for (const SynonymGroup& g : knowledge.synonyms())
        for (const std::string& t : g.terms)
          if (t.size() > best && t.size() >= 6 && static_cast<unsigned char>(t[0]) >= 0x80 &&
              t.find(' ') == std::string::npos && run.compare(i, t.size(), t) == 0)
            best = t.size();
    }
    if (best) {
      flush();
      out += ' ';
      out.append(run, i, best);
      out += ' ';
      i += best;
    } else if (run[i] == ' ') {
      flush();
      out += run[i++];
    } else {
      stretch += run[i++];
    }
  }
  flush();
  return out;
}

// Question words inside unspaced Chinese ("谈了什么", "是谁提出的"): cut out, so that the rest
// are words. Longest first.
void cut_out_question_words(std::string& run) {
  static const char* kQuestionWords[] = {
      "为什么", "為什麼", "了什么", "了什麼", "是什么", "是什麼", "是谁", "是誰", "什么", "什麼",
      "哪些",   "哪个",   "哪個",   "哪里",   "哪裡",   "如何",   "怎么", "怎麼", "怎样", "怎樣",
      "是否",   "何时",   "何時",   "多少",   "吗",     "嗎",     "呢",   "谁",   "誰"};
  for (const char* w : kQuestionWords) {
    const std::string word = w;
    size_t pos;
    while ((pos = run.find(word)) != std::string::npos) run.replace(pos, word.size(), " ");
  }
}

}  // namespace readouts
