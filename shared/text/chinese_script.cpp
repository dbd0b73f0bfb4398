// Traditional -> simplified character table, built once from OpenCC (libopencc, t2s.json).
#include "shared/text/chinese_script.h"

#include <opencc/opencc.h>

#include <vector>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

// The simplified form of each Han character of the Basic Multilingual Plane that has one (0: it
// has none), in two flat arrays: a look-up per character is an index, not a hash.
struct Table {
  static constexpr uint32_t kMainFrom = 0x3400, kMainTo = 0xA000;      // extension A, unified
  static constexpr uint32_t kCompatFrom = 0xF900, kCompatTo = 0xFB00;  // compatibility
  std::vector<uint32_t> main = std::vector<uint32_t>(kMainTo - kMainFrom, 0);
  std::vector<uint32_t> compat = std::vector<uint32_t>(kCompatTo - kCompatFrom, 0);
  size_t size = 0;

  uint32_t find(uint32_t cp) const {
    if (cp >= kMainFrom && cp < kMainTo) return main[cp - kMainFrom];
    if (cp >= kCompatFrom && cp < kCompatTo) return compat[cp - kCompatFrom];
    return 0;
  }
  void add(uint32_t from, uint32_t to) {
    uint32_t& slot = from < kMainTo ? main[from - kMainFrom] : compat[from - kCompatFrom];
    if (slot == 0) ++size;
    slot = to;
  }
};

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
    if (nf == from.size() && nt == to.size() && nt > 0 && cf != ct) table.add(cf, ct);
    a = a_end + 1;
    b = b_end + 1;
  }
  return table;
}

const Table& table() {
  static const Table t = build_table();
  return t;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The simplified form of the three-byte character at `at` of `bytes` (size at least at + 3), 0
// when it is no Han character of the tables or has no other form. Han characters of the tables
// (U+3400 and up, below U+10000) are three bytes opening with 0xE3 to 0xEF.
uint32_t simplified_at(const Table& t, const unsigned char* bytes, size_t at) {
  const unsigned char lead = bytes[at];
  if (lead < 0xE3 || lead > 0xEF || !is_continuation(bytes[at + 1]) ||
      !is_continuation(bytes[at + 2]))
    return 0;
  return t.find((static_cast<uint32_t>(lead & 0x0F) << 12) |
                (static_cast<uint32_t>(bytes[at + 1] & 0x3F) << 6) | (bytes[at + 2] & 0x3F));
}

}  // namespace

uint32_t simplified_char(uint32_t cp) {
  const uint32_t to = table().find(cp);
  return to == 0 ? cp : to;
}

void fold_to_simplified(std::string& text) {
  const Table& t = table();
  auto* bytes = reinterpret_cast<unsigned char*>(text.data());
  const size_t size = text.size();
  for (size_t i = 0; i + 2 < size; ++i) {
    const uint32_t to = simplified_at(t, bytes, i);
    if (to == 0) continue;  // any other byte is left as it is
    if (to <= 0xFFFF) {
      bytes[i] = static_cast<unsigned char>(0xE0 | (to >> 12));
      bytes[i + 1] = static_cast<unsigned char>(0x80 | ((to >> 6) & 0x3F));
      bytes[i + 2] = static_cast<unsigned char>(0x80 | (to & 0x3F));
      i += 2;
      continue;
    }
    // A rare character of extension A whose simplified form lies beyond U+FFFF (four bytes):
    // the rest is written anew.
    std::string out(text, 0, i);
    for (size_t j = i; j < size;) {
      const uint32_t other = j + 2 < size ? simplified_at(t, bytes, j) : 0;
      if (other == 0) {
        out += text[j++];
      } else {
        utf8_append(out, other);
        j += 3;
      }
    }
    text = std::move(out);
    return;
  }
}

std::string to_simplified(std::string_view text) {
  std::string out(text);
  fold_to_simplified(out);
  return out;
}

size_t simplified_table_size() { return table().size; }

}  // namespace readouts
