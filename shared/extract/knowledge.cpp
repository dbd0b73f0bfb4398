// Knowledge: parsing and merging people.json, topics.json and synonyms.txt, and name lookups.
#include "shared/extract/knowledge.h"

#include <xapian.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "shared/extract/knowledge_index.h"
#include "shared/knowledge/data_json.h"
#include "shared/text/chinese_script.h"
#include "shared/text/held_members.h"
#include "shared/text/tokenize.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

using nlohmann::json;

Result<std::string> get_string(const json& o, const char* key, bool required,
                               std::string_view origin, const std::string& where) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) return data_error(origin, where + ": missing \"" + key + "\"");
    return std::string();
  }
  if (!it->is_string()) return data_error(origin, where + ": \"" + key + "\" must be a string");
  return it->get<std::string>();
}

bool valid_iso_bound(const std::string& s) {
  if (s.empty()) return true;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

namespace {

// Adds `parsed` to `into`: an entry whose key equals an existing entry's replaces it in place
// (keeping its position), others are appended in order. Used for people and topics (by id) and
// synonym groups (by first term).
template <class T, class Key>
void merge_by_key(std::vector<T>& into, std::vector<T>& parsed, Key key) {
  for (T& item : parsed) {
    auto same = [&](const T& existing) { return key(existing) == key(item); };
    if (auto it = std::find_if(into.begin(), into.end(), same); it != into.end())
      *it = std::move(item);
    else
      into.push_back(std::move(item));
  }
}

// An Arabic alias as Egyptian spelling writes it: the "ng" ending of a Chinese name with jeem for
// ghain ("بينغ" -> "بينج", "يينغ" -> "يينج"); "" when the alias has no such ending.
std::string egyptian_spelling(const std::string& alias) {
  static const std::string kNoonGhain = "\xD9\x86\xD8\xBA";  // نغ
  static const std::string kJeem = "\xD8\xAC";               // ج
  std::string out = alias;
  bool changed = false;
  for (size_t at = out.find(kNoonGhain); at != std::string::npos;
       at = out.find(kNoonGhain, at + 2)) {
    const size_t end = at + kNoonGhain.size();
    if (end < out.size() && out[end] != ' ') continue;  // word-final only
    out.replace(at + 2, 2, kJeem);
    changed = true;
  }
  return changed ? out : "";
}

// Every form that names a person: the canonical name, then the aliases (and their Egyptian
// spellings).
std::vector<std::string> name_forms(const Person& p) {
  std::vector<std::string> forms{p.name};
  forms.insert(forms.end(), p.aliases.begin(), p.aliases.end());
  for (const std::string& a : p.aliases)
    if (std::string e = egyptian_spelling(a);
        !e.empty() && std::find(forms.begin(), forms.end(), e) == forms.end())
      forms.push_back(std::move(e));
  return forms;
}

}  // namespace

Status Knowledge::add_people_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  auto list = data_list(doc.value(), "people", origin);
  if (!list.ok()) return list.error();
  std::vector<Person> parsed;
  size_t n = 0;
  for (const json& o : list.value()) {
    ++n;
    std::string where = "person #" + std::to_string(n);
    if (!o.is_object()) return data_error(origin, where + ": must be an object");
    Person p;
    auto id = get_string(o, "id", true, origin, where);
    if (!id.ok()) return id.error();
    p.id = id.value();
    where += " (" + p.id + ")";
    auto name = get_string(o, "name", true, origin, where);
    if (!name.ok()) return name.error();
    p.name = name.value();
    if (p.id.empty() || p.name.empty()) return data_error(origin, where + ": empty id or name");
    auto country = get_string(o, "country", false, origin, where);
    if (!country.ok()) return country.error();
    p.country = country.value();
    auto role = get_string(o, "role", false, origin, where);
    if (!role.ok()) return role.error();
    p.role = role.value();
    if (auto it = o.find("aliases"); it != o.end()) {
      if (!it->is_array()) return data_error(origin, where + ": \"aliases\" must be an array");
      for (const json& a : *it) {
        if (!a.is_string()) return data_error(origin, where + ": aliases must be strings");
        if (!trim(a.get<std::string>()).empty()) p.aliases.push_back(a.get<std::string>());
      }
    }
    if (auto it = o.find("titles"); it != o.end()) {
      if (!it->is_array()) return data_error(origin, where + ": \"titles\" must be an array");
      for (const json& t : *it) {
        if (!t.is_object()) return data_error(origin, where + ": titles must be objects");
        TitledPeriod tp;
        auto title = get_string(t, "title", true, origin, where);
        if (!title.ok()) return title.error();
        auto from = get_string(t, "from", false, origin, where);
        if (!from.ok()) return from.error();
        auto to = get_string(t, "to", false, origin, where);
        if (!to.ok()) return to.error();
        tp.title = title.value();
        tp.from = from.value();
        tp.to = to.value();
        if (!valid_iso_bound(tp.from) || !valid_iso_bound(tp.to))
          return data_error(origin, where + ": title dates must be YYYY-MM-DD");
        p.titles.push_back(std::move(tp));
      }
    }
    parsed.push_back(std::move(p));
  }
  merge_by_key(people_, parsed, [](const Person& p) -> const std::string& { return p.id; });
  changed();
  return Status::Ok();
}

Status Knowledge::add_topics_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  auto list = data_list(doc.value(), "topics", origin);
  if (!list.ok()) return list.error();
  std::vector<Topic> parsed;
  size_t n = 0;
  for (const json& o : list.value()) {
    ++n;
    std::string where = "topic #" + std::to_string(n);
    if (!o.is_object()) return data_error(origin, where + ": must be an object");
    Topic t;
    auto id = get_string(o, "id", true, origin, where);
    if (!id.ok()) return id.error();
    t.id = id.value();
    if (t.id.empty()) return data_error(origin, where + ": empty id");
    where += " (" + t.id + ")";
    auto label = get_string(o, "label", false, origin, where);
    if (!label.ok()) return label.error();
    t.label = label.value().empty() ? t.id : label.value();
    auto label_zh = get_string(o, "label_zh", false, origin, where);
    if (!label_zh.ok()) return label_zh.error();
    t.label_zh = label_zh.value();
    if (auto it = o.find("terms"); it != o.end()) {
      if (!it->is_array()) return data_error(origin, where + ": \"terms\" must be an array");
      for (const json& term : *it) {
        TopicTerm tt;
        if (term.is_string()) {
          tt.text = term.get<std::string>();
        } else if (term.is_object() && term.contains("text") && term["text"].is_string()) {
          tt.text = term["text"].get<std::string>();
          if (auto w = term.find("weight"); w != term.end()) {
            if (!w->is_number()) return data_error(origin, where + ": weight must be a number");
            tt.weight = w->get<double>();
          }
        } else {
          return data_error(origin, where + ": a term is a string or {\"text\", \"weight\"}");
        }
        if (!(tt.weight >= 0 && tt.weight <= 100))
          return data_error(origin, where + ": weight must be within 0..100");
        if (!trim(tt.text).empty()) t.terms.push_back(std::move(tt));
      }
    }
    if (auto it = o.find("within"); it != o.end()) {
      if (!it->is_array())
        return data_error(origin, where + ": \"within\" must be an array of topic ids");
      for (const json& w : *it) {
        if (!w.is_string()) return data_error(origin, where + ": \"within\" holds topic ids");
        t.within.push_back(w.get<std::string>());
      }
    }
    parsed.push_back(std::move(t));
  }
  // Word lists beside the topics: each is added to the lists of earlier folders.
  struct ListKey {
    const char* key;
    std::vector<std::string>* into;
  };
  const ListKey lists[] = {{"account_words", &account_words_},
                           {"negators", &negators_},
                           {"negation_words", &negation_words_},
                           {"negated_discussion", &negated_discussion_}};
  std::vector<std::vector<std::string>> found(std::size(lists));
  if (doc.value().is_object()) {
    for (size_t l = 0; l < std::size(lists); ++l) {
      auto it = doc.value().find(lists[l].key);
      if (it == doc.value().end()) continue;
      const std::string key = lists[l].key;
      if (!it->is_array()) return data_error(origin, "\"" + key + "\" must be an array");
      for (const json& w : *it) {
        if (!w.is_string()) return data_error(origin, key + " must be strings");
        if (!trim(w.get<std::string>()).empty()) found[l].push_back(w.get<std::string>());
      }
    }
  }
  merge_by_key(topics_, parsed, [](const Topic& t) -> const std::string& { return t.id; });
  for (size_t l = 0; l < std::size(lists); ++l)
    for (std::string& w : found[l])
      if (std::find(lists[l].into->begin(), lists[l].into->end(), w) == lists[l].into->end())
        lists[l].into->push_back(std::move(w));
  changed();
  return Status::Ok();
}

Status Knowledge::add_synonyms_text(std::string_view text, std::string_view origin) {
  if (text.size() > (16u << 20)) return data_error(origin, "file too large (limit 16 MB)");
  if (check_utf8(text).repaired) return data_error(origin, "invalid UTF-8");
  std::vector<SynonymGroup> parsed;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    SynonymGroup g;
    size_t start = 0;
    while (start <= line.size()) {
      size_t comma = line.find(',', start);
      if (comma == std::string_view::npos) comma = line.size();
      std::string term = collapse_spaces(line.substr(start, comma - start));
      if (!term.empty()) g.terms.push_back(Xapian::Unicode::tolower(term));
      start = comma + 1;
    }
    if (g.terms.size() < 2)
      return data_error(origin, "line " + std::to_string(line_no) +
                                    ": a group needs at least two comma-separated terms");
    parsed.push_back(std::move(g));
  }
  merge_by_key(synonyms_, parsed,
               [](const SynonymGroup& g) -> const std::string& { return g.terms.front(); });
  index_synonyms();
  return Status::Ok();
}

void Knowledge::index_synonyms() {
  synonym_starts_.clear();
  for (SynonymGroup& group : synonyms_) group.match_terms = members_adding(group.terms);
  for (size_t g = 0; g < synonyms_.size(); ++g)
    for (const std::string& term : synonyms_[g].terms) {
      SynonymStart start{g, {}};
      for (size_t i = 0; i < term.size();) {
        while (i < term.size() && term[i] == ' ') ++i;
        size_t j = i;
        while (j < term.size() && term[j] != ' ') ++j;
        if (j > i) start.words.push_back(term.substr(i, j - i));
        i = j;
      }
      if (start.words.empty()) continue;
      const std::string first = start.words.front();
      synonym_starts_[first].push_back(std::move(start));
    }
}

const std::vector<SynonymStart>* Knowledge::synonyms_starting(std::string_view word) const {
  auto it = synonym_starts_.find(std::string(word));
  return it == synonym_starts_.end() ? nullptr : &it->second;
}

const Person* Knowledge::find_person(std::string_view alias) const {
  auto it = alias_index_.find(fold_name(alias));
  return it == alias_index_.end() ? nullptr : &people_[it->second];
}

const Person* Knowledge::find_person_by_title(std::string_view title,
                                              std::string_view iso_date) const {
  if (iso_date.empty()) return nullptr;
  std::string key = fold_name(title);
  const Person* found = nullptr;
  for (const Person& p : people_) {
    for (const TitledPeriod& t : p.titles) {
      if (fold_name(t.title) != key) continue;
      if (!t.from.empty() && iso_date < std::string_view(t.from).substr(0, iso_date.size()))
        continue;
      if (!t.to.empty() && iso_date >= t.to) continue;
      if (found && found != &p) return nullptr;  // two holders: ambiguous at this precision
      found = &p;
    }
  }
  return found;
}

const Person* Knowledge::person_by_name(std::string_view canonical_name) const {
  for (const Person& p : people_)
    if (p.name == canonical_name) return &p;
  return nullptr;
}

const Topic* Knowledge::find_topic(std::string_view id_or_label) const {
  auto it = topic_index_.find(fold_name(id_or_label));
  return it == topic_index_.end() ? nullptr : &topics_[it->second];
}

namespace {

// Every character is Han, kana or hangul (written without spaces).
bool all_cjk(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    i += utf8_decode(s, i, cp);
    if (!is_cjk_char(cp)) return false;
  }
  return !s.empty();
}

}  // namespace

// Distinctive topic terms for queries; a term two topics claim names neither.
void Knowledge::index_topic_terms() {
  constexpr double kDistinctive = 3.0;
  std::unordered_map<std::string, bool> ambiguous;
  for (size_t i = 0; i < topics_.size(); ++i) {
    for (const TopicTerm& term : topics_[i].terms) {
      if (term.weight < kDistinctive || term.text.find('*') != std::string::npos) continue;
      const std::string key = fold_word(term.text);
      auto [it, inserted] = topic_term_index_.emplace(key, i);
      if (!inserted && it->second != i) ambiguous[key] = true;
    }
  }
  for (const auto& [key, bad] : ambiguous) topic_term_index_.erase(key);
  for (const auto& [key, topic] : topic_term_index_)
    if (key.size() >= 6 && all_cjk(key)) cjk_topic_terms_.emplace_back(key, topic);
  std::sort(cjk_topic_terms_.begin(), cjk_topic_terms_.end());
}

const Topic* Knowledge::topic_of_term(std::string_view text) const {
  auto it = topic_term_index_.find(fold_word(text));
  return it == topic_term_index_.end() ? nullptr : &topics_[it->second];
}

const KnowledgeIndex& Knowledge::index() const {
  static const KnowledgeIndex kEmpty;
  return index_ ? *index_ : kEmpty;
}

// Outlet names that hold a topic's words ("Hong Kong Free Press", "Taiwan News", "香港经济日报")
// name a publisher, not the topic: they join the topic terms with weight 0, which only shadows
// the shorter terms inside them.
void Knowledge::shadow_outlet_names(KnowledgeIndex& idx) const {
  std::vector<std::string_view> shadowing;
  auto holds_topic_term = [&](const std::string& name) {
    const std::vector<Token> toks = tokenize(name);
    bool holds = false;
    for (size_t i = 0; i < toks.size() && !holds; ++i)
      idx.topic_terms.match_at(toks, i, [&](const Phrase& p) {
        holds = idx.term_targets[p.payload].weight > 0 && p.tokens.size() < toks.size();
        return !holds;
      });
    return holds;
  };
  for (const Outlet& o : outlets_.all()) {
    if (holds_topic_term(o.name)) shadowing.push_back(o.name);
    for (const std::string& a : o.aliases)
      if (holds_topic_term(a)) shadowing.push_back(a);
  }
  if (shadowing.empty()) return;
  for (std::string_view name : shadowing) {
    idx.topic_terms.add(name, static_cast<uint32_t>(idx.term_targets.size()));
    idx.term_targets.push_back({0, 0.0});
  }
  idx.topic_terms.finalize();  // sorts again, the names among the longest phrases
}

void Knowledge::reindex() {
  alias_index_.clear();
  topic_index_.clear();
  topic_term_index_.clear();
  cjk_topic_terms_.clear();
  auto idx = std::make_shared<KnowledgeIndex>();
  // An alias claimed by two people names neither (it is ambiguous); a person's own name wins.
  std::unordered_map<std::string, size_t> owner;
  std::unordered_map<std::string, bool> ambiguous;
  for (size_t i = 0; i < people_.size(); ++i) {
    for (const std::string& f : name_forms(people_[i])) {
      std::string key = fold_name(f);
      auto [it, inserted] = owner.emplace(key, i);
      if (!inserted && it->second != i) ambiguous[key] = true;
    }
  }
  for (size_t i = 0; i < people_.size(); ++i) {
    const Person& p = people_[i];
    for (const std::string& f : name_forms(p)) {
      std::string key = fold_name(f);
      if (ambiguous.count(key) && fold_name(p.name) != key) continue;
      alias_index_[key] = i;
      idx->names.add(f, static_cast<uint32_t>(idx->name_targets.size()));
      idx->name_targets.push_back(NameTarget{static_cast<uint32_t>(i), false, {}, {}});
    }
    for (const TitledPeriod& t : p.titles) {
      idx->names.add(t.title, static_cast<uint32_t>(idx->name_targets.size()));
      idx->name_targets.push_back(NameTarget{static_cast<uint32_t>(i), true, t.from, t.to});
    }
  }
  // Short Chinese names: those of one person only.
  std::unordered_map<std::string, int64_t> short_owner;
  for (size_t i = 0; i < people_.size(); ++i)
    for (const std::string& a : people_[i].aliases)
      for (std::string& n : short_chinese_names(a)) {
        auto [it, inserted] = short_owner.emplace(std::move(n), static_cast<int64_t>(i));
        if (!inserted && it->second != static_cast<int64_t>(i)) it->second = -1;
      }
  for (const auto& [n, i] : short_owner)
    if (i >= 0 && !alias_index_.count(fold_name(n)))
      idx->zh_short_names.emplace(n, static_cast<uint32_t>(i));
  index_attribution(*idx);  // before finalize: the name matcher learns case endings
  idx->names.finalize();
  for (size_t i = 0; i < topics_.size(); ++i) {
    const Topic& t = topics_[i];
    topic_index_[fold_name(t.id)] = i;
    topic_index_[fold_name(t.label)] = i;
    if (!t.label_zh.empty()) topic_index_[fold_name(t.label_zh)] = i;
    for (const TopicTerm& term : t.terms) {
      idx->topic_terms.add(term.text, static_cast<uint32_t>(idx->term_targets.size()));
      idx->term_targets.push_back({static_cast<uint32_t>(i), term.weight});
    }
  }
  idx->topic_terms.finalize();
  shadow_outlet_names(*idx);
  index_topic_terms();
  // One matcher for the sentence-level word lists; the payload says which list.
  const std::vector<std::string>* lists[] = {&account_words_, &negators_, &negation_words_,
                                             &negated_discussion_};
  for (uint32_t l = 0; l < std::size(lists); ++l)
    for (const std::string& w : *lists[l]) idx->sentence_words.add(w, l);
  idx->sentence_words.finalize();
  index_ = std::move(idx);
}

std::vector<std::string> short_chinese_names(std::string_view alias) {
  // Titles that open or close an alias (simplified), longest first.
  static const std::vector<std::string_view> kTitles = {
      "气候特使", "商务部长", "贸易代表", "国务委员", "副总理", "国务卿", "副总统", "副主席",
      "发言人",   "总理",     "部长",     "财长",     "外长",   "特使",   "大使",   "总统",
      "主席",     "先生",     "女士",     "顾问",     "主任",   "书记"};
  const std::string s = to_simplified(alias);
  auto han_only = [](std::string_view t, size_t& chars) {
    chars = 0;
    for (size_t i = 0; i < t.size();) {
      uint32_t cp = 0;
      i += utf8_decode(t, i, cp);
      if (!is_han(cp)) return false;
      ++chars;
    }
    return true;
  };
  std::vector<std::string> out;
  auto keep = [&](std::string_view name) {
    size_t chars = 0;
    if (han_only(name, chars) && chars >= 2 && chars <= 3) out.emplace_back(name);
  };
  // "马修·米勒": the part after the last middle dot (·, ‧, •, ・).
  for (std::string_view dot : {"\xC2\xB7", "\xE2\x80\xA7", "\xE2\x80\xA2", "\xE3\x83\xBB"})
    if (size_t at = s.rfind(dot); at != std::string::npos) {
      keep(std::string_view(s).substr(at + dot.size()));
      return out;
    }
  std::string_view rest = s;
  bool stripped = false;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view t : kTitles) {
      if (rest.size() > t.size() && rest.starts_with(t))
        rest.remove_prefix(t.size());
      else if (rest.size() > t.size() && rest.ends_with(t))
        rest.remove_suffix(t.size());
      else
        continue;
      again = stripped = true;
      break;
    }
  }
  if (stripped) keep(rest);
  return out;
}

}  // namespace readouts
