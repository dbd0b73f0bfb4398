// Reading a site's own name from its page chrome and checking it against the host's letters.
#include "shared/extract/site_name.h"

#include <array>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr size_t kMaxName = 60;  // bytes: a site's name, not a headline

// Base letters of U+00C0..U+00FF (Latin-1) and U+0100..U+017F (Latin Extended-A); '-' drops.
// (the letters Unicode decomposes to, as evaluate.py folds them; '-' for none: "ø", "ł").
constexpr std::string_view kLatin1 =
    "aaaaaa-ceeeeiiii-nooooo--uuuuy-saaaaaa-ceeeeiiii-nooooo--uuuuy-y";
constexpr std::string_view kLatinA =
    "aaaaaaccccccccdd--eeeeeeeeeegggggggghh--iiiiiiiii-iijjkk-llllllll--nnnnnnn--oooooo--"
    "rrrrrrsssssssstttt--uuuuuuuuuuuuwwyyyzzzzzzs";

bool has_ascii_letter(std::string_view s) {
  for (char c : s)
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return false;
}

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// The parts of a title line: "Talks end | Example Daily" -> {"Talks end", "Example Daily"}.
std::vector<std::string_view> title_parts(std::string_view line) {
  static constexpr std::array<std::string_view, 8> kSeparators = {
      " | ", " - ",          " \xE2\x80\x93 ", " \xE2\x80\x94 ",
      " _ ", "\xEF\xBD\x9C", " :: ",           " \xC2\xBB "};
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < line.size();) {
    size_t hit = 0;
    for (std::string_view sep : kSeparators)
      if (line.compare(i, sep.size(), sep) == 0) {
        hit = sep.size();
        break;
      }
    if (!hit) {
      ++i;
      continue;
    }
    parts.push_back(trim(line.substr(start, i - start)));
    i += hit;
    start = i;
  }
  if (parts.empty()) return parts;  // no separator: not a title line
  parts.push_back(trim(line.substr(start)));
  return parts;
}

// The holder a copyright line names: "Copyright © 2024 Example Daily. All rights reserved." ->
// "Example Daily"; "© 2024 مثال. جميع الحقوق محفوظة" -> "مثال".
std::string copyright_holder(std::string_view line) {
  std::string s(trim(line));
  std::string lower = ascii_lower(s);
  for (std::string_view cut :
       {"all rights reserved", "\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89",
        "\xE7\x89\x88\xE6\xAC\x8A\xE6\x89\x80\xE6\x9C\x89",
        "\xD8\xAC\xD9\x85\xD9\x8A\xD8\xB9 \xD8\xA7\xD9\x84\xD8\xAD\xD9\x82\xD9\x88\xD9\x82"}) {
    if (size_t at = lower.find(cut); at != std::string::npos) {
      s.resize(at);
      lower.resize(at);
    }
  }
  for (std::string_view mark : {"copyright", "\xC2\xA9", "\xE2\x93\x92", "(c)"}) {
    for (size_t at = lower.find(mark); at != std::string::npos; at = lower.find(mark)) {
      s.erase(at, mark.size());
      lower.erase(at, mark.size());
    }
  }
  std::string_view v = trim(s);
  // Years ("2012-2024") and punctuation around the name; the name ends at a sentence or a bar.
  while (!v.empty() &&
         (has_digit(v.substr(0, 1)) || v.front() == '-' || v.front() == ',' || v.front() == ' '))
    v.remove_prefix(1);
  for (std::string_view end : {". ", " |", ", ", " - "})
    if (size_t at = v.find(end); at != std::string_view::npos) v = v.substr(0, at);
  v = trim(v);
  while (!v.empty() && (v.back() == '.' || v.back() == ',' || v.back() == '|' || v.back() == ' ' ||
                        has_digit(v.substr(v.size() - 1))))
    v.remove_suffix(1);
  return std::string(trim(v));
}

// The letters an acronym of a name gives: each word's first letter, a capitalised short word
// whole ("US-China Policy Foundation" -> "uscpf"); with and without the small words ("of",
// "the", "and"), since a host may keep or drop them.
std::array<std::string, 2> name_initials(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kSmall = {"of", "the", "and", "for", "on", "in",
                                                              "de", "la",  "el",  "des", "du", "&"};
  std::array<std::string, 2> out;
  size_t words = 0;
  size_t start = 0;
  auto take = [&](std::string_view word) {
    if (word.empty()) return;
    std::string letters = host_letters(word);
    bool small = false;
    for (std::string_view s : kSmall) small |= ascii_lower(std::string(word)) == s;
    if (letters.empty() && !small) return;
    bool capitals = letters.size() >= 2 && letters.size() <= 4;
    for (char c : word) capitals &= (c >= 'A' && c <= 'Z') || c == '.';
    std::string part = capitals ? letters : letters.substr(0, 1);
    ++words;
    out[0] += part;
    if (!small) out[1] += part;
  };
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ' && name[i] != '-' && name[i] != '/') continue;
    take(name.substr(start, i - start));
    start = i + 1;
  }
  if (words < 2) return {};
  return out;
}

}  // namespace

std::string host_letters(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t n = utf8_decode(s, i, cp);
    i += n ? n : 1;
    char c = 0;
    if (cp < 0x80) {
      c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else if (cp >= 0xC0 && cp < 0x100) {
      c = kLatin1[cp - 0xC0];
    } else if (cp >= 0x100 && cp < 0x100 + kLatinA.size()) {
      c = kLatinA[cp - 0x100];
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

std::string site_name_from_chrome(const std::vector<std::string>* top_lines,
                                  const std::vector<std::string>* copyright_lines,
                                  std::string_view host, std::string_view domain) {
  if (host.empty() || domain.empty()) return "";
  const std::string label = host_letters(domain.substr(0, domain.find('.')));
  const std::string whole = host_letters(domain);
  auto spells_host = [&](std::string_view name) {
    if (name.empty() || name.size() > kMaxName || !has_ascii_letter(name)) return false;
    std::string s = host_letters(name);
    return s.size() >= 3 && (s == label || s == whole || s == "the" + label);
  };
  // An acronym host ("uscpf.org" for "US-China Policy Foundation"), trusted only where a site's
  // name stands: a title line's later parts and the copyright holder, never a headline.
  auto abbreviated_by_host = [&](std::string_view name) {
    if (label.size() < 3 || name.size() > kMaxName || !has_ascii_letter(name)) return false;
    for (const std::string& initials : name_initials(name))
      if (initials == label) return true;
    return false;
  };
  // Candidates in order of trust: title lines' parts, copyright holders, whole masthead lines.
  std::vector<std::string> parts, site_parts, holders, lines;
  if (top_lines)
    for (const std::string& line : *top_lines) {
      lines.emplace_back(trim(line));
      const auto line_parts = title_parts(line);
      for (size_t i = 0; i < line_parts.size(); ++i) {
        parts.emplace_back(line_parts[i]);
        if (i > 0) site_parts.emplace_back(line_parts[i]);
      }
    }
  if (copyright_lines)
    for (const std::string& line : *copyright_lines) holders.push_back(copyright_holder(line));
  for (const auto* group : {&parts, &holders, &lines})
    for (const std::string& name : *group)
      if (spells_host(name)) return name;
  for (const auto* group : {&site_parts, &holders})
    for (const std::string& name : *group)
      if (abbreviated_by_host(name)) return name;
  // A name the domain cannot spell: a masthead line of its own, given again as a title line's
  // site part or as the copyright holder.
  auto usable = [](const std::string& name) {
    return name.size() >= 6 && name.size() <= kMaxName && !has_ascii_letter(name) &&
           !has_digit(name);
  };
  for (const std::string& line : lines) {
    if (!usable(line)) continue;
    for (const auto* group : {&parts, &holders})
      for (const std::string& name : *group)
        if (name == line) return line;
  }
  return "";
}

std::string masthead_name(const std::vector<std::string>* top_lines) {
  if (!top_lines) return "";
  // What a publication is called by (its last word in CJK and Korean, its first in Arabic).
  static constexpr std::string_view kEndings[] = {
      "日报",     "日報",   "晚报",   "晚報",   "晨报",   "晨報",     "时报",     "時報",
      "商报",     "商報",   "快报",   "快報",   "都市报", "新闻网",   "新聞網",   "新闻中心",
      "新聞中心", "周刊",   "週刊",   "周报",   "週報",   "导报",     "導報",     "画报",
      "畫報",     "通讯社", "通訊社", "电视台", "電視台", "广播电台", "廣播電台", "网",
      "網",       "新聞",   "신문",   "일보"};
  static constexpr std::array<std::string_view, 6> kArabicOpenings = {"جريدة ", "صحيفة ", "بوابة ",
                                                                      "موقع ",  "قناة ",  "وكالة "};
  // Section headings built the same way: "国际新闻", "财经新闻网", "체육신문".
  static constexpr std::string_view kSections[] = {
      "国际", "國際", "国内", "國內", "财经", "財經", "体育", "體育", "娱乐", "娛樂",
      "科技", "军事", "軍事", "要",   "即时", "即時", "最新", "热门", "熱門", "焦点",
      "焦點", "今日", "头条", "頭條", "相关", "相關", "推荐", "推薦", "两岸", "兩岸",
      "社会", "社會", "政治", "地方", "生活", "图片", "圖片", "视频", "視頻", "影音",
      "互联", "互聯", "物联", "物聯", "局域", "因特", "万维", "萬維", "官方"};
  for (const std::string& raw : *top_lines) {
    std::string_view line = trim(raw);
    if (line.size() < 6 || line.size() > 45 || has_ascii_letter(line) || has_digit(line)) continue;
    bool arabic = false;
    for (std::string_view opening : kArabicOpenings) arabic |= line.starts_with(opening);
    if (arabic) {
      // The type word, then a name of one to three words: "جريدة المثال".
      size_t spaces = 0;
      for (char c : line) spaces += c == ' ';
      if (spaces <= 3) return std::string(line);
      continue;
    }
    // One name: no spaces, ASCII or CJK punctuation ("来源:某网" is a credit line).
    bool plain = true;
    for (char c : line) plain &= static_cast<unsigned char>(c) >= 0x80;
    for (std::string_view p : {"\xEF\xBC\x9A", "\xEF\xBC\x8C", "\xE3\x80\x81", "\xE3\x80\x82",
                               "\xEF\xBC\x88", "\xEF\xBC\x89", "\xE3\x80\x80", "\xC2\xB7"})
      plain &= line.find(p) == std::string_view::npos;
    if (!plain) continue;
    for (std::string_view ending : kEndings) {
      if (!line.ends_with(ending)) continue;
      std::string_view stem = line.substr(0, line.size() - ending.size());
      if (stem.size() < 6) break;  // two CJK characters at least: "某城" + 晚报
      bool section = false;
      for (std::string_view s : kSections) section |= stem == s;
      if (!section) return std::string(line);
      break;
    }
  }
  return "";
}

}  // namespace readouts
