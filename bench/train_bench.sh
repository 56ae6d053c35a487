#!/usr/bin/env bash
# The training benchmark (issue: Fashion-MNIST faster than PyTorch): lina's example and
# PyTorch's equivalent (bench/train_peer.py), 1 and 2 threads, the best of EPOCHS epochs
# each. Prints JSON records, one per line, as bench/compare collects them. The one-thread
# runs are pinned to CPU $LINA_BENCH_CPU (default 0), as in bench/compare.
#   usage: bench/train_bench.sh TRAIN_FASHION_MNIST_EXE [EPOCHS]
set -euo pipefail
exe=$1
epochs=${2:-2}
dir=$(dirname "$0")
for threads in 1 2; do
  pin=()
  if [ "$threads" = 1 ]; then pin=(taskset -c "${LINA_BENCH_CPU:-0}"); fi
  best=$("${pin[@]}" "$exe" --epochs "$epochs" --threads "$threads" | /usr/bin/python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
times = [float(m.group(1)) for l in lines for m in [re.search(r"\| ([0-9.]+) s \(", l)] if m]
print(min(times))')
  printf '{"group": "training", "workload": "fashion-mnist MLP 784-256-128-10, batch 128, Adam: one epoch", "library": "lina", "threads": %s, "seconds": %s, "value": %s, "unit": "images/s"}\n' \
    "$threads" "$best" "$(/usr/bin/python3 -c "print(60000 / $best)")"
  "${pin[@]}" /usr/bin/python3 "$dir/train_peer.py" "$threads" "$epochs"
done
