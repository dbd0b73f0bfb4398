// The one table from domain error codes to HTTP statuses, and JSON error responses.
#pragma once

#include "shared/core/status.h"

namespace readouts {

int http_status(Code code);

}  // namespace readouts
