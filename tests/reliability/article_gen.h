// A tiny deterministic generator of readouts articles for the reliability tests (crash trials,
// live reads, load). Same (n, seed) -> same bytes, same ids, on every machine.
//
// write_corpus() spreads n articles over several files so that the indexer's batches and
// commits fall in the middle of files: Markdown files (one article each, front matter) and JSON
// Lines files (many records each). Every article has an explicit unique id ("gen-<seed>-<i>") and
// a unique marker word (marker_word(i)), so a test can count them and search for any one of them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace readouts::testing {

// xorshift64*: tiny, deterministic, good enough for picking words.
struct GenRng {
  uint64_t s;
  explicit GenRng(uint64_t seed) : s(seed * 2654435761u + 0x9E3779B97F4A7C15ull) {}
  uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ull;
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

// "zqa", "zqb", ...: a word no dictionary has, unique per article number (letters only, so the
// stemmer and the query parser keep it as one term).
inline std::string marker_word(size_t i, const std::string& prefix = "zq") {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('a' + i % 26));
    i /= 26;
  } while (i);
  return prefix + s;
}

inline std::string gen_id(uint64_t seed, size_t i) {
  return "gen-" + std::to_string(seed) + "-" + std::to_string(i);
}

inline std::string gen_body(GenRng& rng, size_t i, const std::string& marker) {
  static const char* kWords[] = {"talks",    "trade",    "tariffs",  "Taiwan",       "climate",
                                 "export",   "controls", "fentanyl", "cooperation",  "dialogue",
                                 "summit",   "security", "candid",   "constructive", "military",
                                 "channels", "students", "visas",    "soybeans",     "chips"};
  std::string body = "The two sides held talks on item " + std::to_string(i) + " (" + marker + ").";
  for (int p = 0; p < 3; ++p) {
    body += "\n\n";
    for (int w = 0; w < 25; ++w) {
      if (w) body += ' ';
      body += kWords[rng.below(sizeof kWords / sizeof *kWords)];
    }
    body += '.';
  }
  return body;
}

inline std::string gen_date(size_t i) {
  char d[16];
  std::snprintf(d, sizeof d, "%04zu-%02zu-%02zu", 2015 + i % 11, 1 + i % 12, 1 + i % 28);
  return d;
}

inline std::string json_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\')
      o += '\\', o += c;
    else if (c == '\n')
      o += "\\n";
    else
      o += c;
  }
  return o;
}

// Writes n articles into dir (created): about half as Markdown files, half as JSON Lines files of
// `per_jsonl` records. Returns the number of files written.
inline size_t write_corpus(const std::filesystem::path& dir, size_t n, uint64_t seed = 1,
                           size_t per_jsonl = 97, const std::string& marker_prefix = "zq") {
  std::filesystem::create_directories(dir);
  GenRng rng(seed);
  size_t files = 0;
  size_t i = 0;
  const size_t md_count = n / 2;
  for (; i < md_count; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "a%06zu.md", i);
    std::ofstream out(dir / name, std::ios::binary);
    out << "---\nid: " << gen_id(seed, i) << "\ntitle: Generated readout " << i
        << "\ndate: " << gen_date(i) << "\nsource: Generator\nlanguage: en\n---\n\n"
        << gen_body(rng, i, marker_word(i, marker_prefix)) << "\n";
    ++files;
  }
  while (i < n) {
    char name[64];
    std::snprintf(name, sizeof name, "b%06zu.jsonl", i);
    std::ofstream out(dir / name, std::ios::binary);
    for (size_t k = 0; k < per_jsonl && i < n; ++k, ++i) {
      out << "{\"id\":\"" << gen_id(seed, i) << "\",\"title\":\"Generated readout " << i
          << "\",\"date\":\"" << gen_date(i) << "\",\"source\":\"Generator\",\"language\":\"en\","
          << "\"text\":\"" << json_escape(gen_body(rng, i, marker_word(i, marker_prefix)))
          << "\"}\n";
    }
    ++files;
  }
  return files;
}

}  // namespace readouts::testing
