// Junk-line filter, metadata lines, paragraph assembly and dateline reading for plain text.
#include "shared/extract/text_cleanup.h"

#include <array>

#include "shared/extract/credit_lines.h"
#include "shared/extract/dates.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

constexpr size_t kMaxLineScan = 4096;    // longer lines are never junk or metadata
constexpr size_t kMinArticleWords = 40;  // a line or text this long is an article's, not furniture

// Lines that are exactly (case-insensitively, ignoring surrounding punctuation) one of these.
constexpr std::array<std::string_view, 40> kJunkExact = {"advertisement",
                                                         "advertisements",
                                                         "ad",
                                                         "sponsored",
                                                         "share",
                                                         "share this",
                                                         "share this article",
                                                         "share on facebook",
                                                         "share on twitter",
                                                         "tweet",
                                                         "print",
                                                         "email",
                                                         "comments",
                                                         "comment",
                                                         "related",
                                                         "related stories",
                                                         "related articles",
                                                         "related news",
                                                         "read more",
                                                         "more",
                                                         "loading",
                                                         "skip to content",
                                                         "skip to main content",
                                                         "menu",
                                                         "home",
                                                         "subscribe",
                                                         "sign up",
                                                         "log in",
                                                         "login",
                                                         "follow us",
                                                         "top stories",
                                                         "most read",
                                                         "most popular",
                                                         "trending",
                                                         "recommended",
                                                         "editor's pick",
                                                         "editor's picks",
                                                         "back to top",
                                                         "next",
                                                         "previous"};

constexpr std::array<std::string_view, 21> kJunkPrefix = {"reporting by",
                                                          "editing by",
                                                          "writing by",
                                                          "additional reporting",
                                                          "compiled by",
                                                          "photo:",
                                                          "photo credit",
                                                          "image:",
                                                          "caption:",
                                                          "credit:",
                                                          "file photo",
                                                          "read more:",
                                                          "also read:",
                                                          "related:",
                                                          "see also:",
                                                          "copyright",
                                                          "all rights reserved",
                                                          "follow us on",
                                                          "click here",
                                                          "subscribe to",
                                                          "(photo"};

std::string lower_alnum_core(std::string_view line) {
  // Lower-cases and trims punctuation/space at both ends ("- Advertisement -" -> "advertisement").
  size_t b = 0, e = line.size();
  auto edge = [](char c) {
    return c == ' ' || c == '-' || c == '|' || c == '*' || c == '_' || c == '=' || c == '>' ||
           c == '<' || c == '[' || c == ']' || c == '.' || c == ':' || c == '\t' || c == '#';
  };
  while (b < e && edge(line[b])) ++b;
  while (e > b && edge(line[e - 1])) --e;
  return ascii_lower(line.substr(b, e - b));
}

bool ends_with_photo_credit(std::string_view line) {
  // "... Nov. 24, 2025. (Xinhua/Hu Yousong)", "(AP Photo/Mark Schiefelbein)", "REUTERS/Name"
  if (line.empty() || line.back() != ')') return false;
  size_t open = line.rfind('(');
  if (open == std::string_view::npos || line.size() - open > 80) return false;
  std::string inner = ascii_lower(line.substr(open));
  if (inner.find("photo") != std::string::npos) return true;
  // "(Xinhua/Hu Yousong)" after a caption sentence.
  std::string_view before = trim(line.substr(0, open));
  return inner.find('/') != std::string::npos && inner.size() < 60 && !before.empty() &&
         before.back() == '.';
}

// The end of "[: ][on ]N/N/NN" or "N.N.NN" opening text (a numeric date with a two-digit year
// after a publication key), nothing after it but the line's end, a space or a comma; 0 when not.
size_t short_year_at(std::string_view rest) {
  size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == ':')) ++i;
  if (ascii_lower(rest.substr(i, 3)) == "on ") i += 3;
  auto digits = [&](size_t& k, size_t lo, size_t hi) {
    const size_t start = k;
    while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9') ++k;
    return k - start >= lo && k - start <= hi;
  };
  size_t k = i;
  if (!digits(k, 1, 2) || k >= rest.size() || (rest[k] != '/' && rest[k] != '.')) return 0;
  const char sep = rest[k++];
  if (!digits(k, 1, 2) || k >= rest.size() || rest[k] != sep) return 0;
  ++k;
  if (!digits(k, 2, 2)) return 0;
  if (k < rest.size() && rest[k] != ' ' && rest[k] != ',') return 0;
  return k;
}

// "date 2025-11-24 ...", "Published: Nov 24, 2025", "发布时间：2025-11-24", "입력 2025.06.05",
// "Stand: 16.11.2023 08:29 Uhr" -> the date text; "Updated: ..." and its kin are read too, as
// updated stamps (kind). Short keys must open the line; the longer ones may follow a headline on
// the same line ("Talks end Stand: 16.11.2023"), with the date right after them.
bool metadata_date_line(std::string_view line, std::string& date_text, DateLine::Kind& kind) {
  std::string_view t = trim(line);
  if (t.size() > 200) return false;
  using K = DateLine::Kind;
  struct Key {
    std::string_view text;  // lower case for Latin script
    K kind;
  };
  static constexpr std::array<Key, 72> kKeys = {{
      {"date", K::kPublished},
      {"published", K::kPublished},
      {"posted", K::kPublished},
      {"created", K::kPublished},
      {"publication date", K::kPublished},
      {"发布时间", K::kPublished},
      {"發布時間", K::kPublished},
      {"發佈時間", K::kPublished},
      {"วันที่นำเข้าข้อมูล", K::kPublished},
      {"วันที่เผยแพร่", K::kPublished},
      {"วันที่ปรับปรุงข้อมูล", K::kUpdated},
      {"发表于", K::kPublished},
      {"發表於", K::kPublished},
      {"发表时间", K::kPublished},
      {"發表時間", K::kPublished},
      {"发布于", K::kPublished},
      {"發佈於", K::kPublished},
      {"发布日期", K::kPublished},
      {"發布日期", K::kPublished},
      {"日期", K::kPublished},
      {"时间", K::kPublished},
      {"時間", K::kPublished},
      {"publicado", K::kPublished},
      {"publicada", K::kPublished},
      {"fecha", K::kPublished},
      {"publié", K::kPublished},
      {"veröffentlicht", K::kPublished},
      {"stand", K::kPublished},
      {"datum", K::kPublished},
      {"pubblicato", K::kPublished},
      {"gepubliceerd", K::kPublished},
      {"opublikowano", K::kPublished},
      {"yayınlanma", K::kPublished},
      {"yayın tarihi", K::kPublished},
      {"опубликовано", K::kPublished},
      {"Опубликовано", K::kPublished},
      {"дата публикации", K::kPublished},
      {"Дата публикации", K::kPublished},
      {"公開日", K::kPublished},
      {"配信日", K::kPublished},
      {"입력", K::kPublished},
      {"기사입력", K::kPublished},
      {"등록", K::kPublished},
      {"تاريخ النشر", K::kPublished},
      {"نشر في", K::kPublished},
      {"نُشر في", K::kPublished},
      {"megjelent", K::kPublished},
      {"közzétéve", K::kPublished},
      {"updated", K::kUpdated},
      {"update", K::kUpdated},
      {"last updated", K::kUpdated},
      {"last update", K::kUpdated},
      {"modified", K::kUpdated},
      {"更新时间", K::kUpdated},
      {"更新時間", K::kUpdated},
      {"更新日", K::kUpdated},
      {"更新", K::kUpdated},
      {"actualizado", K::kUpdated},
      {"actualización", K::kUpdated},
      {"aktualisiert", K::kUpdated},
      {"mis à jour", K::kUpdated},
      {"aggiornato", K::kUpdated},
      {"bijgewerkt", K::kUpdated},
      {"aktualizacja", K::kUpdated},
      {"güncelleme", K::kUpdated},
      {"güncellenme", K::kUpdated},
      {"обновлено", K::kUpdated},
      {"Обновлено", K::kUpdated},
      {"수정", K::kUpdated},
      {"آخر تحديث", K::kUpdated},
      {"frissítve", K::kUpdated},
      {"atualizado", K::kUpdated},
  }};
  const std::string lower = ascii_lower(t);
  for (const Key& key : kKeys) {
    // Where the key stands: at the start, or (keys of 5 bytes or more, not "date") after a space.
    size_t at = 0;
    if (!lower.starts_with(key.text)) {
      if (key.text.size() < 5) continue;
      at = lower.find(" " + std::string(key.text));
      if (at == std::string::npos) continue;
      ++at;
      // After other words the key is a label only with its colon ("By A. Writer Published: Jul
      // 11, 2025"), not a verb in a sentence ("the report published on June 5, 2025").
      std::string_view after = std::string_view(lower).substr(at + key.text.size());
      if (!(after.starts_with(":") || after.starts_with(" :") || after.starts_with("\xEF\xBC\x9A")))
        continue;
      // "26.10.2025 - Update : 27.10.2025": a date before an update key is the line's own
      // date; a publication key names its own ("Updated: 17-11-2022 | Created: 17-11-2022").
      if (key.kind == K::kUpdated && !find_dates(t.substr(0, at), 1).empty()) continue;
    }
    std::string_view rest = t.substr(at + key.text.size());
    if (rest.empty()) continue;
    // The key must end there (a separator follows), so "Datelines" is not a key.
    char c = rest[0];
    if (!(c == ' ' || c == ':' || c == '\t' || static_cast<unsigned char>(c) >= 0x80)) continue;
    auto dates = find_dates(rest, 1);
    if (dates.empty() && key.kind == K::kPublished) {
      // "Published on 10/31/25": a two-digit year, read as the article's date (article_date.cpp).
      if (size_t n = short_year_at(rest); n) {
        kind = key.kind;
        date_text = std::string(trim(rest.substr(0, n)));
        return true;
      }
    }
    if (dates.empty() || dates[0].begin > (at == 0 ? 24u : 6u)) continue;
    kind = key.kind;
    date_text = std::string(rest.substr(dates[0].begin, dates[0].end - dates[0].begin));
    return true;
  }
  return false;
}

// "date 2025-11-24 ..." or "date 2025-06 ..." opening the text (crawlers put the page's date
// there): the length of the prefix, with the date in date_text; 0 when the line does not open so.
size_t leading_date_prefix(std::string_view line, std::string& date_text) {
  if (!istarts_with(line, "date ")) return 0;
  size_t i = 5;
  while (i < line.size() && line[i] == ' ') ++i;
  size_t e = i;
  while (e < line.size() && ((line[e] >= '0' && line[e] <= '9') || line[e] == '-')) ++e;
  std::string_view iso = line.substr(i, e - i);
  if (iso.size() != 7 && iso.size() != 10) return 0;
  auto dates = find_dates(iso, 1);
  if (dates.empty() || dates[0].begin != 0 || dates[0].end != iso.size()) return 0;
  date_text = std::string(iso);
  return e;
}

// A feed item's stamp ending the text, date and time, glued or not: "...谈判。2022-11-18 08:17:24",
// "...talks.2022-11-1808:17:24". Gives the date's text.
bool closing_timestamp(std::string_view line, std::string& date_text) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (line.size() < 18) return false;
  // "08:17:24" ends the line.
  size_t end = line.size() - 8;
  for (size_t k = 0; k < 8; ++k)
    if (k == 2 || k == 5 ? line[end + k] != ':' : !is_digit(line[end + k])) return false;
  if (line[end - 1] == ' ') --end;
  if (end < 10 || (end > 10 && is_digit(line[end - 11]))) return false;
  // Before it, "2022-11-18", as the date reader reads it.
  const std::string_view date = line.substr(end - 10, 10);
  const auto found = find_dates(date, 1);
  if (date[4] != '-' || found.empty() || !found[0].full() || found[0].begin != 0 ||
      found[0].end != date.size())
    return false;
  date_text = std::string(date);
  return true;
}

// After the date, a credit: "... par La Presse", "... by Jane Doe", "... por EFE", "... von dpa".
bool credited_after_date(std::string_view line, std::string_view date_text) {
  const size_t at = line.find(date_text);
  if (at == std::string_view::npos) return false;
  std::string_view rest = trim(line.substr(at + date_text.size()));
  for (std::string_view word : {"par ", "by ", "By ", "por ", "von ", "di ", "door "})
    if (rest.starts_with(word) && rest.size() > word.size() &&
        std::isupper(static_cast<unsigned char>(rest[word.size()])))
      return true;
  return false;
}

// A short line that is essentially a date: "November 16, 2021", "2023-11-16 08:12 GMT+8",
// "March 4, 2024 • Statements and Releases".
bool date_only_line(std::string_view line, std::string& date_text) {
  std::string_view t = trim(line);
  if (t.size() > 80) return false;
  auto dates = find_dates(t, 2);
  // A weekday may come first ("Thursday, June 5, 2025", "Четверг, 5 июня 2025").
  if (dates.empty() || !dates[0].year || !dates[0].month || dates[0].begin > 24) return false;
  // What is left may be a time, a weekday or a label, but not a sentence.
  std::string_view rest = t.substr(dates[0].end);
  // A date glued into a name ("Screenshot_2024-01-29_163520", "IMG-20240129") names a file.
  const auto glued = [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if ((dates[0].begin > 0 && (glued(t[dates[0].begin - 1]) || t[dates[0].begin - 1] == '-')) ||
      (!rest.empty() && rest[0] == '_'))
    return false;
  size_t words = 0;
  bool in_word = false;
  for (char c : rest) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  // A second date after the first may follow as an "updated" stamp ("24 Luglio 2025 14:57
  // Aggiornato: 24 Luglio 2025 14:57"): the line is still a date line, of the first date.
  const size_t rest_limit = dates.size() == 2 ? 64 : 32;
  if (words > 4 || rest.size() > rest_limit || ends_sentence(t)) return false;
  date_text = std::string(t.substr(dates[0].begin, dates[0].end - dates[0].begin));
  return true;
}

// The day in two calendars with the clock ("الخميس 3 أبريل 2025 12:56 ص 4 شوال 1446 هـ"): an
// Arab portal's masthead clock, the time the page was rendered, not the article's date.
bool masthead_clock(std::string_view line) {
  std::string_view t = trim(line);
  if (t.size() > 120 || !t.ends_with("\xD9\x87\xD9\x80")) return false;  // هـ
  auto dates = find_dates(t, 2);
  if (dates.empty() || !dates[0].year || dates[0].begin > 24) return false;
  return t.substr(dates[0].end).find(':') != std::string_view::npos;
}

// A title bar: segments joined by " | ", the last one a date alone ("... | DW | 09.06.2013").
bool title_bar_date(std::string_view line, std::string& date_text) {
  const size_t bar = line.rfind(" | ");
  if (bar == std::string_view::npos || line.size() > 240) return false;
  std::string_view last = trim(line.substr(bar + 3));
  auto dates = find_dates(last, 2);
  if (dates.size() != 1 || !dates[0].year || !dates[0].month || !dates[0].day ||
      dates[0].begin != 0 || dates[0].end != last.size())
    return false;
  date_text = std::string(last);
  return true;
}

// A transcript's speaker label opening a line: "MR. SPICER: ...", "SECRETARY TILLERSON: ...",
// "Q: ...": capital letters (and dots, spaces, hyphens) up to a colon near the start.
bool transcript_label(std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return false;
  size_t letters = 0;
  for (char c : line.substr(0, colon)) {
    if (is_upper(c)) {
      ++letters;
    } else if (c != '.' && c != ' ' && c != '-' && c != '\'') {
      return false;
    }
  }
  return letters >= 1 && (letters >= 2 || colon == 1) && colon + 1 < line.size() &&
         line[colon + 1] == ' ';
}

bool is_byline(std::string_view line) {
  std::string_view t = trim(line);
  if (t.size() > 80) return false;
  if (!(istarts_with(t, "by ") || istarts_with(t, "reporter:") || istarts_with(t, "editor:") ||
        istarts_with(t, "责任编辑") || istarts_with(t, "責任編輯") || istarts_with(t, "编辑：") ||
        istarts_with(t, "記者") || istarts_with(t, "记者：")))
    return false;
  // "By John Smith" but not "By contrast, the talks ...".
  if (istarts_with(t, "by ")) {
    if (t.size() < 4 || !is_upper(t[3])) return false;
    if (t.find('.') != std::string_view::npos && t.find(" and ") == std::string_view::npos &&
        t.back() == '.')
      return false;
  }
  return true;
}

}  // namespace

// Words: runs of letters or digits (a CJK character counts as a word of its own).
size_t count_words(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    i += utf8_decode(s, i, cp);
    if (is_cjk_char(cp)) {
      ++words;
      in_word = false;
      continue;
    }
    bool letter = cp >= 0x80
                      ? !is_unicode_space(cp) && !is_unicode_punct(cp)
                      : ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words;
}

bool ends_sentence(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  static constexpr std::array<std::string_view, 9> kEnds = {
      ".", "!", "?", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE2\x80\x9D", "\"", ":"};
  for (auto e : kEnds)
    if (s.ends_with(e)) return true;
  return false;
}

bool is_junk_line(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty()) return false;
  if (t.size() > kMaxLineScan) return false;
  // A line of a paragraph's length is text, whatever it contains.
  if (count_words(t) >= kMinArticleWords) return false;
  std::string core = lower_alnum_core(t);
  if (core.empty()) return true;  // "-----", "***"
  for (auto j : kJunkExact)
    if (core == j) return true;
  std::string lower = ascii_lower(t);
  for (auto p : kJunkPrefix)
    if (lower.starts_with(p)) return true;
  // " - Advertisement - " embedded in a short line.
  if (t.size() < 200 && lower.find("- advertisement -") != std::string::npos) return true;
  // Navigation: "Home | World | Business | China"
  size_t bars = 0;
  for (char c : t) bars += c == '|';
  if (bars >= 2 && t.size() < 300) return true;
  if (t.size() < 400 && ends_with_photo_credit(t)) return true;
  // Sharing widgets: "Facebook Twitter WhatsApp Email"
  if (t.size() < 80 &&
      (lower.find("facebook") != std::string::npos ||
       lower.find("whatsapp") != std::string::npos) &&
      !ends_sentence(t))
    return true;
  return false;
}

CleanText clean_text(std::string_view text) {
  CleanText out;
  // Lines, with "\r\n" and "\r" as line ends.
  std::vector<std::string_view> lines;
  size_t pos = 0;
  bool has_blank = false;
  while (pos < text.size()) {
    size_t eol = text.find_first_of("\r\n", pos);
    if (eol == std::string_view::npos) eol = text.size();
    lines.push_back(text.substr(pos, eol - pos));
    if (eol < text.size() && text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n')
      ++eol;
    pos = eol + 1;
  }
  size_t substantial_seen = 0;  // kept lines of kSubstantialLine bytes or more
  bool body_started = false;
  constexpr size_t kSubstantialLine = 120;
  std::vector<std::vector<std::string_view>> blocks(1);
  bool first_line = true;
  size_t junk_words = 0;
  std::vector<std::string_view> junk;  // dropped lines, kept in case nothing else is text
  for (std::string_view raw : lines) {
    std::string_view line = trim(raw);
    // A crawler's metadata prefix on the first line: " date 2018-11 Trump said ..." gives the
    // date, and the rest of the line is text.
    if (first_line && !line.empty()) {
      first_line = false;
      std::string date_text;
      if (size_t rest = leading_date_prefix(line, date_text)) {
        out.date_lines.push_back({std::move(date_text), DateLine::Kind::kPublished});
        line = trim(line.substr(rest));
      }
    }
    if (line.empty()) {
      if (!blocks.back().empty()) {
        blocks.emplace_back();
        has_blank = true;
      }
      continue;
    }
    // Short lines above the article (masthead, credits, bylines), whatever else they are. The
    // article starts at the first long line that ends a sentence (a long headline does not).
    if (line.size() >= kSubstantialLine && ends_sentence(line)) body_started = true;
    if (!body_started && line.size() <= kMaxTopLine && out.top_lines.size() < kMaxTopLines)
      out.top_lines.emplace_back(line);
    if (line.size() <= kMaxTopLine && copyright_line(line) &&
        out.copyright_lines.size() < kMaxDateLines)
      out.copyright_lines.emplace_back(line);
    // Metadata lines are read only near the top (see text_cleanup.h). A source line goes first:
    // "来源:新华社 2025-10-28 00:15" also holds a date, but it is the credit.
    if (substantial_seen < 3) {
      std::string date_text, source;
      DateLine::Kind kind = DateLine::Kind::kDateOnly;
      if (out.metadata_source.empty() && metadata_source_line(line, source)) {
        out.metadata_source = source;
        if (date_only_line(line.substr(line.find(source)), date_text) &&
            out.date_lines.size() < kMaxDateLines)
          out.date_lines.push_back({std::move(date_text), kind});
        continue;
      }
      if (masthead_clock(line)) continue;  // chrome: no date, no text
      if (metadata_date_line(line, date_text, kind) || date_only_line(line, date_text)) {
        if (out.date_lines.size() < kMaxDateLines)
          out.date_lines.push_back({std::move(date_text), kind});
        // "发布时间:2018年05月08日  来源:某网  点击次数:": the same line credits the source.
        if (std::string credited;
            credit_line(line, credited) && out.credit_lines.size() < kMaxDateLines)
          out.credit_lines.push_back(std::move(credited));
        continue;
      }
      // A page's title bar, "Headline | Site | 09.06.2013": the date closing it is the page's.
      // The line stays (it holds the headline).
      if (title_bar_date(line, date_text) && out.date_lines.size() < kMaxDateLines)
        out.date_lines.push_back({std::move(date_text), kind});
      if (is_byline(line)) continue;
    }
    if (is_junk_line(line)) {
      ++out.junk_lines;
      junk_words += count_words(line);
      junk.push_back(line);
      continue;
    }
    if (std::string credited; line.size() <= 160) {
      // The line stays in the text: a one-word line may be a heading, not a credit.
      if (credit_line(line, credited)) {
        if (out.credit_lines.size() < kMaxDateLines) out.credit_lines.push_back(credited);
      } else if (bare_credit(line, credited) && out.bare_credits.size() < kMaxDateLines) {
        out.bare_credits.push_back(credited);
      }
    }
    if (line.size() >= kSubstantialLine) ++substantial_seen;
    // A transcript's next speaker opens a paragraph of its own, even without a blank line.
    if (transcript_label(line) && !blocks.back().empty()) blocks.emplace_back();
    blocks.back().push_back(line);
  }
  // A closing byline, "Le 8 avril 2017 par La Presse": the page's last line gives the date when
  // nothing near the top did (metadata lines elsewhere are not read: a list of related articles
  // has dates of its own, but not one credited line that ends the page).
  if (out.date_lines.empty()) {
    size_t last = lines.size();
    while (last > 0 && trim(lines[last - 1]).empty()) --last;
    if (last > 0) {
      std::string_view line = trim(lines[last - 1]);
      std::string date_text;
      if ((date_only_line(line, date_text) && credited_after_date(line, date_text)) ||
          closing_timestamp(line, date_text))
        out.date_lines.push_back({std::move(date_text), DateLine::Kind::kDateOnly});
    }
  }
  // A real article is never refused as page furniture: when nothing but "junk" is left and the
  // junk holds a few sentences' worth of words, the junk rules were wrong for this text.
  bool has_text = false;
  for (const auto& block : blocks) has_text |= !block.empty();
  if (!has_text && junk_words >= kMinArticleWords) {
    for (std::string_view l : junk)
      if (!lower_alnum_core(l).empty()) blocks.back().push_back(l);
    out.junk_lines = 0;
  }
  auto emit = [&](const std::vector<std::string_view>& block_lines) {
    std::string joined;
    for (std::string_view l : block_lines) {
      if (!joined.empty()) joined += ' ';
      joined.append(l);
    }
    std::string p = collapse_spaces(joined);
    if (!p.empty()) out.paragraphs.push_back(std::move(p));
  };
  bool body_emitted = false;
  for (const auto& block : blocks) {
    if (block.empty()) continue;
    if (has_blank) {
      // Above the article, a block that runs from short lines into a long one holds page items
      // (a breadcrumb, the headline, a byline) before its text: each short line is a paragraph
      // of its own. Hard-wrapped text has no long line, and stays whole.
      size_t long_at = 0;
      while (long_at < block.size() && block[long_at].size() < kSubstantialLine) ++long_at;
      if (!body_emitted && long_at > 0 && long_at < block.size()) {
        for (size_t i = 0; i < long_at; ++i) emit({block[i]});
        emit({block.begin() + static_cast<std::ptrdiff_t>(long_at), block.end()});
      } else {
        emit(block);
      }
      body_emitted |= !out.paragraphs.empty() && out.paragraphs.back().size() >= kSubstantialLine &&
                      ends_sentence(out.paragraphs.back());
    } else {
      for (std::string_view l : block) emit({l});
    }
  }
  return out;
}

Dateline read_dateline(std::string_view p) {
  Dateline d;
  std::string_view head = p.substr(0, std::min<size_t>(p.size(), 160));
  // Chinese: 新华社北京11月24日电（记者 ...）
  static constexpr std::array<std::string_view, 8> kAgencies = {
      "新华社", "新華社", "中新社", "中新网", "中新網", "人民网", "央视新闻", "中国日报"};
  // "据新华社华盛顿7月10日电": a paper running the agency's wire copy says it is the agency's.
  const size_t lead = head.starts_with("据") || head.starts_with("據") ? 3 : 0;
  for (std::string_view agency : kAgencies) {
    if (head.substr(lead, agency.size()) != agency) continue;
    auto dates = find_dates(head, 2);
    if (dates.empty() || dates[0].begin > lead + agency.size() + 24) return d;
    size_t e = dates[0].end;
    std::string_view rest = head.substr(e);
    if (!(rest.starts_with("电") || rest.starts_with("電"))) return d;
    e += 3;
    // Optional （记者 ...）
    std::string_view after = head.substr(e);
    if (after.starts_with("（") || after.starts_with("(")) {
      size_t close = after.find("）");
      size_t close_ascii = after.find(')');
      size_t c = std::min(close == std::string_view::npos ? after.size() : close + 3,
                          close_ascii == std::string_view::npos ? after.size() : close_ascii + 1);
      if (c < after.size() && c <= 90) e += c;
    }
    d.length = e;
    d.date_text = std::string(head.substr(dates[0].begin, dates[0].end - dates[0].begin));
    d.source = std::string(agency);
    return d;
  }
  // English: CITY[, STATE], Mon DD[, YYYY] [(AGENCY)] (:|--|—|-)
  if (head.empty() || !is_upper(head[0])) return d;
  size_t i = 0;
  while (i < head.size() && i < 40 &&
         ((head[i] >= 'A' && head[i] <= 'Z') || (head[i] >= 'a' && head[i] <= 'z') ||
          head[i] == ' ' || head[i] == '.' || head[i] == '\'' || head[i] == '-'))
    ++i;
  if (i < 3 || i >= head.size() || head[i] != ',') return d;
  // An optional second component: "WASHINGTON, D.C., Nov 24" / "Busan, South Korea, Oct 30".
  size_t j = i + 1;
  while (j < head.size() && head[j] == ' ') ++j;
  auto dates = find_dates(head.substr(j), 1);
  if (dates.empty() || dates[0].begin != 0) {
    size_t k = j;
    while (k < head.size() && k < j + 25 && head[k] != ',') ++k;
    if (k >= head.size() || head[k] != ',') return d;
    j = k + 1;
    while (j < head.size() && head[j] == ' ') ++j;
    dates = find_dates(head.substr(j), 1);
    if (dates.empty() || dates[0].begin != 0) return d;
  }
  if (dates[0].month == 0 || dates[0].day == 0) return d;
  size_t e = j + dates[0].end;
  std::string date_text(head.substr(j, dates[0].end));
  while (e < head.size() && head[e] == ' ') ++e;
  std::string source;
  if (e < head.size() && head[e] == '(') {
    size_t close = head.find(')', e);
    if (close == std::string_view::npos || close - e > 40) return d;
    source = std::string(trim(head.substr(e + 1, close - e - 1)));
    e = close + 1;
    while (e < head.size() && head[e] == ' ') ++e;
  }
  // Separator.
  if (head.substr(e).starts_with("--")) {
    e += 2;
  } else if (head.substr(e).starts_with("\xE2\x80\x94") ||
             head.substr(e).starts_with("\xE2\x80\x93")) {
    e += 3;
  } else if (e < head.size() && (head[e] == ':' || head[e] == '-')) {
    e += 1;
  } else if (source.empty()) {
    return d;  // "Paris, May 5 was ..." is a sentence, not a dateline
  }
  while (e < head.size() && head[e] == ' ') ++e;
  d.length = e;
  d.date_text = std::move(date_text);
  d.source = std::move(source);
  return d;
}

}  // namespace readouts
