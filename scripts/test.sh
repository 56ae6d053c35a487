#!/usr/bin/env bash
# The README's second command (and what CI runs): install what is needed, build, run
# the whole test suite:
#   1. Release build with g++ (-Werror), every test through CTest;
#   2. clang build with AddressSanitizer + UBSan (-Werror), the unit tests (I/O,
#      indexing, broadcasting, everything) under the sanitizers;
#   3. install lina and build tests/consumer against the installed package, and
#      tests/consumer_subdir with lina's source tree added by add_subdirectory;
#   4. the libFuzzer targets (.npy reader, expression language) for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/setup.sh
jobs=${LINA_JOBS:-2}

echo "== 1/4 release build (g++) and full test suite"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DLINA_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== 2/4 sanitizer build (clang, ASan + UBSan)"
CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINA_SANITIZE=ON \
  -DLINA_WERROR=ON -DLINA_BUILD_EXAMPLES=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -L sanitize

echo "== 3/4 consumer projects: against the installed package, and with add_subdirectory"
rm -rf build/install build/consumer
cmake --install build --prefix build/install >/dev/null
cmake -S tests/consumer -B build/consumer -G Ninja -DCMAKE_PREFIX_PATH="$root/build/install" >/dev/null
cmake --build build/consumer -j"$jobs"
./build/consumer/consumer
rm -rf build/consumer_subdir
cmake -S tests/consumer_subdir -B build/consumer_subdir -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/consumer_subdir -j"$jobs"
./build/consumer_subdir/consumer_subdir

echo "== 4/4 fuzzing (libFuzzer, ASan + UBSan), ${LINA_FUZZ_SECONDS:-60}s per target"
LINA_FUZZ_SECONDS=${LINA_FUZZ_SECONDS:-60} bash scripts/fuzz.sh
echo "test.sh: all stages passed"
