"""NumPy's side of bench/compare: the same workloads as lina's *_bench programs."""
import json
import time

import numpy as np


def best_seconds(f, reps=7):
    f()
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best


def record(group, workload, seconds, value, unit, threads=1):
    print(json.dumps({"group": group, "workload": workload, "library": "numpy " + np.__version__,
                      "threads": threads, "seconds": seconds, "value": value, "unit": unit}))


n = 10_000_000
rng = np.random.default_rng(42)
a = rng.random(n, dtype=np.float32)
b = rng.random(n, dtype=np.float32)
out = np.empty_like(a)
s = best_seconds(lambda: a + b)
record("elementwise", "a + b, 10M float32, new array", s, 12 * n / s / 1e9, "GB/s")
s = best_seconds(lambda: np.add(a, b, out=out))
record("elementwise", "a + b, 10M float32, into existing", s, 12 * n / s / 1e9, "GB/s")
s = best_seconds(lambda: a.sum())
record("reduction", "sum, 10M float32", s, 4 * n / s / 1e9, "GB/s")
m = a.reshape(2500, 4000)
s = best_seconds(lambda: m.T.copy())
record("copy", "transpose copy 2500x4000 float32 (10M)", s, 8 * n / s / 1e9, "GB/s")
