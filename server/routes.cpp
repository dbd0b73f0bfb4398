// App: the route table, httplib settings (timeouts, limits, headers, error and exception
// handlers), request logging and the server's lifecycle.
#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "server/app.h"
#include "server/handlers.h"
#include "server/http_errors.h"
#include "shared/extract/knowledge.h"
#include "shared/search/render_json.h"

namespace readouts {

namespace fs = std::filesystem;

namespace {

using Handler = void (*)(ServerContext&, const httplib::Request&, httplib::Response&);

struct Route {
  const char* pattern;
  const char* name;  // label in logs and metrics
  Handler handler;
};

// The route table. Article ids are checked again by the handlers.
const Route kRoutes[] = {
    {"/api/search", "search", handle_search},
    {R"(/api/articles/([^/]{1,256})/similar)", "similar", handle_similar},
    {R"(/api/articles/([^/]{1,256}))", "article", handle_article},
    {"/api/events", "events", handle_events},
    {R"(/api/events/([^/]{1,256}))", "event", handle_event},
    {"/api/export", "export", handle_export},
    {"/feed", "feed", handle_feed},
    {"/api/trends", "trends", handle_trends},
    {"/api/kwic", "kwic", handle_kwic},
    {"/api/stats", "stats", handle_stats},
    {"/healthz", "healthz", handle_healthz},
    {"/metrics", "metrics", handle_metrics},
    {"/", "page", handle_page},
    {R"(/article/[^/]{1,256})", "page", handle_page},
    {R"(/event/[^/]{1,256})", "page", handle_page},
    {"/events", "page", handle_page},
    {R"(/[A-Za-z0-9_-]{1,64}\.(js|css|svg|ico|png|webmanifest))", "asset", handle_asset},
};

std::string route_name(const std::string& path) {
  if (path == "/api/search") return "search";
  if (path.starts_with("/api/articles/")) return path.ends_with("/similar") ? "similar" : "article";
  if (path == "/api/events") return "events";
  if (path.starts_with("/api/events/")) return "event";
  if (path == "/api/stats") return "stats";
  if (path == "/api/export") return "export";
  if (path == "/feed") return "feed";
  if (path == "/api/trends") return "trends";
  if (path == "/api/kwic") return "kwic";
  if (path == "/healthz") return "healthz";
  if (path == "/metrics") return "metrics";
  if (path == "/" || path == "/events" || path.starts_with("/article/") ||
      path.starts_with("/event/"))
    return "page";
  return "other";
}

const char* mime_of(const std::string& ext) {
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

// Every regular file directly in `dir` (not its subfolders) as "/name"; index.html also as "/".
std::map<std::string, WebAsset> load_assets(const fs::path& dir) {
  std::map<std::string, WebAsset> assets;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string name = it->path().filename().string();
    WebAsset a{ss.str(), mime_of(it->path().extension().string())};
    if (name == "index.html") assets["/"] = a;
    assets["/" + name] = std::move(a);
  }
  return assets;
}

thread_local std::chrono::steady_clock::time_point t_request_start;

// Pending connections the kernel queues for accept() (see App::bind).
constexpr int kListenBacklog = 1024;

const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace

struct App::Impl {
  ServerConfig config;
  ServerContext ctx;
  httplib::Server server;
  int threads = 0;
  std::atomic<bool> run_called{false};
  // The listening socket, seen by the socket-options hook when bind() creates it.
  socket_t listen_socket = INVALID_SOCKET;

  void configure() {
    const int n = threads;
    server.new_task_queue = [n] { return new httplib::ThreadPool(static_cast<size_t>(n)); };
    server.set_read_timeout(config.read_timeout_s, 0);
    server.set_write_timeout(config.write_timeout_s, 0);
    server.set_keep_alive_timeout(config.keep_alive_s);
    server.set_keep_alive_max_count(100);
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle + delayed ACK add
    // 40 ms to every keep-alive response (measured: p50 44 ms -> ~2 ms under load).
    server.set_tcp_nodelay(true);
    server.set_payload_max_length(config.max_body_bytes);
    server.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listen_socket = sock;
    });
    server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                                {"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Frame-Options", "DENY"},
                                {"Cross-Origin-Resource-Policy", "same-origin"}});

    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      t_request_start = std::chrono::steady_clock::now();
      // POST only for a search too long for a URL, as a JSON body (docs/api.md).
      const bool search_post = req.method == "POST" && req.path == "/api/search";
      if (req.method != "GET" && req.method != "HEAD" && !search_post) {
        res.set_header("Allow", "GET, HEAD");
        respond_error(res, make_error(Code::kInvalidArgument,
                                      "only GET and HEAD are supported (and POST /api/search)"));
        res.status = 405;
        return httplib::Server::HandlerResponse::Handled;
      }
      if (search_post && !req.get_header_value("Content-Type").starts_with("application/json")) {
        respond_error(res, make_error(Code::kInvalidArgument,
                                      "POST /api/search takes a JSON object of search parameters: "
                                      "send Content-Type: application/json"));
        res.status = 415;
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.has_header("Transfer-Encoding")) {
        respond_error(res, make_error(Code::kInvalidArgument, "request bodies are not accepted"));
        res.status = 411;
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.has_header("Range")) {
        // httplib would otherwise cut this error body to the requested ranges (even a 416, as
        // multipart for several ranges). The request object is not const in httplib.
        const_cast<httplib::Request&>(req).ranges.clear();
        respond_error(res, make_error(Code::kInvalidArgument, "Range requests are not supported"));
        res.status = 416;
        return httplib::Server::HandlerResponse::Handled;
      }
      const std::string length = req.get_header_value("Content-Length");
      if (!search_post && (!req.body.empty() || (!length.empty() && length != "0"))) {
        respond_error(res, make_error(Code::kInvalidArgument, "request bodies are not accepted"));
        res.status = 413;
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });

    ServerContext* ctx_ptr = &ctx;
    for (const Route& r : kRoutes) {
      Handler h = r.handler;
      server.Get(r.pattern, [ctx_ptr, h](const httplib::Request& req, httplib::Response& res) {
        h(*ctx_ptr, req, res);
      });
    }
    server.Post("/api/search", [ctx_ptr](const httplib::Request& req, httplib::Response& res) {
      handle_search_post(*ctx_ptr, req, res);
    });

    server.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "unknown exception";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          std::cerr << "readouts-server: internal error on " << req.method << " " << req.path
                    << ": " << what << "\n";
          res.headers.erase("EXCEPTION_WHAT");
          respond_error(res, make_error(Code::kInternal, "internal error; it has been logged"));
        });

    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          std::string message = res.status == 404   ? "no such page or endpoint"
                                : res.status == 413 ? "request too large"
                                : res.status == 414 ? "request URI too long: shorten the query"
                                : res.status == 431 ? "request headers too large"
                                : res.status >= 500 ? "internal error"
                                                    : "bad request";
          Code code = res.status == 404   ? Code::kNotFound
                      : res.status >= 500 ? Code::kInternal
                                          : Code::kInvalidArgument;
          int status = res.status;
          respond_error(res, make_error(code, message));
          res.status = status;
          return httplib::Server::HandlerResponse::Handled;
        }));

    const bool log = config.log_requests;
    Metrics* metrics = &ctx.metrics;
    server.set_logger([log, metrics](const httplib::Request& req, const httplib::Response& res) {
      double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_start).count();
      metrics->record(route_name(req.path), res.status, secs);
      if (!log) return;
      char line[128];
      std::snprintf(line, sizeof line, " %d %.1fms %zuB", res.status, secs * 1000, res.body.size());
      std::string target = req.path.size() > 200 ? req.path.substr(0, 200) + "…" : req.path;
      std::clog << req.remote_addr << " " << req.method << " " << target
                << (req.params.empty() ? "" : "?…") << line << "\n";
    });
  }
};

App::App(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
App::~App() { stop(); }

Result<std::unique_ptr<App>> App::create(const ServerConfig& config) {
  if (config.shards.empty())
    return make_error(Code::kInvalidArgument, "no database given (--db DIR)");
  std::vector<fs::path> dirs{default_data_dir()};
  dirs.insert(dirs.end(), config.data_dirs.begin(), config.data_dirs.end());
  auto knowledge = load_knowledge(dirs);
  if (!knowledge.ok()) return knowledge.error();
  auto shared_knowledge = std::make_shared<const Knowledge>(std::move(knowledge.value()));
  // Open once now, so that a missing or incompatible database is reported at start.
  auto probe = Searcher::open(config.shards, shared_knowledge, config.shard_options);
  if (!probe.ok()) return probe.error();

  auto impl = std::make_unique<Impl>();
  impl->config = config;
  impl->ctx.searchers =
      std::make_unique<SearcherPool>(config.shards, shared_knowledge, config.shard_options);
  impl->ctx.limits = config.limits;
  impl->ctx.cache = std::make_unique<ResultCache>(config.cache_bytes);
  fs::path web = config.web_dir.empty() ? fs::path(READOUTS_SOURCE_DIR) / "web" : config.web_dir;
  impl->ctx.assets = load_assets(web);
  // httplib holds one worker per open connection (keep-alive included), so the default is sized
  // for connections, not cores: 64 keep-alive clients are served without queueing (with 8, a
  // 64-connection wrk run timed requests out in the queue). Idle workers cost a stack; each
  // opens its read-only database on its first request (docs/operations.md, "Measured").
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  impl->threads = config.threads > 0 ? config.threads : static_cast<int>(std::max(64u, 4 * hw));
  impl->configure();
  return std::unique_ptr<App>(new App(std::move(impl)));
}

Result<int> App::bind() {
  int port =
      impl_->config.port == 0
          ? impl_->server.bind_to_any_port(impl_->config.host)
          : (impl_->server.bind_to_port(impl_->config.host, impl_->config.port) ? impl_->config.port
                                                                                : -1);
  if (port < 0)
    return make_error(Code::kUnavailable, "cannot listen on " + impl_->config.host + ":" +
                                              std::to_string(impl_->config.port) +
                                              " (in use? choose another with --port)");
  // Debian's compiled httplib 0.11.4 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG is
  // read when the library is built, not by us). When many keep-alive clients reconnect at once,
  // the accept queue overflows and clients wait 1-3 s for SYN retransmits (measured: 273
  // ListenOverflows in `nstat` and 11 wrk timeouts in 60 s at 64 connections). listen() again on
  // the bound socket raises the backlog (the kernel caps it at net.core.somaxconn).
  if (impl_->listen_socket != INVALID_SOCKET) ::listen(impl_->listen_socket, kListenBacklog);
  return port;
}

bool App::run() {
  impl_->run_called = true;
  return impl_->server.listen_after_bind();
}

void App::stop() {
  // stop() before the server runs is lost in httplib 0.11.4: wait until it runs (or give up if
  // it never bound).
  if (!impl_->run_called) return;
  for (int i = 0; i < 400 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  impl_->server.stop();
}

}  // namespace readouts
