// The API's handlers (one short function per endpoint).
#include "server/handlers.h"

#include <chrono>

#include "shared/search/events.h"

#include <iostream>

#include "server/http_errors.h"
#include "server/request_parse.h"
#include "shared/search/render_json.h"

namespace readouts {

namespace {

constexpr int kSimilarCount = 8;

void respond_json(httplib::Response& res, const nlohmann::json& body, int status = 200) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(dump_json(body), "application/json; charset=utf-8");
}

Result<Searcher*> searcher(ServerContext& ctx) { return ctx.searchers->local(); }

}  // namespace

void respond_error(httplib::Response& res, const Error& error) {
  const int status = http_status(error.code);
  if (status < 500) return respond_json(res, render_error(error), status);
  // A 5xx is never the user's doing: its details (database paths, library messages) go to the
  // log, the client gets a fixed message for the code.
  const char* kInternalText = "internal error; it has been logged";
  const char* text = error.code == Code::kInternal ? kInternalText
                     : error.code == Code::kSchemaMismatch
                         ? "the database was written by another schema version; see the server log"
                         : "the database is not available right now; try again later";
  if (error.message != kInternalText)
    std::cerr << "readouts-server: " << code_name(error.code) << ": " << error.message << "\n";
  respond_json(res, render_error(make_error(error.code, text)), status);
}

void handle_search(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto request = parse_search_params(req.params);
  if (!request.ok()) return respond_error(res, request.error());
  auto s = searcher(ctx);
  if (!s.ok()) return respond_error(res, s.error());
  // The same request on the same revision of the database: the answer given before.
  std::string key;
  if (ctx.cache && ctx.cache->enabled())
    if (auto revision = s.value()->revision(); revision.ok() && !revision.value().empty())
      key = ResultCache::key("search", req.params, revision.value());
  if (!key.empty())
    if (auto cached = ctx.cache->get(key)) {
      res.set_header("X-Cache", "hit");
      res.set_header("Cache-Control", "no-store");
      res.set_content(*cached, "application/json; charset=utf-8");
      return;
    }
  auto result = s.value()->search(request.value(), ctx.limits);
  if (!result.ok()) return respond_error(res, result.error());
  const auto render_start = std::chrono::steady_clock::now();
  std::string body = dump_json(render_search(result.value()));
  ctx.metrics.record_search(
      result.value().costs,
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - render_start)
          .count());
  if (!key.empty()) {
    res.set_header("X-Cache", "miss");
    ctx.cache->put(key, body);
  }
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

void handle_search_post(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto params = params_from_json(req.body);
  if (!params.ok()) return respond_error(res, params.error());
  httplib::Request as_get;
  as_get.params = std::move(params.value());
  handle_search(ctx, as_get, res);
}

void handle_article(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (Status v = validate_article_id(id); !v.ok()) return respond_error(res, v.error());
  auto s = searcher(ctx);
  if (!s.ok()) return respond_error(res, s.error());
  auto article = s.value()->article(id);
  if (!article.ok()) return respond_error(res, article.error());
  respond_json(res, render_article(article.value()));
}

void handle_events(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto request = parse_search_params(req.params);
  if (!request.ok()) return respond_error(res, request.error());
  request.value().one_per_event = true;
  request.value().events_only = true;
  auto s = searcher(ctx);
  if (!s.ok()) return respond_error(res, s.error());
  auto result = s.value()->search(request.value(), ctx.limits);
  if (!result.ok()) return respond_error(res, result.error());
  std::vector<EventDetail> events;
  for (const SearchHit& hit : result.value().results) {
    auto e = s.value()->event(hit.event, /*with_comparison=*/false);
    if (!e.ok()) return respond_error(res, e.error());
    events.push_back(std::move(e.value()));
  }
  respond_json(res, render_events(result.value(), events));
}

void handle_event(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (Status v = validate_article_id(id); !v.ok())
    return respond_error(res, make_error(Code::kInvalidArgument,
                                         "event ids are 1 to 128 characters: letters, digits "
                                         "and . _ : - (see /api/articles/{id} \"event\")"));
  auto s = searcher(ctx);
  if (!s.ok()) return respond_error(res, s.error());
  auto event = s.value()->event(id);
  if (!event.ok()) return respond_error(res, event.error());
  respond_json(res, nlohmann::json(event.value()));
}

void handle_similar(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (Status v = validate_article_id(id); !v.ok()) return respond_error(res, v.error());
  auto s = searcher(ctx);
  if (!s.ok()) return respond_error(res, s.error());
  auto hits = s.value()->similar(id, kSimilarCount);
  if (!hits.ok()) return respond_error(res, hits.error());
  respond_json(res, render_similar(id, hits.value()));
}

void handle_stats(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto s = searcher(ctx);
  if (!s.ok()) return respond_error(res, s.error());
  auto stats = s.value()->stats();
  if (!stats.ok()) return respond_error(res, stats.error());
  respond_json(res, render_stats(stats.value()));
}

void handle_healthz(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto s = searcher(ctx);
  if (!s.ok()) return respond_error(res, s.error());
  auto n = s.value()->article_count();
  if (!n.ok()) return respond_error(res, n.error());
  respond_json(res, {{"status", "ok"}, {"articles", n.value()}});
}

void handle_metrics(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
  int64_t documents = -1;
  if (auto s = searcher(ctx); s.ok()) {
    if (auto n = s.value()->article_count(); n.ok()) documents = static_cast<int64_t>(n.value());
  }
  res.set_header("Cache-Control", "no-store");
  std::string text = ctx.metrics.render(documents);
  if (ctx.cache) {
    const ResultCache::Stats c = ctx.cache->stats();
    text +=
        "# HELP readouts_cache_requests_total /api/search answers from the result cache (hit) "
        "or computed (miss).\n# TYPE readouts_cache_requests_total counter\n";
    text += "readouts_cache_requests_total{result=\"hit\"} " + std::to_string(c.hits) + "\n";
    text += "readouts_cache_requests_total{result=\"miss\"} " + std::to_string(c.misses) + "\n";
    text +=
        "# HELP readouts_cache_entries Answers in the result cache.\n"
        "# TYPE readouts_cache_entries gauge\nreadouts_cache_entries " +
        std::to_string(c.entries) + "\n";
    text +=
        "# HELP readouts_cache_bytes Bytes held by the result cache.\n"
        "# TYPE readouts_cache_bytes gauge\nreadouts_cache_bytes " +
        std::to_string(c.bytes) + "\n";
  }
  res.set_content(text, "text/plain; version=0.0.4; charset=utf-8");
}

void handle_asset(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto it = ctx.assets.find(req.path);
  if (it == ctx.assets.end())
    return respond_error(res, make_error(Code::kNotFound, "no such file"));
  res.set_header("Cache-Control", "no-cache");
  res.set_content(it->second.content, it->second.mime.c_str());
}

void handle_page(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto it = ctx.assets.find("/");
  if (it == ctx.assets.end())
    return respond_error(res, make_error(Code::kNotFound, "the web interface is not installed"));
  res.set_header("Cache-Control", "no-cache");
  res.set_content(it->second.content, it->second.mime.c_str());
}

}  // namespace readouts
