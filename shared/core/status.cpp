// Names of domain error codes, as they appear in API errors and CLI reports.
#include "shared/core/status.h"

namespace readouts {

std::string_view code_name(Code code) {
  switch (code) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidArgument:
      return "invalid_argument";
    case Code::kNotFound:
      return "not_found";
    case Code::kParseError:
      return "parse_error";
    case Code::kTooLarge:
      return "too_large";
    case Code::kIoError:
      return "io_error";
    case Code::kUnavailable:
      return "unavailable";
    case Code::kSchemaMismatch:
      return "schema_mismatch";
    case Code::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace readouts
