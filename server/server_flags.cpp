// Parses readouts-server's flags (documented in docs/cli.md).
#include "server/server_flags.h"

#include <algorithm>

namespace readouts {

namespace {

Result<int> int_flag(const std::string& name, const std::string& v, int lo, int hi) {
  if (v.empty() || v.size() > 9)
    return make_error(Code::kInvalidArgument, name + " needs a number");
  int n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return make_error(Code::kInvalidArgument, name + " needs a number");
    n = n * 10 + (c - '0');
  }
  if (n < lo || n > hi)
    return make_error(Code::kInvalidArgument, name + " must be between " + std::to_string(lo) +
                                                  " and " + std::to_string(hi));
  return n;
}

}  // namespace

std::string server_help() {
  return "Usage: readouts-server --db DIR [--db DIR2 ...] [options]\n\n"
         "Serves the readouts JSON API and web interface.\n\n"
         "Options:\n"
         "  --db DIR        database to search (repeat to search several shards together): a\n"
         "                  folder, a Xapian stub file, or tcp://HOST:PORT (xapian-tcpsrv)\n"
         "  --shard-timeout-ms N  a remote shard's answer, else it is left out (default 5000)\n"
         "  --shard-retry-ms N    a missing shard is tried again after this long (default 5000)\n"
         "  --host ADDR     address to bind (default 127.0.0.1)\n"
         "  --port N        port (default 8080; 0 = any free port)\n"
         "  --threads N     worker threads = concurrent connections (default 64, or 4 per core)\n"
         "  --web DIR       web assets folder (default: the repository's web/)\n"
         "  --data DIR      extra people/topics/synonyms folder (repeatable)\n"
         "  --cache-mb N    memory for repeated searches' answers (default 64; 0 = no cache)\n"
         "  --quiet         no request log\n"
         "  --help          this help\n\n"
         "Stops cleanly on SIGTERM or SIGINT. Exit status: 0 stopped, 2 usage, 3 cannot serve.\n";
}

Result<ServerFlags> parse_server_flags(const std::vector<std::string>& args) {
  ServerFlags f;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i], value;
    bool has_value = false;
    if (auto eq = name.find('='); name.starts_with("--") && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    auto need = [&]() -> Result<std::string> {
      if (has_value) return value;
      if (i + 1 >= args.size()) return make_error(Code::kInvalidArgument, name + " needs a value");
      return args[++i];
    };
    if (name == "--help" || name == "-h") {
      f.help = true;
    } else if (name == "--quiet") {
      f.config.log_requests = false;
    } else if (name == "--db" || name == "--host" || name == "--port" || name == "--threads" ||
               name == "--web" || name == "--data" || name == "--cache-mb" ||
               name == "--shard-timeout-ms" || name == "--shard-retry-ms") {
      auto v = need();
      if (!v.ok()) return v.error();
      if (v.value().empty())
        return make_error(Code::kInvalidArgument, name + " needs a non-empty value");
      if (name == "--db") f.config.shards.emplace_back(v.value());
      if (name == "--host") f.config.host = v.value();
      if (name == "--web") f.config.web_dir = v.value();
      if (name == "--data") f.config.data_dirs.emplace_back(v.value());
      if (name == "--port") {
        auto n = int_flag(name, v.value(), 0, 65535);
        if (!n.ok()) return n.error();
        f.config.port = n.value();
      }
      if (name == "--cache-mb") {
        auto n = int_flag(name, v.value(), 0, 16384);
        if (!n.ok()) return n.error();
        f.config.cache_bytes = static_cast<size_t>(n.value()) * 1024 * 1024;
      }
      if (name == "--shard-timeout-ms" || name == "--shard-retry-ms") {
        auto n = int_flag(name, v.value(), 10, 600000);
        if (!n.ok()) return n.error();
        if (name == "--shard-timeout-ms") {
          f.config.shard_options.timeout_ms = static_cast<unsigned>(n.value());
          f.config.shard_options.connect_timeout_ms = std::min(
              f.config.shard_options.connect_timeout_ms, f.config.shard_options.timeout_ms);
        } else {
          f.config.shard_options.retry_after_ms = static_cast<unsigned>(n.value());
        }
      }
      if (name == "--threads") {
        auto n = int_flag(name, v.value(), 1, 256);
        if (!n.ok()) return n.error();
        f.config.threads = n.value();
      }
    } else {
      return make_error(Code::kInvalidArgument, "unknown option " + name);
    }
  }
  if (!f.help && f.config.shards.empty())
    return make_error(Code::kInvalidArgument, "--db DIR is required");
  return f;
}

}  // namespace readouts
