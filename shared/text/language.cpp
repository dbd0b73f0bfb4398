// Language tags: scripts decide Chinese (simplified or traditional), Japanese and Korean; CLD2
// (Compact Language Detector 2, Debian's libcld2) decides the rest, with script and function-word
// statistics as the fallback when it is unsure.
#include "shared/text/language.h"

#include <cld2/public/compact_lang_det.h>

#include <array>
#include <unordered_set>

#include "shared/text/tokenize.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Frequent characters that exist only in simplified or only in traditional form.
constexpr std::string_view kSimplified =
    "这们国说来对时会为发经过还应关问题强开现义体习近总统两边贸易关税谈话进与实际军领导对话"
    "记者协议东亚岛华达门见长张马鸟龙书买卖电车东乐爱气汉语认识让请谢谁读写学习";
constexpr std::string_view kTraditional =
    "這們國說來對時會為發經過還應關問題強開現義體習總統兩邊貿易關稅談話進與實際軍領導對話"
    "記者協議東亞島華達門見長張馬鳥龍書買賣電車東樂愛氣漢語認識讓請謝誰讀寫學習臺灣";

std::unordered_set<uint32_t> code_points(std::string_view s) {
  std::unordered_set<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    i += utf8_decode(s, i, cp);
    out.insert(cp);
  }
  return out;
}

// CLD2's answer for text outside Chinese, Japanese and Korean, when it is sure enough: reliable,
// or 70% of a text of 40 letters or more. "" otherwise.
std::string detect_with_cld2(std::string_view text) {
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  // The text is valid UTF-8 (extraction repaired it before), as DetectLanguageSummary requires;
  // cut at a character boundary.
  size_t n = text.size();
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  CLD2::Language lang = CLD2::DetectLanguageSummary(text.data(), static_cast<int>(n), true, top3,
                                                    percent3, &text_bytes, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  if (!reliable && !(percent3[0] >= 70 && text_bytes >= 40)) return "";
  std::string code = CLD2::LanguageCode(lang);
  if (code == "iw") return "he";
  if (code == "un" || code == "xx" || code.starts_with("zh") || code == "ja" || code == "ko")
    return "";  // the scripts decided those already
  return normalize_language_tag(code);
}

}  // namespace

std::string detect_language(std::string_view text) {
  static const std::unordered_set<uint32_t> simp = code_points(kSimplified);
  static const std::unordered_set<uint32_t> trad = code_points(kTraditional);
  text = text.substr(0, std::min<size_t>(text.size(), 8192));
  size_t latin = 0, han = 0, kana = 0, hangul = 0, cyr = 0, arabic = 0, greek = 0, hebrew = 0,
         thai = 0, deva = 0, s_count = 0, t_count = 0;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp;
    i += utf8_decode(text, i, cp);
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F)) {
      ++latin;
    } else if (is_han(cp)) {
      ++han;
      if (simp.count(cp)) ++s_count;
      if (trad.count(cp)) ++t_count;
    } else if (cp >= 0x3040 && cp <= 0x30FF) {
      ++kana;
    } else if (cp >= 0xAC00 && cp <= 0xD7AF) {
      ++hangul;
    } else if (cp >= 0x400 && cp <= 0x4FF) {
      ++cyr;
    } else if (cp >= 0x600 && cp <= 0x6FF) {
      ++arabic;
    } else if (cp >= 0x370 && cp <= 0x3FF) {
      ++greek;
    } else if (cp >= 0x590 && cp <= 0x5FF) {
      ++hebrew;
    } else if (cp >= 0xE00 && cp <= 0xE7F) {
      ++thai;
    } else if (cp >= 0x900 && cp <= 0x97F) {
      ++deva;
    }
  }
  // CJK characters carry about as much text as 3 Latin letters.
  const size_t cjk_weight = (han + kana + hangul) * 3;
  const size_t total = latin + cjk_weight + cyr + arabic + greek + hebrew + thai + deva;
  // Scripts the counts above do not cover (Telugu, Bengali, Georgian, ...): CLD2 alone decides.
  if (total < 8) {
    std::string cld = detect_with_cld2(text);
    return cld.empty() ? "und" : cld;
  }
  if (hangul * 3 * 2 > total && hangul > han) return "ko";
  if (kana > 0 && (kana + han) * 3 * 2 > total && kana * 10 >= (kana + han)) return "ja";
  if (han * 3 * 2 > total) {
    if (t_count > s_count) return "zh-Hant";
    if (s_count > t_count) return "zh-Hans";
    return "zh";
  }
  if (std::string cld = detect_with_cld2(text); !cld.empty()) return cld;
  if (cyr * 2 > total) return "ru";
  if (arabic * 2 > total) return "ar";
  if (greek * 2 > total) return "el";
  if (hebrew * 2 > total) return "he";
  if (thai * 2 > total) return "th";
  if (deva * 2 > total) return "hi";
  if (latin * 2 <= total) return "und";
  // Latin script: common function words.
  static const std::unordered_set<std::string_view> en = {"the",  "and",  "of",   "to",  "in", "is",
                                                          "that", "with", "said", "for", "on"};
  static const std::unordered_set<std::string_view> es = {"el", "la", "los", "las", "que", "del",
                                                          "y",  "en", "con", "por", "para"};
  static const std::unordered_set<std::string_view> fr = {"le",  "les",  "des",  "et",  "est", "du",
                                                          "une", "dans", "pour", "sur", "au"};
  static const std::unordered_set<std::string_view> de = {"der", "die", "und", "das", "mit",
                                                          "den", "ist", "von", "zu",  "nicht"};
  static const std::unordered_set<std::string_view> pt = {"o",  "os",  "da",  "do",  "das", "dos",
                                                          "em", "com", "uma", "não", "e"};
  size_t c_en = 0, c_es = 0, c_fr = 0, c_de = 0, c_pt = 0;
  for (const Token& t : tokenize(text.substr(0, 4096))) {
    if (t.kind != TokenKind::kWord) continue;
    c_en += en.count(t.folded);
    c_es += es.count(t.folded);
    c_fr += fr.count(t.folded);
    c_de += de.count(t.folded);
    c_pt += pt.count(t.folded);
  }
  std::array<std::pair<size_t, const char*>, 5> scores = {
      {{c_en, "en"}, {c_es, "es"}, {c_fr, "fr"}, {c_de, "de"}, {c_pt, "pt"}}};
  auto best = scores[0];
  for (const auto& s : scores)
    if (s.first > best.first) best = s;
  if (best.first < 2) return latin > 40 ? "und" : "und";
  return best.second;
}

std::string normalize_language_tag(std::string_view tag) {
  std::string t = ascii_lower(trim(tag));
  for (char& c : t)
    if (c == '_') c = '-';
  if (t.empty() || t.size() > 35) return "";
  for (char c : t)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return "";
  if (t == "und") return "und";
  if (t.starts_with("zh")) {
    if (t.find("hant") != std::string::npos || t.find("tw") != std::string::npos ||
        t.find("hk") != std::string::npos || t.find("mo") != std::string::npos)
      return "zh-Hant";
    if (t.find("hans") != std::string::npos || t.find("cn") != std::string::npos ||
        t.find("sg") != std::string::npos)
      return "zh-Hans";
    return "zh";
  }
  size_t dash = t.find('-');
  std::string primary = t.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3) return "";
  return primary;
}

}  // namespace readouts
