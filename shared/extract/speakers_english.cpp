// English attribution in one sentence: verbs, subjects before or after them, "according to",
// clause breaks, closing wire attributions, negation and questions.
#include "shared/extract/speakers_internal.h"

namespace readouts::speakers_detail {

size_t Attributor::verb_at(size_t i, size_t te) const {
  const Token& t = toks_[i];
  if (t.kind != TokenKind::kWord || t.upper_initial) return 0;
  const std::string& f = t.folded;
  // "X reported from Beijing" is a reporter's byline, not a speaker's words.
  if (f == "reported" && i + 1 < te && toks_[i + 1].folded == "from") return 0;
  // A passive ("Xi was urged by Biden", "was told that", "were also warned"): the subject before
  // is spoken to, not speaking. Not "was quoted as saying" or "was cited": the subject's words.
  if ((f.ends_with("ed") || f == "told") && f != "quoted" && f != "cited" && i > 0) {
    auto passive_aux = [&](size_t k) {
      const std::string& a = toks_[k].folded;
      return a == "was" || a == "were" || a == "been" || a == "being" || a == "is" || a == "are" ||
             a == "be";
    };
    if (passive_aux(i - 1) ||
        (i > 1 && toks_[i - 1].kind == TokenKind::kWord && toks_[i - 1].folded.ends_with("ly") &&
         passive_aux(i - 2)) ||
        (i > 1 && toks_[i - 1].folded == "also" && passive_aux(i - 2)))
      return 0;
  }
  if (kVerbs.count(f)) return 1;
  if (i + 1 < te) {
    const std::string& n = toks_[i + 1].folded;
    if (f == "pointed" && n == "out") return 2;
    if (f == "called" && (n == "for" || n == "on")) return 2;
    if (f == "made" && n == "clear") return 2;
    if (f == "put" && n == "forward") return 2;
    if ((f == "laid" || f == "spelled") && n == "out") return 2;
    // "Trump called the meeting “a twelve out of ten”": a quotation right after the object.
    if (f == "called") {
      for (size_t k = i + 1; k < te && k < i + 6; ++k) {
        if (is_open_quote(toks_[k]) || toks_[k].folded == "\"") return 1;
        if (toks_[k].kind == TokenKind::kPunct) break;
      }
    }
    // "Blinken spoke today with Wang Yi about ...": what he spoke about is his (a readout's form;
    // "spoke with Xi by phone" alone reports the call, nobody's words).
    if (f == "spoke") {
      for (size_t k = i + 1; k < te && k < i + 16; ++k) {
        if (toks_[k].folded == "about") return 1;
        if (toks_[k].kind == TokenKind::kPunct) break;
      }
    }
    // "Xi was quoted as saying"
    if (f == "quoted" && n == "as" && i + 2 < te && toks_[i + 2].folded == "saying") return 3;
  }
  return 0;
}

std::string Attributor::sentence_label(const Sentence& s) const {
  constexpr size_t kMaxTitleTokens = 12;  // "U.S. Secretary of State (through translator)"
  if (s.tb >= s.te || start_at_[s.tb] < 0) return "";
  const Ref& r = refs_[static_cast<size_t>(start_at_[s.tb])];
  if (r.e >= s.te || toks_[r.e].folded != ",") return "";
  for (size_t k = r.e + 1; k < s.te && k <= r.e + kMaxTitleTokens; ++k) {
    const Token& t = toks_[k];
    if (t.folded == ":") return k + 1 < s.te ? ref_name(start_at_[s.tb]) : "";
    if (t.kind == TokenKind::kWord || t.folded == "." || t.folded == "(" || t.folded == ")" ||
        t.folded == "-")
      continue;
    return "";
  }
  return "";
}

std::string Attributor::sentence(const Sentence& s, bool& joint) {
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
  // The whole sentence is one person's: a transcript's label opening it ("Xi Jinping, Chinese
  // President (through translator): Good afternoon."), or, "Dong warned Austin that ...,
  // spokesperson Wu Qian told reporters on Friday.", a named person's attribution closing it
  // (all before it is what they report).
  std::string closing = sentence_label(s);
  if (closing.empty() && !question) closing = closing_speaker(s);
  take(closing);
  for (size_t i = closing.empty() ? s.tb : s.te; i < s.te; ++i) {
    const Token& t = toks_[i];
    if (t.kind == TokenKind::kCjk) {
      if (size_t vl = zh_rules_ ? zh_verb_at(i) : 0) {
        // "会晤时提出的议题": a verb before 的 describes a noun; nobody speaks.
        if (i + vl < s.te && toks_[i + vl].folded == "\xE7\x9A\x84" /* 的 */) {
          i += vl - 1;
          continue;
        }
        take(zh_subject_before(i, s.tb, joint));
        i += vl - 1;
      }
      continue;
    }
    if (t.kind != TokenKind::kWord || question) continue;
    // "according to X"
    if (t.folded == "according" && i + 2 < s.te && toks_[i + 1].folded == "to") {
      // Title words in lower case may come first: "according to foreign ministry spokesperson
      // Zhao Lijian".
      size_t n = i + 2;
      while (n < s.te && n < i + 8 && start_at_[n] < 0 && toks_[n].kind == TokenKind::kWord &&
             !toks_[n].upper_initial &&
             (kTitleWords.count(toks_[n].folded) || kNameStrip.count(toks_[n].folded)))
        ++n;
      // Or capitalised, before a known person: "according to Chinese Foreign Ministry
      // spokesperson Wang Wenbin" (an unknown name keeps its capitalised title words).
      size_t known = n;
      while (known < s.te && known < i + 10 && start_at_[known] < 0 &&
             toks_[known].kind == TokenKind::kWord &&
             (kTitleWords.count(toks_[known].folded) || kNameStrip.count(toks_[known].folded) ||
              kOrgWords.count(toks_[known].folded)))
        ++known;
      if (known < s.te && start_at_[known] >= 0) {
        take(ref_name(start_at_[known]));
      } else {
        take(unknown_name_starting_at(n, s.te));
      }
      continue;
    }
    // "X's remarks"
    if (t.possessive && i + 1 < s.te && kRemarkNouns.count(toks_[i + 1].folded)) {
      if (end_at_[i] >= 0) {
        take(ref_name(end_at_[i]));
      } else if (t.upper_initial) {  // "Minister Chang's remarks": a surname named before
        bool none = false;
        take(subject_ending_at(i, s.tb, none));
      }
      continue;
    }
    // "The following is attributable to Spokesperson Ned Price:" (State Department statements);
    // "The below is attributed to ..." and "As stated by ..." before a title ("Spokesperson").
    const bool statement_formula =
        i + 2 < s.te && ((t.folded == "attributable" && toks_[i + 1].folded == "to") ||
                         (((t.folded == "attributed" && toks_[i + 1].folded == "to") ||
                           (t.folded == "stated" && toks_[i + 1].folded == "by")) &&
                          kTitleWords.count(toks_[i + 2].folded)));
    if (statement_formula) {
      size_t n = i + 2;
      while (n < s.te && n < i + 8 && start_at_[n] < 0 && toks_[n].kind == TokenKind::kWord &&
             (kTitleWords.count(toks_[n].folded) || kNameStrip.count(toks_[n].folded)))
        ++n;
      std::string who;
      if (n < s.te && start_at_[n] >= 0) {
        who = ref_name(start_at_[n]);
      } else {
        who = unknown_name_starting_at(i + 2, s.te);
        if (!who.empty()) register_name(who);
      }
      take(who);
      continue;
    }
    // "Xinhua quoted Xi as saying": the person quoted speaks.
    if (t.folded == "quoted" && !t.upper_initial && i + 1 < s.te && start_at_[i + 1] >= 0) {
      size_t e = refs_[static_cast<size_t>(start_at_[i + 1])].e;
      if (e + 1 < s.te && toks_[e].folded == "as" &&
          (toks_[e + 1].folded == "saying" || toks_[e + 1].folded == "telling")) {
        take(ref_name(start_at_[i + 1]));
        i = e + 1;
        seen_verb = true;
        last_verb_end = i + 1;
        scanned = last_verb_end;
        clause_break = false;
        continue;
      }
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
        } else if (j > s.tb && end_at_[j - 1] >= 0 && w.folded.ends_with("day")) {
          --j;  // "Joe Biden Monday reiterated": a weekday right after a name
        } else {
          break;
        }
      }
      // "When asked ...": a capitalized word that opens a clause is no subject.
      cap_subject = toks_[j].upper_initial && !kClauseOpeners.count(toks_[j].folded);
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
      } else if (toks_[j].folded == "who" && j >= s.tb + 2 && toks_[j - 1].folded == "," &&
                 toks_[j - 2].kind == TokenKind::kWord) {
        // "... China's top diplomat, Wang Yi, who urged ...": the name the clause is about.
        who = subject_ending_at(j - 2, s.tb, joint);
      } else if ((is_open_quote(toks_[j]) || toks_[j].folded == "\"") && j > s.tb &&
                 end_at_[j - 1] >= 0) {
        // "Pompeo “stressed the need for ...,” the statement said": a readout quoted verb first.
        who = ref_name(end_at_[j - 1]);
      } else if ((toks_[j].folded == "but" || toks_[j].folded == "and") && j > s.tb) {
        // "Zhao declined to confirm the reports but said": the sentence's opening subject.
        who = opening_person(s, j);
      } else if (toks_[j].kind == TokenKind::kWord) {
        who = subject_ending_at(j, s.tb, joint);
      }
    }
    // Verb first: "..., said Trump." / "“...,” said the Chinese leader."
    // ("..., saying Trump would ..." is reported content: a participle does not invert.)
    if (who.empty() && !joint && i > s.tb && !t.folded.ends_with("ing") &&
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
    // "X reinforced the message, stating ...": a participle after a comma is the sentence's
    // opening subject's ("White House adviser Kevin Hassett ..., saying").
    if (who.empty() && !joint && !seen_verb && i > s.tb && toks_[i - 1].folded == "," &&
        t.folded.ends_with("ing"))
      who = opening_person(s, i);
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
  if (first.empty() && !joint && data_active_) take(data_sentence(s, joint));
  ++sentences_seen_;
  if (!first.empty()) {
    last_ = first;
    last_at_ = sentences_seen_;
  }
  if (start_at_[s.tb] >= 0 && first.empty()) {
    last_subject_ = ref_name(start_at_[s.tb]);
    last_subject_at_ = sentences_seen_;
  }
  if (first.empty() && other_voice) joint = true;  // narration that stops inheritance
  return first;
}

std::string Attributor::opening_person(const Sentence& s, size_t before) const {
  // The person opening the sentence, after title words or "the" ("U.S. Treasury Secretary Janet
  // Yellen ...", "The Chinese leader ...", "White House economic adviser Kevin Hassett ..."),
  // followed by a lower-case word.
  for (size_t k = s.tb; k < before && k < s.tb + 8; ++k) {
    if (start_at_[k] >= 0) {
      const Ref& r = refs_[static_cast<size_t>(start_at_[k])];
      // "Chinese foreign ministry spokesman Zhao Lijian": the title names the name after it.
      if (r.title && r.e < before && start_at_[r.e] >= 0) {
        k = r.e - 1;
        continue;
      }
      if (r.e >= before || toks_[r.e].kind != TokenKind::kWord || toks_[r.e].upper_initial ||
          toks_[r.e].folded == "and")
        return "";
      return ref_name(start_at_[k]);
    }
    if (toks_[k].kind != TokenKind::kWord) {
      if (toks_[k].folded == "." || toks_[k].folded == "-") continue;  // "U.S.", "Vice-Premier"
      return "";
    }
    // The surname of someone named before ("Miller provided details ..., noting").
    if (toks_[k].upper_initial && k + 1 < before && toks_[k + 1].kind == TokenKind::kWord &&
        !toks_[k + 1].upper_initial)
      if (auto it = surnames_.find(toks_[k].folded); it != surnames_.end()) return it->second;
    // Title words in lower case: "White House economic adviser Kevin Hassett".
    static const Set kTitleModifiers = {
        "economic", "national", "security", "trade",  "foreign", "commerce", "defense",
        "defence",  "vice",     "deputy",   "senior", "chief",   "former",   "top",
        "treasury", "affairs",  "press",    "policy", "finance", "ministry", "department"};
    if (!toks_[k].upper_initial && toks_[k].folded != "the" &&
        !kTitleWords.count(toks_[k].folded) && !kTitleModifiers.count(toks_[k].folded))
      return "";
  }
  return "";
}

bool Attributor::inverted_question(const Sentence& s) const {
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

std::string Attributor::closing_speaker(const Sentence& s) {
  constexpr size_t kMaxTail = 15;  // words after the verb: "reporters on the sidelines of ..."
  for (size_t i = s.tb + 2; i < s.te; ++i) {
    if (toks_[i].kind != TokenKind::kWord) continue;
    const size_t vl = verb_at(i, s.te);
    if (!vl || !trailing_attribution(i, vl, s)) continue;
    if (s.te - (i + vl) > kMaxTail) return "";
    for (size_t k = i + vl; k < s.te; ++k)
      if (is_quote_like(toks_[k]) || toks_[k].folded == "," || verb_at(k, s.te)) return "";
    bool joint = false;
    std::string who = subject_ending_at(i - 1, s.tb, joint);
    return joint ? "" : who;
  }
  return "";
}

bool Attributor::trailing_attribution(size_t v, size_t vl, const Sentence& s) const {
  static const Set kClauseWords = {"which", "that",  "who",  "whom",  "whose",   "as",
                                   "when",  "where", "if",   "while", "because", "what",
                                   "and",   "but",   "said", "says",  "told",    "he",
                                   "she",   "it",    "they", "we",    "i"};
  const std::string& f = toks_[v].folded;
  if (vl != 1 || (f != "said" && f != "says" && f != "told" && f != "added")) return false;
  if (v + 1 < s.te && toks_[v + 1].folded == "that") return false;
  if (v == s.tb || !toks_[v - 1].upper_initial) return false;  // a capitalized name before
  for (size_t k = v, steps = 0; k > s.tb && steps < 8; --k, ++steps) {
    const Token& t = toks_[k - 1];
    // The comma may close a quotation first: "... “had phoned him,” spokesman Guo said".
    if (is_close_quote(t) || t.folded == "\"") {
      if (k - 1 > s.tb && toks_[k - 2].folded == ",") return k < v;
      return false;
    }
    if (t.folded == ",") return k < v;
    if (t.kind != TokenKind::kWord || kClauseWords.count(t.folded)) return false;
  }
  return false;
}

bool Attributor::clause_break_at(size_t k) const {
  const std::string& f = toks_[k].folded;
  if (f == ";" || f == "\xEF\xBC\x9B" || f == "\xE3\x80\x82") return true;
  if (f == "," && (toks_[k + 1].folded == "and" || toks_[k + 1].folded == "while" ||
                   toks_[k + 1].folded == "but" || toks_[k + 1].folded == "whereas" ||
                   toks_[k + 1].folded == "though" || toks_[k + 1].folded == "although"))
    return true;
  return f == "while" || f == "whereas";
}

bool Attributor::negated_before(size_t v, size_t tb) const {
  size_t from = v > tb + 6 ? v - 6 : tb;
  // "declined to comment but said": the negation is the other clause's.
  for (size_t k = v; k > from; --k)
    if (toks_[k - 1].folded == "but") from = k;
  for (size_t k = from; k < v; ++k) {
    const std::string& f = toks_[k].folded;
    if (f == "not" || f == "never" || f == "nor" || f == "neither" || f.ends_with("n't") ||
        f == "declined" || f == "refused")
      return true;
  }
  return false;
}

}  // namespace readouts::speakers_detail
