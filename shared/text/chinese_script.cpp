// Traditional -> simplified character table, built once from OpenCC (libopencc, t2s.json).
#include "shared/text/chinese_script.h"

#include <opencc/opencc.h>

#include <unordered_map>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

using Table = std::unordered_map<uint32_t, uint32_t>;

// Converts every Han character once, one per line so that OpenCC's phrase rules (which span
// neighbouring characters) cannot apply, and keeps the characters that change into one other
// character.
Table build_table() {
  Table table;
  std::string all;
  auto add_range = [&](uint32_t from, uint32_t to) {
    for (uint32_t cp = from; cp <= to; ++cp) {
      utf8_append(all, cp);
      all += '\n';
    }
  };
  add_range(0x3400, 0x4DBF);
  add_range(0x4E00, 0x9FFF);
  add_range(0xF900, 0xFAFF);
  std::string converted;
  try {
    opencc::SimpleConverter converter("t2s.json");
    converted = converter.Convert(all);
  } catch (...) {
    return table;  // no OpenCC data: folding is off (simplified_table_size() says so)
  }
  size_t a = 0, b = 0;
  while (a < all.size() && b < converted.size()) {
    size_t a_end = all.find('\n', a), b_end = converted.find('\n', b);
    if (a_end == std::string::npos || b_end == std::string::npos) break;
    std::string_view from(all.data() + a, a_end - a), to(converted.data() + b, b_end - b);
    uint32_t cf = 0, ct = 0;
    size_t nf = utf8_decode(from, 0, cf), nt = to.empty() ? 0 : utf8_decode(to, 0, ct);
    if (nf == from.size() && nt == to.size() && nt > 0 && cf != ct) table.emplace(cf, ct);
    a = a_end + 1;
    b = b_end + 1;
  }
  return table;
}

const Table& table() {
  static const Table t = build_table();
  return t;
}

}  // namespace

uint32_t simplified_char(uint32_t cp) {
  if (!is_han(cp)) return cp;
  const Table& t = table();
  auto it = t.find(cp);
  return it == t.end() ? cp : it->second;
}

std::string to_simplified(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // Han characters (U+3400 and up) open with a byte of 0xE3 or more; continuation bytes are
    // below 0xC0. What comes before such a byte is copied as it is.
    size_t j = i;
    while (j < text.size() && static_cast<unsigned char>(text[j]) < 0xE3) ++j;
    out.append(text.substr(i, j - i));
    if (j == text.size()) break;
    uint32_t cp = 0;
    const size_t n = utf8_decode(text, j, cp);
    if (cp >= 0x3400 && is_han(cp))
      utf8_append(out, simplified_char(cp));
    else
      out.append(text.substr(j, n));
    i = j + n;
  }
  return out;
}

size_t simplified_table_size() { return table().size(); }

}  // namespace readouts
