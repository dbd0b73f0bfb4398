// Reading credit lines: source labels, credits in many languages, bare names, copyright lines.
#include "shared/extract/credit_lines.h"

#include <algorithm>
#include <array>

#include "shared/extract/dates.h"
#include "shared/text/utf8.h"

namespace readouts {

bool metadata_source_line(std::string_view line, std::string& source, std::string& date_text) {
  date_text.clear();
  std::string_view t = trim(line);
  if (t.size() > 120) return false;
  static constexpr std::array<std::string_view, 4> kKeys = {"source:", "来源：", "來源：", "来源:"};
  for (std::string_view key : kKeys) {
    if (istarts_with(t, key)) {
      std::string_view credit = trim(t.substr(key.size()));
      // "来源:新华社 2025-10-28 00:15": the date after the name is the line's own.
      auto dates = find_dates(credit, 1);
      if (!dates.empty() && dates[0].begin > 0) {
        if (dates[0].year && dates[0].month)
          date_text = std::string(credit.substr(dates[0].begin, dates[0].end - dates[0].begin));
        credit = trim(credit.substr(0, dates[0].begin));
      }
      // "新华社 责任编辑:某某": another labelled field after a space ends the name.
      for (size_t space = credit.find(' '); space != std::string_view::npos;
           space = credit.find(' ', space + 1)) {
        const std::string_view field = credit.substr(space + 1);
        const size_t colon = std::min(field.find(':'), field.find("\xEF\xBC\x9A" /* ： */));
        if (colon != std::string_view::npos && colon > 0 && colon <= 15 &&
            field.substr(0, colon).find(' ') == std::string_view::npos) {
          credit = trim(credit.substr(0, space));
          break;
        }
      }
      source = std::string(credit);
      if (source.empty()) date_text.clear();
      return !source.empty();
    }
  }
  return false;
}

bool credit_line(std::string_view line, std::string& credited) {
  std::string_view t = trim(line);
  if (t.empty() || t.size() > 160) return false;
  // Source labels in many languages (French sets a space before the colon; a label starting
  // with a non-Latin capital is listed in both cases), and credits naming the agency the text
  // draws on ("Con información de EFE").
  static constexpr std::string_view kKeys[] = {"source:",
                                               "sources:",
                                               "source :",
                                               "sources :",
                                               "credit:",
                                               "credit :",
                                               "fuente:",
                                               "fuentes:",
                                               "quelle:",
                                               "fonte:",
                                               "fonti:",
                                               "forrás:",
                                               "źródło:",
                                               "zdroj:",
                                               "sursa:",
                                               "kaynak:",
                                               "bron:",
                                               "källa:",
                                               "kilde:",
                                               "lähde:",
                                               "sumber:",
                                               "nguồn:",
                                               "nguồn ",
                                               "источник:",
                                               "Источник:",
                                               "Джерело:",
                                               "По материалам",
                                               "Πηγή:",
                                               "Źródło:",
                                               "джерело:",
                                               "по материалам",
                                               "πηγή:",
                                               "מקור:",
                                               "منبع:",
                                               "स्रोत:",
                                               "ที่มา:",
                                               "出典：",
                                               "出典:",
                                               "稿源：",
                                               "稿源:",
                                               "출처:",
                                               "المصدر:",
                                               "con información de",
                                               "con informacion de",
                                               "avec",
                                               "mit material von",
                                               "mit material der",
                                               "com informações da",
                                               "com informações de"};
  for (std::string_view key : kKeys) {
    if (t.size() > 80 || !istarts_with(t, key)) continue;
    std::string_view rest = trim(t.substr(key.size()));
    // "Credit : Voice of America (VOA), Photo Credit : ...": the first credit of a list.
    if (rest.size() > 40) rest = trim(rest.substr(0, rest.find_first_of(",;|")));
    credited = std::string(rest);
    return !credited.empty() && credited.size() <= 40;
  }
  // "(With inputs from PTI)", "With inputs from agencies": the agencies an Indian outlet credits.
  for (std::string_view key : {"(with inputs from", "with inputs from"}) {
    if (t.size() > 80 || !istarts_with(t, key)) continue;
    std::string_view rest = trim(t.substr(key.size()));
    while (!rest.empty() && (rest.back() == ')' || rest.back() == '.')) rest.remove_suffix(1);
    credited = std::string(trim(rest));
    return !credited.empty() && credited.size() <= 40;
  }
  // A republished story names its first publisher: "The post Talks end appeared first on
  // Example Daily.", "This article was originally published on The Conversation."
  {
    const std::string lower = ascii_lower(t);
    for (std::string_view key :
         {"appeared first on ", "originally published on ", "originally published in ",
          "originally published by ", "originally appeared on ", "originally appeared in ",
          "first published on ", "first published in ", "first published by ",
          "read the original article on "}) {
      size_t at = lower.find(key);
      if (at == std::string::npos) continue;
      std::string_view rest = trim(t.substr(at + key.size()));
      rest = rest.substr(0, rest.find_first_of(",;|("));
      while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ')) rest.remove_suffix(1);
      credited = std::string(rest);
      return !credited.empty() && credited.size() <= 60;
    }
  }
  // "2023-07-11 来源: 德国之声中文网 原文链接", "責任編輯: 某某  來源:中央社 轉載請註明出處": a
  // source label inside a line of credits (up to 160 bytes: 50 CJK characters); the credit is
  // the words after it (matched to an outlet by their start).
  // The first six, opening a line, are read above (kKeys). Reposts name their origin anywhere:
  // "本文转自：某报", "转载自某网", "来源 | 某报".
  static constexpr std::string_view kInline[] = {"来源:",    "來源:",   "来源：", "來源：",
                                                 "source:",  "Source:", "转自：", "轉自：",
                                                 "转自:",    "轉自:",   "转载自", "轉載自",
                                                 "来源 |",   "來源 |",  "来源｜", "來源｜",
                                                 "本文来自", "本文來自"};
  constexpr size_t kLabelsInside = 6;
  for (size_t n = 0; n < std::size(kInline); ++n) {
    std::string_view key = kInline[n];
    size_t at = t.find(key);
    if (at == std::string_view::npos || (at == 0 && n < kLabelsInside)) continue;
    std::string_view rest = trim(t.substr(at + key.size()));
    // A long tail ("中央社 轉載請註明作者、出處"): the words that fit in 60 bytes.
    if (rest.size() > 60) {
      size_t space = rest.rfind(' ', 60);
      rest = rest.substr(0, space == std::string_view::npos ? 60 : space);
    }
    credited = std::string(trim(rest));
    return !credited.empty();
  }
  return false;
}

// "* AFP", "AFP", "(AFP)", "AFP / le 19 septembre 2025": a name alone, or before " / ". Only an
// outlet's whole name counts (checked later), so "白宫声明全文：" is a heading, not a credit.
bool bare_credit(std::string_view line, std::string& credited) {
  std::string_view t = trim(line);
  if (t.empty() || t.size() > 80) return false;
  std::string_view name = t;
  while (!name.empty() && (name.front() == '*' || name.front() == '(' || name.front() == ' '))
    name.remove_prefix(1);
  while (!name.empty() && (name.back() == ')' || name.back() == '.' || name.back() == ' '))
    name.remove_suffix(1);
  if (size_t slash = name.find(" / "); slash != std::string_view::npos)
    name = name.substr(0, slash);
  if (name.empty() || name.size() > 24 || name.find(' ') != std::string_view::npos) return false;
  if (name.ends_with(":") || name.ends_with("\xEF\xBC\x9A")) return false;  // a heading
  credited = std::string(name);
  return true;
}

// "Copyright © 2024 Example News. All rights reserved.", "中国每日新讯网版权所有", "ⓒ 뉴스":
// a line naming the site's publisher.
bool copyright_line(std::string_view line) {
  const std::string lower = ascii_lower(line);
  for (std::string_view mark : {"copyright", "\xC2\xA9", "\xE2\x93\x92", "(c) ", "版权所有",
                                "版權所有", "جميع الحقوق محفوظة"})
    if (lower.find(mark) != std::string::npos) return true;
  return false;
}

}  // namespace readouts
