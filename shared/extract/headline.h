// A scraped page's headline: the line its publisher wrote as the title, found among the short
// lines above the article past the page chrome (site and section names, breadcrumbs, share
// buttons, banners, photo captions). Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readouts {

struct HeadlineChoice {
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t headline = kNone;  // the paragraph that is the headline; kNone when the text has none
  // Paragraphs before the headline that are page chrome, not article text (to drop).
  std::vector<size_t> chrome;
  // The paragraph a title is taken from when there is no headline: the first that is neither
  // chrome nor a label ("The following is attributable to ...:"), usually the article's first.
  size_t first_text = 0;
};

// Chooses among paragraphs (text_cleanup.h's, in page order). `url` may be empty; when given,
// a line sharing the words of its last path segment ("xi-talks-with-trump") is the headline
// even below another headline-like line.
HeadlineChoice choose_headline(const std::vector<std::string>& paragraphs, std::string_view url);

// Whether a short line is page chrome rather than a headline or text: too few words for a title
// (1-3 words: "Readouts", "Latest News", "닫기"), navigation ("Home > World", "a • b"), a web
// address, a weather or market line, a known banner ("An official website of the United States
// Government"), a cookie or app notice.
bool chrome_line(std::string_view line);

// Whether a line of any length is a site's notice: a government banner, a cookie or app notice.
bool chrome_notice(std::string_view line);

// Whether a line is a photo caption ("(left)", "（左）", "▲", "图/", "/Getty Images").
bool caption_line(std::string_view line);

// Whether a line opens with a bullet ("- ", "* ", "• ", "・", "– ", "· ", "▪ ", "■ ").
bool bulleted(std::string_view line);

// Whether paragraph i is an item of a list: it opens with a bullet ("- ", "• ", "・", "* ", "▪ ")
// and so does the paragraph before or after it (links to other articles, a menu).
bool list_item(const std::vector<std::string>& paragraphs, size_t i);

}  // namespace readouts
