"""NumPy's and PyTorch's side of bench/elementwise_bench.cpp: the same workloads, names
and byte counts, on 1 and 2 threads. NumPy's elementwise loops and reductions are
single-threaded whatever the setting; PyTorch's are threaded (torch.set_num_threads)."""
import json

import numpy as np
from peer_common import best_seconds, thread_counts

try:
    import torch
except ImportError:  # python3-torch is a benchmark-only peer
    torch = None


def per_call_seconds(f, calls=20000, reps=7):
    def batch():
        for _ in range(calls):
            f()
    return best_seconds(batch, reps) / calls


N = 10_000_000
SIDE = 4096
SQ = SIDE * SIDE


def run(lib, xp, threads, emit):
    """xp: a namespace with the operations, over arrays of that library."""
    rng = np.random.default_rng(42)
    arr = xp.asarray
    a, b, c3 = (arr(rng.random(N, dtype=np.float32)) for _ in range(3))
    x = arr(rng.uniform(-5, 5, N).astype(np.float32))
    m = arr(rng.random((SIDE, SIDE), dtype=np.float32))
    row = arr(rng.random(SIDE, dtype=np.float32))
    scale = arr(rng.uniform(1, 2, SIDE).astype(np.float32))
    col = arr(rng.random((SIDE, 1), dtype=np.float32))
    logits = arr(rng.uniform(-10, 10, (4096, 1024)).astype(np.float32))
    a8, b8 = arr(rng.random(8, dtype=np.float32)), arr(rng.random(8, dtype=np.float32))
    out, out_m = xp.empty_like(a), xp.empty_like(m)

    def rec(group, workload, s, value, unit):
        emit(group, workload, lib, threads, s, value, unit)

    s = best_seconds(lambda: a + b)
    rec("elementwise", "a + b, 10M float32, new array", s, 12 * N / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.add(a, b, out=out))
    rec("elementwise", "a + b, 10M float32, into existing", s, 12 * N / s / 1e9, "GB/s")
    for v, w in ((row, "broadcast (4096,4096) + (4096,)"), (col, "broadcast (4096,4096) + (4096,1)")):
        s = best_seconds(lambda: m + v)
        rec("elementwise", w + ", new array", s, 8 * SQ / s / 1e9, "GB/s")
        s = best_seconds(lambda: xp.add(m, v, out=out_m))
        rec("elementwise", w + ", into existing", s, 8 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.fma(a, b, c3))
    rec("elementwise", "a*b + c, 10M float32, new array", s, 16 * N / s / 1e9, "GB/s")
    for name in ("exp", "tanh"):
        fn = getattr(xp, name)
        s = best_seconds(lambda: fn(x))
        rec("elementwise", f"{name}, 10M float32, new array", s, N / s / 1e9, "Gelem/s")
        s = best_seconds(lambda: fn(x, out=out))
        rec("elementwise", f"{name}, 10M float32, into existing", s, N / s / 1e9, "Gelem/s")
    m_step2, out_half = m[:, ::2], xp.empty_like(m[:, ::2])
    for name in ("exp", "tanh"):
        fn = getattr(xp, name)
        s = best_seconds(lambda: fn(m_step2, out=out_half))
        rec("strided", f"{name} of m[:, ::2], 4096x4096 float32, into existing", s, SQ / 2 / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.add(m.T, m, out=out_m))
    rec("strided", "m.T + m, 4096x4096 float32, into existing", s, 12 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.exp(m.T, out=out_m))
    rec("strided", "exp(m.T), 4096x4096 float32, into existing", s, SQ / s / 1e9, "Gelem/s")
    i32a = arr(rng.integers(-1_000_000, 1_000_000, N).astype(np.int32))
    i32b = arr(rng.integers(1, 1000, N).astype(np.int32))
    i32e = arr(rng.integers(0, 10, N).astype(np.int32))
    i64a = arr(rng.integers(-10**12, 10**12, N))
    u8a = arr(rng.integers(0, 256, N).astype(np.uint8))
    i32out, i64out, u8out = xp.empty_like(i32a), xp.empty_like(i64a), xp.empty_like(u8a)
    s = best_seconds(lambda: xp.floor_divide(i32a, i32b, out=i32out))
    rec("integer", "floor_divide a // b, 10M int32, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.floor_divide(i32a, 7, out=i32out))
    rec("integer", "floor_divide a // 7, 10M int32, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.floor_divide(i64a, 7, out=i64out))
    rec("integer", "floor_divide a // 7, 10M int64, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.floor_divide(u8a, 7, out=u8out))
    rec("integer", "floor_divide a // 7, 10M uint8, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.power(i32a, i32e, out=i32out))
    rec("integer", "power a ** b (b in 0..9), 10M int32, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.power(i32a, 3, out=i32out))
    rec("integer", "power a ** 3, 10M int32, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.power(a, 1.5, out=out))
    rec("elementwise", "power a ** 1.5, 10M float32, into existing", s, N / s / 1e9, "Gelem/s")
    a64 = arr(rng.random(N))
    out64 = xp.empty_like(a64)
    s = best_seconds(lambda: xp.power(a64, 1.5, out=out64))
    rec("elementwise", "power a ** 1.5, 10M float64, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.power(a, 2.0, out=out))
    rec("elementwise", "power a ** 2, 10M float32, into existing", s, N / s / 1e9, "Gelem/s")
    with np.errstate(divide="ignore", invalid="ignore"):  # b has a zero or so among 10M
        s = best_seconds(lambda: xp.floor_divide(a, b, out=out))
    rec("elementwise", "floor_divide a // b, 10M float32, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.remainder(a64, 0.7, out=out64))
    rec("elementwise", "remainder a % 0.7, 10M float64, into existing", s, N / s / 1e9, "Gelem/s")
    s = best_seconds(lambda: xp.sum_all(m))
    rec("reduction", "sum all, 4096x4096 float32", s, 4 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: m.sum(0))
    rec("reduction", "sum axis 0, 4096x4096 float32", s, 4 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: m.sum(1))
    rec("reduction", "sum axis 1, 4096x4096 float32", s, 4 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.transpose_copy(m))
    rec("copy", "transpose copy 4096x4096 float32, new array", s, 8 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.copy_into(out_m, m.T))
    rec("copy", "transpose copy 4096x4096 float32, into existing", s, 8 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.to_float64(m.T))
    rec("copy", "astype float32 -> float64 of a transpose 4096x4096, new array", s, 12 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.to_float64(m))
    rec("copy", "astype float32 -> float64 4096x4096 contiguous, new array", s, 12 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.relu(m + row))
    rec("fused", "relu(x + bias), (4096,4096) + (4096,), new array", s, 8 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: (m - row) / scale)
    rec("fused", "(x - mean) / std, (4096,4096) with (4096,) statistics, new array", s, 8 * SQ / s / 1e9, "GB/s")
    s = best_seconds(lambda: xp.softmax(logits))
    rec("fused", "softmax axis -1, 4096x1024 float32", s, 8 * 4096 * 1024 / s / 1e9, "GB/s")
    s = per_call_seconds(lambda: a8 + b8)
    rec("overhead", "a + b, 8 float32 elements, per call", s, s * 1e6, "us/call")


class NumPyOps:
    asarray = staticmethod(np.asarray)
    empty_like = staticmethod(np.empty_like)
    add = staticmethod(np.add)
    floor_divide = staticmethod(np.floor_divide)
    remainder = staticmethod(np.remainder)
    power = staticmethod(np.power)
    exp = staticmethod(np.exp)
    tanh = staticmethod(np.tanh)

    @staticmethod
    def fma(a, b, c):
        return a * b + c

    @staticmethod
    def sum_all(m):
        return m.sum()

    @staticmethod
    def transpose_copy(m):
        return m.T.copy()

    @staticmethod
    def copy_into(dst, src):
        np.copyto(dst, src)

    @staticmethod
    def to_float64(v):
        # C order, as lina's astype gives: NumPy's default order="K" keeps a.T's F order
        # and so does a plain contiguous cast instead of a transposing one.
        return v.astype(np.float64, order="C")

    @staticmethod
    def relu(v):
        return np.maximum(v, 0)

    @staticmethod
    def softmax(v):
        e = np.exp(v - v.max(-1, keepdims=True))
        return e / e.sum(-1, keepdims=True)


class TorchOps:
    @staticmethod
    def asarray(v):
        return torch.from_numpy(np.ascontiguousarray(v))

    empty_like = staticmethod(lambda v: torch.empty_like(v))
    add = staticmethod(lambda a, b, out: torch.add(a, b, out=out))
    floor_divide = staticmethod(lambda a, b, out: torch.div(a, b, rounding_mode="floor", out=out))
    remainder = staticmethod(lambda a, b, out: torch.remainder(a, b, out=out))
    power = staticmethod(lambda a, b, out: torch.pow(a, b, out=out))
    exp = staticmethod(lambda v, out=None: torch.exp(v, out=out) if out is not None else torch.exp(v))
    tanh = staticmethod(lambda v, out=None: torch.tanh(v, out=out) if out is not None else torch.tanh(v))
    fma = staticmethod(lambda a, b, c: torch.addcmul(c, a, b))  # one fused kernel
    sum_all = staticmethod(lambda m: m.sum())
    transpose_copy = staticmethod(lambda m: m.t().contiguous())
    copy_into = staticmethod(lambda dst, src: dst.copy_(src))
    # .to() keeps a transpose's strides (preserve_format): .contiguous() makes it C order.
    to_float64 = staticmethod(lambda v: v.to(torch.float64).contiguous())
    relu = staticmethod(torch.relu if torch else None)
    softmax = staticmethod(lambda v: torch.softmax(v, -1))


def emit(group, workload, lib, threads, s, value, unit):
    print(json.dumps({"group": group, "workload": workload, "library": lib, "threads": threads,
                      "seconds": s, "value": value, "unit": unit}), flush=True)


for threads in thread_counts():
    run("numpy " + np.__version__, NumPyOps, threads, emit)
    if torch is not None:
        torch.set_num_threads(threads)
        with torch.no_grad():
            run("pytorch " + torch.__version__.split("a")[0], TorchOps, threads, emit)
