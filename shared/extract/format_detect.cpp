// Extension table and content sniffing.
#include "shared/extract/format_detect.h"

#include "shared/extract/front_matter.h"
#include "shared/extract/html_reader.h"
#include "shared/text/utf8.h"

namespace readouts {

std::string_view format_name(InputFormat f) {
  switch (f) {
    case InputFormat::kMarkdown:
      return "markdown";
    case InputFormat::kJson:
      return "json";
    case InputFormat::kJsonLines:
      return "jsonl";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kText:
      break;
  }
  return "text";
}

InputFormat detect_format(std::string_view extension, std::string_view text) {
  std::string ext = ascii_lower(extension);
  if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
  if (ext == "md" || ext == "markdown" || ext == "mdown") return InputFormat::kMarkdown;
  if (ext == "json") return InputFormat::kJson;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonLines;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  // Sniff (txt, unknown or no extension).
  if (has_front_matter(text)) return InputFormat::kMarkdown;
  std::string_view t = trim(text);
  if (!t.empty() && (t[0] == '{' || t[0] == '[')) {
    if (t[0] == '{') {
      // Several lines that each start with '{': JSON Lines.
      size_t nl = t.find('\n');
      if (nl != std::string_view::npos) {
        std::string_view rest = trim(t.substr(nl));
        if (!rest.empty() && rest[0] == '{') return InputFormat::kJsonLines;
      }
    }
    return InputFormat::kJson;
  }
  if (!t.empty() && t[0] == '<' && looks_like_html(t)) return InputFormat::kHtml;
  return InputFormat::kText;
}

}  // namespace readouts
