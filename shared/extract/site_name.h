// The name a site gives itself in its page chrome (a title line's site part, a copyright holder,
// a masthead line), for a host that outlets.json does not know. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace readouts {

// Lower-case ASCII letters and digits, with the accents of Latin letters dropped:
// "Crónica" -> "cronica", "NEWSru.com" -> "newsrucom".
std::string host_letters(std::string_view s);

// The site's own name for `host` (a bare host such as "news.example.com"), or "":
//  * a Latin name whose letters spell the host's domain: its first label ("Aju Press" for
//    ajupress.example), the whole domain ("NEWSru.com" for newsru.com) or "the" and the label
//    ("The Daily Star" for dailystar.example); found as the site part of a title line ("Talks
//    end | Example Daily"), a copyright holder ("© 2024 Example Daily. All rights reserved.") or a
//    line of its own above the article;
//  * a name the domain cannot spell (no Latin letters) only when the chrome gives it twice: as a
//    masthead line of its own and as the site part of a title line or a copyright holder.
std::string site_name_from_chrome(const std::vector<std::string>* top_lines,
                                  const std::vector<std::string>* copyright_lines,
                                  std::string_view host, std::string_view domain);

// A masthead line above the article that names a publication by what it is, in a script without
// Latin letters: a name ending in a word such as 日报, 晚報, 新闻网, 新聞中心, 신문, 일보, 新聞
// ("某城晚报"), or an Arabic name opening with جريدة, صحيفة, بوابة, موقع, قناة or وكالة. Not a
// section heading ("国际新闻", "财经新闻"). "" if none.
std::string masthead_name(const std::vector<std::string>* top_lines);

}  // namespace readouts
