"""NumPy's side of the GEMM rows that bench/numpy_peer.py does not time: the batch of
1,000 64x64 products and matrix-vector 4096 (float32, float64), on 1 and 2 BLAS threads.
Same shapes and names as bench/gemm_workloads.hpp."""
import json
import os

import numpy as np
from peer_common import best_seconds, blas_name, thread_counts, threadpool_limits

QUICK = os.environ.get("LINA_BENCH_QUICK") == "1"




def record(workload, seconds, flops, threads):
    print(json.dumps({"group": "gemm", "workload": workload, "library": f"numpy {np.__version__} ({blas_name})",
                      "threads": threads, "seconds": seconds, "value": flops / seconds / 1e9, "unit": "GFLOP/s"}))


rng = np.random.default_rng(7)
reps = 5 if QUICK else 15
for threads in thread_counts():
    if threadpool_limits is None and threads == 2:
        break
    if threadpool_limits is not None:
        threadpool_limits(limits=threads)
    a = rng.uniform(-1, 1, (1000, 64, 64)).astype(np.float32)
    b = rng.uniform(-1, 1, (1000, 64, 64)).astype(np.float32)
    c = np.empty_like(a)
    s = best_seconds(lambda: np.matmul(a, b, out=c), reps)
    record("batched 1000 x 64x64 float32", s, 2 * 1000 * 64 ** 3, threads)
    for dt, name in ((np.float32, "float32"), (np.float64, "float64")):
        m = rng.uniform(-1, 1, (4096, 4096)).astype(dt)
        x = rng.uniform(-1, 1, 4096).astype(dt)
        y = np.empty(4096, dt)
        s = best_seconds(lambda: np.matmul(m, x, out=y), reps)
        record(f"matvec 4096 {name}", s, 2 * 4096 ** 2, threads)
