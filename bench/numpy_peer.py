"""NumPy's side of bench/compare: the same workloads as lina's *_bench programs."""
import json

import numpy as np
from peer_common import best_seconds, blas_name, thread_counts, threadpool_limits


def record(group, workload, seconds, value, unit, threads=1):
    print(json.dumps({"group": group, "workload": workload, "library": "numpy " + np.__version__,
                      "threads": threads, "seconds": seconds, "value": value, "unit": unit}))


# The elementwise, reduction and copy rows are in ew_peers.py (NumPy and PyTorch).
rng = np.random.default_rng(42)

# Matrix products (NumPy's matmul calls its BLAS for float32/float64). The BLAS is
# named in the records; threadpoolctl (Debian's python3-threadpoolctl) sets its threads.


def record_blas(workload, seconds, value, threads):
    print(json.dumps({"group": "gemm", "workload": workload, "library": f"numpy {np.__version__} ({blas_name})",
                      "threads": threads, "seconds": seconds, "value": value, "unit": "GFLOP/s"}))


for threads in thread_counts():
    if threadpool_limits is None and threads == 2:
        break
    if threadpool_limits is not None:
        threadpool_limits(limits=threads)
    for dt, name in ((np.float32, "sgemm"), (np.float64, "dgemm")):
        for n in (64, 256, 1024, 2048):
            a = rng.random((n, n)).astype(dt)
            b = rng.random((n, n)).astype(dt)
            c = np.empty((n, n), dt)
            s = best_seconds(lambda: np.matmul(a, b, out=c), 3 if n >= 1024 else 20)
            record_blas(f"{name} {n}", s, 2 * n ** 3 / s / 1e9, threads)
    a = rng.random((10000, 16, 16), dtype=np.float32)
    b = rng.random((10000, 16, 16), dtype=np.float32)
    c = np.empty_like(a)
    s = best_seconds(lambda: np.matmul(a, b, out=c))
    record_blas("batched 10000 x 16x16 float32", s, 2 * 10000 * 16 ** 3 / s / 1e9, threads)
