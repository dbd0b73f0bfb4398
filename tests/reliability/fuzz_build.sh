#!/usr/bin/env bash
# Builds the libFuzzer targets in a separate clang build dir (ctest fixture for the fuzz tests).
# Usage: fuzz_build.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1"
build="$2"
cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$cxx" ]; then
  echo "fuzz_build: clang++ not found: apt-get install clang libclang-rt-14-dev (make test does)" >&2
  exit 1
fi
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long){return 0;}' |
    "$cxx" -x c++ -fsanitize=fuzzer,address,undefined - -o /dev/null 2>/dev/null; then
  echo "fuzz_build: $cxx cannot link -fsanitize=fuzzer: apt-get install libclang-rt-14-dev" >&2
  exit 1
fi
gen=()
command -v ninja > /dev/null && gen=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$src" -B "$build" "${gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$cxx" -DREADOUTS_FUZZ=ON > "$build.configure.log" 2>&1 ||
    { cat "$build.configure.log" >&2; exit 1; }
fi
cmake --build "$build" --target fuzz_all -j "$(nproc 2>/dev/null || echo 2)"
