// Date lines near the top of a page (date_lines.h).
#include "shared/extract/date_lines.h"

#include <array>
#include <cctype>

#include "shared/extract/dates.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// Finding a date line, "05/02/2026" counts in either order: which it is waits for the page's
// order (article_date.cpp reads the line's date text again with it).
constexpr NumericOrder kEitherOrder = NumericOrder::kDayFirst;

// Runs of ASCII letters: the Latin words of a line (CJK text counts none).
size_t latin_words(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words;
}

}  // namespace

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
  static constexpr std::array<Key, 78> kKeys = {{
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
      // "发布: 11/07/2022": with its colon only ("发布会上" is a press conference).
      {"发布:", K::kPublished},
      {"发布：", K::kPublished},
      {"發布:", K::kPublished},
      {"發布：", K::kPublished},
      {"發佈:", K::kPublished},
      {"發佈：", K::kPublished},
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
    const bool key_has_colon = key.text.ends_with(":") || key.text.ends_with("\xEF\xBC\x9A");
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
      if (!key_has_colon &&
          !(after.starts_with(":") || after.starts_with(" :") || after.starts_with("\xEF\xBC\x9A")))
        continue;
      // "26.10.2025 - Update : 27.10.2025": a date before an update key is the line's own
      // date; a publication key names its own ("Updated: 17-11-2022 | Created: 17-11-2022").
      if (key.kind == K::kUpdated && !find_dates(t.substr(0, at), 1).empty()) continue;
    }
    std::string_view rest = t.substr(at + key.text.size());
    if (rest.empty()) continue;
    // The key must end there (a separator follows), so "Datelines" is not a key.
    char c = rest[0];
    if (!key_has_colon &&
        !(c == ' ' || c == ':' || c == '\t' || static_cast<unsigned char>(c) >= 0x80))
      continue;
    auto dates = find_dates(rest, 1, kEitherOrder);
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
  auto dates = find_dates(t, 2, kEitherOrder);
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
  const size_t words = latin_words(rest);
  // A second date after the first may follow as an "updated" stamp ("24 Luglio 2025 14:57
  // Aggiornato: 24 Luglio 2025 14:57"): the line is still a date line, of the first date.
  const size_t rest_limit = dates.size() == 2 ? 64 : 32;
  // A clock's "p. m." or "a.m." ends the line with a dot, not a sentence.
  std::string_view end = t;
  for (std::string_view clock : {" a. m.", " p. m.", " a.m.", " p.m.", " A.M.", " P.M."})
    if (end.ends_with(clock) && end.size() > clock.size() &&
        end[end.size() - clock.size() - 1] >= '0' && end[end.size() - clock.size() - 1] <= '9') {
      end.remove_suffix(clock.size());
      break;
    }
  if (words > 4 || rest.size() > rest_limit || ends_sentence(end)) return false;
  date_text = std::string(t.substr(dates[0].begin, dates[0].end - dates[0].begin));
  return true;
}

bool year_first_byline(std::string_view line, std::string& date_text) {
  std::string_view t = trim(line);
  if (t.size() > 100 || ends_sentence(t) || t.find("\xE3\x80\x82") != std::string_view::npos)  // 。
    return false;
  const auto dates = find_dates(t, 3);
  size_t full = 0;
  for (const auto& d : dates) full += d.full();
  if (full != 1 || !dates[0].full()) return false;
  const std::string_view at = t.substr(dates[0].begin, dates[0].end - dates[0].begin);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (at.size() < 8 || !digit(at[0]) || !digit(at[1]) || !digit(at[2]) || !digit(at[3]) ||
      (at[4] != '-' && at[4] != '/' && at[4] != '.'))
    return false;
  // Glued into a name or a number ("IMG-20240129", "id=2024-04-24x") it is not a byline's.
  if (dates[0].begin > 0 && (std::isalnum(static_cast<unsigned char>(t[dates[0].begin - 1])) ||
                             t[dates[0].begin - 1] == '_' || t[dates[0].begin - 1] == '-'))
    return false;
  if (latin_words(t) > 6) return false;
  date_text = std::string(at);
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
  auto dates = find_dates(last, 2, kEitherOrder);
  if (dates.size() != 1 || !dates[0].year || !dates[0].month || !dates[0].day ||
      dates[0].begin != 0 || dates[0].end != last.size())
    return false;
  date_text = std::string(last);
  return true;
}

// A headline closed by its publication stamp, a date and a clock: "Ông Tập điện đàm với ông Trump
// 05/02/2026 06:10". The clock makes it a stamp, not a date the headline names.
bool headline_stamp_date(std::string_view line, std::string& date_text) {
  const std::string_view t = trim(line);
  if (t.size() > 240) return false;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  // The clock closing the line: H:MM, HH:MM or HH:MM:SS.
  const size_t clock = t.rfind(' ');
  if (clock == std::string_view::npos) return false;
  const std::string_view hm = t.substr(clock + 1);
  const size_t colon = hm.find(':');
  if (colon != 1 && colon != 2) return false;
  for (size_t k = 0; k < hm.size(); ++k)
    if (k == colon || k == colon + 3 ? hm[k] != ':' : !digit(hm[k])) return false;
  if (hm.size() != colon + 3 && hm.size() != colon + 6) return false;
  // The date before it, a word of its own after a headline of some length.
  const std::string_view before = trim(t.substr(0, clock));
  const size_t space = before.rfind(' ');
  if (space == std::string_view::npos || space < 12) return false;
  const std::string_view last = before.substr(space + 1);
  auto dates = find_dates(last, 2, kEitherOrder);
  if (dates.size() != 1 || !dates[0].full() || dates[0].begin != 0 || dates[0].end != last.size())
    return false;
  date_text = std::string(last);
  return true;
}

}  // namespace readouts
