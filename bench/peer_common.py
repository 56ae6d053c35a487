"""What the Python peer scripts share: timing (best of several runs after a warm-up)
and the name of NumPy's BLAS, with threadpoolctl to set its threads when installed."""
import time


def best_seconds(f, reps=7):
    f()
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best


try:
    from threadpoolctl import threadpool_info, threadpool_limits  # noqa: F401 - re-exported
    blas_name = ",".join(sorted({i["internal_api"] for i in threadpool_info() if i["user_api"] == "blas"})) or "blas"
except ImportError:
    threadpool_limits = None
    blas_name = "blas"
