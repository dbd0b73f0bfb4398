// HTTP handlers: each parses its request, calls the library, renders JSON. Nothing else.
//
// Handlers run on worker threads; everything they share (ServerContext) is thread-safe.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <string>

#include "server/metrics.h"
#include "server/result_cache.h"
#include "server/searcher_pool.h"
#include "shared/search/search_request.h"

namespace readouts {

struct WebAsset {
  std::string content;
  std::string mime;
};

struct ServerContext {
  std::unique_ptr<SearcherPool> searchers;
  Metrics metrics;
  SearchLimits limits;
  std::map<std::string, WebAsset> assets;  // "/app.js" -> content; "/" is index.html
  std::unique_ptr<ResultCache> cache;      // rendered /api/search answers (result_cache.h)
};

void handle_search(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// POST /api/search: the parameters as a JSON object (long queries; docs/api.md).
void handle_search_post(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
void handle_article(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
void handle_similar(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/events: events whose accounts match a search (the /api/search parameters).
void handle_events(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/events/{id}: an event and its accounts (404 JSON for an unknown id).
void handle_event(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /feed: an Atom feed of a search, newest first (handlers_reading.cpp).
void handle_feed(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/export: every result of a search as CSV, JSON Lines, BibTeX, RIS or CSL-JSON,
// streamed; 413 beyond 10,000 (handlers_reading.cpp).
void handle_export(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/trends: matches per month or year of up to 6 searches (handlers_reading.cpp).
void handle_trends(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/kwic: every occurrence of the query's words in the matched passages, with context,
// sorted and paged (handlers_reading.cpp).
void handle_kwic(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
void handle_stats(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
void handle_healthz(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
void handle_metrics(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
void handle_asset(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
void handle_page(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

// Writes {"error": {...}} with the status mapped from the error's code.
void respond_error(httplib::Response& res, const Error& error);

}  // namespace readouts
