// readouts-server entry point: flags, signals (SIGTERM/SIGINT stop cleanly), run the App.
#include <signal.h>

#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "server/app.h"
#include "server/server_flags.h"

int main(int argc, char** argv) {
  using namespace readouts;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto flags = parse_server_flags(args);
  if (!flags.ok()) {
    std::cerr << "readouts-server: " << flags.error().message
              << "\nRun `readouts-server --help`.\n";
    return 2;
  }
  if (flags.value().help) {
    std::cout << server_help();
    return 0;
  }
  // Block the stop signals before any thread starts; one thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto app = App::create(flags.value().config);
  if (!app.ok()) {
    std::cerr << "readouts-server: " << app.error().message << "\n";
    return 3;
  }
  auto port = app.value()->bind();
  if (!port.ok()) {
    std::cerr << "readouts-server: " << port.error().message << "\n";
    return 3;
  }
  std::cout << "readouts-server: listening on http://" << flags.value().config.host << ":"
            << port.value() << "/" << std::endl;
  App* raw = app.value().get();
  std::thread waiter([raw, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "readouts-server: stopping (signal " << sig << ")\n";
    raw->stop();
  });
  bool ok = raw->run();
  if (waiter.joinable()) {
    // run() returned without a signal (listen failure): wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  return ok ? 0 : 3;
}
