// libFuzzer target: the API's search parameters. The input is a raw query string; it is split and
// percent-decoded the way the server's HTTP library does (httplib::detail::parse_query_text), then
// parse_search_params() and validate() (and parse_kwic_params()) must either accept it or return
// kInvalidArgument, never crash, and never accept what the documented limits forbid.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "server/request_parse.h"
#include "shared/search/search_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16384) return 0;
  std::string query(reinterpret_cast<const char*>(data), size);
  httplib::Params params;
  httplib::detail::parse_query_text(query, params);
  readouts::Params ours(params.begin(), params.end());
  // GET /api/kwic's parameters: accepted within their documented bounds, or kInvalidArgument.
  auto kwic = readouts::parse_kwic_params(ours);
  if (kwic.ok()) {
    const auto& k = kwic.value();
    if (k.context < 0 || k.context > readouts::kKwicMaxContext || k.page < 1 || k.per_page < 1 ||
        k.per_page > readouts::kKwicMaxPerPage || k.search.q.empty())
      __builtin_trap();
  } else if (kwic.error().code != readouts::Code::kInvalidArgument) {
    __builtin_trap();
  }
  auto request = readouts::parse_search_params(ours);
  if (!request.ok()) {
    if (request.error().code != readouts::Code::kInvalidArgument) __builtin_trap();
    return 0;
  }
  readouts::SearchLimits limits;
  readouts::Status valid = readouts::validate(request.value(), limits);
  if (valid.ok()) {
    const auto& r = request.value();
    if (r.page < 1 || r.per_page < 1 || r.per_page > limits.max_per_page) __builtin_trap();
    if (static_cast<long long>(r.page) * r.per_page > limits.max_result_depth) __builtin_trap();
    if (r.q.size() > limits.max_query_bytes) __builtin_trap();
    if (!readouts::is_valid_utf8(r.q)) __builtin_trap();
  } else if (valid.error().code != readouts::Code::kInvalidArgument) {
    __builtin_trap();
  }
  // Dates given as filters parse or fail cleanly.
  (void)readouts::parse_date_bounds(request.value().from);
  (void)readouts::validate_article_id(query);
  return 0;
}
