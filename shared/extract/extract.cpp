// extract_articles(): input checks, format dispatch, and the common steps every record goes
// through (cleanup, dateline, date, title, language, speakers, topics, id).
#include "shared/extract/extract.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "shared/events/exchange.h"
#include "shared/extract/article_date.h"
#include "shared/extract/article_id.h"
#include "shared/extract/dates.h"
#include "shared/extract/format_detect.h"
#include "shared/extract/headline.h"
#include "shared/extract/html_reader.h"
#include "shared/extract/json_reader.h"
#include "shared/extract/markdown_reader.h"
#include "shared/extract/record.h"
#include "shared/extract/source_credit.h"
#include "shared/extract/speakers.h"
#include "shared/extract/statement_issuer.h"
#include "shared/extract/text_cleanup.h"
#include "shared/extract/topics.h"
#include "shared/text/language.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// The known people a headline has speak: by the attribution rules ("Trump says China will
// buy", "习近平：..." excepted), or a name and then a quotation after a colon or a comma
// ("Trump: \"...\"", "트럼프, \"...\"", "王毅：“...”").
std::vector<std::string> headline_speakers(const std::string& title, const Knowledge& knowledge,
                                           std::string_view iso_date, std::string_view language) {
  std::vector<std::string> out;
  if (title.empty()) return out;
  for (const std::string& s : attribute_speakers({title}, knowledge, iso_date, language).speakers)
    if (const Person* p = knowledge.find_person(s)) out.push_back(p->name);
  for (std::string_view sep : {":", ",", "\xEF\xBC\x9A" /* ： */, "\xEF\xBC\x8C" /* ， */}) {
    const size_t at = title.find(sep);
    if (at == std::string::npos || at == 0) continue;
    std::string_view rest = trim(std::string_view(title).substr(at + sep.size()));
    bool quoted = false;
    for (std::string_view q : {"\"", "\xE2\x80\x9C" /* “ */, "\xE2\x80\x98" /* ‘ */,
                               "\xE3\x80\x8C" /* 「 */, "\xC2\xAB" /* « */, "'"})
      quoted |= rest.starts_with(q);
    // The name opens the headline, or its second part after a question or exclamation
    // ("中方如何接待？华春莹：恕不能剧透").
    std::string_view before = std::string_view(title).substr(0, at);
    for (std::string_view end : {"?", "!", "\xEF\xBC\x9F" /* ？ */, "\xEF\xBC\x81" /* ！ */})
      if (const size_t e = before.rfind(end); e != std::string_view::npos)
        before = before.substr(e + end.size());
    before = trim(before);
    if (before.empty() || before.size() > 40) continue;
    // Unquoted, only a name in Chinese or Japanese script before a colon ("王毅：中美应…"): an
    // English "Trump: the first year" heads a topic.
    const bool cjk_colon = sep != "," && sep != "\xEF\xBC\x8C" &&
                           static_cast<unsigned char>(before.front()) >= 0xE3 &&
                           static_cast<unsigned char>(before.front()) <= 0xE9;
    if (!quoted && !cjk_colon) continue;
    if (const Person* p = knowledge.find_person(before))
      if (std::find(out.begin(), out.end(), p->name) == out.end()) out.push_back(p->name);
  }
  // A headline of several lines (a Korean paper's title and its decks, joined): a later deck's
  // "Name, "quotation"" (트럼프, "10점 만점에 12점") is its speaker's; the name is the word
  // before the comma.
  for (size_t at = title.find(", "); at != std::string::npos; at = title.find(", ", at + 2)) {
    std::string_view rest = std::string_view(title).substr(at + 2);
    if (!rest.starts_with("\"") && !rest.starts_with("\xE2\x80\x9C") /* “ */) continue;
    std::string_view before = std::string_view(title).substr(0, at);
    const size_t space = before.rfind(' ');
    if (space == std::string_view::npos) continue;  // the first deck: read above
    if (const Person* p = knowledge.find_person(before.substr(space + 1)))
      if (std::find(out.begin(), out.end(), p->name) == out.end()) out.push_back(p->name);
  }
  return out;
}

constexpr size_t kMaxTitleBytes = 200;

std::string iso_of(const ArticleDate& d) { return d.iso(); }

std::string first_sentence(std::string_view p) {
  // Ends at ". " / "。" etc. outside abbreviations; bounded by kMaxTitleBytes * 2.
  std::string_view head = p.substr(0, std::min<size_t>(p.size(), kMaxTitleBytes * 2));
  for (size_t i = 0; i < head.size(); ++i) {
    if (head.compare(i, 3, "\xE3\x80\x82") == 0) return std::string(head.substr(0, i));
    if ((head[i] == '.' || head[i] == '!' || head[i] == '?') &&
        (i + 1 == head.size() || head[i + 1] == ' ')) {
      // "U.S." / "Nov." / initials: the word before is short with a dot or capital.
      size_t ws = head.rfind(' ', i);
      std::string_view word = head.substr(ws == std::string_view::npos ? 0 : ws + 1,
                                          i - (ws == std::string_view::npos ? 0 : ws + 1));
      if (head[i] == '.' &&
          (word.find('.') != std::string_view::npos || word.size() <= 2 || word == "Nov" ||
           word == "Dec" || word == "Jan" || word == "Feb" || word == "Aug" || word == "Sept" ||
           word == "Oct" || word == "Mr" || word == "Ms" || word == "Mrs" || word == "Dr"))
        continue;
      return std::string(head.substr(0, i));
    }
  }
  return std::string(head);
}

// "Headline | Site" / "Headline - Site" / "标题_新华网": drop a short site suffix.
std::string strip_site_suffix(std::string t) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", "_"}) {
    size_t p = t.rfind(sep);
    if (p == std::string::npos || p < 6 || t.size() - p - sep.size() > 40) continue;
    if (sep == "_") {  // only before a non-Latin site name: "Xi_Jinping" stays whole
      bool non_ascii = false;
      for (size_t k = p + 1; k < t.size(); ++k)
        non_ascii |= static_cast<unsigned char>(t[k]) >= 0x80;
      if (!non_ascii) continue;
    }
    return t.substr(0, p);
  }
  return t;
}

Error parse_failure(std::string message) {
  return make_error(Code::kParseError, std::move(message));
}

Result<Article> build_article(RawRecord rec, const SourceInfo& source, size_t record_number,
                              const Knowledge& knowledge, const ExtractOptions& options,
                              const std::vector<std::string>& input_warnings) {
  Article a;
  a.format = rec.format;
  a.origin = record_origin(source.origin, record_number);
  a.content_hash = content_hash(rec.bytes);
  a.warnings = input_warnings;
  for (auto& w : rec.warnings) a.warnings.push_back(std::move(w));
  // Explicit fields must be valid UTF-8 (JSON guarantees it; front matter was checked).
  CleanText clean = clean_text(rec.body);
  if (clean.paragraphs.empty()) {
    return parse_failure(clean.junk_lines ? "no text: only page furniture (ads, navigation)"
                                          : "no text: the article body is empty");
  }
  a.url = std::string(trim(rec.url));
  if (a.url.empty()) a.url = std::string(trim(options.url));
  // A page without a title field: its headline, past the chrome above it (headline.h); else
  // the first sentence of its first paragraph of text.
  size_t first_text = 0;
  if (rec.title.empty()) {
    const HeadlineChoice choice = choose_headline(clean.paragraphs, a.url);
    first_text = choice.first_text;
    if (choice.headline != HeadlineChoice::kNone) {
      clean.headline = clean.paragraphs[choice.headline];
      std::vector<std::string> kept;
      for (size_t i = 0; i < clean.paragraphs.size(); ++i)
        if (i != choice.headline &&
            std::find(choice.chrome.begin(), choice.chrome.end(), i) == choice.chrome.end())
          kept.push_back(std::move(clean.paragraphs[i]));
      clean.paragraphs = std::move(kept);
      first_text = 0;
    }
  }
  std::string title = collapse_spaces(rec.title);
  if (rec.format == "html") title = strip_site_suffix(title);
  // A heading that repeats the title (Markdown "# Title", HTML <h1>) is not a passage.
  if (clean.paragraphs.size() > 1 && !title.empty() && clean.paragraphs.front() == title)
    clean.paragraphs.erase(clean.paragraphs.begin());
  // The dateline opens the first paragraph, or one of the next two when a photo caption or a
  // standfirst comes first.
  Dateline dateline;
  size_t dateline_paragraph = 0;
  for (; dateline_paragraph < clean.paragraphs.size() && dateline_paragraph < 3;
       ++dateline_paragraph) {
    dateline = read_dateline(clean.paragraphs[dateline_paragraph]);
    if (dateline.length > 0) break;
  }

  // ---- Language (it tells how to read "06/05/2025"), then the date
  // (shared/extract/article_date.h).
  a.language = normalize_language_tag(rec.language);
  if (a.language.empty() || a.language == "zh") {
    std::string sample = title.empty() ? clean.headline : title;
    for (const auto& p : clean.paragraphs) {
      if (sample.size() > 8192) break;
      sample += '\n';
      sample += p;
    }
    std::string detected = detect_language(sample);
    if (a.language.empty() || detected.starts_with("zh")) a.language = detected;
  }

  DateEvidence evidence;
  evidence.field = rec.date;
  evidence.field_evidence = rec.date_evidence;
  evidence.lines = &clean.date_lines;
  evidence.url = a.url;
  evidence.dateline = &dateline;
  evidence.headline = clean.headline;
  evidence.paragraphs = &clean.paragraphs;
  {
    // "05/02/2026" is read as its publisher writes dates: the outlet the url's host names, else
    // the country of its domain.
    const std::string host = url_host(a.url);
    const Outlet* publisher = host.empty() ? nullptr : knowledge.outlets().for_host(host);
    evidence.numeric_order = numeric_order_for(a.language, publisher && !publisher->country.empty()
                                                               ? publisher->country
                                                               : host_country(host));
  }
  DateChoice chosen = choose_article_date(evidence);
  a.date = std::move(chosen.date);
  for (auto& w : chosen.warnings) a.warnings.push_back(std::move(w));
  if (!a.date.known()) {
    if (options.require_date)
      return parse_failure("no date found (--require-date): add a date field or a dateline");
    a.warnings.push_back("no date found");
  }

  // ---- Title.
  if (title.empty()) title = clean.headline;
  if (title.empty()) {
    if (first_text >= clean.paragraphs.size()) first_text = 0;
    std::string_view first = clean.paragraphs[first_text];
    if (dateline_paragraph == first_text)
      first.remove_prefix(std::min(first.size(), dateline.length));
    title = first_sentence(trim(first));
  }
  a.title = truncate_text(trim(title), kMaxTitleBytes);

  // ---- Source.
  SourceEvidence source_evidence;
  source_evidence.field = rec.source;
  const Outlet* issuer = statement_issuer(clean.paragraphs, knowledge);
  if (issuer) source_evidence.issuer = issuer->name;
  source_evidence.dateline_credit = dateline.source;
  source_evidence.source_line = clean.metadata_source;
  source_evidence.credit_lines = &clean.credit_lines;
  source_evidence.bare_credits = &clean.bare_credits;
  source_evidence.top_lines = &clean.top_lines;
  source_evidence.copyright_lines = &clean.copyright_lines;
  source_evidence.paragraphs = &clean.paragraphs;
  source_evidence.url = a.url;
  a.source = resolve_source(source_evidence, knowledge.outlets());
  // ---- Speakers, mentions, passages.
  Attribution attr = attribute_speakers(clean.paragraphs, knowledge, iso_of(a.date), a.language);
  a.passages = std::move(attr.passages);
  if (rec.speakers) {
    for (const std::string& s : *rec.speakers) {
      std::string name(trim(s));
      if (const Person* p = knowledge.find_person(name)) name = p->name;
      if (!name.empty() &&
          std::find(a.speakers.begin(), a.speakers.end(), name) == a.speakers.end())
        a.speakers.push_back(name);
    }
    for (const std::string& m : attr.mentions)
      if (std::find(a.speakers.begin(), a.speakers.end(), m) == a.speakers.end())
        a.mentions.push_back(m);
    for (const std::string& s : attr.speakers)
      if (std::find(a.speakers.begin(), a.speakers.end(), s) == a.speakers.end() &&
          knowledge.find_person(s))
        a.mentions.push_back(s);
  } else {
    a.speakers = std::move(attr.speakers);
    a.mentions = std::move(attr.mentions);
    // A known person the headline has speak ("Trump says ...", "트럼프, \"...\"") speaks, after
    // those of the text (a page cut short may quote them only there).
    for (const std::string& s : headline_speakers(a.title, knowledge, iso_of(a.date), a.language))
      if (std::find(a.speakers.begin(), a.speakers.end(), s) == a.speakers.end()) {
        a.speakers.push_back(s);
        std::erase(a.mentions, s);
      }
  }

  // ---- Topics.
  if (rec.topics) {
    for (const std::string& t : *rec.topics) {
      std::string id(trim(t));
      if (const Topic* topic = knowledge.find_topic(id)) id = topic->id;
      if (!id.empty() && std::find(a.topics.begin(), a.topics.end(), id) == a.topics.end())
        a.topics.push_back(id);
    }
  } else if (options.detect_topics) {
    a.topics = detect_topics(a.title, a.passages, knowledge);
  }

  // ---- The exchange it reports and whose account it is (shared/events/exchange.h).
  a.side = account_side(a.source, knowledge);
  a.exchange = read_exchange(a, knowledge);

  a.id = derive_article_id(rec.id, a.url, source.id_seed, record_number);
  return a;
}

void add_failure(ExtractOutcome& out, const std::string& origin, Error e) {
  out.failures.push_back({origin, std::move(e)});
}

RawRecord text_record(std::string_view text) {
  RawRecord r;
  r.format = "text";
  r.body = std::string(text);
  return r;
}

}  // namespace

ExtractOutcome extract_articles(std::string_view bytes, const SourceInfo& source,
                                const Knowledge& knowledge, const ExtractOptions& options) {
  ExtractOutcome out;
  if (bytes.size() > options.max_bytes) {
    add_failure(out, source.origin,
                make_error(Code::kTooLarge, "input is " + std::to_string(bytes.size()) +
                                                " bytes, over the limit of " +
                                                std::to_string(options.max_bytes) +
                                                " (--max-bytes); too large to be an article"));
    return out;
  }
  if (bytes.empty()) {
    add_failure(out, source.origin, parse_failure("empty file"));
    return out;
  }
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
    size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
    add_failure(out, source.origin,
                parse_failure("binary file (NUL bytes at offset " + std::to_string(offset) +
                              "): not an article"));
    return out;
  }
  size_t controls = 0;
  for (unsigned char c : bytes)
    controls +=
        (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B) ||
        c == 0x7F;
  if (controls > 8 && controls * 50 > bytes.size()) {
    add_failure(out, source.origin,
                parse_failure("binary file (" + std::to_string(controls) +
                              " control bytes): not an article"));
    return out;
  }
  Utf8Check utf8 = check_utf8(bytes);
  std::vector<std::string> warnings;
  if (utf8.repaired) {
    if (utf8.invalid_bytes > 16 && utf8.invalid_bytes * 10 > bytes.size()) {
      add_failure(
          out, source.origin,
          parse_failure("not text: invalid UTF-8 (" + std::to_string(utf8.invalid_bytes) + " of " +
                        std::to_string(bytes.size()) + " bytes): binary file or unknown encoding"));
      return out;
    }
    warnings.push_back("invalid UTF-8: " + std::to_string(utf8.invalid_bytes) +
                       " bytes read as Windows-1252");
  }
  const std::string& text = utf8.text;
  if (trim(text).empty()) {
    add_failure(out, source.origin, parse_failure("empty file (only whitespace): no text"));
    return out;
  }
  // Records keep the bytes they came from for content_hash; repaired input hashes the original.
  const InputFormat format = detect_format(source.extension, text);
  auto finish = [&](Result<RawRecord> rec, size_t number, std::string_view record_bytes) {
    std::string origin = record_origin(source.origin, number);
    if (!rec.ok()) {
      add_failure(out, origin, rec.error());
      return;
    }
    RawRecord r = std::move(rec.value());
    r.bytes = record_bytes;
    auto article = build_article(std::move(r), source, number, knowledge, options, warnings);
    if (!article.ok()) {
      add_failure(out, origin, article.error());
      return;
    }
    out.articles.push_back(std::move(article.value()));
  };
  switch (format) {
    case InputFormat::kMarkdown:
      finish(read_markdown(text), 0, bytes);
      break;
    case InputFormat::kHtml:
      finish(read_html(text), 0, bytes);
      break;
    case InputFormat::kText:
      finish(text_record(text), 0, bytes);
      break;
    case InputFormat::kJson:
    case InputFormat::kJsonLines: {
      const bool lines = format == InputFormat::kJsonLines;
      auto records = lines ? read_jsonl(text) : read_json(text);
      // Only the content said JSON ("[ad_1]" opening a scraped page): if no record reads as
      // JSON, the input is text, not a failed JSON file.
      const bool sniffed =
          source.extension != "json" && source.extension != "jsonl" && source.extension != "ndjson";
      bool any_record = false;
      for (const auto& jr : records) any_record |= jr.record.ok();
      if (sniffed && !any_record) {
        finish(text_record(text), 0, bytes);
        break;
      }
      if (records.empty())
        add_failure(out, source.origin, parse_failure("empty file (no records)"));
      // Line bytes for JSON Lines records; the whole input otherwise (plus the record number).
      std::vector<std::string_view> line_bytes;
      if (lines) {
        size_t pos = 0;
        while (pos <= text.size()) {
          size_t eol = text.find('\n', pos);
          if (eol == std::string::npos) eol = text.size();
          line_bytes.push_back(std::string_view(text).substr(pos, eol - pos));
          pos = eol + 1;
        }
      }
      for (auto& jr : records) {
        std::string_view rb = text;
        if (lines && jr.number >= 1 && jr.number <= line_bytes.size())
          rb = line_bytes[jr.number - 1];
        finish(std::move(jr.record), jr.number, rb);
      }
      break;
    }
  }
  return out;
}

}  // namespace readouts
