// Choosing the article's date from its evidence, and reading dates in url paths.
#include "shared/extract/article_date.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "shared/extract/headline.h"
#include "shared/text/month_names.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr size_t kTopScanBytes = 2000;  // "near the top" for a date found in the text
constexpr long kAgreeDays = 2;          // time zones and overnight publication

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Days since 1970-01-01 (proleptic Gregorian), for comparing dates.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// True when two dates can be the same day at their precisions (2025-06 agrees with 2025-06-05),
// or are within kAgreeDays of each other.
bool agree(const ArticleDate& a, const ArticleDate& b) {
  if (a.year != b.year &&
      (a.precision != DatePrecision::kDay || b.precision != DatePrecision::kDay))
    return false;
  if (a.precision == DatePrecision::kYear || b.precision == DatePrecision::kYear) return true;
  if (a.precision == DatePrecision::kMonth || b.precision == DatePrecision::kMonth)
    return a.month == b.month;
  return std::labs(days_from_civil(a.year, a.month, a.day) -
                   days_from_civil(b.year, b.month, b.day)) <= kAgreeDays;
}

// "10/31/25", "16.11.23": a numeric date with a two-digit year, as publication lines write it
// ("Published on 10/31/25"); the order is decided by a number over 12, else by dots (day
// first); two numbers of 12 or less with slashes decide nothing.
std::optional<ArticleDate> short_year_date(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) ||
        (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '/' || text[i - 1] == '.')))
      continue;
    int n[3] = {0, 0, 0};
    size_t k = i;
    char sep = 0;
    bool ok = true;
    for (int part = 0; part < 3 && ok; ++part) {
      const size_t start = k;
      while (k < text.size() && is_digit(text[k]) && k - start < 3)
        n[part] = n[part] * 10 + (text[k++] - '0');
      const size_t len = k - start;
      ok = len >= 1 && len <= 2 && (part < 2 || len == 2);
      if (ok && part < 2) {
        ok = k < text.size() && (text[k] == '/' || text[k] == '.') && (!sep || text[k] == sep);
        sep = ok ? text[k++] : sep;
      }
    }
    if (!ok || (k < text.size() && (is_digit(text[k]) || text[k] == '/' || text[k] == '.')))
      continue;
    bool day_first;
    if (n[0] > 12 && n[1] <= 12)
      day_first = true;
    else if (n[1] > 12 && n[0] <= 12)
      day_first = false;
    else if (sep == '.')
      day_first = true;
    else
      return std::nullopt;
    DateMention m;
    m.year = 2000 + n[2];
    m.month = day_first ? n[1] : n[0];
    m.day = day_first ? n[0] : n[1];
    if (valid_date(m.year, m.month, m.day)) return to_article_date(m, "");
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<ArticleDate> parse_line(const DateLine& line, NumericOrder order) {
  for (const DateMention& m : find_dates(line.date_text, 1, order))
    if (m.year) return to_article_date(m, "");
  if (line.kind == DateLine::Kind::kPublished) return short_year_date(line.date_text);
  return std::nullopt;
}

// A date that closes a short paragraph ("... attend a ceremony in Beijing, November 9, 2017.")
// is a photo caption's, not the article's.
// A headline or a dateline line ("GUANGZHOU, China (AP) — April 5, 2024") is not: a caption is a
// sentence of eight words or more.
bool caption_like(std::string_view paragraph, const DateMention& m) {
  if (paragraph.size() > 400) return false;
  std::string_view after = trim(paragraph.substr(m.end));
  if (after.size() > 3 || after.find_first_not_of(".)]") != std::string_view::npos) return false;
  size_t words = 0;
  for (size_t i = 0; i < m.begin; ++i)
    words += paragraph[i] == ' ' && i + 1 < m.begin && paragraph[i + 1] != ' ';
  return words >= 8;
}

// A photo caption's mark at the start of a text (Korean papers open captions with "▲" or "△"):
// its dates are the picture's, even in a headline a page got wrong.
bool caption_marked(std::string_view text) {
  text = trim(text);
  return text.starts_with("\xE2\x96\xB2") || text.starts_with("\xE2\x96\xB3");  // ▲ △
}

// A date with a clock time right after it ("5 نوفمبر 2024 04:06", "June 5, 2025 9:41 AM") is a
// stamp. Not read as a publication line above, it may as well be the page's render time: in the
// opening text it is no evidence of the article's date.
bool stamped(std::string_view text, const DateMention& m) {
  size_t i = m.end;
  while (i < text.size() && i < m.end + 4 && (text[i] == ' ' || text[i] == ',' || text[i] == '|'))
    ++i;
  if (i >= text.size() || !is_digit(text[i])) return false;
  if (i + 1 < text.size() && text[i + 1] == ':') return true;
  return i + 2 < text.size() && is_digit(text[i + 1]) && text[i + 2] == ':';
}

// A photo caption that opens with the picture's date and place ("2025年5月10日/スイス・ジュネーブ、
// ...(AP通信)", "May 10, 2025/Geneva"): a full date with a slash right after it and no number
// after the slash.
bool dated_caption(std::string_view text, const DateMention& m) {
  std::string_view after = text.substr(m.end);
  if (after.starts_with("/"))
    after.remove_prefix(1);
  else if (after.starts_with("\xEF\xBC\x8F"))  // ／
    after.remove_prefix(3);
  else
    return false;
  after = trim(after);
  return !after.empty() && !is_digit(after[0]);
}

// Words that open the description of a photo in a caption: "사진은" (Korean), "写真は"
// (Japanese), "图为"/"圖為" (Chinese).
bool photo_described_before(std::string_view text) {
  for (std::string_view w :
       {"\uC0AC\uC9C4\uC740", "\u5199\u771F\u306F", "\u56FE\u4E3A", "\u5716\u70BA"})
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

// The first full date in the opening paragraphs that is not plainly about something else.
std::optional<ArticleDate> date_near_top(std::string_view headline,
                                         const std::vector<std::string>& paragraphs,
                                         NumericOrder order) {
  std::vector<std::string_view> top;
  if (!headline.empty()) top.push_back(headline);
  // A list's items (links to other articles, with their dates) are not the article's text.
  for (size_t p = 0; p < paragraphs.size() && p < 3; ++p)
    if (!list_item(paragraphs, p)) top.push_back(paragraphs[p]);
  size_t scanned = 0;
  for (size_t p = 0; p < top.size() && scanned < kTopScanBytes; ++p) {
    std::string_view text = top[p];
    const bool is_headline = p == 0 && !headline.empty();
    if (caption_marked(text)) {
      scanned += text.size();
      continue;
    }
    for (const DateMention& m : find_dates(text.substr(0, kTopScanBytes - scanned), 16, order)) {
      if (!m.full() || (!is_headline && caption_like(text, m)) || stamped(text, m) ||
          dated_caption(text, m))
        continue;
      // A date after a photo's description in the same paragraph ("사진은 ... 모습. 2024.05.31",
      // "写真は ...") is the picture's, even in a headline a page got wrong.
      if (photo_described_before(text.substr(0, m.begin))) continue;
      // A date glued into a file name ("Screenshot_2024-01-29_163520") is the file's.
      if ((m.begin > 0 && text[m.begin - 1] == '_') || (m.end < text.size() && text[m.end] == '_'))
        continue;
      std::string before =
          ascii_lower(text.substr(m.begin > 24 ? m.begin - 24 : 0, m.begin > 24 ? 24 : m.begin));
      if (before.find("since") != std::string::npos || before.find("until") != std::string::npos ||
          before.find("signed") != std::string::npos)
        continue;
      return to_article_date(m, "text");
    }
    scanned += text.size();
  }
  return std::nullopt;
}

// The year to complete a dateline's month and day: from the first date in the text in the same
// month ("on November 1, 2018" under "WASHINGTON, Nov. 1"). A date of another month is another
// event ("in June 2013, three months after ...") and gives no year: a wrong date is worse than
// none.
int year_from_text(const std::vector<std::string>& paragraphs, int month, NumericOrder order) {
  for (const std::string& p : paragraphs)
    for (const DateMention& m : find_dates(p, 32, order))
      if (m.year && m.month == month) return m.year;
  return 0;
}

// "YYYY", "MM", "DD" read from exactly n digits at s[i..]; 0 when not digits.
int digits(std::string_view s, size_t i, size_t n) {
  if (i + n > s.size()) return 0;
  int v = 0;
  for (size_t k = i; k < i + n; ++k) {
    if (!is_digit(s[k])) return 0;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

bool plausible_year(int y) { return y >= 1990 && y <= 2100; }

std::optional<ArticleDate> make_date(int y, int m, int d) {
  if (!plausible_year(y) || !valid_date(y, m, d) || m == 0) return std::nullopt;
  DateMention mention;
  mention.year = y, mention.month = m, mention.day = d;
  return to_article_date(mention, "url");
}

// Length of the digit run at i.
size_t run_length(std::string_view s, size_t i) {
  size_t k = i;
  while (k < s.size() && is_digit(s[k])) ++k;
  return k - i;
}

// A run of 11 or more digits that opens with a date: a time stamp YYYYMMDDhhmm[ss[fff]]
// (/view/20250512164720117), a date and a serial (/20231116509410, 202401263161Y), or, with a
// time after it, month first (-01262024123656.html). Counters of 11 digits do not exist, so the
// date and serial reading is taken up to 14 digits; a longer run (an id of 19 digits) must go on
// with a time.
std::optional<ArticleDate> date_from_stamp(std::string_view run) {
  const size_t n = run.size();
  auto is_time = [&](size_t at) {
    return at + 4 <= n && digits(run, at, 2) <= 23 && digits(run, at + 2, 2) <= 59;
  };
  if (plausible_year(digits(run, 0, 4)) && (n <= 14 || is_time(8)))
    if (auto d = make_date(digits(run, 0, 4), digits(run, 4, 2), digits(run, 6, 2))) return d;
  if ((n == 12 || n == 14 || n == 17) && plausible_year(digits(run, 4, 4)) && is_time(8))
    if (auto d = make_date(digits(run, 4, 4), digits(run, 0, 2), digits(run, 2, 2))) return d;
  return std::nullopt;
}

// The month and day a lead names first within its first `bytes`, when it gives no year: {0, 0}
// otherwise.
std::pair<int, int> lead_month_day(std::string_view lead, size_t bytes, NumericOrder order) {
  const auto found = find_dates(lead.substr(0, std::min(lead.size(), bytes)), 1, order);
  if (found.empty() || found[0].year || !found[0].month || !found[0].day) return {0, 0};
  return {found[0].month, found[0].day};
}

// A live page's lead that opens with a month and day ("G-20 summit live updates, November 14:
// ...") under a headline that names one year ("2022 G-20 Bali summit live updates: ..."): that
// day of that year. Only the lead's first 80 bytes, and only one year in the headline.
std::optional<ArticleDate> lead_day_with_headline_year(std::string_view headline,
                                                       const std::vector<std::string>& paragraphs,
                                                       NumericOrder order) {
  if (headline.empty() || paragraphs.empty()) return std::nullopt;
  int year = 0;
  for (size_t i = 0; i < headline.size();) {
    const size_t n = run_length(headline, i);
    if (n == 0) {
      ++i;
      continue;
    }
    if (n == 4 && plausible_year(digits(headline, i, 4))) {
      if (year && year != digits(headline, i, 4)) return std::nullopt;
      year = digits(headline, i, 4);
    }
    i += n;
  }
  if (!year) return std::nullopt;
  std::string_view lead = paragraphs[0];
  if (lead == headline && paragraphs.size() > 1) lead = paragraphs[1];
  const auto [month, day] = lead_month_day(lead, 80, order);
  if (!month) return std::nullopt;
  auto d = make_date(year, month, day);
  if (d) d->evidence = "lead (year from the headline)";
  return d;
}

// The month and day without a year that the first paragraph of text names in its first 200
// bytes (not the headline, not a caption, not a line under 40 bytes); {0, 0} when none.
std::pair<int, int> first_lead_month_day(std::string_view headline,
                                         const std::vector<std::string>& paragraphs,
                                         NumericOrder order) {
  constexpr size_t kLeadBytes = 200;
  for (const std::string& p : paragraphs) {
    if (p == headline || caption_marked(p) || trim(p).size() < 40) continue;
    return lead_month_day(p, kLeadBytes, order);
  }
  return {0, 0};
}

// A lead that names a month and day without a year ("周六（11月1日）表示", "said on Saturday,
// November 1") and a full date of that same month and day elsewhere in the text, a caption's
// included ("2025年11月1日表示 ...（網頁截圖）": the picture of that day's post): that day of
// that year. Only the first paragraph of text that is not a caption, its first 200 bytes; and
// only when every full date of that month and day in the text has the same year.
std::optional<ArticleDate> lead_day_with_year_in_text(std::string_view headline,
                                                      const std::vector<std::string>& paragraphs,
                                                      NumericOrder order) {
  const auto [month, day] = first_lead_month_day(headline, paragraphs, order);
  if (!month) return std::nullopt;
  int year = 0;
  for (const std::string& p : paragraphs)
    for (const DateMention& m : find_dates(p, 32, order)) {
      if (!m.full() || m.month != month || m.day != day) continue;
      if (year && year != m.year) return std::nullopt;
      year = m.year;
    }
  if (!year) return std::nullopt;
  auto d = make_date(year, month, day);
  if (d) d->evidence = "lead (year from the same day in the text)";
  return d;
}

// A lead's month and day with the year a url's id opens with, when the id goes on with that month
// and day: "/news/detail/2023619I14M1" and "今天(6月19日)" make 2023-06-19. Alone, seven digits
// are ambiguous (2023111: January 11 or November 1); the text's day decides.
std::optional<ArticleDate> lead_day_with_url_year(std::string_view url, std::string_view headline,
                                                  const std::vector<std::string>& paragraphs,
                                                  NumericOrder order) {
  const auto [month, day] = first_lead_month_day(headline, paragraphs, order);
  if (!month || !day) return std::nullopt;
  const size_t scheme = url.find("://");
  std::string_view path = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  path = path.substr(slash);
  char tail[8];
  std::snprintf(tail, sizeof tail, "%d%02d", month, day);
  for (size_t i = 0; i < path.size();) {
    if (!is_digit(path[i])) {
      ++i;
      continue;
    }
    const size_t n = run_length(path, i);
    if (n == 4 + std::string_view(tail).size() && plausible_year(digits(path, i, 4)) &&
        path.substr(i + 4, n - 4) == tail) {
      auto d = make_date(digits(path, i, 4), month, day);
      if (d) d->evidence = "lead (year from the url)";
      return d;
    }
    i += n;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ArticleDate> date_from_url(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view path = rest.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  // A folder of a year and month alone (/202409/), taken when nothing in the path gives a day.
  std::optional<ArticleDate> month_folder, year_folder;
  // Digit runs, each read with the separators around it.
  for (size_t i = 0; i < path.size();) {
    if (!is_digit(path[i])) {
      ++i;
      continue;
    }
    const size_t n = run_length(path, i);
    const char before = i ? path[i - 1] : '/';
    const size_t e = i + n;
    const char after = e < path.size() ? path[e] : '\0';
    if ((n == 1 || n == 2) && before == '/' && after == '-') {
      // /article/09-24-2022/115838: a folder of a day, a month and a year in either order,
      // taken only when one of the two can only be the day (24-09 or 09-24; never 05-06).
      const size_t n2 = run_length(path, e + 1), e2 = e + 1 + n2;
      if ((n2 == 1 || n2 == 2) && e2 < path.size() && path[e2] == '-' &&
          run_length(path, e2 + 1) == 4 && (e2 + 5 == path.size() || path[e2 + 5] == '/') &&
          plausible_year(digits(path, e2 + 1, 4))) {
        const int a = digits(path, i, n), b = digits(path, e + 1, n2), y = digits(path, e2 + 1, 4);
        if (a > 12 && b <= 12) {
          if (auto d = make_date(y, b, a)) return d;
        } else if (b > 12 && a <= 12) {
          if (auto d = make_date(y, a, b)) return d;
        }
      }
    }
    if ((n == 1 || n == 2) && before == '/' && after == '/' && (i < 2 || !is_digit(path[i - 2])) &&
        run_length(path, e + 1) == 4 && (e + 5 == path.size() || path[e + 5] == '/') &&
        plausible_year(digits(path, e + 1, 4)) && !month_folder) {
      // /internacionales/slug/12/2015/: a month folder, then a year folder (month and year
      // only), taken when nothing in the path gives a day; not after a number (/04/05/2015/:
      // a day and a month in an order nothing decides).
      month_folder = make_date(digits(path, e + 1, 4), digits(path, i, n), 0);
    }
    if (n == 4 && plausible_year(digits(path, i, 4)) && (before == '/' || before == '_') &&
        after == '_' && e + 6 <= path.size() && run_length(path, e + 1) == 2 &&
        path[e + 3] == '_' && run_length(path, e + 4) == 2 &&
        (e + 6 == path.size() || !is_digit(path[e + 6]))) {
      // /2022_11_01_664707.shtml: year, month and day joined by underscores.
      if (auto d = make_date(digits(path, i, 4), digits(path, e + 1, 2), digits(path, e + 4, 2)))
        return d;
    }
    if (n == 4 && plausible_year(digits(path, i, 4)) && (before == '/' || before == '-')) {
      const int y = digits(path, i, 4);
      // /2025/internacional/slug: a folder of a year alone, taken when nothing gives more.
      if (before == '/' && after == '/' && e + 1 < path.size() && !is_digit(path[e + 1]) &&
          !year_folder) {
        DateMention year_only;
        year_only.year = y;
        year_folder = to_article_date(year_only, "url");
      }
      // /YYYY/MM/DD/, /YYYY/MMDD/, /YYYY/MM/, /YYYY-MM/DD/, -YYYY-MM-DD
      if ((after == '/' || after == '-') && e + 1 < path.size()) {
        const size_t n2 = run_length(path, e + 1);
        const size_t e2 = e + 1 + n2;
        const char after2 = e2 < path.size() ? path[e2] : '\0';
        if (n2 == 4 && after == '/' && (after2 == '/' || after2 == '\0')) {
          if (auto d = make_date(y, digits(path, e + 1, 2), digits(path, e + 3, 2))) return d;
        } else if (n2 == 2 || n2 == 1) {
          const int m = digits(path, e + 1, n2);
          if ((after2 == '/' || after2 == '-') && e2 + 1 < path.size()) {
            const size_t n3 = run_length(path, e2 + 1);
            const size_t e3 = e2 + 1 + n3;
            const char after3 = e3 < path.size() ? path[e3] : '\0';
            if ((n3 == 2 || n3 == 1) && !is_digit(after3) &&
                (after3 == '/' || after3 == '\0' || after3 == '-' || after3 == '_' ||
                 after3 == '.')) {
              if (auto d = make_date(y, m, digits(path, e2 + 1, n3))) return d;
            }
          }
          if (after == '/' && after2 == '/' && m >= 1 && m <= 12) {
            // /2025/06/slug: the month; the day too when the slug writes the same year and month
            // in full (/2020/01/2020-01-15-talks-end).
            char full[12];
            std::snprintf(full, sizeof full, "%04d-%02d-", y, m);
            const size_t at = path.find(full, e2);
            if (at != std::string_view::npos && run_length(path, at + 8) == 2 &&
                (at == 0 || !is_digit(path[at - 1])))
              if (auto d = make_date(y, m, digits(path, at + 8, 2))) return d;
            return make_date(y, m, 0);
          }
        }
      }
    } else if (n == 6 && plausible_year(digits(path, i, 4)) && before == '/' && after == '/' &&
               run_length(path, e + 1) == 2) {
      // /201712/29/: year and month, then the day.
      if (auto d = make_date(digits(path, i, 4), digits(path, i + 4, 2), digits(path, e + 1, 2)))
        return d;
    } else if (n == 8 && plausible_year(digits(path, i, 4))) {
      // /20250605/, t20250605_123.html, -20250605.
      if (auto d = make_date(digits(path, i, 4), digits(path, i + 4, 2), digits(path, i + 6, 2)))
        return d;
    } else if (n >= 11) {
      if (auto d = date_from_stamp(path.substr(i, n))) return d;
    } else if (n == 6 && before == '/' && after == '/' &&
               plausible_year(2000 + digits(path, i, 2)) &&
               path.find(path.substr(i, n), e) != std::string_view::npos) {
      // /news/140710/exb1407101115001-n2.htm: a two-digit year, month and day as a segment of
      // its own, repeated in the page's name.
      if (auto d =
              make_date(2000 + digits(path, i, 2), digits(path, i + 2, 2), digits(path, i + 4, 2)))
        return d;
    } else if (n == 6 && plausible_year(digits(path, i, 4)) && before == '/' && after == '/') {
      // /202409/530207.html: a folder of the year and month.
      if (!month_folder) month_folder = make_date(digits(path, i, 4), digits(path, i + 4, 2), 0);
    }
    i = e;
  }
  // An id in the query that opens with a date: ?nid=2025110208091675266, ?articleId=A2025081606.
  if (const size_t q = rest.find('?', slash); q != std::string_view::npos) {
    const std::string_view query = rest.substr(q, rest.find('#', q) - q);
    for (size_t i = 0; i < query.size();) {
      const size_t n = run_length(query, i);
      if (n >= 11)
        if (auto d = date_from_stamp(query.substr(i, n))) return d;
      i += n ? n : 1;
    }
  }
  // Day first: /25/09/2015/ (day, month, year as three segments; the order is decided by a number
  // over 12, and two numbers of 12 or less decide nothing) and /09jun2013/ (day, month's name,
  // year run together).
  {
    std::vector<std::string_view> segments;
    for (size_t start = 0; start < path.size();) {
      size_t end = path.find('/', start + 1);
      if (end == std::string_view::npos) end = path.size();
      segments.push_back(path.substr(start + 1, end > start ? end - start - 1 : 0));
      start = end;
    }
    auto numeric = [](std::string_view s, size_t lo, size_t hi) {
      return s.size() >= lo && s.size() <= hi && run_length(s, 0) == s.size();
    };
    for (size_t k = 0; k + 2 < segments.size(); ++k) {
      const std::string_view a = segments[k], b = segments[k + 1], y = segments[k + 2];
      if (!numeric(a, 1, 2) || !numeric(b, 1, 2) || !numeric(y, 4, 4)) continue;
      const int p = digits(a, 0, a.size()), q = digits(b, 0, b.size()), year = digits(y, 0, 4);
      if (!plausible_year(year)) continue;
      if (p > 12 && q <= 12) {
        if (auto d = make_date(year, q, p)) return d;
      } else if (q > 12 && p <= 12) {
        if (auto d = make_date(year, p, q)) return d;
      }
    }
    for (std::string_view s : segments) {
      const size_t day_len = run_length(s, 0);
      if (day_len < 1 || day_len > 2 || s.size() < day_len + 3 + 4) continue;
      const std::string_view year = s.substr(s.size() - 4);
      if (run_length(year, 0) != 4 || !plausible_year(digits(year, 0, 4))) continue;
      const std::string_view name = s.substr(day_len, s.size() - 4 - day_len);
      if (std::any_of(name.begin(), name.end(),
                      [](char c) { return !std::isalpha(static_cast<unsigned char>(c)); }))
        continue;
      if (const int month = month_from_name(name))
        if (auto d = make_date(digits(year, 0, 4), month, digits(s, 0, day_len))) return d;
    }
  }
  // A month name between a year and a day: /2013/jun/07/.
  for (size_t start = 0; start + 1 < path.size();) {
    size_t a = path.find('/', start + 1);
    if (a == std::string_view::npos) break;
    size_t b = path.find('/', a + 1);
    if (b == std::string_view::npos) break;
    size_t c = path.find('/', b + 1);
    if (c == std::string_view::npos) c = path.size();
    std::string_view y = path.substr(start + 1, a - start - 1), m = path.substr(a + 1, b - a - 1),
                     d = path.substr(b + 1, c - b - 1);
    if (y.size() == 4 && (d.size() == 1 || d.size() == 2) && run_length(d, 0) == d.size()) {
      int month = month_from_name(m);
      if (month)
        if (auto date = make_date(digits(y, 0, 4), month, digits(d, 0, d.size()))) return date;
    }
    start = a;
  }
  // A written date in a path segment: /19-Jul-2019/, /talks-on-5-june-2025.
  for (size_t start = 0; start < path.size();) {
    size_t end = path.find('/', start + 1);
    if (end == std::string_view::npos) end = path.size();
    std::string segment(path.substr(start, end - start));
    for (char& c : segment)
      if (c == '-' || c == '_') c = ' ';
    for (const DateMention& m : find_dates(segment, 4))
      if (m.full() && plausible_year(m.year)) return make_date(m.year, m.month, m.day);
    start = end;
  }
  // Taiwan's calendar on a .tw host: an id opening with the Republic's year (100-130 = 2011-2041),
  // month and day, then a serial (news.ttv.com.tw/news/11103180004900W: 2022-03-18).
  const std::string_view host = rest.substr(0, slash);
  if (host.ends_with(".tw"))
    for (size_t i = 0; i < path.size();) {
      const size_t n = run_length(path, i);
      if (n >= 9 && (i == 0 || !is_digit(path[i - 1]))) {
        const int roc = digits(path, i, 3), day = digits(path, i + 5, 2);
        if (roc >= 100 && roc <= 130 && day >= 1)
          if (auto d = make_date(roc + 1911, digits(path, i + 3, 2), day)) return d;
      }
      i += n ? n : 1;
    }
  return month_folder ? month_folder : year_folder;
}

DateChoice choose_article_date(const DateEvidence& ev) {
  DateChoice out;
  const NumericOrder order = ev.numeric_order;
  // 1. An explicit field.
  if (!trim(ev.field).empty()) {
    if (auto d = parse_date_value(ev.field)) {
      out.date = *d;
      out.date.evidence = ev.field_evidence.empty() ? "field" : std::string(ev.field_evidence);
      return out;
    }
    out.warnings.push_back("date field '" + truncate_text(ev.field, 40) +
                           "' not understood; date read from the text");
  }
  // 2. Publication evidence: metadata lines, date-only lines, the url.
  std::optional<ArticleDate> published, date_only, updated;
  std::string disagreement;
  if (ev.lines) {
    for (const DateLine& line : *ev.lines) {
      auto d = parse_line(line, order);
      if (!d) continue;
      if (line.kind == DateLine::Kind::kPublished) {
        // A later publication line may give the day of a month read first (a crawler's
        // "date 2023-11" above the page's own "Stand: 16.11.2023").
        if (!published)
          published = d;
        else if (published->precision == DatePrecision::kMonth &&
                 d->precision == DatePrecision::kDay && d->year == published->year &&
                 d->month == published->month)
          published = d;
      }
      if (line.kind == DateLine::Kind::kUpdated && !updated) updated = d;
      if (line.kind != DateLine::Kind::kDateOnly) continue;
      // Of several date-only lines, the earliest: a page is rendered, and updated, after it is
      // published. Of two that agree, the finer: a month alone ("Actualizado el11 de septiembre
      // de 2025", its day glued) does not undo the day a line above gives.
      const bool finer_agreeing = date_only && d->precision > date_only->precision &&
                                  d->precision != DatePrecision::kUnknown && agree(*d, *date_only);
      const bool coarser_agreeing =
          date_only && d->precision < date_only->precision && agree(*d, *date_only);
      if (!date_only || finer_agreeing ||
          (!coarser_agreeing && d->sortable() < date_only->sortable()))
        date_only = d;
    }
  }
  std::optional<ArticleDate> from_url = date_from_url(ev.url);
  // Two pieces of evidence against one: a date line the url confirms wins over a publication line
  // both contradict (a crawler's "date 2025-12-05" above the page's own "25/11/2025 15:56").
  const bool outvoted = published && date_only && from_url && !agree(*published, *from_url) &&
                        agree(*date_only, *from_url) && date_only->precision == DatePrecision::kDay;
  if (outvoted) disagreement = "metadata line " + published->iso() + " differs";
  ArticleDate& date = out.date;
  if (published && !outvoted) {
    date = *published;
    date.evidence = "metadata line";
  } else if (date_only && (!from_url || agree(*date_only, *from_url))) {
    date = *date_only;
    date.evidence = "date line";
  } else if (from_url) {
    date = *from_url;
    date.evidence = "url";
    if (date_only) disagreement = "date line " + date_only->iso() + " differs";
  }
  // A month is made a day by a date line, the url or the dateline of the same month.
  if (date.precision == DatePrecision::kMonth && date_only &&
      date_only->precision == DatePrecision::kDay && agree(date, *date_only)) {
    date.day = date_only->day;
    date.precision = DatePrecision::kDay;
    date.evidence += " + date line";
  }
  if (date.known() && from_url && date.evidence != "url" && !agree(date, *from_url)) {
    disagreement = "url " + from_url->iso() + " differs";
  } else if (date.precision == DatePrecision::kMonth && from_url &&
             from_url->precision == DatePrecision::kDay && agree(date, *from_url)) {
    date.day = from_url->day;
    date.precision = DatePrecision::kDay;
    date.evidence += " + url";
  }
  // 3. The dateline: the date when nothing above gave one, else a check of it.
  if (ev.dateline && ev.dateline->length > 0) {
    auto found = find_dates(ev.dateline->date_text, 1, order);
    if (!found.empty()) {
      DateMention m = found[0];
      if (!date.known()) {
        if (!m.year) {
          // The year from the page's other evidence (a caption's or an updated stamp's year is
          // still the right year), else from the text.
          for (const auto& d : {from_url, date_only, updated})
            if (!m.year && d && (d->month == m.month || d->precision == DatePrecision::kYear))
              m.year = d->year;
          if (!m.year) m.year = year_from_text(*ev.paragraphs, m.month, order);
        }
        if (m.year && valid_date(m.year, m.month, m.day))
          date = to_article_date(m, found[0].year ? "dateline" : "dateline (year from text)");
      } else if (date.precision == DatePrecision::kMonth && date.month == m.month &&
                 (!m.year || m.year == date.year) && valid_date(date.year, m.month, m.day)) {
        date.day = m.day;
        date.precision = DatePrecision::kDay;
        date.evidence += " + dateline";
      } else if (date.precision == DatePrecision::kDay && disagreement.empty()) {
        ArticleDate line_date = date;
        line_date.month = m.month;
        line_date.day = m.day;
        if (m.year) line_date.year = m.year;
        if (valid_date(line_date.year, line_date.month, line_date.day) && !agree(date, line_date))
          disagreement = "dateline " + std::string(trim(ev.dateline->date_text)) + " differs";
      }
    }
  }
  // 4. The first full date of the headline and opening paragraphs (not a caption's); it also
  // makes a month from above a day when it falls in that month ("/2024/04/" and "Pequim, China –
  // 27 de abril de 2024 –").
  if (ev.paragraphs && (!date.known() || date.precision == DatePrecision::kMonth ||
                        date.precision == DatePrecision::kYear)) {
    if (auto d = date_near_top(ev.headline, *ev.paragraphs, order)) {
      if (!date.known()) {
        date = *d;
      } else if (d->precision > date.precision && d->year == date.year &&
                 (date.precision == DatePrecision::kYear || d->month == date.month)) {
        // A year (a url's folder) or a month made finer by the opening text's date in it.
        date.month = d->month;
        date.day = d->day;
        date.precision = d->precision;
        date.evidence += " + text";
      }
    }
  }
  // 5. A lead's month and day with the headline's one year.
  if (!date.known() && ev.paragraphs) {
    if (auto d = lead_day_with_headline_year(ev.headline, *ev.paragraphs, order)) date = *d;
  }
  // 6. A lead's month and day with the year of the same day written in full elsewhere.
  if (!date.known() && ev.paragraphs) {
    if (auto d = lead_day_with_year_in_text(ev.headline, *ev.paragraphs, order)) date = *d;
  }
  // 7. A lead's month and day with the year of the url's id that goes on with them.
  if (!date.known() && ev.paragraphs) {
    if (auto d = lead_day_with_url_year(ev.url, ev.headline, *ev.paragraphs, order)) date = *d;
  }
  if (date.known() && !disagreement.empty()) date.evidence += "; " + disagreement;
  return out;
}

}  // namespace readouts
