// Walks the indexer's input paths and reads files with a size limit.
#include "indexer/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fnmatch.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

namespace readouts {

namespace fs = std::filesystem;

namespace {

std::string lower_ext(const fs::path& p) {
  std::string ext = p.extension().string();
  if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string key_of(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal().string();
}

std::vector<std::string> read_ignore_patterns(const fs::path& dir) {
  std::vector<std::string> patterns;
  std::ifstream in(dir / ".readoutsignore");
  std::string line;
  while (in && std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    patterns.push_back(line);
  }
  return patterns;
}

bool ignored(const std::string& name, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns)
    if (fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

struct Walker {
  InputListing& out;
  std::set<std::pair<dev_t, ino_t>> visited;

  void walk(const fs::path& dir, const std::string& display, int depth) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
      out.problems.push_back({display, std::string("cannot open folder: ") + std::strerror(errno)});
      return;
    }
    if (!visited.insert({st.st_dev, st.st_ino}).second) {
      out.problems.push_back({display, "symlink loop: this folder was already visited; skipped"});
      return;
    }
    if (depth > 64) {
      out.problems.push_back({display, "folders nested more than 64 deep; skipped"});
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out.problems.push_back({display, "cannot read folder: " + ec.message()});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    if (ec) out.problems.push_back({display, "error while reading folder: " + ec.message()});
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    const auto patterns = read_ignore_patterns(dir);
    for (const auto& e : entries) {
      const std::string name = e.path().filename().string();
      const std::string child_display = (fs::path(display) / name).string();
      if (name.empty() || name[0] == '.' || ignored(name, patterns)) {
        ++out.skipped;
        continue;
      }
      std::error_code sec;
      if (e.is_directory(sec)) {
        walk(e.path(), child_display, depth + 1);
        continue;
      }
      if (sec && sec.value() == ELOOP) {
        out.problems.push_back(
            {child_display, "symlink loop: cannot resolve this link; fix or remove it"});
        continue;
      }
      if (!e.is_regular_file(sec)) {
        if (e.is_symlink(sec) && !e.exists(sec)) {
          out.problems.push_back({child_display, "broken symlink: its target does not exist"});
        } else {
          ++out.skipped;
        }
        continue;
      }
      const std::string ext = lower_ext(e.path());
      if (!is_article_extension(ext)) {
        ++out.skipped;
        continue;
      }
      out.files.push_back({child_display, e.path(), key_of(e.path()), ext});
    }
  }
};

}  // namespace

bool is_article_extension(std::string_view ext) {
  static const char* kExts[] = {"txt",   "text",   "md",   "markdown", "json",
                                "jsonl", "ndjson", "html", "htm",      "xhtml"};
  for (const char* e : kExts)
    if (ext == e) return true;
  return false;
}

InputListing list_inputs(const std::vector<std::string>& paths) {
  InputListing out;
  Walker walker{out, {}};
  for (const auto& arg : paths) {
    if (arg == "-") {
      out.files.push_back({"-", fs::path(), "-", ""});
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      if (ec.value() == ELOOP)
        out.problems.push_back({arg, "symlink loop: cannot resolve this path"});
      else
        out.problems.push_back({arg, "no such file or folder: check the path"});
      continue;
    }
    if (fs::is_directory(st)) {
      walker.walk(p, arg, 0);
    } else {
      out.files.push_back({arg, p, key_of(p), lower_ext(p)});
    }
  }
  return out;
}

Result<std::string> read_input(const InputFile& file, size_t max_bytes) {
  std::string data;
  char buf[1 << 16];
  if (file.key == "-") {
    std::cin.clear();
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (data.size() > max_bytes)
        return make_error(Code::kTooLarge, "standard input is over the --max-bytes limit of " +
                                               std::to_string(max_bytes) +
                                               " bytes: raise the limit or split the input");
    }
    return data;
  }
  std::error_code ec;
  if (fs::is_directory(file.path, ec)) return make_error(Code::kIoError, "is a folder, not a file");
  // O_NONBLOCK: opening a FIFO named on the command line must not wait for a writer. Only
  // regular files are read (a FIFO, socket or device could block or never end).
  int fd = ::open(file.path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return make_error(Code::kIoError, std::string("cannot open: ") + std::strerror(errno) +
                                          " (check the file's permissions)");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return make_error(Code::kIoError,
                      "not a regular file (a pipe, socket or device): give a file, or - for "
                      "standard input");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  FILE* f = ::fdopen(fd, "rb");
  if (!f) {
    ::close(fd);
    return make_error(Code::kIoError, std::string("cannot open: ") + std::strerror(errno));
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    std::fclose(f);
    return make_error(Code::kTooLarge, "file is " + std::to_string(st.st_size) +
                                           " bytes, over the --max-bytes limit of " +
                                           std::to_string(max_bytes) +
                                           ": raise the limit or split the file");
  }
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes) {
      std::fclose(f);
      return make_error(Code::kTooLarge, "file is over the --max-bytes limit of " +
                                             std::to_string(max_bytes) + " bytes");
    }
  }
  bool failed = std::ferror(f);
  int err = errno;
  std::fclose(f);
  if (failed) return make_error(Code::kIoError, std::string("read error: ") + std::strerror(err));
  return data;
}

}  // namespace readouts
