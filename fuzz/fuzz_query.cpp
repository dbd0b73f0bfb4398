// libFuzzer target: query interpretation, query building and search. The input is a query string
// (as typed, up to the API's 1000 bytes); the first byte picks flags (literal, sort, facets,
// page). interpret_query() and then Searcher::search() run over a small database built once at
// start-up from generated articles, so wildcards, ranges, phrases and fields all meet real terms.
// A search may fail only with kInvalidArgument (the user's query) — never crash, never kInternal.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz/fuzz_common.h"
#include "server/request_parse.h"
#include "shared/extract/extract.h"
#include "shared/index/index_writer.h"
#include "shared/search/query_interpreter.h"
#include "shared/search/searcher.h"

namespace {

std::unique_ptr<readouts::Searcher> make_searcher() {
  namespace fs = std::filesystem;
  const auto& knowledge = readouts::fuzz::knowledge();
  fs::path dir = fs::temp_directory_path() / ("readouts-fuzz-query-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  readouts::WriterOptions wo;
  wo.no_sync = true;
  auto writer = readouts::IndexWriter::open(dir, wo);
  if (!writer.ok()) std::abort();
  const char* kWords[] = {"talks",    "trade",  "Taiwan", "tariffs", "fentanyl",
                          "climate",  "summit", "chips",  "export",  "controls",
                          "soybeans", "candid", "alpha",  "beta"};
  const char* kSpeakers[] = {"Xi Jinping", "Joe Biden", "Wang Yi", "Antony Blinken",
                             "Donald J. Trump"};
  for (int i = 0; i < 60; ++i) {
    std::string md = "---\nid: fz" + std::to_string(i) + "\ntitle: Readout " + kWords[i % 14] +
                     "\ndate: 20" + std::to_string(15 + i % 11) + "-0" + std::to_string(1 + i % 9) +
                     "-1" + std::to_string(i % 10) + "\nsource: S" + std::to_string(i % 3) +
                     "\n---\n\n";
    for (int p = 0; p < 3; ++p) {
      md += std::string(kSpeakers[(i + p) % 5]) + " said that ";
      for (int w = 0; w < 12; ++w) md += std::string(kWords[(i * 7 + p * 3 + w) % 14]) + " ";
      md += "a" + std::to_string(i * 3 + p) + "x.\n\n";
    }
    md += "中国 美国 台湾问题 会谈。\n";
    readouts::SourceInfo src{"fz" + std::to_string(i) + ".md", "md", "fz" + std::to_string(i)};
    auto out = readouts::extract_articles(md, src, knowledge, {});
    for (const auto& a : out.articles) (void)writer.value()->put(a, src.origin);
  }
  if (!writer.value()->commit().ok()) std::abort();
  writer.value().reset();
  auto shared = std::make_shared<const readouts::Knowledge>(knowledge);
  auto searcher = readouts::Searcher::open({dir}, shared);
  if (!searcher.ok()) std::abort();
  std::atexit([] {
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                    ("readouts-fuzz-query-" + std::to_string(::getpid())),
                                ec);
  });
  return std::move(searcher.value());
}

std::unique_ptr<readouts::Searcher> searcher;

}  // namespace

// The database is built once, before the first input (not counted against -timeout).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)readouts::fuzz::knowledge();
  searcher = make_searcher();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const readouts::Knowledge& knowledge = readouts::fuzz::knowledge();
  if (size == 0 || size > 1001) return 0;
  const uint8_t flags = data[0];
  std::string q(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool literal = flags & 1;
  readouts::Interpretation in = readouts::interpret_query(q, knowledge, literal);
  (void)in;
  readouts::SearchRequest req;
  req.q = q;
  req.literal = literal;
  req.facets = flags & 2;
  req.sort = (flags & 12) == 4   ? readouts::SortOrder::kDateDesc
             : (flags & 12) == 8 ? readouts::SortOrder::kDateAsc
                                 : readouts::SortOrder::kRelevance;
  req.page = 1 + ((flags >> 4) & 3);
  req.per_page = 10;
  readouts::SearchLimits limits;
  auto r = searcher->search(req, limits);
  // The searcher refuses invalid UTF-8 (kInvalidArgument) before Xapian's QueryParser sees it:
  // the parser leaks on some (found here). No other input may give anything but kInvalidArgument.
  if (!r.ok() && r.error().code != readouts::Code::kInvalidArgument) {
    std::fprintf(stderr, "search failed with %d: %s\n", static_cast<int>(r.error().code),
                 r.error().message.c_str());
    __builtin_trap();
  }
  return 0;
}
