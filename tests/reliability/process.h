// Child processes for the reliability tests: spawn a binary with arguments (no shell), kill it,
// wait for it with a deadline. Output goes to a log file so that a failure can show it.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace readouts::testing {

class Child {
 public:
  // own_group: the child leads a process group of its own, so that signal_group() reaches the
  // processes it forks (xapian-tcpsrv serves each connection in a child process).
  Child(const std::vector<std::string>& argv, const std::string& log_path, bool own_group = false)
      : log_(log_path), own_group_(own_group) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    if (own_group) {
      posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
      posix_spawnattr_setpgroup(&attr, 0);
    }
    int rc = posix_spawn(&pid_, args[0], &fa, &attr, args.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
      throw std::runtime_error("posix_spawn " + argv[0] + " failed: " + std::to_string(rc));
  }
  ~Child() {
    if (own_group_ && pid_ > 0) ::kill(-pid_, SIGKILL);
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Sends sig to the child's process group (own_group) or to the child.
  void signal_group(int sig) { ::kill(own_group_ ? -pid_ : pid_, sig); }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }

  // Sends SIGKILL (if still running) and reaps. Returns true if the child was still running.
  bool kill_now() {
    int st = 0;
    if (::waitpid(pid_, &st, WNOHANG) == pid_) {
      reaped_ = true;
      status_ = st;
      return false;
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &st, 0);
    reaped_ = true;
    status_ = st;
    return true;
  }

  // Waits up to `timeout`; on timeout kills the child and returns -2. Otherwise the exit status
  // (or -1 when killed by a signal).
  int wait(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    int st = 0;
    while (true) {
      pid_t r = ::waitpid(pid_, &st, WNOHANG);
      if (r == pid_) break;
      if (std::chrono::steady_clock::now() > deadline) {
        kill_now();
        return -2;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    reaped_ = true;
    status_ = st;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }

  std::string log() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    return s.size() > 4000 ? s.substr(0, 2000) + "\n…\n" + s.substr(s.size() - 2000) : s;
  }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  std::string log_;
  bool own_group_ = false;
};

inline size_t env_size(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  return static_cast<size_t>(std::strtoull(v, nullptr, 10));
}

}  // namespace readouts::testing
