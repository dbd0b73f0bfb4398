// UTF-8 decoding, validation/repair and character classes used by every extraction step.
#include "shared/text/utf8.h"

#include <array>

namespace readouts {

size_t utf8_decode(std::string_view s, size_t i, uint32_t& cp, bool* valid) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto fail = [&]() -> size_t {
    cp = 0xFFFD;
    if (valid) *valid = false;
    return 1;
  };
  if (valid) *valid = true;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  size_t len;
  uint32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return fail();
  }
  if (i + len > s.size()) return fail();
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return fail();
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fail();
  return len;
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Windows-1252 0x80..0x9F; 0 = undefined.
constexpr uint16_t kCp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c >> 5) == 0x6) {
      n = 1;
      cp = c & 0x1f;
    } else if ((c >> 4) == 0xe) {
      n = 2;
      cp = c & 0x0f;
    } else if ((c >> 3) == 0x1e) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n + 1;
  }
  return true;
}

Utf8Check check_utf8(std::string_view bytes) {
  Utf8Check out;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  // Fast path: all valid.
  size_t i = 0;
  while (i < bytes.size()) {
    uint32_t cp;
    bool ok;
    size_t n = utf8_decode(bytes, i, cp, &ok);
    if (!ok) break;
    i += n;
  }
  if (i == bytes.size()) {
    out.text.assign(bytes);
    return out;
  }
  out.text.reserve(bytes.size() + bytes.size() / 8);
  out.text.append(bytes.substr(0, i));
  while (i < bytes.size()) {
    uint32_t cp;
    bool ok;
    size_t n = utf8_decode(bytes, i, cp, &ok);
    if (ok) {
      out.text.append(bytes.substr(i, n));
    } else {
      ++out.invalid_bytes;
      const auto b = static_cast<unsigned char>(bytes[i]);
      uint32_t mapped = b >= 0xA0 ? b : (b >= 0x80 ? kCp1252[b - 0x80] : b);
      utf8_append(out.text, mapped ? mapped : 0xFFFD);
    }
    i += n;
  }
  out.repaired = true;
  return out;
}

bool is_han(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

bool is_cjk_char(uint32_t cp) {
  return is_han(cp) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F);
}

bool is_unicode_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x205F || cp == 0xFEFF || cp == 0x1680;
}

bool is_unicode_punct(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
           (cp >= 0x7B && cp <= 0x7E);
  }
  return (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xA1 ||
         cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 || cp == 0xBB || cp == 0xBF ||
         cp == 0xFE50 || cp == 0xFE51 || cp == 0xFE52 || cp == 0x060C || cp == 0x061B ||
         cp == 0x061F || cp == 0x06D4;  // Arabic comma, semicolon, question mark, full stop
}

std::string_view trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    uint32_t cp;
    size_t n = utf8_decode(s, b, cp);
    if (!is_unicode_space(cp)) break;
    b += n;
  }
  size_t e = s.size();
  while (e > b) {
    // Step back to the start of the last code point.
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80 && e - k < 4) --k;
    uint32_t cp;
    utf8_decode(s, k, cp);
    if (!is_unicode_space(cp)) break;
    e = k;
  }
  return s.substr(b, e - b);
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp;
    size_t n = utf8_decode(s, i, cp);
    if (is_unicode_space(cp) || cp < 0x20 || cp == 0x7F) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string truncate_text(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  size_t space = s.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  std::string out(trim(s.substr(0, cut)));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + "\xE2\x80\xA6";
}

bool ends_sentence(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  static constexpr std::array<std::string_view, 9> kEnds = {
      ".", "!", "?", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE2\x80\x9D", "\"", ":"};
  for (auto e : kEnds)
    if (s.ends_with(e)) return true;
  return false;
}

}  // namespace readouts
