#!/usr/bin/env bash
# The training benchmark (issue: Fashion-MNIST faster than PyTorch): lina's example and
# PyTorch's equivalent (bench/train_peer.py), 1 and 2 threads, the best of EPOCHS epochs
# each. Prints JSON records, one per line, as bench/compare collects them.
#   usage: bench/train_bench.sh TRAIN_FASHION_MNIST_EXE [EPOCHS]
set -euo pipefail
exe=$1
epochs=${2:-2}
dir=$(dirname "$0")
for threads in 1 2; do
  best=$("$exe" --epochs "$epochs" --threads "$threads" | /usr/bin/python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
times = [float(m.group(1)) for l in lines for m in [re.search(r"\| ([0-9.]+) s \(", l)] if m]
print(min(times))')
  printf '{"group": "training", "workload": "fashion-mnist MLP 784-256-128-10, batch 128, Adam: one epoch", "library": "lina", "threads": %s, "seconds": %s, "value": %s, "unit": "images/s"}\n' \
    "$threads" "$best" "$(/usr/bin/python3 -c "print(60000 / $best)")"
  /usr/bin/python3 "$dir/train_peer.py" "$threads" "$epochs"
done
