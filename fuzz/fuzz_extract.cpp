// libFuzzer target: article extraction (every reader: text, Markdown + front matter, JSON, JSON
// Lines, HTML) over arbitrary bytes. The first byte picks the file extension the reader sees, so
// one corpus exercises every format and the content sniffing of unknown extensions.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_common.h"
#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)readouts::fuzz::knowledge();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const readouts::Knowledge& knowledge = readouts::fuzz::knowledge();
  static const char* kExtensions[] = {"md", "json", "jsonl", "html", "txt", "", "ndjson", "xhtml"};
  if (size == 0) return 0;
  readouts::SourceInfo source{"fuzz-input", kExtensions[data[0] % 8], "fuzz-seed"};
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  readouts::ExtractOptions options;
  options.max_bytes = 1 << 20;
  options.require_date = (data[0] & 0x80) != 0;
  readouts::ExtractOutcome out = readouts::extract_articles(bytes, source, knowledge, options);
  // Invariants every reader promises: ids are non-empty, ISO dates are well-formed.
  for (const auto& a : out.articles) {
    if (a.id.empty()) __builtin_trap();
    std::string iso = a.date.iso();
    if (a.date.known() && iso.size() != 4 && iso.size() != 7 && iso.size() != 10) __builtin_trap();
    if (a.date.known() && (a.date.month > 12 || a.date.day > 31)) __builtin_trap();
  }
  return 0;
}
