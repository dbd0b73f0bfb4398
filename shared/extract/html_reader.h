// HTML reader: title, publication date (article:published_time, og:*, name="date",
// <time datetime>), source (og:site_name), url (canonical / og:url), language (<html lang>),
// and body text without script/style/nav/header/footer/aside/figcaption, entities decoded,
// paragraphs from <p>, <br> and block elements. A linear scanner; malformed markup never fails.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "shared/extract/record.h"

namespace readouts {

RawRecord read_html(std::string_view html);

// Decodes HTML character references (&amp; &#39; &#x4e2d; &nbsp; ...) in text.
std::string decode_entities(std::string_view text);

// True when the text looks like an HTML document (for content sniffing).
bool looks_like_html(std::string_view text);

}  // namespace readouts
