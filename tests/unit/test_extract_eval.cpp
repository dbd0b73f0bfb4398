// Extraction evaluation: date accuracy, speaker and topic precision/recall/F1 over the hand-written
// set in tests/eval/extraction (and corpus/MANIFEST.tsv when present), with asserted floors.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "shared/extract/extract.h"
#include "shared/extract/knowledge.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using readouts::Article;

const readouts::Knowledge& eval_knowledge() {
  static const readouts::Knowledge k = [] {
    auto loaded = readouts::load_knowledge({readouts::default_data_dir()});
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load data: %s\n", loaded.error().message.c_str());
      return readouts::Knowledge();
    }
    return loaded.value();
  }();
  return k;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  void add(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    std::set<std::string> g(got.begin(), got.end()), w(want.begin(), want.end());
    for (const auto& x : g) (w.count(x) ? tp : fp)++;
    for (const auto& x : w) fn += g.count(x) ? 0 : 1;
  }
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Splits a manifest list cell: "a; b", "a|b", "a, b" or a JSON array.
std::vector<std::string> split_list(const std::string& cell) {
  std::vector<std::string> out;
  if (!cell.empty() && cell[0] == '[') {
    auto j = json::parse(cell, nullptr, false);
    if (j.is_array())
      for (const auto& v : j)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
  }
  char sep = cell.find(';') != std::string::npos   ? ';'
             : cell.find('|') != std::string::npos ? '|'
                                                   : ',';
  size_t pos = 0;
  while (pos <= cell.size()) {
    size_t e = cell.find(sep, pos);
    if (e == std::string::npos) e = cell.size();
    std::string item = cell.substr(pos, e - pos);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty() && item != "-") out.push_back(item);
    pos = e + 1;
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t e = line.find('\t', pos);
    if (e == std::string::npos) e = line.size();
    out.push_back(line.substr(pos, e - pos));
    pos = e + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return "[" + s + "]";
}

}  // namespace

TEST_CASE("extraction evaluation set meets its floors") {
  const fs::path dir = fs::path(READOUTS_TEST_DIR) / "eval" / "extraction";
  std::ifstream in(dir / "expected.jsonl");
  REQUIRE(in.good());
  size_t records = 0, dates_ok = 0;
  Counts speakers, topics;
  std::string line;
  std::string report;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    json want = json::parse(line);
    const std::string file = want["file"];
    const fs::path path = dir / "articles" / file;
    const std::string bytes = read_all(path);
    REQUIRE_MESSAGE(!bytes.empty(), file);
    std::string ext = path.extension().string().substr(1);
    readouts::SourceInfo src{file, ext, file};
    auto out = readouts::extract_articles(bytes, src, eval_knowledge(), {});
    size_t record = want.value("record", 0);
    const Article* a = nullptr;
    for (const auto& art : out.articles) {
      if (record == 0 || art.origin == file + "#" + std::to_string(record)) {
        a = &art;
        break;
      }
    }
    REQUIRE_MESSAGE(a != nullptr, file, " record ", record, " was not extracted");
    ++records;
    std::string want_date = want["date"].is_null() ? "" : want["date"].get<std::string>();
    std::string got_date = a->date.known() ? a->date.iso() : "";
    bool date_ok = want_date == got_date;
    dates_ok += date_ok;
    auto want_speakers = want["speakers"].get<std::vector<std::string>>();
    auto want_topics = want["topics"].get<std::vector<std::string>>();
    speakers.add(a->speakers, want_speakers);
    topics.add(a->topics, want_topics);
    std::set<std::string> gs(a->speakers.begin(), a->speakers.end()),
        ws(want_speakers.begin(), want_speakers.end()), gt(a->topics.begin(), a->topics.end()),
        wt(want_topics.begin(), want_topics.end());
    if (!date_ok || gs != ws || gt != wt) {
      report += file + (record ? "#" + std::to_string(record) : "") + ":";
      if (!date_ok) report += " date " + got_date + " (want " + want_date + ")";
      if (gs != ws)
        report += " speakers " + join(a->speakers) + " (want " + join(want_speakers) + ")";
      if (gt != wt) report += " topics " + join(a->topics) + " (want " + join(want_topics) + ")";
      report += "\n";
    }
  }
  const double date_acc = records ? double(dates_ok) / double(records) : 0;
  char summary[512];
  std::snprintf(summary, sizeof summary,
                "extraction eval: %zu records; date accuracy %.3f; speakers P %.3f R %.3f F1 "
                "%.3f; topics P %.3f R %.3f F1 %.3f",
                records, date_acc, speakers.precision(), speakers.recall(), speakers.f1(),
                topics.precision(), topics.recall(), topics.f1());
  MESSAGE(summary);
  if (!report.empty()) {
    std::string m = "mismatches:\n" + report;
    MESSAGE(m);
  }
  CHECK(records >= 40);
  CHECK(date_acc >= 0.95);
  CHECK(speakers.f1() >= 0.90);
  CHECK(topics.f1() >= 0.85);
}

TEST_CASE("extraction held-out check on corpus manifest reports figures") {
  // corpus/MANIFEST.tsv (written by the corpus owner): a header row naming the columns; we use the
  // file column (file/path/name), speakers and topics. Figures are reported, not asserted: the
  // corpus is a held-out check, never a tuning set.
  const fs::path corpus = fs::path(READOUTS_SOURCE_DIR) / "corpus";
  std::ifstream in(corpus / "MANIFEST.tsv");
  if (!in.good()) {
    MESSAGE("corpus/MANIFEST.tsv not present: held-out check skipped");
    return;
  }
  std::string line;
  REQUIRE(std::getline(in, line));
  auto header = split_tabs(line);
  int file_col = -1, spk_col = -1, top_col = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = header[i];
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (h == "file" || h == "path" || h == "name" || h == "filename") file_col = int(i);
    if (h.find("speaker") != std::string::npos) spk_col = int(i);
    if (h.find("topic") != std::string::npos) top_col = int(i);
  }
  REQUIRE_MESSAGE(file_col >= 0, "MANIFEST.tsv has no file/path column: ", line);
  Counts speakers, topics;
  size_t records = 0, missing = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto cells = split_tabs(line);
    if (int(cells.size()) <= file_col) continue;
    fs::path path = corpus / cells[size_t(file_col)];
    std::string bytes = read_all(path);
    if (bytes.empty()) {
      ++missing;
      continue;
    }
    std::string ext = path.extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    auto out = readouts::extract_articles(bytes, {path.string(), ext, path.string()},
                                          eval_knowledge(), {});
    if (out.articles.empty()) {
      ++missing;
      continue;
    }
    ++records;
    const Article& a = out.articles[0];
    if (spk_col >= 0 && int(cells.size()) > spk_col)
      speakers.add(a.speakers, split_list(cells[size_t(spk_col)]));
    if (top_col >= 0 && int(cells.size()) > top_col)
      topics.add(a.topics, split_list(cells[size_t(top_col)]));
  }
  char summary[512];
  std::snprintf(summary, sizeof summary,
                "corpus manifest: %zu records (%zu unreadable); speakers P %.3f R %.3f F1 %.3f; "
                "topics P %.3f R %.3f F1 %.3f",
                records, missing, speakers.precision(), speakers.recall(), speakers.f1(),
                topics.precision(), topics.recall(), topics.f1());
  MESSAGE(summary);
  CHECK(records + missing > 0);
}
