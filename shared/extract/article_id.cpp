// The id rule: explicit id, else hash(url), else hash(id_seed[#N]).
#include "shared/extract/article_id.h"

#include "shared/core/hash.h"
#include "shared/text/utf8.h"

namespace readouts {

std::string derive_article_id(std::string_view explicit_id, std::string_view url,
                              std::string_view id_seed, size_t record_number) {
  std::string_view id = trim(explicit_id);
  if (!id.empty()) return std::string(id);
  std::string_view u = trim(url);
  if (!u.empty()) return stable_hash_hex(u);
  if (record_number == 0) return stable_hash_hex(id_seed);
  return stable_hash_hex(std::string(id_seed) + "#" + std::to_string(record_number));
}

std::string record_origin(std::string_view origin, size_t record_number) {
  if (record_number == 0) return std::string(origin);
  return std::string(origin) + "#" + std::to_string(record_number);
}

std::string content_hash(std::string_view bytes) { return stable_hash_hex(bytes); }

}  // namespace readouts
