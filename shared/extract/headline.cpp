// A scraped page's headline among the short lines above its article (headline.h).
#include "shared/extract/headline.h"

#include <algorithm>
#include <array>
#include <set>
#include <vector>

#include "shared/extract/text_cleanup.h"
#include "shared/text/tokenize.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr size_t kMaxCandidates = 10;  // paragraphs from the top that may be the headline
constexpr size_t kMaxHeadline = 300;   // bytes
constexpr size_t kBodyLine = 120;      // a paragraph this long that ends a sentence is the article
constexpr size_t kMaxNotice = 600;     // a banner or notice is no longer than this (bytes)

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Banners, notices and widgets that sites put above articles, lower case.
constexpr std::array<std::string_view, 53> kChromePhrases = {
    "official website of the united states government", "websites use .gov", ".gov website",
    "here's how you know", "accessibility links", "skip to main content", "skip to content",
    "your browser", "cookie", "javascript", "sign in", "log in", "subscribe", "read more",
    "download the app", "charitable donation", "隐私", "隱私", "app下载", "下载app",
    // Page furniture: category labels, menu settings, a site's "visit the new version" banner.
    "categories:", "filed under", "恢復預設", "恢复默认", "自訂排序", "访问新版", "訪問新版",
    // Links that skip to the content, in the languages of the set.
    "перейти к основному", "ссылки для упрощенного доступа", "跳转至内容", "跳转到", "跳至主要內容",
    "zum inhalt", "aller au contenu", "ir al contenido", "본문 바로가기", "本文へ",
    "الانتقال إلى المحتوى",
    // A masthead's staff credits: "رئيس مجلس الإدارة ..." (chairman), "رئيس التحرير" (editor).
    "رئيس مجلس الإدارة", "رئيس التحرير", "editor-in-chief",
    // An e-paper's page label ("第03版:要闻 上一版 下一版"), a forum's login bar, a script
    // switcher, a site's beta banner, skip links in traditional characters.
    "上一版", "下一版", "pdf版", "找回密码", "找回密碼", "立即注册", "立即註冊", "简体繁體",
    "测试版", "測試版", "跳轉至", "跳轉到"};

// Navigation marks: breadcrumbs and menus.
// (« » are quotes in many languages: only a spaced » is a separator.)
constexpr std::array<std::string_view, 9> kNavigationMarks = {
    " > ", ">>", " \xC2\xBB ",  // »
    " \xE2\x80\xBA ",           // ›
    "\xE2\x80\xA2",             // •
    "://", "www.",
    // "you are here" (breadcrumbs)
    "\xE4\xBD\x8D\xE7\xBD\xAE:",              // 位置:
    "\xE4\xBD\x8D\xE7\xBD\xAE\xEF\xBC\x9A"};  // 位置：

// Marks of a photo caption: a position in the picture, a caption arrow, a picture credit.
constexpr std::array<std::string_view, 22> kCaptionMarks = {
    "(left)",
    "(right)",
    "(center)",
    "(l)",
    "(r)",
    "(2nd",
    "\xEF\xBC\x88\xE5\xB7\xA6\xEF\xBC\x89",    // （左）
    "\xEF\xBC\x88\xE5\x8F\xB3\xEF\xBC\x89",    // （右）
    "(\xE5\xB7\xA6)",                          // (左)
    "(\xE5\x8F\xB3)",                          // (右)
    "(\xEC\x99\xBC\xEC\xAA\xBD)",              // (왼쪽)
    "(\xEC\x98\xA4\xEB\xA5\xB8\xEC\xAA\xBD)",  // (오른쪽)
    "\xE2\x96\xB2",                            // ▲
    "\xE5\x9C\x96/",                           // 圖/
    "\xE5\x9B\xBE/",                           // 图/
    "\xE8\xB3\x87\xE6\x96\x99\xE5\x9C\x96",    // 資料圖
    "\xE8\xB5\x84\xE6\x96\x99\xE5\x9B\xBE",    // 资料图
    "getty images",
    "/reuters",
    "/ reuters",
    "photo:",
    "foto:"};

// The share of a line's characters that are CJK, in percent.
int cjk_percent(std::string_view s) {
  size_t cjk = 0, letters = 0;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    i += utf8_decode(s, i, cp);
    if (is_unicode_space(cp) || is_unicode_punct(cp) ||
        (cp < 0x80 && !std::isalnum(static_cast<int>(cp))))
      continue;
    ++letters;
    cjk += is_cjk_char(cp);
  }
  return letters == 0 ? 0 : static_cast<int>(100 * cjk / letters);
}

// Ends as a sentence or a label does: a headline ends without a full stop or a colon (a
// question, an exclamation or a closing quote may end one).
bool ends_as_sentence(std::string_view s) {
  s = trim(s);
  for (std::string_view end : {".", ":", "\xE3\x80\x82", "\xEF\xBC\x9A"})  // 。 ：
    if (s.ends_with(end) && !s.ends_with("...")) return true;
  return false;
}

bool body_paragraph(std::string_view p) {
  return p.size() >= kBodyLine && ends_sentence(p) && !chrome_notice(p);
}

// Words as a title counts them: runs of letters; a Chinese or Japanese character counts as a
// word of its own, a run of hangul as one word (Korean writes spaces between words).
size_t count_title_words(std::string_view s) {
  size_t words = 0, han = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    i += utf8_decode(s, i, cp);
    const bool hangul = (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF);
    if (is_cjk_char(cp) && !hangul) {
      ++han;
      in_word = false;
      continue;
    }
    const bool letter = cp >= 0x80 ? !is_unicode_space(cp) && !is_unicode_punct(cp)
                                   : std::isalnum(static_cast<int>(cp)) != 0;
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  // "快讯", "新闻频道": a Chinese title has six characters or more.
  return words + (han >= 6 ? han : han / 2);
}

// Runs of ASCII letters and digits, lower case ("Xi's call" -> xi, s, call).
std::set<std::string> ascii_words(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size()
                       ? static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])))
                       : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (!word.empty()) {
      words.insert(std::move(word));
      word.clear();
    }
  }
  return words;
}

// The words of a URL's last path segment ("xi-talks-with-trump-over-phone"): ASCII words of three
// letters or more with a letter, lower case.
std::set<std::string> slug_words(std::string_view url) {
  size_t q = url.find_first_of("?#");
  if (q != std::string_view::npos) url = url.substr(0, q);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  size_t slash = url.rfind('/');
  if (slash == std::string_view::npos || url.substr(0, slash).find("//") == slash - 1) return {};
  std::set<std::string> words = ascii_words(url.substr(slash + 1));
  std::erase_if(words, [](const std::string& w) {
    return w.size() < 3 || std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a'; });
  });
  return words;
}

// How many of the slug's words the line holds.
size_t slug_overlap(std::string_view line, const std::set<std::string>& slug) {
  if (slug.empty()) return 0;
  const std::set<std::string> words = ascii_words(line);
  return std::count_if(slug.begin(), slug.end(),
                       [&](const std::string& w) { return words.count(w) > 0; });
}

}  // namespace

bool chrome_line(std::string_view line) {
  line = trim(line);
  if (count_title_words(line) < 4) return true;
  const std::string lower = ascii_lower(line);
  for (std::string_view mark : kNavigationMarks)
    if (contains(lower, mark)) return true;
  size_t slashes = 0;
  for (size_t at = lower.find(" / "); at != std::string::npos; at = lower.find(" / ", at + 1))
    ++slashes;
  if (slashes >= 2) return true;  // "Home / China / Top News"
  if (lower.ends_with(">") || contains(lower, "\xE4\xBD\x8D\xE7\xBD\xAE :"))  // "位置 :"
    return true;
  if (std::count(lower.begin(), lower.end(), '|') >= 1 && lower.size() < 80) return true;
  if (contains(lower,
               "\xC2\xB0"
               "c") ||
      contains(lower,
               "\xC2\xBA"
               "c"))
    return true;  // °C ºC
  // A site's name alone: "某某新闻网", "某某新聞網".
  if (cjk_percent(line) >= 50 && count_title_words(line) <= 10 &&
      (lower.ends_with("\xE6\x96\xB0\xE9\x97\xBB\xE7\xBD\x91") ||  // 新闻网
       lower.ends_with("\xE6\x96\xB0\xE8\x81\x9E\xE7\xB6\xB2")))   // 新聞網
    return true;
  // A credit in Chinese: "大陸中心/綜合報導", "中央社／ 華盛頓12日專電".
  if (cjk_percent(line) >= 50 && count_words(line) < 14 &&
      (contains(line, "/") || contains(line, "\xEF\xBC\x8F")))  // ／
    return true;
  return chrome_notice(line);
}

bool chrome_notice(std::string_view line) {
  if (line.size() > kMaxNotice) return false;
  // The phrases folded once (lower case in every alphabet, 隱 as 隐), the line each time.
  static const std::vector<std::string> folded_phrases = [] {
    std::vector<std::string> out;
    for (std::string_view phrase : kChromePhrases) out.push_back(fold_word(phrase));
    return out;
  }();
  const std::string folded = fold_word(line);
  for (const std::string& phrase : folded_phrases)
    if (contains(folded, phrase)) return true;
  return false;
}

bool caption_line(std::string_view line) {
  const std::string lower = ascii_lower(trim(line));
  for (std::string_view mark : kCaptionMarks)
    if (contains(lower, mark)) return true;
  return false;
}

bool bulleted(std::string_view line) {
  line = trim(line);
  for (std::string_view mark :
       {"- ", "* ", "\u2022", "\u30FB", "\u2013 ", "\u00B7 ", "\u25AA ", "\u25A0 "})
    if (line.starts_with(mark) && line.size() > mark.size()) return true;
  return false;
}

bool list_item(const std::vector<std::string>& paragraphs, size_t i) {
  if (i >= paragraphs.size() || !bulleted(paragraphs[i])) return false;
  return (i > 0 && bulleted(paragraphs[i - 1])) ||
         (i + 1 < paragraphs.size() && bulleted(paragraphs[i + 1]));
}

HeadlineChoice choose_headline(const std::vector<std::string>& paragraphs, std::string_view url) {
  HeadlineChoice out;
  if (paragraphs.size() < 2) return out;
  const std::set<std::string> slug = slug_words(url);
  // A slug of a few real words names the article; "index", "1348985" do not.
  const size_t slug_needed = std::max<size_t>(2, (slug.size() + 1) / 2);
  size_t best = HeadlineChoice::kNone;
  bool best_by_slug = false;
  bool first_text_set = false;
  std::vector<size_t> chrome_seen;
  for (size_t i = 0; i < paragraphs.size() && i < kMaxCandidates; ++i) {
    const std::string& p = paragraphs[i];
    if (body_paragraph(p)) {
      if (!first_text_set) out.first_text = i, first_text_set = true;
      break;
    }
    const bool chrome = chrome_notice(p) || (p.size() <= kMaxHeadline && chrome_line(p)) ||
                        list_item(paragraphs, i);
    if (chrome) {
      chrome_seen.push_back(i);
      continue;
    }
    const bool label = trim(p).ends_with(":");
    if (!first_text_set && !label && !caption_line(p)) out.first_text = i, first_text_set = true;
    if (p.size() > kMaxHeadline || ends_as_sentence(p) || caption_line(p) ||
        read_dateline(p).length > 0)
      continue;
    const bool by_slug = slug.size() >= 3 && slug_overlap(p, slug) >= slug_needed;
    if (best == HeadlineChoice::kNone || (by_slug && !best_by_slug)) {
      best = i;
      best_by_slug = by_slug;
    }
    if (best_by_slug) break;
  }
  if (!first_text_set) out.first_text = 0;
  // A headline needs an article below it.
  size_t below = 0;
  for (size_t i = best + 1; best != HeadlineChoice::kNone && i < paragraphs.size(); ++i)
    below += paragraphs[i].size();
  if (best != HeadlineChoice::kNone && below > paragraphs[best].size()) {
    out.headline = best;
    for (size_t c : chrome_seen)
      if (c < best) out.chrome.push_back(c);
  }
  return out;
}

}  // namespace readouts
