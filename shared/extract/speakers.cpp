// Speaker attribution driver: references to known people, transcript labels, passages grouped by
// speaker, mentions, and attribute_speakers().
#include "shared/extract/speakers.h"

#include <algorithm>

#include "shared/extract/speakers_internal.h"
#include "shared/text/utf8.h"

namespace readouts::speakers_detail {

void Attributor::paragraph(const std::string& text) {
  para_ = text;
  toks_ = tokenize(text);
  drop_name_quotes();
  find_refs();
  register_titled_names();
  register_zh_role_names();
  auto sentences = split_sentences(toks_);
  std::vector<std::string> sentence_speaker(sentences.size());
  if (photo_caption()) {  // people pictured are not speakers; nobody is carried on from here
    out_.passages.push_back({"", std::string(trim(text))});
    return;
  }
  bracket_labels();
  korean_name_quotes();
  std::string inherited = label_speaker();
  // "Энтони Блинкен, госсекретарь США:" on a line of its own labels the paragraph after it.
  // A bare label ("楊潔篪政治局員" on a line of its own) labels only the points after it that
  // open with a bullet or a quotation mark ("・..."), and goes on while they do.
  const bool point = inherited.empty() && pending_label_bare_ && opens_statement();
  if (inherited.empty() && (!pending_label_bare_ || point)) inherited = pending_label_;
  std::string next = label_alone();
  if (next.empty()) next = statement_header();
  bool bare = false;
  if (next.empty()) {
    next = point ? pending_label_ : bare_label();
    bare = !next.empty();
  }
  pending_label_ = std::move(next);
  pending_label_bare_ = bare;
  if (!inherited.empty()) {
    add_speaker(inherited);
    last_ = inherited;
    last_at_ = ++sentences_seen_;
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

std::string Attributor::label_speaker() const {
  if (toks_.empty()) return "";
  if (std::string who = quote_label_speaker(); !who.empty()) return who;
  if (start_at_[0] >= 0) {
    const Ref& r = refs_[static_cast<size_t>(start_at_[0])];
    if (r.e < toks_.size() && (toks_[r.e].folded == ":" || toks_[r.e].folded == "\xEF\xBC\x9A"))
      return ref_name(start_at_[0]);
    return title_space_label(r) || comma_quote_label(r) ? ref_name(start_at_[0]) : "";
  }
  if (std::string who = side_label_speaker(); !who.empty()) return who;
  return surname_label_speaker();
}

// A transcript's label of a side with its speaker in brackets: "美方(布林肯国务卿):", "中方（杨洁篪
// 主任）：" (a side of one to three characters, the known person, a title of up to six).
std::string Attributor::side_label_speaker() const {
  auto open = [](const Token& t) { return t.folded == "(" || t.folded == "\xEF\xBC\x88"; };
  auto close = [](const Token& t) { return t.folded == ")" || t.folded == "\xEF\xBC\x89"; };
  auto colon = [](const Token& t) { return t.folded == ":" || t.folded == "\xEF\xBC\x9A"; };
  size_t b = 0;
  while (b < toks_.size() && b < 3 && toks_[b].kind == TokenKind::kCjk) ++b;
  if (b == 0 || b + 2 >= toks_.size() || !open(toks_[b]) || start_at_[b + 1] < 0) return "";
  const Ref& r = refs_[static_cast<size_t>(start_at_[b + 1])];
  size_t k = r.e;
  while (k < toks_.size() && k < r.e + 6 && toks_[k].kind == TokenKind::kCjk) ++k;
  if (k + 1 >= toks_.size() || !close(toks_[k]) || !colon(toks_[k + 1])) return "";
  return ref_name(start_at_[b + 1]);
}

// A summary of remarks in Japanese or Chinese: a title alone, a space, then the holder's words
// ("大統領 米中両政府は……。", "主席 両国は……。"), the title standing for the holder named before.
// Only a title (a name and a space opens many a headline: "习近平 会见 布林肯"), and only before a
// sentence of some length.
bool Attributor::title_space_label(const Ref& r) const {
  constexpr size_t kMinWords = 10;  // tokens after the label: a statement, not a heading
  if (!r.title || r.person < 0 || r.b != 0 || r.e >= toks_.size()) return false;
  const Token& last = toks_[r.e - 1];
  const Token& next = toks_[r.e];
  if (last.kind != TokenKind::kCjk || next.kind != TokenKind::kCjk || next.begin == last.end)
    return false;
  if (toks_.size() - r.e < kMinWords) return false;
  for (size_t k = r.e; k < toks_.size(); ++k)
    if (toks_[k].folded == "\xE3\x80\x82") return true;  // 。
  return false;
}

namespace {
// A double quotation mark opening or closing words: straight, curly or a guillemet.
bool double_quote_open(const Token& t) {
  return t.folded == "\"" || t.folded == "\xE2\x80\x9C" || t.folded == "\xC2\xAB";
}
bool double_quote_close(const Token& t) {
  return t.folded == "\"" || t.folded == "\xE2\x80\x9D" || t.folded == "\xC2\xBB";
}
}  // namespace

// A headline's "Name, "quotation"" (Korean papers: 트럼프, "10점 만점에 12점"): a known person, a
// comma, then a quotation that closes the paragraph.
bool Attributor::comma_quote_label(const Ref& r) const {
  if (r.b != 0 || r.e + 2 >= toks_.size() || toks_[r.e].folded != ",") return false;
  if (!double_quote_open(toks_[r.e + 1]) || !double_quote_close(toks_.back())) return false;
  return toks_.size() - r.e >= 5;  // a few words quoted, not a quoted name
}

// A Japanese or Chinese transcript's label: a known person (and a title of a few characters) in
// lenticular brackets or right before an opening corner quote that opens a quotation of some
// length ("【習主席】「...」", "オバマ大統領「...」"); the person, else "". A short quoted term
// after a name ("習近平「一帯一路」") labels nothing.
std::string Attributor::quote_label_speaker() const {
  constexpr size_t kMaxTitle = 4;  // characters of a title after the name: 大統領, 国家主席
  constexpr size_t kMinQuotation = 10;                 // tokens of a quotation, not a quoted term
  const bool bracketed = toks_[0].folded == "\u3010";  // 【
  const size_t b = bracketed ? 1 : 0;
  if (b >= toks_.size() || start_at_[b] < 0) return "";
  const Ref& r = refs_[static_cast<size_t>(start_at_[b])];
  size_t k = r.e;
  while (k < toks_.size() && k < r.e + kMaxTitle && toks_[k].kind == TokenKind::kCjk) ++k;
  if (k < toks_.size() && bracketed && toks_[k].folded == "\u3011")
    ++k;  // 】
  else if (bracketed)
    return "";
  if (k >= toks_.size() || toks_[k].folded != "\u300C") return "";  // 「
  size_t quoted = 0;
  for (size_t q = k + 1; q < toks_.size() && toks_[q].folded != "\u300D"; ++q) ++quoted;
  return quoted >= kMinQuotation ? ref_name(start_at_[b]) : "";
}

// A paragraph that is only a speaker's label: a known person, perhaps a comma and their title,
// and a colon ending it ("Энтони Блинкен, госсекретарь США:"); the person, else "".
std::string Attributor::label_alone() const {
  constexpr size_t kMaxLabel = 120;  // bytes: a name and a title, not a sentence
  const std::string_view t = trim(para_);
  if (toks_.empty() || t.size() > kMaxLabel || start_at_[0] < 0) return "";
  if (!t.ends_with(":") && !t.ends_with("\xEF\xBC\x9A")) return "";
  const Ref& r = refs_[static_cast<size_t>(start_at_[0])];
  if (r.e >= toks_.size() || toks_[r.e].folded != ",") return "";  // "Name:" is label_speaker's
  for (size_t k = r.e + 1; k + 1 < toks_.size(); ++k)
    if (toks_[k].kind == TokenKind::kPunct && toks_[k].folded != "." && toks_[k].folded != "-")
      return "";  // a title runs to the colon, no other mark
  return ref_name(start_at_[0]);
}

// A statement's header as a government site prints it, a line each (joined here): "Press
// Statement", the issuer's name, their title, place and date (State Department statements). The
// known person named right after "Press Statement" or "Remarks"; "" otherwise. Their statement
// follows, in the next paragraph.
std::string Attributor::statement_header() const {
  constexpr size_t kMaxHeader = 160;  // bytes: a name, a title, a place and a date
  if (trim(para_).size() > kMaxHeader || toks_.size() < 3) return "";
  size_t name_at = 0;
  if (toks_[0].folded == "press" && toks_[1].folded == "statement" && toks_[0].upper_initial)
    name_at = 2;
  else if (toks_[0].folded == "remarks" && toks_[0].upper_initial)
    name_at = 1;
  if (name_at == 0 || start_at_[name_at] < 0) return "";
  return ref_name(start_at_[name_at]);
}

// A paragraph that is only a known person's name written in Han characters or kana, with a title
// of a few characters after it and no punctuation ("楊潔篪政治局員", "ポンペオ国務長官"); the
// person, else "".
std::string Attributor::bare_label() const {
  constexpr size_t kMaxTitle = 6;  // characters: 政治局員, 国務長官, 外交部长
  if (toks_.empty() || start_at_[0] < 0) return "";
  const Ref& r = refs_[static_cast<size_t>(start_at_[0])];
  if (r.e + kMaxTitle < toks_.size()) return "";
  for (size_t k = 0; k < toks_.size(); ++k)
    if (toks_[k].kind != TokenKind::kCjk) return "";
  return ref_name(start_at_[0]);
}

// Whether the paragraph opens with a bullet or a quotation mark: a statement's point or words.
bool Attributor::opens_statement() const {
  const std::string_view t = trim(para_);
  for (std::string_view mark : {"\u30FB", "\u2022", "- ", "\u300C", "\u201C", "\u300E"})
    if (t.starts_with(mark)) return true;
  return false;
}

// A transcript's label of a title and a surname in capitals ("MR. SPICER:", "SECRETARY
// MNUCHIN:"): the person of that surname named in the text before, else the only known person
// whose name ends with it.
std::string Attributor::surname_label_speaker() const {
  size_t colon = 0;
  while (colon < toks_.size() && colon < 5 && toks_[colon].folded != ":") ++colon;
  if (colon < 2 || colon >= toks_.size() || colon >= 5) return "";
  const Token& last = toks_[colon - 1];
  if (last.kind != TokenKind::kWord || last.folded.size() < 4) return "";
  for (size_t i = 0; i < colon; ++i) {
    const Token& t = toks_[i];
    if (t.kind == TokenKind::kPunct && t.folded == ".") continue;
    if (t.kind != TokenKind::kWord) return "";
    const std::string_view raw = raw_.substr(t.begin, t.end - t.begin);
    for (char c : raw)
      if (c >= 'a' && c <= 'z') return "";  // capitals only: a label, not a sentence
  }
  if (auto it = surnames_.find(last.folded); it != surnames_.end()) return it->second;
  const Person* found = nullptr;
  for (const Person& p : k_.people()) {
    const size_t space = p.name.rfind(' ');
    if (space == std::string::npos || fold_word(p.name.substr(space + 1)) != last.folded) continue;
    if (found) return "";  // two people of that surname: nobody
    found = &p;
  }
  return found ? found->name : "";
}

void Attributor::bracket_labels() {
  // "[트럼프/美 대통령 : "..."]": a broadcast transcript's sound bite, anywhere in the paragraph.
  for (size_t i = 0; i + 2 < toks_.size(); ++i) {
    if (toks_[i].folded != "[" || start_at_[i + 1] < 0) continue;
    const Ref& r = refs_[static_cast<size_t>(start_at_[i + 1])];
    if (r.e >= toks_.size() || (toks_[r.e].folded != "/" && toks_[r.e].folded != ":")) continue;
    for (size_t k = r.e; k < toks_.size() && k < r.e + 8; ++k) {
      const std::string& f = toks_[k].folded;
      if (f == "]" || f == "[") break;
      if (f == ":" || f == "\xEF\xBC\x9A") {
        add_speaker(ref_name(start_at_[i + 1]));
        break;
      }
    }
  }
}

void Attributor::korean_name_quotes() {
  // Korean headlines and decks give a speaker's words right after the name, with no verb:
  // 트럼프 “시진핑과 관계 아주 특별”. A quotation closed by an attached ending (“...”라고 말했다)
  // has its verb, read with the sentence. Single quotes mark a term (‘무역 휴전’), not words.
  constexpr size_t kMinQuoted = 3, kMaxQuoted = 60;
  if (own_language_ < 0 || k_.attribution()[static_cast<size_t>(own_language_)].language != "ko")
    return;
  for (const Ref& r : refs_) {
    if (r.person < 0 || r.e >= toks_.size() || r.e == 0) continue;
    const Token& open = toks_[r.e];
    if (!double_quote_open(open) || open.begin == toks_[r.e - 1].end) continue;
    size_t close = r.e + 1;
    while (close < toks_.size() && close < r.e + kMaxQuoted && !double_quote_close(toks_[close]))
      ++close;
    if (close >= toks_.size() || !double_quote_close(toks_[close]) || close - r.e - 1 < kMinQuoted)
      continue;
    if (close + 1 < toks_.size() && toks_[close + 1].begin == toks_[close].end &&
        hangul_token(toks_[close + 1]))
      continue;
    add_speaker(k_.people()[static_cast<size_t>(r.person)].name);
  }
}

Attribution Attributor::finish() {
  std::unordered_set<std::string> spoke(out_.speakers.begin(), out_.speakers.end());
  for (const std::string& m : mentioned_)
    if (!spoke.count(m)) out_.mentions.push_back(m);
  return std::move(out_);
}

// Quotes that only mark a name or a word ('وأكد "بايدن"', '"Xi" and "Biden"') open no
// quotation: they are dropped from the tokens, so that the name reads as the verb's subject.
void Attributor::drop_name_quotes() {
  std::vector<Token> kept;
  kept.reserve(toks_.size());
  bool open = false;  // inside a quotation in ASCII quotes: its closing mark is no name's
  for (size_t i = 0; i < toks_.size(); ++i) {
    if (size_t close = open ? 0 : quoted_name_end(toks_, i, toks_.size())) {
      for (size_t k = i + 1; k < close; ++k) kept.push_back(std::move(toks_[k]));
      i = close;
      continue;
    }
    if (toks_[i].kind == TokenKind::kPunct && toks_[i].folded == "\"") open = !open;
    kept.push_back(std::move(toks_[i]));
  }
  toks_ = std::move(kept);
}

void Attributor::find_refs() {
  refs_.clear();
  end_at_.assign(toks_.size() + 1, -1);
  start_at_.assign(toks_.size() + 1, -1);
  for (size_t i = 0; i < toks_.size(); ++i) {
    Ref found;
    bool have = false, ambiguous = false;
    size_t title_elsewhen = 0;  // length of a title whose holders are outside the date
    idx_.names.match_at(toks_, i, [&](const Phrase& p) {
      const NameTarget& t = idx_.name_targets[p.payload];
      if (have && p.tokens.size() < found.e - found.b) return false;
      if (t.title && !title_in_period(t, iso_)) {
        title_elsewhen = std::max(title_elsewhen, p.tokens.size());
        return true;
      }
      if (have) {
        // Same length: a title with two holders at this date's precision names nobody.
        if (found.title && t.title && found.person != static_cast<int>(t.person)) ambiguous = true;
        return true;
      }
      found = Ref{i, i + p.tokens.size(), static_cast<int>(t.person), t.title, false};
      for (size_t k = 0; k < p.tokens.size(); ++k)
        found.inflected |= !phrase_word_matches(p.tokens[k], p.wild[k], toks_[i + k]);
      have = true;
      return true;
    });
    // Without a day-precise date, a title names the holder the article named before ("the
    // Chinese leader" after "Xi Jinping"); resolved below, in order.
    if ((ambiguous || (!have && title_elsewhen)) && iso_.size() < 10) {
      size_t len = ambiguous ? found.e - found.b : title_elsewhen;
      if (refs_.empty() || refs_.back().e <= i) refs_.push_back(Ref{i, i + len, -1, true, false});
      continue;
    }
    if (ambiguous) continue;
    if (!have) {
      // "董氏は", "둥 부장은": the surname of a person named before, then a title; "Карни" after
      // "Джей Карни".
      if (int p = surname_with_title(i); p >= 0) {
        refs_.push_back(Ref{i, i + 1, p, false, false});
      } else if (p = surname_of_named(i); p >= 0 && (refs_.empty() || refs_.back().e <= i)) {
        refs_.push_back(Ref{i, i + 1, p, false, false});
      } else if (size_t len = 0;
                 (refs_.empty() || refs_.back().e <= i) && (p = zh_short_name_at(i, len)) >= 0) {
        // "发言人米勒称", "汪洋表示" after "副总理汪洋": a short Chinese name.
        refs_.push_back(Ref{i, i + len, p, false, false});
        i += len - 1;
      }
      continue;
    }
    // A Korean name starts a word: "왕이" inside "국왕이" names nobody.
    if (i > 0 && hangul_token(toks_[i]) && hangul_token(toks_[i - 1]) &&
        toks_[i - 1].end == toks_[i].begin)
      continue;
    // Skip a match that starts inside a longer earlier one (e.g. "Xi" in "President Xi").
    if (!refs_.empty() && refs_.back().e > i && refs_.back().e >= found.e) continue;
    remember_last_word(found);
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
    if (!ref.dropped && ref.person < 0) {
      ref.person = holder_named_before(ref);
      ref.dropped = ref.person < 0;
    }
    if (ref.dropped) continue;
    mention_order_[static_cast<size_t>(ref.person)] = ++mentions_seen_;
    const std::string& name = k_.people()[static_cast<size_t>(ref.person)].name;
    if (std::find(mentioned_.begin(), mentioned_.end(), name) == mentioned_.end())
      mentioned_.push_back(name);
    if (!ref.title) register_name(name);
    end_at_[ref.e - 1] = static_cast<int>(r);
    if (start_at_[ref.b] < 0) start_at_[ref.b] = static_cast<int>(r);
  }
}

int Attributor::zh_short_name_at(size_t i, size_t& len) const {
  if (idx_.zh_short_names.empty() || toks_[i].kind != TokenKind::kCjk) return -1;
  for (len = 3; len >= 2; --len) {
    if (i + len > toks_.size()) continue;
    std::string name;
    bool cjk = true;
    for (size_t k = i; k < i + len; ++k) {
      cjk &= toks_[k].kind == TokenKind::kCjk;
      name += toks_[k].folded;
    }
    if (!cjk) continue;
    const auto it = idx_.zh_short_names.find(name);
    if (it == idx_.zh_short_names.end()) continue;
    const size_t person = it->second;
    // Named before in the article, or right after a title ("美国商务部长罗斯").
    if (mention_order_.count(person)) return static_cast<int>(person);  // earlier paragraphs
    for (const Ref& r : refs_)
      if (r.person == static_cast<int>(person)) return static_cast<int>(person);
    if (zh_role_before(toks_, i, /*honorifics=*/true)) return static_cast<int>(person);
  }
  len = 0;
  return -1;
}

void Attributor::register_zh_role_names() {
  // "商务部部长钟山与…", "发言人张三在…": a role word, two or three Han characters that no known
  // person's reference covers, then a word that ends a name (a joiner, a place or time marker, a
  // verb of saying or meeting, punctuation). The name may open a later clause alone ("钟山表示").
  static const std::vector<std::string_view> kAfterName = {
      "与",           "和",           "同",           "在",           "于", "表", "指", "说", "称",
      "强",           "会",           "举",           "出",           "当", "今", "日", "周", "对",
      "向",           "就",           "也",           "则",           "随", "率", "曾", "将", "已",
      "\xEF\xBC\x8C", "\xE3\x80\x81", "\xE3\x80\x82", "\xEF\xBC\x88", "(",  ","};
  for (size_t i = 0; i < toks_.size(); ++i) {
    if (toks_[i].kind != TokenKind::kCjk || start_at_[i] >= 0) continue;
    if (!zh_role_before(toks_, i)) continue;
    for (size_t len = 2; len <= 3; ++len) {
      const size_t e = i + len;
      if (e >= toks_.size()) break;
      bool free = true;
      for (size_t k = i; k < e; ++k)
        free &= toks_[k].kind == TokenKind::kCjk && start_at_[k] < 0 && end_at_[k] < 0;
      if (!free) break;
      bool ends = false;
      for (std::string_view w : kAfterName) ends |= toks_[e].folded == w;
      if (!ends) continue;
      std::string name = written(i, e);
      if (!zh_title_like(name) && zh_role_names_.size() < kMaxSurnames) zh_role_names_.insert(name);
      break;
    }
  }
}

void Attributor::register_titled_names() {
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

int Attributor::surname_with_title(size_t i) const {
  const Token& t = toks_[i];
  if (own_language_ < 0 || t.kind != TokenKind::kCjk || i + 1 >= toks_.size()) return -1;
  if (i > 0 && toks_[i - 1].kind == TokenKind::kCjk && toks_[i - 1].end == t.begin &&
      (hangul_token(t) || !hiragana_token(toks_[i - 1])))
    return -1;  // inside a word: "국왕", "中国の董" is fine after の, "米董" is not
  AttributionTarget a;
  if (!data_phrase_at(i + 1, toks_.size(), a) || a.kind != AttributionKind::kSurnameTitle)
    return -1;
  auto surname_is = [&](size_t person) {
    for (const std::string& alias : k_.people()[person].aliases) {
      std::vector<Token> at = tokenize(alias);
      if (at.size() >= 2 && at.size() <= 4 && at[0].kind == TokenKind::kCjk &&
          at[0].folded == t.folded)
        return true;
    }
    return false;
  };
  // Named earlier in this paragraph ("王毅外相が会談した。…王氏は"), the latest first.
  for (size_t r = refs_.size(); r-- > 0;)
    if (refs_[r].person >= 0 && !refs_[r].title && refs_[r].e <= i &&
        surname_is(static_cast<size_t>(refs_[r].person)))
      return refs_[r].person;
  int best = -1;
  size_t best_order = 0;
  for (const auto& [person, order] : mention_order_) {
    if (order <= best_order || !surname_is(person)) continue;
    best = static_cast<int>(person);
    best_order = order;
  }
  return best;
}

int Attributor::holder_named_before(const Ref& ref) const {
  int best = -1;
  size_t best_order = 0;
  idx_.names.match_at(toks_, ref.b, [&](const Phrase& p) {
    if (p.tokens.size() != ref.e - ref.b) return p.tokens.size() > ref.e - ref.b;
    const NameTarget& t = idx_.name_targets[p.payload];
    if (!t.title) return true;
    if (auto it = mention_order_.find(t.person);
        it != mention_order_.end() && it->second > best_order) {
      best_order = it->second;
      best = static_cast<int>(t.person);
    }
    return true;
  });
  return best;
}

bool Attributor::photo_caption() const {
  static const Set kCredits = {"reuters", "afp",   "ap",     "xinhua", "getty", "epa",
                               "efe",     "photo", "images", "pool",   "dpa",   "bloomberg"};
  const size_t n = toks_.size();
  if (n < 3 || n > kMaxCaptionTokens) return false;
  // The credit follows the caption's last sentence: "... 2017. REUTERS/Jane Doe".
  size_t end = n;
  while (end > 0 && n - end <= 8 && !is_sentence_end(toks_[end - 1])) --end;
  if (end == 0 || end == n || n - end > 8) return false;
  for (size_t k = end + 1; k < n; ++k) {
    if (toks_[k].folded != "/") continue;
    const Token& w = toks_[k - 1];
    if (w.kind != TokenKind::kWord) continue;
    std::string_view raw = raw_.substr(w.begin, w.end - w.begin);
    bool all_caps = raw.size() >= 2;
    for (char c : raw) all_caps = all_caps && !(c >= 'a' && c <= 'z');
    if (all_caps || kCredits.count(w.folded)) return true;
  }
  return false;
}

std::string Attributor::ref_name(int r) const {
  return k_.people()[static_cast<size_t>(refs_[static_cast<size_t>(r)].person)].name;
}

void Attributor::add_speaker(const std::string& name) {
  if (out_.speakers.size() >= kMaxSpeakers) return;  // hostile input: bounded output
  if (speaker_set_.insert(name).second) out_.speakers.push_back(name);
}

}  // namespace readouts::speakers_detail

namespace readouts {

Attribution attribute_speakers(const std::vector<std::string>& paragraphs,
                               const Knowledge& knowledge, std::string_view iso_date,
                               std::string_view language) {
  speakers_detail::Attributor a(knowledge, iso_date);
  a.set_language(language);
  for (const std::string& p : paragraphs) {
    a.set_text(p);
    a.paragraph(p);
  }
  return a.finish();
}

}  // namespace readouts
