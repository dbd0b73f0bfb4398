// Helpers for integration tests: temporary folders, running the binaries, an in-process server.
#pragma once

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "server/app.h"
#include "shared/extract/knowledge.h"
#include "shared/search/searcher.h"

namespace readouts::testing {

// A fresh folder removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "readouts-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// The repository's data/ knowledge, loaded once per test process (for Searchers opened in
// tests).
inline std::shared_ptr<const Knowledge> shared_knowledge() {
  static auto k = [] {
    auto loaded = load_knowledge({std::filesystem::path(READOUTS_TEST_DIR) / ".." / "data"});
    REQUIRE(loaded.ok());
    return std::make_shared<const Knowledge>(std::move(loaded.value()));
  }();
  return k;
}

// Up to 100 results of q with facets (literal: the words as typed); the search must succeed.
inline SearchResponse search_with_facets(Searcher& s, const std::string& q, bool literal = false) {
  SearchRequest req;
  req.q = q;
  req.literal = literal;
  req.per_page = 100;
  req.facets = true;
  auto r = s.search(req, SearchLimits());
  INFO(q << ": " << (r.ok() ? "" : r.error().message));
  REQUIRE(r.ok());
  return r.value();
}

// A TCP port on the loopback interface that was free a moment ago (for a child server).
inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

inline std::string fixtures(const std::string& name) {
  return (std::filesystem::path(READOUTS_TEST_DIR) / "fixtures" / name).string();
}

inline CommandResult index_paths(const std::filesystem::path& db, const std::string& paths) {
  return run_command(std::string(READOUTS_INDEX_BIN) + " add --quiet --db " + quote(db.string()) +
                     " " + paths);
}

// Writes articles (file name, text) into root/articles and indexes them into root/db; returns
// the database's path, or "" when indexing failed (output in *output when given).
inline std::filesystem::path index_articles(
    const std::filesystem::path& root,
    const std::vector<std::pair<std::string, std::string>>& articles,
    std::string* output = nullptr) {
  const std::filesystem::path dir = root / "articles", db = root / "db";
  std::filesystem::create_directories(dir);
  for (const auto& [name, text] : articles) std::ofstream(dir / name) << text;
  const CommandResult r = index_paths(db, quote(dir.string()));
  if (output) *output = r.output;
  return r.status == 0 ? db : std::filesystem::path();
}

// The default corpus (corpus/) indexed once per test process.
inline const std::filesystem::path& corpus_db() {
  static TempDir tmp;
  static const std::filesystem::path db = [] {
    auto path = tmp.path() / "db";
    auto r = index_paths(path, quote(std::string(READOUTS_TEST_DIR) + "/../corpus"));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return path;
  }();
  return db;
}

// A readouts App serving a database on an ephemeral port, in this process.
class TestServer {
 public:
  explicit TestServer(const std::filesystem::path& db) {
    ServerConfig config;
    config.shards = {db};
    config.port = 0;
    config.threads = 4;
    config.log_requests = false;
    auto app = App::create(config);
    if (!app.ok()) throw std::runtime_error("App::create: " + app.error().message);
    app_ = std::move(app.value());
    auto port = app_->bind();
    if (!port.ok()) throw std::runtime_error("bind: " + port.error().message);
    port_ = port.value();
    thread_ = std::thread([this] { app_->run(); });
  }
  ~TestServer() {
    app_->stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<App> app_;
  int port_ = 0;
  std::thread thread_;
};

inline nlohmann::json get_json(const TestServer& server, const std::string& path,
                               int* status = nullptr) {
  auto c = server.client();
  auto res = c.Get(path.c_str());
  if (!res) throw std::runtime_error("no response for " + path);
  if (status) *status = res->status;
  return nlohmann::json::parse(res->body);
}

// GET /api/search?params, checking the status (INFO shows the answer when a check fails).
inline nlohmann::json search_api(const TestServer& server, const std::string& params,
                                 int expect = 200) {
  int status = 0;
  nlohmann::json r = get_json(server, "/api/search?" + params, &status);
  INFO(params << "\n" << r.dump(1).substr(0, 3000));
  CHECK(status == expect);
  return r;
}

// The ids of a search answer's results, in order.
inline std::vector<std::string> result_ids(const nlohmann::json& answer) {
  std::vector<std::string> out;
  for (const auto& hit : answer["results"]) out.push_back(hit["id"].get<std::string>());
  return out;
}

}  // namespace readouts::testing
