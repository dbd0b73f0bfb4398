// readouts-index entry point: hands the command line to run_cli (indexer/cli.h).
#include <iostream>
#include <string>
#include <vector>

#include "indexer/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return readouts::run_cli(args, std::cout, std::cerr);
}
