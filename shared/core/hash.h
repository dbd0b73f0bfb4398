// Stable, portable 64-bit hashing (FNV-1a) for ids, content hashes and origin keys.
//
// Not cryptographic: used to tell files and records apart, never for security. Values are stored
// in databases, so the function must never change (it would change every derived id).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace readouts {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;

inline uint64_t fnv1a64(std::string_view data, uint64_t h = kFnvOffset) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// 16 lower-case hex digits.
inline std::string hex64(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = digits[v & 0xf];
    v >>= 4;
  }
  return out;
}

inline std::string stable_hash_hex(std::string_view data) { return hex64(fnv1a64(data)); }

}  // namespace readouts
