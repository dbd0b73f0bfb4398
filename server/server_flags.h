// Command-line flags of readouts-server -> ServerConfig. Pure.
#pragma once

#include <string>
#include <vector>

#include "server/app.h"

namespace readouts {

struct ServerFlags {
  ServerConfig config;
  bool help = false;
};

Result<ServerFlags> parse_server_flags(const std::vector<std::string>& args);
std::string server_help();

}  // namespace readouts
