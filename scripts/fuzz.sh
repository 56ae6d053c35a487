#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded
# time (LINA_FUZZ_SECONDS, default 30) from its checked-in seed corpus. Any crash, leak
# or sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${LINA_FUZZ_SECONDS:-30}
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINA_FUZZ=ON -DLINA_SANITIZE=ON \
  -DLINA_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build-fuzz -j"${LINA_JOBS:-2}" --target npy_fuzzer npz_fuzzer eval_fuzzer idx_fuzzer
for target in npy npz eval idx; do
  work=$(mktemp -d)
  cp tests/fuzz/corpus/"$target"/* "$work"/
  echo "fuzz: $target for ${seconds}s"
  rc=0
  ASAN_OPTIONS=detect_leaks=1 build-fuzz/tests/fuzz/${target}_fuzzer -max_total_time="$seconds" -rss_limit_mb=4096 \
    -max_len=4096 -print_final_stats=1 "$work" > "$work.log" 2>&1 || rc=$?
  grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|Done' "$work.log" || true
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $target failed (exit $rc); the log ends:"
    tail -40 "$work.log"
    exit 1
  fi
  rm -rf "$work" "$work.log"
done
