// Maps domain codes to HTTP statuses (a user's mistake is never a 5xx).
#include "server/http_errors.h"

namespace readouts {

int http_status(Code code) {
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kInvalidArgument:
      return 400;
    case Code::kParseError:
      return 400;
    case Code::kNotFound:
      return 404;
    case Code::kTooLarge:
      return 413;
    case Code::kUnavailable:
      return 503;
    case Code::kSchemaMismatch:
      return 503;
    case Code::kIoError:
      return 503;
    case Code::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace readouts
