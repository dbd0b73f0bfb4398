// Unit tests: indexer flag parsing, sizes, and input discovery (folders, ignore files, loops).
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/cli.h"
#include "indexer/input_files.h"
#include "indexer/options.h"

using namespace readouts;
namespace fs = std::filesystem;

namespace {

struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "readouts-unit-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& content) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << content;
  }
};

const std::vector<FlagSpec> kSpecs = {{"--db", true, false, "DIR", ""},
                                      {"--data", true, true, "DIR", ""},
                                      {"--json", false, false, "", ""}};

}  // namespace

TEST_CASE("flags parse in both forms and reject mistakes") {
  auto ok = parse_args({"--db", "x", "--data=a", "--data", "b", "--json", "p1", "-", "--", "--p2"},
                       kSpecs);
  REQUIRE(ok.ok());
  CHECK(ok.value().value("--db") == "x");
  CHECK(ok.value().values("--data") == std::vector<std::string>{"a", "b"});
  CHECK(ok.value().has("--json"));
  CHECK(ok.value().positional == std::vector<std::string>{"p1", "-", "--p2"});

  CHECK(!parse_args({"--nope"}, kSpecs).ok());
  CHECK(!parse_args({"--db"}, kSpecs).ok());
  CHECK(!parse_args({"--db", "a", "--db", "b"}, kSpecs).ok());
  CHECK(!parse_args({"--json=1"}, kSpecs).ok());
  CHECK(!parse_args({"--db="}, kSpecs).ok());
}

TEST_CASE("sizes take suffixes") {
  CHECK(parse_size("1024").value() == 1024);
  CHECK(parse_size("64K").value() == 64 * 1024);
  CHECK(parse_size("32M").value() == 32u * 1024 * 1024);
  CHECK(parse_size("1G").value() == 1024ull * 1024 * 1024);
  CHECK(!parse_size("").ok());
  CHECK(!parse_size("0").ok());
  CHECK(!parse_size("12X").ok());
  CHECK(!parse_size("-5").ok());
  CHECK(!parse_size("99999999999999999999").ok());
}

TEST_CASE("folder walks take article files in order and honour readoutsignore") {
  ScratchDir d;
  d.write("b.md", "x");
  d.write("a.txt", "x");
  d.write("sub/c.jsonl", "x");
  d.write("sub/picture.jpg", "x");
  d.write(".hidden.md", "x");
  d.write("README.md", "x");
  d.write(".readoutsignore", "README.md\n# comment\n*.tsv\n");
  d.write("MANIFEST.tsv", "x");
  InputListing l = list_inputs({d.path.string()});
  std::vector<std::string> names;
  for (const auto& f : l.files) names.push_back(fs::path(f.display).filename().string());
  CHECK(names == std::vector<std::string>{"a.txt", "b.md", "c.jsonl"});
  CHECK(l.problems.empty());
  CHECK(l.skipped == 5);
  CHECK(l.files[1].extension == "md");
  CHECK(fs::path(l.files[0].key).is_absolute());
}

TEST_CASE("missing paths and symlink loops are reported not fatal") {
  ScratchDir d;
  d.write("ok/a.md", "x");
  fs::create_directory_symlink(d.path / "ok", d.path / "ok" / "loop");
  fs::create_symlink(d.path / "self", d.path / "self");
  InputListing l = list_inputs(
      {(d.path / "ok").string(), (d.path / "missing").string(), (d.path / "self").string()});
  CHECK(l.files.size() == 1);
  REQUIRE(l.problems.size() == 3);
  CHECK(l.problems[0].reason.find("loop") != std::string::npos);
  CHECK(l.problems[1].reason.find("no such") != std::string::npos);
  CHECK(l.problems[2].reason.find("loop") != std::string::npos);
}

TEST_CASE("reads are bounded") {
  ScratchDir d;
  d.write("big.txt", std::string(5000, 'a'));
  InputListing l = list_inputs({(d.path / "big.txt").string()});
  REQUIRE(l.files.size() == 1);
  auto small = read_input(l.files[0], 1000);
  REQUIRE(!small.ok());
  CHECK(small.error().code == Code::kTooLarge);
  CHECK(small.error().message.find("--max-bytes") != std::string::npos);
  auto whole = read_input(l.files[0], 10000);
  REQUIRE(whole.ok());
  CHECK(whole.value().size() == 5000);
}

TEST_CASE("cli usage errors exit 2 with a message") {
  std::ostringstream out, err;
  CHECK(run_cli({}, out, err) == kExitUsage);
  CHECK(run_cli({"frobnicate"}, out, err) == kExitUsage);
  CHECK(err.str().find("unknown command") != std::string::npos);
  std::ostringstream err2;
  CHECK(run_cli({"add", "corpus"}, out, err2) == kExitUsage);
  CHECK(err2.str().find("--db") != std::string::npos);
  std::ostringstream help;
  CHECK(run_cli({"add", "--help"}, help, err) == kExitOk);
  CHECK(help.str().find("--max-bytes") != std::string::npos);
}
