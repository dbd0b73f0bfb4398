// Input discovery and reading for the indexer: paths -> files (folders walked recursively,
// symlink loops cut, .readoutsignore honoured) and bounded reads. The only file I/O of indexing.
//
// Not thread-safe (plain functions over the file system). Problems are reported per path as
// values; nothing throws.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "shared/core/status.h"

namespace readouts {

struct InputFile {
  std::string display;  // path as the user will read it in reports ("-" for standard input)
  std::filesystem::path path;
  std::string key;        // identity for change detection: absolute, normalised path; "-" = stdin
  std::string extension;  // lower case, without the dot
};

struct InputProblem {
  std::string path;
  std::string reason;  // what is wrong and what to do
};

struct InputListing {
  std::vector<InputFile> files;        // sorted within each folder, in argument order
  std::vector<InputProblem> problems;  // missing paths, unreadable folders, symlink loops
  size_t skipped = 0;                  // files in folders that are not articles (extension, ignore)
};

// Extensions a folder walk takes; a file named explicitly is read whatever its extension.
bool is_article_extension(std::string_view ext);

// Expands the command line's paths. "-" stands for standard input.
InputListing list_inputs(const std::vector<std::string>& paths);

// Reads a whole file (or stdin when file.key == "-") of at most max_bytes.
// Errors: kIoError (cannot open/read, with the system's reason), kTooLarge (over the limit).
Result<std::string> read_input(const InputFile& file, size_t max_bytes);

}  // namespace readouts
