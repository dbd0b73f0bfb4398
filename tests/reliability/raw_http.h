// A raw HTTP/1.1 client over a TCP socket for hostile-request tests: sends exactly the bytes given
// (no normalisation, no encoding), reads whatever comes back until the server closes or a
// deadline passes, and parses the first response's status, headers and body.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <string>

namespace readouts::testing {

struct RawResponse {
  bool connected = false;
  bool closed = false;  // the server closed the connection (EOF or reset)
  std::string raw;      // every byte received
  int status = 0;       // first response's status, 0 if none
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;
  double seconds = 0;  // until closed or the deadline

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
  bool has_header(const std::string& lower_name) const { return headers.count(lower_name) > 0; }
};

inline int raw_connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline bool raw_send_all(int fd, const std::string& data) {
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;  // the server may close early on an oversized request: fine
    off += static_cast<size_t>(n);
  }
  return true;
}

// Reads until EOF, or until one full response has arrived and nothing more comes for
// `quiet_ms`, or until `deadline_ms`.
inline void raw_read(int fd, RawResponse& r, int deadline_ms, int quiet_ms = 300) {
  auto start = std::chrono::steady_clock::now();
  char buf[65536];
  while (true) {
    int elapsed = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::steady_clock::now() - start)
                                       .count());
    if (elapsed >= deadline_ms) break;
    bool have_response = r.raw.find("\r\n\r\n") != std::string::npos;
    int wait = std::min(deadline_ms - elapsed, have_response ? quiet_ms : deadline_ms);
    pollfd p{fd, POLLIN, 0};
    int pr = ::poll(&p, 1, wait);
    if (pr == 0) {
      if (have_response) break;
      continue;
    }
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      r.closed = true;
      break;
    }
    r.raw.append(buf, static_cast<size_t>(n));
  }
  r.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline void raw_parse(RawResponse& r) {
  size_t end = r.raw.find("\r\n\r\n");
  if (r.raw.compare(0, 5, "HTTP/") != 0 || end == std::string::npos) return;
  size_t sp = r.raw.find(' ');
  r.status = std::atoi(r.raw.c_str() + sp + 1);
  size_t pos = r.raw.find("\r\n") + 2;
  while (pos < end) {
    size_t eol = r.raw.find("\r\n", pos);
    std::string line = r.raw.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      r.headers.emplace(name, line.substr(v));
    }
    pos = eol + 2;
  }
  std::string rest = r.raw.substr(end + 4);
  auto cl = r.header("content-length");
  r.body = cl.empty()
               ? rest
               : rest.substr(0, std::min(rest.size(), static_cast<size_t>(std::atoll(cl.c_str()))));
}

// Sends `request` (verbatim) and reads the answer.
inline RawResponse raw_exchange(int port, const std::string& request, int deadline_ms = 8000) {
  RawResponse r;
  int fd = raw_connect(port);
  if (fd < 0) return r;
  r.connected = true;
  raw_send_all(fd, request);
  raw_read(fd, r, deadline_ms);
  ::close(fd);
  raw_parse(r);
  return r;
}

// A GET of `target` exactly as written, closing the connection after the response.
inline std::string raw_get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra_headers +
         "\r\n";
}

}  // namespace readouts::testing
