// The readouts HTTP server: configuration, route table, security settings and lifecycle.
//
// An App owns the httplib server, the per-thread searchers, metrics and the web assets (read
// into memory at start: no file system access per request). bind() then run() (blocking) from
// one thread; stop() from any thread (safe before, during or after run()).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "shared/core/status.h"
#include "shared/search/search_request.h"
#include "shared/search/shard_set.h"

namespace readouts {

struct ServerConfig {
  // --db (repeatable: shards searched together): folders, stub files, tcp://HOST:PORT
  std::vector<std::filesystem::path> shards;
  ShardOptions shard_options;  // --shard-timeout-ms, --shard-retry-ms
  std::string host = "127.0.0.1";
  int port = 8080;                               // 0 = any free port
  int threads = 0;                               // 0 = sized to the machine
  std::filesystem::path web_dir;                 // "" = <source>/web
  std::vector<std::filesystem::path> data_dirs;  // extra knowledge folders (--data)
  bool log_requests = true;
  SearchLimits limits;
  size_t max_body_bytes = 64 * 1024;
  size_t cache_bytes = 64 * 1024 * 1024;  // result cache (--cache-mb); 0 = off
  int read_timeout_s = 5;
  int write_timeout_s = 5;
  int keep_alive_s = 2;
};

class App {
 public:
  // Loads knowledge and web assets, opens and checks the database. Errors: kUnavailable,
  // kSchemaMismatch (database), kInvalidArgument (configuration).
  static Result<std::unique_ptr<App>> create(const ServerConfig& config);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Binds the listening socket; returns the port (useful with port 0), or an error.
  Result<int> bind();
  // Serves until stop(). Returns false if listening failed.
  bool run();
  // Stops accepting, lets in-flight requests finish. Safe from any thread, at any time.
  void stop();

 private:
  struct Impl;
  explicit App(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace readouts
