#!/usr/bin/env bash
# Installs the Debian 12 packages (and, for tests, the npm packages) readouts needs; quick when
# everything is already there. Usage: tools/install-deps.sh build|test
set -euo pipefail
profile="${1:-build}"
here="$(cd "$(dirname "$0")/.." && pwd)"

packages=(g++ cmake ninja-build pkg-config make libxapian-dev libcpp-httplib-dev nlohmann-json3-dev
  doctest-dev xapian-tools libicu-dev libcld2-dev libopencc-dev libsimdjson-dev
  libpsl-dev)
if [ "$profile" = test ]; then
  # fonts-wqy-zenhei: a CJK font (16 MB), so that browser-test screenshots show Chinese text.
  # clang-format: the format check (tests/cmake/format.cmake) uses the committed .clang-format.
  # python3-bibtexparser: the export test reads BibTeX with a real parser.
  packages+=(chromium fonts-wqy-zenhei wrk clang libclang-rt-14-dev clang-format sqlite3
    libsqlite3-dev python3-bibtexparser)
  # Node.js may come from elsewhere (nodesource bundles npm); only ask Debian when it is absent.
  command -v node > /dev/null || packages+=(nodejs)
  command -v npm > /dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$profile" = test ] && [ -f "$here/tests/e2e/package.json" ]; then
  if [ ! -d "$here/tests/e2e/node_modules/playwright-core" ]; then
    echo "install-deps: npm ci in tests/e2e"
    (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --silent)
  fi
fi
