// Sentence splitting for speaker attribution: sentence ends outside quotations, abbreviations
// kept, quotations that end a sentence, and a bound on unbalanced quotes.
#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

namespace {

// A transcript written without full stops: Korean formal speech ends its sentences with "-니다"
// at the end of a word ("...했습니다 다음 문장"), before a word, a bracket or a quotation.
bool korean_formal_end(const std::vector<Token>& toks, size_t i) {
  const Token& t = toks[i];
  if (t.folded != "\xEB\x8B\xA4" || i == 0 || i + 1 >= toks.size()) return false;  // 다
  const Token &before = toks[i - 1], &next = toks[i + 1];
  return before.folded == "\xEB\x8B\x88" && before.end == t.begin && next.begin > t.end &&  // 니
         (next.kind != TokenKind::kPunct || next.folded == "[" || next.folded == "(" ||
          is_quote_like(next));
}

}  // namespace

std::vector<Sentence> split_sentences(const std::vector<Token>& toks) {
  std::vector<Sentence> out;
  size_t start = 0;
  QuoteState quotes;
  size_t open_at = 0;  // where the outermost open quotation began
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    const bool was_inside = quotes.inside();
    if (quotes.step(t) && !was_inside && quotes.inside()) open_at = i;
    const bool quoted = quotes.inside();
    if (quoted && i - open_at > 400) quotes.reset();  // an unbalanced quote must not swallow all
    if (!quoted && i > start + 1 && korean_formal_end(toks, i)) {
      out.push_back({start, i + 1});
      start = i + 1;
      continue;
    }
    // A dot inside a number or a date ("(6.16)", "3.5%") ends nothing.
    const bool in_number = t.folded == "." && i > 0 && i + 1 < toks.size() &&
                           toks[i - 1].kind == TokenKind::kNumber &&
                           toks[i + 1].kind == TokenKind::kNumber && toks[i - 1].end == t.begin &&
                           t.end == toks[i + 1].begin;
    if (!quoted && !in_number && is_sentence_end(t)) {
      size_t e = i + 1;
      // Closing marks that touch the end belong to it ("... said.\")"); a quote after a space
      // opens the next sentence ("... in Busan. \"We will ...\", he said").
      // Outside a quotation a straight or opening mark touching the end opens the next one
      // ("... in Bali.\"We hope ...\", he said"): it is the next sentence's.
      while (e < toks.size() &&
             ((is_quote_like(toks[e]) && toks[e].folded != "\"" && !is_open_quote(toks[e])) ||
              toks[e].folded == ")") &&
             toks[e].begin == toks[e - 1].end)
        ++e;
      out.push_back({start, e});
      start = e;
      i = e - 1;
    } else if (quoted && is_sentence_end(t) && i + 1 < toks.size() &&
               quotes.closes_only(toks[i + 1])) {
      // "... forward.” Next sentence": a quotation that ends a sentence.
      size_t e = i + 2;
      if (e < toks.size() && toks[e].kind == TokenKind::kWord && toks[e].upper_initial &&
          !kVerbs.count(toks[e].folded)) {
        quotes.reset();
        out.push_back({start, e});
        start = e;
        i = e - 1;
      }
    }
  }
  if (start < toks.size()) out.push_back({start, toks.size()});
  return out;
}

}  // namespace readouts::speakers_detail
