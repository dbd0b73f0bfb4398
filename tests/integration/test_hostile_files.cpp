// Hostile files: a folder of scraped pages mixes good articles with binary files, invalid UTF-8,
// NUL bytes, empty files, a 100 MB file, multi-megabyte lines, deeply nested and truncated JSON,
// broken front matter, symlink loops and unreadable files. `readouts-index add` must report each
// bad file with its path and a reason, exit non-zero (1), never hang or crash, and index every
// good file beside them (counted, and searchable).
//
// Unreadable files: tests run as root, where chmod 000 does not stop reading. As root the test
// uses a symlink to /proc/self/mem instead: it is a regular file that opens but whose first read
// fails with EIO, which is a real read error. As another user it also uses chmod 000.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <random>
#include <set>

#include "tests/integration/test_helpers.h"
#include "tests/reliability/article_gen.h"
#include "tests/reliability/db_checks.h"
#include "tests/reliability/process.h"

using namespace readouts::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct HostileFile {
  std::string name;                       // path relative to the folder
  std::vector<std::string> reason_words;  // the reason must contain one of these (lower case)
};

void write_bytes(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string front(const std::string& id, const std::string& body) {
  return "---\nid: " + id + "\ntitle: Title of " + id + "\ndate: 2024-03-03\nsource: T\n---\n\n" +
         body + "\n";
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct RunResult {
  int status;
  std::string log;
  json summary;
};

RunResult run_add_json(const fs::path& db, const std::vector<std::string>& paths,
                       const fs::path& log) {
  std::vector<std::string> argv = {READOUTS_INDEX_BIN, "add",  "--quiet",
                                   "--json",           "--db", db.string()};
  argv.insert(argv.end(), paths.begin(), paths.end());
  Child c(argv, log.string());
  int rc = c.wait(std::chrono::seconds(120));  // a hang fails the test (rc -2) instead of blocking
  std::ifstream in(log);
  std::string line, all;
  json summary;
  while (std::getline(in, line)) {
    all += line + "\n";
    if (!line.empty() && line[0] == '{') {
      auto j = json::parse(line, nullptr, false);
      if (!j.is_discarded() && j.contains("failures")) summary = j;
    }
  }
  return {rc, all, summary};
}

}  // namespace

TEST_CASE("hostile files are reported with path and reason while good files are indexed") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "scraped";
  const size_t good = 60;
  write_corpus(dir / "good", good, 11, 25);
  std::vector<HostileFile> bad;
  std::mt19937 rng(5);

  // Binary: a PNG header and random bytes.
  {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    for (int i = 0; i < 4096; ++i) png += static_cast<char>(rng() & 0xff);
    write_bytes(dir / "image.md", png);
    bad.push_back({"image.md", {"binary", "not text", "utf-8", "nul"}});
  }
  // Text with NUL bytes in the middle.
  write_bytes(dir / "nul.txt",
              front("nul-bytes", std::string("Talks were held\0\0\0 in Beijing.", 31)));
  bad.push_back({"nul.txt", {"nul", "binary", "not text"}});
  // Empty files (Markdown and JSON Lines).
  write_bytes(dir / "empty.md", "");
  bad.push_back({"empty.md", {"empty"}});
  write_bytes(dir / "empty.jsonl", "");
  bad.push_back({"empty.jsonl", {"empty"}});
  write_bytes(dir / "blank.txt", "   \n\n\t\n");
  bad.push_back({"blank.txt", {"empty", "no text", "blank"}});
  // Invalid UTF-8 that cannot be text (lone continuation bytes, overlongs, surrogates).
  {
    std::string junk;
    for (int i = 0; i < 2000; ++i) junk += "\xc0\xaf\xed\xa0\x80\xff\xfe\x80"[i % 8];
    write_bytes(dir / "badutf8.md", front("bad-utf8", junk));
    bad.push_back({"badutf8.md", {"utf-8", "utf8", "binary", "encoding", "not text"}});
  }
  // A 100 MB file, created sparse: over the default --max-bytes of 32M.
  {
    int fd = ::open((dir / "huge.txt").c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, 100LL << 20) == 0);
    ::close(fd);
    bad.push_back({"huge.txt", {"max-bytes", "limit", "too large"}});
  }
  // Deeply nested JSON: 100k '[' (unbalanced) and 100k balanced brackets.
  write_bytes(dir / "nested.json", std::string(100000, '['));
  bad.push_back({"nested.json", {"json", "nest", "deep", "parse", "syntax"}});
  write_bytes(dir / "nested_balanced.json", std::string(100000, '[') + std::string(100000, ']'));
  bad.push_back(
      {"nested_balanced.json", {"json", "nest", "deep", "parse", "object", "record", "array"}});
  {
    std::string deep_field =
        "{\"id\":\"deep\",\"title\":\"t\",\"text\":" + std::string(50000, '[') + "1" +
        std::string(50000, ']') + "}\n";
    write_bytes(dir / "deep_field.jsonl", deep_field);
    bad.push_back(
        {"deep_field.jsonl", {"json", "nest", "deep", "text", "string", "field", "type"}});
  }
  // Truncated JSON and JSON of the wrong shape.
  write_bytes(dir / "truncated.json", "{\"id\": \"trunc\", \"title\": \"Cut off mid-str");
  bad.push_back({"truncated.json", {"json", "parse", "syntax", "unexpected", "end"}});
  write_bytes(dir / "wrongtypes.json",
              "{\"id\": 5, \"title\": [1,2], \"date\": {\"x\": 1}, \"text\": null}");
  bad.push_back({"wrongtypes.json", {"json", "type", "field", "must", "string", "text", "id"}});
  // Broken front matter: never closed, and with a NUL-free but garbage YAML-ish header.
  write_bytes(dir / "frontmatter.md",
              "---\nid: [unclosed\ntitle: \"never ends\ndate: 2025-99-99\n" +
                  std::string(200, '-') + "\nbody\n");
  bad.push_back(
      {"frontmatter.md", {"front matter", "front-matter", "---", "header", "unclosed", "closed"}});
  // A line of several megabytes (8 MB, one word repeated, no newline) in JSON Lines.
  {
    std::string line = "{\"id\":\"longline\",\"title\":\"Long\",\"text\":\"";
    line.reserve(8u << 20);
    while (line.size() < (8u << 20)) line += "talks ";
    write_bytes(dir / "longline.jsonl", line);  // no closing quote: the line is also truncated
    bad.push_back(
        {"longline.jsonl", {"json", "parse", "line", "unexpected", "end", "syntax", "long"}});
  }
  // Symlink loops: two links pointing at each other, and a folder that contains itself.
  fs::create_symlink("loop_b.md", dir / "loop_a.md");
  fs::create_symlink("loop_a.md", dir / "loop_b.md");
  bad.push_back({"loop_a.md", {"symlink loop", "loop"}});
  bad.push_back({"loop_b.md", {"symlink loop", "loop"}});
  fs::create_directories(dir / "sub");
  fs::create_directory_symlink("..", dir / "sub" / "up");
  bad.push_back({"sub/up", {"symlink loop", "already visited", "loop"}});
  // Unreadable: /proc/self/mem as root (EIO on the first read); chmod 000 otherwise.
  fs::create_symlink("/proc/self/mem", dir / "unreadable.txt");
  bad.push_back({"unreadable.txt", {"read error", "cannot", "input/output", "permission"}});
  const bool root = ::geteuid() == 0;
  if (!root) {
    write_bytes(dir / "noperm.md", front("noperm", "Secret."));
    ::chmod((dir / "noperm.md").c_str(), 0);
    bad.push_back({"noperm.md", {"permission", "cannot open"}});
  }

  const fs::path db = tmp.path() / "db";
  RunResult r = run_add_json(db, {dir.string()}, tmp.path() / "add.log");
  INFO(r.log.substr(0, 6000));
  REQUIRE_MESSAGE(r.status != -2, "readouts-index add hung on hostile files");
  CHECK(r.status == 1);
  REQUIRE(r.summary.is_object());

  // Every hostile file is reported once, by path, with a reason that says what is wrong.
  for (const auto& h : bad) {
    const std::string want_path = (fs::path(dir) / h.name).string();
    bool found = false;
    std::string reason;
    for (const auto& f : r.summary["failures"]) {
      std::string p = f["path"].get<std::string>();
      if (p == want_path || p.starts_with(want_path + "#")) {
        found = true;
        reason = f["reason"].get<std::string>();
      }
    }
    INFO("file ", h.name, " reason: ", reason);
    CHECK_MESSAGE(found, h.name, " was not reported");
    if (!found) continue;
    bool explained = false;
    for (const auto& w : h.reason_words) explained |= lower(reason).find(w) != std::string::npos;
    CHECK_MESSAGE(explained, h.name, ": unclear reason '", reason, "'");
    // The human-readable report names it too.
    CHECK(r.log.find("error: " + want_path) != std::string::npos);
  }

  // Every good article is indexed and searchable.
  CHECK(stats_articles(db) == static_cast<long long>(good));
  auto check = xapian_check(db);
  CHECK(check.status == 0);
  TestServer server(db);
  for (size_t i : {size_t{0}, good / 2, good - 1}) {
    int status = 0;
    json j = get_json(server, "/api/search?facets=0&q=" + marker_word(i), &status);
    CHECK(status == 200);
    CHECK_MESSAGE(j["total"] == 1, marker_word(i));
  }
  std::cout << "hostile files: " << bad.size() << " hostile files reported, " << good
            << " good articles indexed (running as " << (root ? "root" : "user") << ")\n";
}

TEST_CASE("hostile inputs named on the command line: FIFO, device, folder, missing path") {
  TempDir tmp;
  const fs::path good = tmp.path() / "good.md";
  write_bytes(good, front("cmdline-good", "Candid talks on zzcmdline."));
  const fs::path fifo = tmp.path() / "pipe.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  const fs::path db = tmp.path() / "db";
  RunResult r = run_add_json(db,
                             {fifo.string(), "/dev/zero", (tmp.path() / "missing.md").string(),
                              good.string(), "/dev/null"},
                             tmp.path() / "add.log");
  INFO(r.log);
  REQUIRE_MESSAGE(r.status != -2,
                  "readouts-index add hung on a FIFO or a device named on the command line");
  CHECK(r.status == 1);
  REQUIRE(r.summary.is_object());
  std::set<std::string> reported;
  for (const auto& f : r.summary["failures"]) reported.insert(f["path"].get<std::string>());
  CHECK(reported.count(fifo.string()));
  CHECK(reported.count("/dev/zero"));
  CHECK(reported.count((tmp.path() / "missing.md").string()));
  CHECK(stats_articles(db) == 1);
}

TEST_CASE("hostile input on standard input: binary and oversized streams are refused") {
  TempDir tmp;
  const fs::path db = tmp.path() / "db";
  auto r = run_command("head -c 40000000 /dev/zero | " + std::string(READOUTS_INDEX_BIN) +
                       " add --quiet --db " + quote(db.string()) + " -");
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK(r.output.find("max-bytes") != std::string::npos);
  auto small = run_command("printf 'abc\\0\\0\\0def' | " + std::string(READOUTS_INDEX_BIN) +
                           " add --quiet --db " + quote(db.string()) + " -");
  INFO(small.output);
  CHECK(small.status == 1);
  CHECK(small.output.find("error: -") != std::string::npos);
}
