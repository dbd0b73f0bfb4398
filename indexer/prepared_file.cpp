// Reading and extracting one input file of an add (prepared_file.h).
#include "indexer/prepared_file.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "shared/core/hash.h"

namespace readouts {

PreparedFile prepare_file(const InputFile& f, const std::string& stored, const Knowledge& knowledge,
                          const AddSettings& settings, DocumentBuilder* builder, size_t max_built) {
  PreparedFile out;
  auto bytes = read_input(f, settings.extract.max_bytes);
  if (!bytes.ok()) {
    out.read_error = bytes.error().message;
    return out;
  }
  out.fingerprint = stable_hash_hex(bytes.value()) + "." + settings.data_fingerprint;
  if (!settings.force && f.key != "-" && stored.starts_with(out.fingerprint + ":")) {
    out.unchanged = true;
    out.unchanged_count = std::strtoul(stored.c_str() + out.fingerprint.size() + 1, nullptr, 10);
    return out;
  }
  // Articles without an id or URL get ids derived from their file's content, so the same file
  // gets the same ids wherever it is (docs/cli.md, "Article ids").
  SourceInfo source{f.display, f.extension, stable_hash_hex(bytes.value())};
  ExtractOutcome outcome = extract_articles(bytes.value(), source, knowledge, settings.extract);
  out.failures = std::move(outcome.failures);
  out.articles = std::move(outcome.articles);
  if (builder) {
    const size_t n = std::min(out.articles.size(), max_built);
    out.documents.reserve(n);
    for (size_t k = 0; k < n; ++k) out.documents.push_back(builder->build(out.articles[k]));
  }
  return out;
}

size_t keep_last_of_each_id(std::vector<Article>& articles) {
  std::unordered_map<std::string, size_t> last;
  for (size_t k = 0; k < articles.size(); ++k) last[articles[k].id] = k;
  if (last.size() == articles.size()) return 0;
  std::vector<Article> kept;
  kept.reserve(last.size());
  for (size_t k = 0; k < articles.size(); ++k)
    if (last[articles[k].id] == k) kept.push_back(std::move(articles[k]));
  const size_t dropped = articles.size() - kept.size();
  articles = std::move(kept);
  return dropped;
}

Result<std::vector<std::string>> stored_fingerprints(IndexWriter& writer,
                                                     const std::vector<InputFile>& files,
                                                     const AddSettings& settings) {
  std::vector<std::string> stored(files.size());
  if (settings.force) return stored;
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].key == "-") continue;
    auto fp = writer.file_fingerprint(files[i].key);
    if (!fp.ok()) return fp.error();
    stored[i] = std::move(fp.value());
  }
  return stored;
}

}  // namespace readouts
