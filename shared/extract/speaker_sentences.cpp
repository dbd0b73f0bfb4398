// Sentence splitting for speaker attribution: sentence ends outside quotations, abbreviations
// kept, quotations that end a sentence, and a bound on unbalanced quotes.
#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

std::vector<Sentence> split_sentences(const std::vector<Token>& toks) {
  std::vector<Sentence> out;
  size_t start = 0;
  int depth = 0;
  bool ascii_open = false;
  bool low_open = false;  // German „...“: the low mark opens, the mark that opens elsewhere closes
  size_t open_at = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::kPunct && t.folded == "\xE2\x80\x9E") {  // „
      if (!low_open && depth == 0 && !ascii_open) open_at = i;
      low_open = true;
    } else if (low_open && t.kind == TokenKind::kPunct && t.folded == "\xE2\x80\x9C") {  // “
      low_open = false;
    } else if (is_open_quote(t)) {
      if (depth == 0) open_at = i;
      ++depth;
    } else if (is_close_quote(t)) {
      if (depth > 0) --depth;
    } else if (t.kind == TokenKind::kPunct && t.folded == "\"") {
      ascii_open = !ascii_open;
      if (ascii_open) open_at = i;
    }
    const bool quoted = depth > 0 || ascii_open || low_open;
    if (quoted && i - open_at > 400) {  // an unbalanced quote must not swallow everything
      depth = 0;
      ascii_open = false;
      low_open = false;
    }
    if (!quoted && is_sentence_end(t)) {
      size_t e = i + 1;
      // Closing marks that touch the end belong to it ("... said.\")"); a quote after a space
      // opens the next sentence ("... in Busan. \"We will ...\", he said").
      while (e < toks.size() && (is_quote_like(toks[e]) || toks[e].folded == ")") &&
             toks[e].begin == toks[e - 1].end)
        ++e;
      out.push_back({start, e});
      start = e;
      i = e - 1;
    } else if (quoted && is_sentence_end(t) && i + 1 < toks.size() &&
               ((is_close_quote(toks[i + 1]) && depth == 1 && !low_open) ||
                (low_open && depth == 0 && toks[i + 1].folded == "\xE2\x80\x9C"))) {
      // "... forward.” Next sentence": a quotation that ends a sentence.
      size_t e = i + 2;
      if (e < toks.size() && toks[e].kind == TokenKind::kWord && toks[e].upper_initial &&
          !kVerbs.count(toks[e].folded)) {
        depth = 0;
        low_open = false;
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
