// Handlers for reading a search in other ways: GET /feed (Atom), /api/export (files), /api/trends,
// /api/kwic.
#include <ctime>
#include <memory>

#include "server/handlers.h"
#include "server/request_parse.h"
#include "shared/search/kwic_search.h"
#include "shared/search/render_export.h"
#include "shared/search/render_feed.h"
#include "shared/search/render_json.h"
#include "shared/search/trends.h"

namespace readouts {

namespace {

// An export holds at most this many articles (docs/api.md); it is searched this many at a time.
constexpr int kExportMaxRows = 10000;
constexpr int kExportPageSize = 500;

std::string utc_today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
  return day;
}

// The query string of a request target ("?q=a&b=c", or "" when none).
std::string query_of(const std::string& target) {
  const size_t q = target.find('?');
  return q == std::string::npos ? "" : target.substr(q);
}

// An export being streamed: the pages searched so far and what is left to write.
struct ExportStream {
  ServerContext* ctx = nullptr;
  ExportRequest request;
  SearchLimits limits;
  ExportContext context;
  std::vector<SearchHit> pending;  // the first page, searched before the answer began
  uint64_t total = 0;
  uint64_t written = 0;
  int next_page = 2;
  bool began = false;
};

}  // namespace

void handle_trends(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto request = parse_trends_params(req.params);
  if (!request.ok()) return respond_error(res, request.error());
  auto s = ctx.searchers->local();
  if (!s.ok()) return respond_error(res, s.error());
  auto trends = compute_trends(*s.value(), request.value(), ctx.limits);
  if (!trends.ok()) return respond_error(res, trends.error());
  res.set_header("Cache-Control", "no-store");
  res.set_content(dump_json(render_trends(request.value(), trends.value())),
                  "application/json; charset=utf-8");
}

void handle_kwic(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto request = parse_kwic_params(req.params);
  if (!request.ok()) return respond_error(res, request.error());
  auto s = ctx.searchers->local();
  if (!s.ok()) return respond_error(res, s.error());
  auto kwic = compute_kwic(*s.value(), request.value(), ctx.limits);
  if (!kwic.ok()) return respond_error(res, kwic.error());
  res.set_header("Cache-Control", "no-store");
  res.set_content(dump_json(render_kwic(request.value(), kwic.value())),
                  "application/json; charset=utf-8");
}

void handle_feed(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto request = parse_feed_params(req.params);
  if (!request.ok()) return respond_error(res, request.error());
  auto s = ctx.searchers->local();
  if (!s.ok()) return respond_error(res, s.error());
  auto result = s.value()->search(request.value(), ctx.limits);
  if (!result.ok()) return respond_error(res, result.error());
  FeedInfo info;
  info.base_url = base_url_of(req.get_header_value("Host"));
  info.self_path = "/feed" + query_of(req.target);
  info.page_path = "/" + query_of(req.target);
  info.title = request.value().q.empty() ? "readouts: the newest readouts"
                                         : "readouts: " + request.value().q.substr(0, 200);
  res.set_header("Cache-Control", "no-cache");
  res.set_content(render_atom_feed(result.value(), info), "application/atom+xml; charset=utf-8");
}

void handle_export(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto parsed = parse_export_params(req.params);
  if (!parsed.ok()) return respond_error(res, parsed.error());
  auto stream = std::make_shared<ExportStream>();
  stream->ctx = &ctx;
  stream->request = std::move(parsed.value());
  stream->limits = ctx.limits;
  stream->limits.max_per_page = kExportPageSize;
  stream->limits.max_result_depth = kExportMaxRows;
  SearchRequest& search = stream->request.search;
  search.page = 1;
  search.per_page = kExportPageSize;
  search.facets = true;  // counts the total exactly (up to max_facet_docs, above the limit)
  auto s = ctx.searchers->local();
  if (!s.ok()) return respond_error(res, s.error());
  auto first = s.value()->search(search, stream->limits);
  if (!first.ok()) return respond_error(res, first.error());
  search.facets = false;
  stream->total = first.value().total;
  if (stream->total > static_cast<uint64_t>(kExportMaxRows))
    return respond_error(
        res,
        make_error(Code::kTooLarge, std::to_string(stream->total) +
                                        " articles match; an export holds at most " +
                                        std::to_string(kExportMaxRows) +
                                        ": narrow the search (from, to, speaker, source, lang)"));
  stream->pending = std::move(first.value().results);
  stream->context.base_url = base_url_of(req.get_header_value("Host"));
  stream->context.retrieved = utc_today();
  const ExportFormat format = stream->request.format;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Content-Disposition", std::string("attachment; filename=\"readouts-export.") +
                                            export_extension(format) + "\"");
  // One page of records per call; the next page is searched when this one is written.
  res.set_chunked_content_provider(
      export_mime(format), [stream, format](size_t, httplib::DataSink& sink) {
        std::string chunk;
        if (!stream->began) {
          chunk = export_begin(format, stream->request.bom);
          stream->began = true;
        }
        if (stream->pending.empty() && stream->written < stream->total &&
            stream->next_page * kExportPageSize <= kExportMaxRows) {
          auto searcher = stream->ctx->searchers->local();
          if (!searcher.ok()) return false;  // the connection is closed: the file is visibly cut
          stream->request.search.page = stream->next_page++;
          auto page = searcher.value()->search(stream->request.search, stream->limits);
          if (!page.ok()) return false;
          stream->pending = std::move(page.value().results);
        }
        for (const SearchHit& hit : stream->pending) {
          if (stream->written > 0) chunk += export_separator(format);
          chunk += export_record(format, hit, stream->context);
          ++stream->written;
        }
        const bool last = stream->pending.empty();
        stream->pending.clear();
        if (last) chunk += export_end(format);
        if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
        if (last) sink.done();
        return true;
      });
}

}  // namespace readouts
