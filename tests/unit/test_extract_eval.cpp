// Extraction evaluation: date accuracy, speaker and topic precision/recall/F1 over the hand-written
// set and the held-out set in tests/eval/extraction, and over corpus/MANIFEST.tsv when present,
// each with asserted floors.
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

// One expected record: file (relative to the articles folder), 1-based record number within a
// multi-record file (0: the first/only one), and the judged date (empty: unknown), speakers and
// topics.
struct Expectation {
  std::string file;
  size_t record = 0;
  std::string date;
  bool has_date = true;  // the manifest may leave the date out
  std::vector<std::string> speakers, topics;
};

struct EvalResult {
  size_t records = 0, unreadable = 0, dated = 0, dates_ok = 0;
  Counts speakers, topics;
  Counts topics_all;  // with labels outside the judged set too (equal to topics without a set)
  std::string mismatches;
  double date_accuracy() const { return dated ? double(dates_ok) / double(dated) : 1.0; }
  std::string summary(const std::string& name) const {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "%s: %zu records (%zu unreadable); date accuracy %.3f (%zu/%zu); speakers P %.3f "
                  "R %.3f F1 %.3f; topics P %.3f R %.3f F1 %.3f",
                  name.c_str(), records, unreadable, date_accuracy(), dates_ok, dated,
                  speakers.precision(), speakers.recall(), speakers.f1(), topics.precision(),
                  topics.recall(), topics.f1());
    std::string out = buf;
    if (topics_all.fp != topics.fp) {
      std::snprintf(buf, sizeof buf, " (with unjudged topic ids: P %.3f F1 %.3f)",
                    topics_all.precision(), topics_all.f1());
      out += buf;
    }
    return out;
  }
};

// Extracts every expectation's record from the files under `dir` and compares. When `judged` is
// not empty, only those topic ids were available to the judge: other detected ids are left out of
// `topics` (they are neither right nor wrong) and counted in `topics_all`.
EvalResult evaluate(const fs::path& dir, const std::vector<Expectation>& expected,
                    const std::set<std::string>& judged = {}) {
  EvalResult r;
  for (Expectation want : expected) {
    const fs::path path = dir / want.file;
    const std::string bytes = read_all(path);
    if (bytes.empty()) {
      ++r.unreadable;
      r.mismatches += want.file + ": unreadable\n";
      continue;
    }
    std::string ext = path.extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    readouts::SourceInfo src{want.file, ext, want.file};
    auto out = readouts::extract_articles(bytes, src, eval_knowledge(), {});
    const Article* a = nullptr;
    for (const auto& art : out.articles) {
      if (want.record == 0 || art.origin == want.file + "#" + std::to_string(want.record)) {
        a = &art;
        break;
      }
    }
    const std::string label =
        want.file + (want.record ? "#" + std::to_string(want.record) : std::string());
    if (a == nullptr) {
      ++r.unreadable;
      r.mismatches += label + ": not extracted\n";
      continue;
    }
    ++r.records;
    const std::string got_date = a->date.known() ? a->date.iso() : "";
    const bool date_ok = !want.has_date || want.date == got_date;
    if (want.has_date) {
      ++r.dated;
      r.dates_ok += date_ok;
    }
    std::vector<std::string> got_topics;
    for (const auto& t : a->topics)
      if (judged.empty() || judged.count(t)) got_topics.push_back(t);
    // A judged name written as a known person's alias is that person (people.json grows).
    for (std::string& w : want.speakers)
      if (const readouts::Person* p = eval_knowledge().find_person(w)) w = p->name;
    r.speakers.add(a->speakers, want.speakers);
    r.topics.add(got_topics, want.topics);
    r.topics_all.add(a->topics, want.topics);
    const std::set<std::string> gs(a->speakers.begin(), a->speakers.end()),
        ws(want.speakers.begin(), want.speakers.end()), gt(got_topics.begin(), got_topics.end()),
        wt(want.topics.begin(), want.topics.end());
    if (!date_ok || gs != ws || gt != wt) {
      r.mismatches += label + ":";
      if (!date_ok) r.mismatches += " date " + got_date + " (want " + want.date + ")";
      if (gs != ws)
        r.mismatches += " speakers " + join(a->speakers) + " (want " + join(want.speakers) + ")";
      if (gt != wt)
        r.mismatches += " topics " + join(got_topics) + " (want " + join(want.topics) + ")";
      r.mismatches += "\n";
    }
  }
  return r;
}

// Reads an expectations file in the JSON Lines form of tests/eval/extraction/expected.jsonl.
std::vector<Expectation> read_expected_jsonl(const fs::path& file) {
  std::vector<Expectation> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    json j = json::parse(line);
    Expectation e;
    e.file = j["file"].get<std::string>();
    e.record = j.value("record", size_t{0});
    e.date = j["date"].is_null() ? "" : j["date"].get<std::string>();
    e.speakers = j["speakers"].get<std::vector<std::string>>();
    e.topics = j["topics"].get<std::vector<std::string>>();
    out.push_back(std::move(e));
  }
  return out;
}

// Reads corpus/MANIFEST.tsv: a header row naming the columns (file/path, date, speakers, topics);
// a jsonl row's file is `jsonl/X.jsonl#LINE`, split into the file and its record number.
std::vector<Expectation> read_manifest(const fs::path& file) {
  std::vector<Expectation> out;
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line)) return out;
  auto header = split_tabs(line);
  int file_col = -1, date_col = -1, spk_col = -1, top_col = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = header[i];
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (h == "file" || h == "path" || h == "name" || h == "filename") file_col = int(i);
    if (h == "date") date_col = int(i);
    if (h.find("speaker") != std::string::npos) spk_col = int(i);
    if (h.find("topic") != std::string::npos) top_col = int(i);
  }
  if (file_col < 0) return out;
  auto cell = [](const std::vector<std::string>& cells, int col) {
    return col >= 0 && size_t(col) < cells.size() ? cells[size_t(col)] : std::string();
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto cells = split_tabs(line);
    Expectation e;
    e.file = cell(cells, file_col);
    if (e.file.empty()) continue;
    if (size_t hash = e.file.rfind('#'); hash != std::string::npos) {
      e.record = size_t(std::stoul(e.file.substr(hash + 1)));
      e.file.erase(hash);
    }
    e.has_date = date_col >= 0;
    e.date = cell(cells, date_col);
    if (e.date == "-") e.date.clear();
    e.speakers = split_list(cell(cells, spk_col));
    e.topics = split_list(cell(cells, top_col));
    out.push_back(std::move(e));
  }
  return out;
}

void report(const EvalResult& r, const std::string& name) {
  MESSAGE(r.summary(name));
  if (!r.mismatches.empty()) {
    std::string m = name + " mismatches:\n" + r.mismatches;
    MESSAGE(m);
  }
}

}  // namespace

// Floors: the figures measured when they were last set (docs/extraction.md, "Evaluation"), minus a
// margin of about 0.03 so that a rule change that loses one or two judgments on a set is seen.
TEST_CASE("extraction evaluation set meets its floors") {
  const fs::path dir = fs::path(READOUTS_TEST_DIR) / "eval" / "extraction";
  auto expected = read_expected_jsonl(dir / "expected.jsonl");
  REQUIRE(expected.size() >= 40);
  EvalResult r = evaluate(dir / "articles", expected);
  report(r, "extraction eval");
  CHECK(r.unreadable == 0);
  CHECK(r.date_accuracy() >= 0.97);  // measured 1.000
  CHECK(r.speakers.f1() >= 0.97);    // measured 1.000
  CHECK(r.topics.f1() >= 0.91);      // measured 0.947
}

TEST_CASE("extraction held-out set meets its floors") {
  // tests/eval/extraction/heldout.jsonl: written and measured before the topic rules of
  // 2026-11-29 were changed, then measured again; its mismatches were seen while tuning, so it is
  // held out only for the rules before that (docs/extraction.md).
  const fs::path dir = fs::path(READOUTS_TEST_DIR) / "eval" / "extraction";
  auto expected = read_expected_jsonl(dir / "heldout.jsonl");
  REQUIRE(expected.size() >= 20);
  EvalResult r = evaluate(dir / "heldout", expected);
  report(r, "extraction held-out");
  CHECK(r.unreadable == 0);
  CHECK(r.date_accuracy() >= 0.95);  // measured 1.000 (24 records: one miss is 0.958)
  CHECK(r.speakers.f1() >= 0.93);    // measured 0.956
  CHECK(r.topics.f1() >= 0.86);      // measured 0.889
}

TEST_CASE("extraction on the corpus manifest meets its floors") {
  // corpus/MANIFEST.tsv, judged by the corpus owner (id, file, date, ..., speakers, topics).
  const fs::path corpus = fs::path(READOUTS_SOURCE_DIR) / "corpus";
  if (!fs::exists(corpus / "MANIFEST.tsv")) {
    MESSAGE("corpus/MANIFEST.tsv not present: corpus check skipped");
    return;
  }
  auto expected = read_manifest(corpus / "MANIFEST.tsv");
  REQUIRE_MESSAGE(!expected.empty(), "MANIFEST.tsv has no file/path column or no rows");
  // The manifest was judged with the topic ids issue 3 requires; the taxonomy's other ids
  // (nuclear_arms_control, cyber, finance_currency, global_governance) were not available to the
  // judge, so they are reported apart rather than counted as errors.
  const std::set<std::string> judged = {"taiwan",
                                        "trade_tariffs",
                                        "fentanyl",
                                        "ukraine",
                                        "technology_export_controls",
                                        "north_korea",
                                        "south_china_sea",
                                        "climate",
                                        "human_rights",
                                        "hong_kong",
                                        "xinjiang",
                                        "tibet",
                                        "military_communication",
                                        "covid",
                                        "agriculture",
                                        "people_to_people",
                                        "ww2_history",
                                        "middle_east",
                                        "ai",
                                        "iran",
                                        "japan"};
  EvalResult r = evaluate(corpus, expected, judged);
  report(r, "corpus manifest");
  CHECK(r.unreadable == 0);
  CHECK(r.date_accuracy() >= 0.97);  // measured 1.000
  CHECK(r.speakers.f1() >= 0.95);    // measured 0.982
  CHECK(r.topics.f1() >= 0.90);      // measured 0.938
  CHECK(r.topics_all.f1() >= 0.87);  // measured 0.908
}
