"""What the Python peer scripts share: timing (best of several runs after a warm-up)
and the name of NumPy's BLAS, with threadpoolctl to set its threads when installed."""
import os
import time


def thread_counts():
    """The thread counts to measure, from LINA_BENCH_THREADS ("1", "2" or "1 2"; both when
    unset): bench/compare runs every program once per count, the one-thread run pinned to
    one CPU (NOTE: [One-thread rows on one CPU] in docs/performance.md)."""
    return [int(t) for t in os.environ.get("LINA_BENCH_THREADS", "1 2").split()]


# Once the calls (the warm-up included) have taken this many seconds, best_seconds
# stops after at least one timed call; warm-up calls run for at least WARM_UP_SECONDS.
# Both as bench_timer.hpp's.
TIME_BUDGET_SECONDS = 3.0
WARM_UP_SECONDS = 0.02


def settle_main_thread(seconds=0.3):
    """Keeps the main thread busy first, as every C++ benchmark program does (NOTE:
    [Settled main thread] in bench_timer.hpp): a fresh process's worker threads are
    otherwise queued on the main thread's CPU for their first milliseconds."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


settle_main_thread()


def seconds_of(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def best_seconds(f, reps=7):
    spent, best = seconds_of(f), float("inf")
    while spent < WARM_UP_SECONDS:
        spent += seconds_of(f)
    for r in range(reps):
        if r > 0 and spent >= TIME_BUDGET_SECONDS:
            break
        s = seconds_of(f)
        best, spent = min(best, s), spent + s
    return best


try:
    from threadpoolctl import threadpool_info, threadpool_limits  # noqa: F401 - re-exported
    blas_name = ",".join(sorted({i["internal_api"] for i in threadpool_info() if i["user_api"] == "blas"})) or "blas"
except ImportError:
    threadpool_limits = None
    blas_name = "blas"
