// Reads a typed query into words and the Xapian syntax that was clearly meant.
#include "shared/search/query_reader.h"

#include <algorithm>
#include <array>

#include "shared/core/schema.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Most words in a query whose "-word" is an exclusion ("Taiwan -Biden"); in a longer query a
// dash is punctuation ("methods -dash exact or approximate").
constexpr size_t kMaxExclusionQueryWords = 6;

bool is_operator(std::string_view s) {
  return s == "AND" || s == "OR" || s == "NOT" || s == "XOR" || s == "NEAR" || s == "ADJ" ||
         s.starts_with("NEAR/") || s.starts_with("ADJ/");
}

bool known_field(std::string_view name) {
  const std::string lower = ascii_lower(name);
  return std::any_of(schema::kFields.begin(), schema::kFields.end(),
                     [&](const schema::Field& f) { return f.name == lower; });
}

bool word_char_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 0x80) {
    uint32_t cp = 0;
    utf8_decode(s, i, cp);
    return !is_unicode_punct(cp) && !is_unicode_space(cp);
  }
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool has_word_char(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (word_char_at(s, i)) return true;
  return false;
}

// Full-width and typographic forms of the characters the reader looks at, as ASCII; the CJK
// comma, enumeration comma, semicolon and full stop, and the ideographic space, as spaces.
std::string normalize_punctuation(std::string_view q) {
  static const std::array<std::pair<std::string_view, std::string_view>, 17> kMap = {{
      {"“", "\""},
      {"”", "\""},
      {"„", "\""},
      {"＂", "\""},
      {"（", "("},
      {"）", ")"},
      {"：", ":"},
      {"？", "?"},
      {"！", "!"},
      {"＋", "+"},
      {"，", " "},
      {"、", " "},
      {"；", " "},
      {"。", " "},
      {"　", " "},
      {"＊", "*"},
      {"－", "-"},
  }};
  std::string out;
  out.reserve(q.size());
  for (size_t i = 0; i < q.size();) {
    bool mapped = false;
    if (static_cast<unsigned char>(q[i]) >= 0x80) {
      for (const auto& [from, to] : kMap) {
        if (q.substr(i).starts_with(from)) {
          out += to;
          i += from.size();
          mapped = true;
          break;
        }
      }
    }
    if (!mapped) out += q[i++];
  }
  return out;
}

bool separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','; }

void add_once(std::vector<std::string>& list, std::string_view item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.emplace_back(item);
}

// Punctuation at either end of a word is not part of it ("Taiwan?", "(made", "models)",
// "/boat-tail/", "'free'"); inside it is ("U.S.", "one-China", "2025-06", "O'Brien"). A final
// full stop stays after an abbreviation with another one inside ("U.S.", "i.e.").
std::string strip_edges(std::string_view s, std::vector<std::string>& punctuation) {
  size_t b = 0, e = s.size();
  auto note = [&](std::string_view p) {
    if (p != "." && p != ",") add_once(punctuation, p);
  };
  while (b < e && !word_char_at(s, b)) {
    size_t len = 1;
    uint32_t cp = 0;
    if (static_cast<unsigned char>(s[b]) >= 0x80) len = utf8_decode(s, b, cp);
    note(s.substr(b, len));
    b += len;
  }
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (word_char_at(s, start)) break;
    if (s[start] == '.' && s.substr(b, start - b).find('.') != std::string_view::npos) break;
    note(s.substr(start, e - start));
    e = start;
  }
  return std::string(s.substr(b, e - b));
}

bool looks_like_date(std::string_view s) {
  // YYYY, YYYY-MM or YYYY-MM-DD (validity is the interpreter's business).
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

enum class Kind { kWord, kPhrase, kField, kRange, kOperator, kPlus, kMinus, kWildcard };

struct Raw {
  std::string text;
  Kind kind = Kind::kWord;
};

Kind classify(const std::string& s) {
  if (is_operator(s)) return Kind::kOperator;
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return Kind::kPhrase;
  if (const size_t colon = s.find(':'); colon != std::string::npos && colon > 0 &&
                                        colon + 1 < s.size() && known_field(s.substr(0, colon)))
    return Kind::kField;
  if (const size_t dots = s.find("..");
      dots != std::string::npos && (dots == 0 || looks_like_date(s.substr(0, dots))) &&
      (dots + 2 == s.size() || looks_like_date(s.substr(dots + 2))) && s.size() > 2)
    return Kind::kRange;
  if (s.size() >= 2 && s[0] == '+' && word_char_at(s, 1)) return Kind::kPlus;
  if (s.size() >= 2 && s[0] == '-' && (word_char_at(s, 1) || s[1] == '"')) return Kind::kMinus;
  if (s.size() >= 3 && s.back() == '*' && s.find('*') == s.size() - 1 && word_char_at(s, 0) &&
      word_char_at(s, s.size() - 2))
    return Kind::kWildcard;
  return Kind::kWord;
}

// The words of a phrase ("\"one China policy\"" has 3).
size_t phrase_words(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool w = word_char_at(s, i);
    if (w && !in_word) ++n;
    in_word = w || (in_word && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  }
  return n;
}

}  // namespace

std::vector<std::string> split_query(std::string_view q) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && separator(q[i])) ++i;
    if (i >= q.size()) break;
    const size_t start = i;
    bool quoted = false;
    while (i < q.size() && (!separator(q[i]) || quoted)) {
      if (q[i] == '"') quoted = !quoted;
      ++i;
    }
    out.emplace_back(q.substr(start, i - start));
  }
  return out;
}

ReadQuery read_query(std::string_view typed, size_t long_text_words) {
  ReadQuery out;
  std::string q = normalize_punctuation(typed);
  if (std::count(q.begin(), q.end(), '"') % 2 != 0) {  // an unclosed quote: no phrases at all
    q.erase(std::remove(q.begin(), q.end(), '"'), q.end());
    out.punctuation.emplace_back("\"");
  }
  std::vector<Raw> raw;
  for (std::string& s : split_query(q)) raw.push_back({std::move(s), Kind::kWord});
  size_t words = 0;
  for (const Raw& r : raw) words += has_word_char(r.text) && !is_operator(r.text) ? 1 : 0;
  out.long_text = words > long_text_words;

  if (!out.long_text) {
    for (Raw& r : raw) r.kind = classify(r.text);
    for (Raw& r : raw)
      if (r.kind == Kind::kPhrase && phrase_words(r.text) < 2) r.kind = Kind::kWord;
    // Operators between words; NOT may also open the query ("NOT taiwan").
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k].kind != Kind::kOperator) continue;
      auto wordish = [&](size_t j) {
        return raw[j].kind != Kind::kOperator && has_word_char(raw[j].text);
      };
      const bool before = k > 0 && wordish(k - 1), after = k + 1 < raw.size() && wordish(k + 1);
      if (!(after && (before || raw[k].text == "NOT"))) raw[k].kind = Kind::kWord;
    }
    // "-word" excludes in a short query with other words; elsewhere the dash is punctuation.
    size_t positive = 0;
    for (const Raw& r : raw)
      positive += r.kind != Kind::kMinus && r.kind != Kind::kOperator && has_word_char(r.text);
    for (Raw& r : raw)
      if (r.kind == Kind::kMinus && (positive == 0 || words > kMaxExclusionQueryWords))
        r.kind = Kind::kWord;
  }
  const bool operators =
      std::any_of(raw.begin(), raw.end(), [](const Raw& r) { return r.kind == Kind::kOperator; });
  // Brackets group operators; otherwise they are punctuation ("(made using free-flight models)").
  long depth = 0;
  bool balanced = true;
  for (const Raw& r : raw)
    for (char c : r.text) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      balanced &= depth >= 0;
    }
  const bool keep_brackets = operators && balanced && depth == 0;

  for (Raw& r : raw) {
    if (r.kind == Kind::kWord) {
      // Words may still hold inner syntax characters ("free-flight)", "?slip?", "a:b").
      std::string text = r.text;
      if (!keep_brackets) {
        text.erase(
            std::remove_if(text.begin(), text.end(), [](char c) { return c == '(' || c == ')'; }),
            text.end());
      }
      for (char& c : text)
        if (c == '"' || c == '*' || c == ':' || c == '?') c = ' ';
      for (size_t dots; (dots = text.find("..")) != std::string::npos;) text.replace(dots, 2, " ");
      for (const std::string& piece : split_query(text)) {
        if (is_operator(piece)) {  // an operator without operands: a word
          out.tokens.push_back({ascii_lower(piece), true, false, false});
          continue;
        }
        // Grouping brackets stay on the word they open or close: "(taiwan", "xi)".
        std::string_view core = piece;
        size_t open = 0, close = 0;
        while (keep_brackets && core.starts_with('(')) core.remove_prefix(1), ++open;
        while (keep_brackets && core.ends_with(')')) core.remove_suffix(1), ++close;
        std::string word = strip_edges(core, out.punctuation);
        if (word.empty()) continue;
        out.tokens.push_back(
            {std::string(open, '(') + word + std::string(close, ')'), true, false, false});
      }
      for (char c : r.text)
        if (c == '(' || c == ')' || c == '"' || c == '*' || c == ':' || c == '?')
          add_once(out.punctuation, std::string_view(&c, 1));
      continue;
    }
    QueryToken t{r.text, false, r.kind == Kind::kPlus, false};
    if (r.kind == Kind::kPlus) {
      // "+word?" keeps its plus, not its punctuation.
      t.text = "+" + strip_edges(std::string_view(r.text).substr(1), out.punctuation);
    } else if (r.kind == Kind::kMinus) {
      std::vector<std::string> ignore;
      t.text = "-" + strip_edges(std::string_view(r.text).substr(1), ignore);
      if (r.text[1] == '"') t.text = r.text;
    }
    if (!keep_brackets && r.kind != Kind::kPhrase && r.kind != Kind::kField) {
      t.text.erase(
          std::remove_if(t.text.begin(), t.text.end(), [](char c) { return c == '(' || c == ')'; }),
          t.text.end());
    }
    out.tokens.push_back(std::move(t));
  }
  // The operands of AND/OR/NOT/NEAR... belong to the operator: "xi OR biden" is not two people.
  for (size_t k = 0; k < out.tokens.size(); ++k) {
    if (out.tokens[k].plain || !is_operator(out.tokens[k].text)) continue;
    if (k > 0) out.tokens[k - 1].plain = out.tokens[k - 1].plus = false;
    if (k > 0) out.tokens[k - 1].operand = true;
    if (k + 1 < out.tokens.size()) {
      out.tokens[k + 1].plain = out.tokens[k + 1].plus = false;
      out.tokens[k + 1].operand = true;
    }
  }
  return out;
}

std::string words_only(std::string_view q) {
  std::string out;
  auto add = [&](const std::string& word) {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word;
  };
  for (const QueryToken& t : read_query(q).tokens) {
    const bool field = t.text.find(':') != std::string::npos;
    const bool range = t.text.find("..") != std::string::npos;
    if (t.plain || ((field || range) && !t.operand)) {  // words, filters and date ranges stay
      add(t.text);
      continue;
    }
    if (is_operator(t.text)) continue;  // "taiwan OR xi" -> "taiwan xi"
    std::string text = t.text;
    for (char& c : text)
      if (c == '"' || c == '*' || c == '(' || c == ')' || c == ':') c = ' ';
    for (const std::string& piece : split_query(text)) {
      std::vector<std::string> ignore;
      add(strip_edges(piece, ignore));
    }
  }
  return out;
}

}  // namespace readouts
