// Lines that credit an article's outlet: "Source: X", "Fuente: EFE", "* AFP", copyright lines.
#pragma once

#include <string>
#include <string_view>

namespace readouts {

// "Source: Xinhua", "来源：新华社 2025-10-28 00:15", "来源:新华社 责任编辑:某某 2018-10-09 09:32"
// near the top: the credited name, without the fields or the date after it; the line's date (the
// first one after the name, with its year and month) in date_text, "" when none.
bool metadata_source_line(std::string_view line, std::string& source, std::string& date_text);

// A line that credits an outlet, anywhere in the text: "Fuente: EFE", "Quelle: dpa", "Con
// información de EFE", "Avec AFP", or a source label inside a line of credits ("責任編輯: 某某
// 來源:中央社 ..."). The credited text is returned (checked against outlets.json later).
bool credit_line(std::string_view line, std::string& credited);

// A name alone on a line: "* AFP", "(Reuters)", "AFP / le 19 septembre 2025". Only an outlet's
// whole name counts (checked later); a heading ending in a colon is not a name.
bool bare_credit(std::string_view line, std::string& credited);

// "Copyright © 2024 Example News", "某某网版权所有", "ⓒ 뉴스": a line naming the site's publisher.
bool copyright_line(std::string_view line);

}  // namespace readouts
