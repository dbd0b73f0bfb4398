// Junk-line filter, metadata lines, paragraph assembly and dateline reading for plain text.
#include "shared/extract/text_cleanup.h"

#include <array>

#include "shared/extract/credit_lines.h"
#include "shared/extract/date_lines.h"
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

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A hard-wrapped line running on into the next: it ends within a sentence (no closing mark, a
// word of two letters or more last) and the next one opens in lower case ("James Lewis, senior" /
// "fellow at the Center ..."), or it ends with a comma.
bool wrapped_into(std::string_view line, std::string_view next) {
  if (line.size() < 8 || next.empty() || ends_sentence(line)) return false;
  const char last = line.back(), first = next.front();
  if (last == ',') return (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
  return line.size() >= 2 && is_lower_ascii(last) && is_lower_ascii(line[line.size() - 2]) &&
         is_lower_ascii(first);
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

// A Korean agency's photo caption: the photo's credit in brackets first ("[place=AP/agency]"),
// the date last ("... 말했다. 2023.11.16."). The lead opens with a bracket too ("[place=agency]
// reporter = ..."), without a slash and without the closing date.
bool bracketed_photo_caption(std::string_view t) {
  if (!t.starts_with('[')) return false;
  const size_t close = t.find(']');
  if (close == std::string_view::npos || close > 60) return false;
  const std::string_view credit = t.substr(0, close);
  if (credit.find('=') == std::string_view::npos || credit.find('/') == std::string_view::npos)
    return false;
  std::string_view end = t;
  if (end.ends_with('.')) end.remove_suffix(1);
  if (end.size() < 10) return false;
  const std::string_view date = end.substr(end.size() - 10);  // YYYY.MM.DD
  for (size_t i = 0; i < date.size(); ++i)
    if ((i == 4 || i == 7) ? date[i] != '.' : (date[i] < '0' || date[i] > '9')) return false;
  return true;
}

// A photo's credit on a line of its own under its caption: "Eric Lee / EPA-EFE / Shutterstock",
// "Jane Doe/Getty Images": a few words, a slash, an agency's or a picture library's name.
bool photo_credit_line(std::string_view line) {
  static constexpr std::array<std::string_view, 20> kAgencies = {
      "epa",    "efe",       "afp",   "ap",      "reuters", "getty",  "shutterstock",
      "xinhua", "bloomberg", "imago", "dpa",     "sipa",    "ansa",   "kyodo",
      "yonhap", "tass",      "pool",  "anadolu", "ria",     "picture"};
  const std::string_view t = trim(line);
  if (t.size() > 80 || t.find('/') == std::string_view::npos || ends_sentence(t)) return false;
  if (count_words(t) > 8) return false;
  const std::string lower = ascii_lower(t);
  for (std::string_view a : kAgencies) {
    for (size_t at = lower.find(a); at != std::string::npos; at = lower.find(a, at + 1)) {
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
      const size_t e = at + a.size();
      const bool ends = e == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[e]));
      if (starts && ends) return true;
    }
  }
  return false;
}

bool is_junk_line(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty()) return false;
  if (t.size() > kMaxLineScan) return false;
  if (bracketed_photo_caption(t)) return true;
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
  constexpr size_t kMaxCaptionLine = 320;  // bytes: a photo's caption, not a paragraph
  // A longer first line may be a whole page flattened: its opening bytes are read for a
  // labelled publication date.
  constexpr size_t kFlattenedOpening = 200;
  std::vector<std::vector<std::string_view>> blocks(1);
  bool first_line = true;
  size_t junk_words = 0;
  std::vector<std::string_view> junk;  // dropped lines, kept in case nothing else is text
  std::vector<std::string> bylines;    // year-first dates of byline-like lines above the text
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
      if (out.metadata_source.empty() && metadata_source_line(line, source, date_text)) {
        out.metadata_source = source;
        if (!date_text.empty() && out.date_lines.size() < kMaxDateLines)
          out.date_lines.push_back({std::move(date_text), kind});
        continue;
      }
      if (masthead_clock(line)) continue;  // chrome: no date, no text
      // A page flattened into one long line ("Headline Section 发布: 11/07/2022 07:21 更新: ...
      // text"): a labelled publication date in its opening bytes. The line stays: it is the text.
      if (line.size() > kFlattenedOpening && substantial_seen == 0 && out.date_lines.empty()) {
        size_t cut = kFlattenedOpening;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (metadata_date_line(line.substr(0, cut), date_text, kind) &&
            kind == DateLine::Kind::kPublished)
          out.date_lines.push_back({std::move(date_text), kind});
        date_text.clear();
        kind = DateLine::Kind::kDateOnly;
      }
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
      if ((title_bar_date(line, date_text) || headline_stamp_date(line, date_text)) &&
          out.date_lines.size() < kMaxDateLines)
        out.date_lines.push_back({std::move(date_text), kind});
      else if (!body_started && year_first_byline(line, date_text))
        bylines.push_back(std::move(date_text));
      if (is_byline(line)) continue;
    }
    // A photo's credit under its caption: the credit and the caption line above it (one or two
    // sentences: "Trump speaks ... in Washington, on June 4, 2025.") are not the article's.
    if (photo_credit_line(line) && !blocks.back().empty() &&
        blocks.back().back().size() <= kMaxCaptionLine) {
      junk_words += count_words(blocks.back().back());
      junk.push_back(blocks.back().back());
      blocks.back().pop_back();
      ++out.junk_lines;
      junk_words += count_words(line);
      junk.push_back(line);
      continue;
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
  // A byline's date when nothing else gave one, and only when one line above the article holds
  // one: several are a list of links, each with its own date.
  if (out.date_lines.empty() && bylines.size() == 1)
    out.date_lines.push_back({std::move(bylines.front()), DateLine::Kind::kDateOnly});
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
      // No blank line anywhere: each line is a paragraph, except that hard-wrapped text (an
      // archived page, a plain-text wire) runs on into the next line.
      std::vector<std::string_view> run;
      for (std::string_view l : block) {
        if (!run.empty() && !wrapped_into(run.back(), l)) {
          emit(run);
          run.clear();
        }
        run.push_back(l);
      }
      if (!run.empty()) emit(run);
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
