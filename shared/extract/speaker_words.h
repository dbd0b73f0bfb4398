// Word lists and token helpers shared by the speaker rules (speakers*.cpp): English and Chinese
// attribution verbs, skippable words, title, organization and joint-subject words, quotes.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "shared/text/tokenize.h"

namespace readouts::speakers_detail {

using Set = std::unordered_set<std::string_view>;

extern const Set kVerbs;
extern const Set kSkippable;
// Words that open a clause ("When asked ...", "If pressed ..."): capitalized, yet no subject.
extern const Set kClauseOpeners;
extern const Set kJointSubjects;
extern const Set kVoiceNouns;
extern const Set kRemarkNouns;
extern const Set kNameStrip;
extern const Set kOrgWords;
extern const Set kTitleWords;
extern const std::vector<std::string_view> kZhVerbs;
extern const std::vector<std::string_view> kZhSkip;
extern const std::vector<std::string_view> kZhJoint;
extern const std::vector<std::string_view> kZhRoles;
extern const std::vector<std::string_view> kZhHonorifics;

// True when `name` (2-3 Han characters) contains an honorific or title ("总统先生"), or opens
// with a word that is no name ("分析" in "专家分析认为").
bool zh_title_like(std::string_view name);
bool is_sentence_end(const Token& t);
bool is_open_quote(const Token& t);
bool is_close_quote(const Token& t);
bool is_quote_like(const Token& t);
// Where a sentence stands among quotation marks: curly, CJK and guillemet marks nest, an ASCII
// '"' toggles, and German „ opens a quotation that “ (the mark English opens with) closes.
struct QuoteState {
  int depth = 0;
  bool ascii_open = false;
  bool low_open = false;
  // Takes one token; true when it is a quotation mark (the state follows it).
  bool step(const Token& t);
  bool inside() const { return depth > 0 || ascii_open || low_open; }
  // `next` closes the one quotation open ("... forward.” Next sentence").
  bool closes_only(const Token& next) const;
  void reset() { *this = QuoteState(); }
};
// A short span in ASCII quotes that only marks a name ('وأكد "بايدن"', '"Xi" and "Biden"'): when
// toks[i] is '"' and one to three words then '"' follow before `end`, the closing quote's index;
// else 0. Such quotes open no quotation.
size_t quoted_name_end(const std::vector<Token>& toks, size_t i, size_t end);
// A Hangul syllable (Korean), one token per syllable like Han characters.
bool hangul_token(const Token& t);
// Japanese kana: hiragana (U+3040..U+309F, particles such as の, と, は) and katakana
// (U+30A0..U+30FF, foreign names such as トランプ).
bool hiragana_token(const Token& t);
bool katakana_token(const Token& t);
// Matches a CJK word (one token per character) starting at token i.
bool tokens_equal(const std::vector<Token>& toks, size_t i, std::string_view word);
// Number of tokens of a CJK word ending just before token end (exclusive), or 0.
size_t cjk_word_before(const std::vector<Token>& toks, size_t end, std::string_view word);
// Whether a Chinese role word (kZhRoles; with honorifics, kZhHonorifics too) ends right before
// token `at` ("发言人" before "米勒").
bool zh_role_before(const std::vector<Token>& toks, size_t at, bool honorifics = false);

}  // namespace readouts::speakers_detail
