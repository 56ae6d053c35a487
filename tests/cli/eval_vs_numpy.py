"""Drives `lina eval` against NumPy on generated expressions.

usage: NPY_PROMOTION_STATE=weak /usr/bin/python3 eval_vs_numpy.py LINA_BINARY WORKDIR [SEED]

Each expression is evaluated by NumPy (`from numpy import *`, `norm` = numpy.linalg.norm,
`astype(a, dt)` = a.astype(dt)) and by `lina eval`, twice: printed (stdout must equal
NumPy's repr, or the value for a 0-d result) and with -o (the .npy must match NumPy's
value, shape and dtype). Where NumPy raises, lina must exit 1 with empty stdout and one
stderr line starting "lina: error: ".
"""
import os
import re
import subprocess
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
# NumPy 1.24 answers `==` of unbroadcastable shapes with a scalar and a warning; NumPy 2
# (lina's rule) raises.
warnings.filterwarnings("error", category=DeprecationWarning)
LINA, WORK = sys.argv[1], sys.argv[2]
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 7
rng = np.random.default_rng(SEED)
os.makedirs(WORK, exist_ok=True)

INPUTS = {
    "x": np.round(rng.normal(0, 3, (2, 3)), 2).astype(np.float32),
    "y": np.round(rng.normal(0, 3, (3,)), 2),
    "z": rng.integers(-5, 6, (2, 3)).astype(np.int32),
    "b": rng.random((2, 3)) < 0.5,
    "m": np.round(rng.normal(0, 2, (3, 3)), 2),
    "u": rng.integers(0, 256, (4,)).astype(np.uint8),
    "v": rng.integers(-4, 5, (3,)),
    "t": np.round(rng.normal(0, 1, (2, 3, 4)), 2),
    "f": np.asfortranarray(np.round(rng.normal(0, 1, (3, 2)), 2)),
}
for name, a in INPUTS.items():
    np.save(os.path.join(WORK, name + ".npy"), a)

NS = {k: getattr(np, k) for k in dir(np) if not k.startswith("_")}


# lina's documented differences (docs/decisions.md), applied to the oracle:
#  - float functions of bool/uint8 compute in float32 (NumPy: float16);
#  - sum/prod of uint8 give int64 (NumPy: uint64);
#  - matrix norms that need an SVD (2, -2, 'nuc') raise.
def float32_for_small(fn):
    def wrapped(x, *args, **kwargs):
        a = np.asarray(x)
        if a.dtype in (np.bool_, np.uint8):
            a = a.astype(np.float32)
        return fn(a, *args, **kwargs)
    return wrapped


def int64_for_uint8(fn):
    def wrapped(*args, **kwargs):
        r = fn(*args, **kwargs)
        return r.astype(np.int64) if np.asarray(r).dtype == np.uint64 else r
    return wrapped


def norm(x, ord=None, axis=None, keepdims=False):
    a = np.asarray(x)
    matrix = (isinstance(axis, tuple) and len(axis) == 2) or (axis is None and a.ndim == 2 and ord is not None)
    if matrix and ord in (2, -2, "nuc"):
        raise ValueError("SVD-based norms are not supported by lina yet")
    return np.linalg.norm(a, ord, axis, keepdims)


NS["norm"] = norm
# NumPy 2 applies NEP 50 to the Python scalars of where and clip; 1.24 makes them
# int64/float64. The expected dtype is the weak-promotion result type.
NS["where"] = lambda c, x, y: np.where(c, x, y).astype(np.result_type(x, y))
NS["clip"] = lambda a, lo, hi: (np.minimum(a, hi) if lo is None else np.maximum(a, lo) if hi is None else np.clip(a, lo, hi).astype(
    np.result_type(np.empty(0, np.result_type(a, lo)), hi)))  # pairwise, as minimum(maximum(a, lo), hi)
for _f in ["exp", "log", "sqrt", "tanh", "sin", "cos"]:
    NS[_f] = float32_for_small(getattr(np, _f))
for _f in ["sum", "prod"]:
    NS[_f] = int64_for_uint8(getattr(np, _f))
NS["astype"] = lambda a, dt: np.asarray(a).astype(dt)
NS.update(INPUTS)

ARR = list(INPUTS)
LIT = ["2", "-1", "0.5", "2.0", "True", "3", "1e-3"]
BIN = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!=", "@"]
UN = ["negative", "abs", "exp", "log", "sqrt", "tanh", "sin", "cos"]
RED = ["sum", "mean", "max", "min", "prod", "std", "var"]


def pick(xs):
    return xs[int(rng.integers(0, len(xs)))]


def operand(depth=0):
    r = rng.random()
    if r < 0.6 or depth > 1:
        return pick(ARR)
    if r < 0.75:
        return pick(LIT)
    return f"({expression(depth + 1)})"


def index_expr(name):
    nd = INPUTS[name].ndim
    parts = []
    for d in range(nd):
        r = rng.random()
        n = INPUTS[name].shape[d]
        if r < 0.3:
            parts.append(str(int(rng.integers(-n, n))))
        elif r < 0.7:
            a = "" if rng.random() < 0.5 else str(int(rng.integers(-n - 1, n + 1)))
            b = "" if rng.random() < 0.5 else str(int(rng.integers(-n - 1, n + 1)))
            c = "" if rng.random() < 0.5 else ":" + str(pick([1, 2, -1, -2]))
            parts.append(f"{a}:{b}{c}")
        elif r < 0.8:
            parts.append("None")
        elif r < 0.9:
            parts.append("...")
            break
    if rng.random() < 0.05:
        parts.append("7")  # out of range / too many
    return f"{name}[{', '.join(parts)}]"


def advanced_index_expr(name):
    """Integer and bool arrays (and lists) among the index components, mixed with
    integers, slices, None and ..., out-of-bounds indices and shapes that do not
    broadcast included."""
    shape = INPUTS[name].shape
    parts = []
    for d in range(len(shape)):
        n = shape[d]
        r = rng.random()
        if r < 0.35:
            k = int(rng.integers(0, 4))
            parts.append(str([int(i) for i in rng.integers(-n, n + (1 if rng.random() < 0.05 else 0), k)]))
        elif r < 0.45:
            parts.append(f"array({[[int(i) for i in rng.integers(-n, n, 2)] for _ in range(2)]})")
        elif r < 0.55:
            parts.append(f"arange({n})[::-1]" if rng.random() < 0.5 else f"{pick(['v', 'z'])} % {n}")
        elif r < 0.65:
            parts.append(str(int(rng.integers(-n, n))))
        elif r < 0.85:
            parts.append(pick([":", "1:", "::-1", ":1"]))
        elif r < 0.89:
            parts.append("None")
        elif r < 0.92:
            parts.append(pick(["True", "False"]))  # a 0-d bool index: a new axis, selected or not
        else:
            parts.append("...")
            break
    if not any(c in p for p in parts for c in "[%a"):
        parts[0] = "[0, -1]" if shape[0] > 0 else "[]"
    if rng.random() < 0.15:
        return pick([f"{name}[{name} > 0]", f"{name}[{name} > 0, ...]" if len(shape) else f"{name}[[0]]",
                     f"{name}[{[bool(c) for c in rng.random(shape[0]) < 0.5]}]",
                     f"{name}[{pick(ARR)} > 0]", f"{name}[[0.5]]", f"{name}[[1, 0], [0, 1, 1]]"])
    return f"{name}[{', '.join(parts)}]"


def expression(depth=0):
    r = rng.random()
    if r < 0.3:
        return f"{operand(depth)} {pick(BIN)} {operand(depth)}"
    if r < 0.42:
        return f"{pick(UN)}({operand(depth)})"
    if r < 0.6:
        a = pick(ARR)
        nd = INPUTS[a].ndim
        args = [a]
        rr = rng.random()
        if rr < 0.4:
            args.append(f"axis={int(rng.integers(-nd, nd))}")
        elif rr < 0.55:
            args.append("axis=(0, 1)" if nd >= 2 else "axis=0")
        if rng.random() < 0.3:
            args.append("keepdims=True")
        f = pick(RED)
        if f in ("std", "var") and rng.random() < 0.3:
            args.append("ddof=1")
        if rng.random() < 0.35 and not (a == "u" and f in ("sum", "prod")):  # the method form, x.sum(axis=0)
            return f"{a}.{f}({', '.join(args[1:])})"
        return f"{f}({', '.join(args)})"
    if r < 0.68:
        return index_expr(pick(ARR))
    if r < 0.72:
        return advanced_index_expr(pick(ARR))
    if r < 0.82:
        a = pick(ARR)
        n = INPUTS[a].size
        return pick([f"reshape({a}, (-1,))", f"reshape({a}, ({n}, 1))", f"{a}.T", f"transpose({a})",
                     f"expand_dims({a}, 0)", f"squeeze(expand_dims({a}, -1))", f"ravel({a})",
                     f"broadcast_to({a}, (2,) + {INPUTS[a].shape!r})", f"concatenate([{a}, {a}])",
                     f"stack([{a}, {a}], axis=-1)", f"swapaxes({a}, 0, -1)", f"astype({a}, {pick(['float32', 'int32', 'bool_', 'uint8', 'int64'])})",
                     f"reshape({a}, (4, -1))",
                     # ndarray's attributes and methods
                     f"{a}.shape", f"{a}.ndim", f"{a}.size", f"{a}.T.shape", f"{a}.reshape(-1)", f"{a}.reshape({n}, 1)",
                     f"{a}.reshape(({n},))", f"{a}.reshape(2, -1).T", f"{a}.transpose()",
                     f"{a}.transpose({', '.join(str(d) for d in range(INPUTS[a].ndim)[::-1])})",
                     f"{a}.flatten()", f"{a}.ravel()[::-1]", f"{a}.squeeze()", f"{a}.swapaxes(0, -1)",
                     f"{a}.astype({pick(['float32', 'int32', 'bool_', 'int64'])}).sum()",
                     f"{a}.argmax()", f"{a}.argmin(axis=0)", f"{a}.trace()", f"{a}.dot({pick(ARR)})",
                     f"{a}.max(axis=0, keepdims=True).shape", f"{a}.nosuch()",
                     f"{pick(['m', 'y', 't'])}.clip(-1, 1)"])
    if r < 0.9:
        a, b = pick(ARR), pick(ARR)
        return pick([f"dot({a}, {b})", f"matmul({a}, {b})", f"inner({a}, {b})", f"outer({a}, {b})",
                     f"vdot({a}, {b})", f"trace({pick(['m', 'x', 't', 'z'])})", f"norm({a})",
                     f"norm({a}, ord={pick(['1', '2', 'inf', '-inf', '0', '3'])}, axis={pick(['0', '-1', 'None'])})",
                     f"norm({pick(['m', 'x', 'z'])}, ord={pick(['1', '-1', 'inf', chr(39) + 'fro' + chr(39)])})"])
    return pick([
        "arange(0, 10, 3)", "arange(5)", "linspace(0, 1, 5)", "zeros((2, 3), dtype=int32)", "ones(3)",
        "full((2, 2), 7)", "eye(3, k=1)", "array([[1, 2], [3, 4]])", "array([1.5, 2, 3], dtype=float32)",
        f"where({pick(['b', 'x > 0', 'z < 0'])}, {pick(ARR)}, {pick(ARR + LIT)})",
        f"clip({pick(ARR)}, -1, 1)", f"clip({pick(ARR)}, None, 1)", f"clip({pick(ARR)}, {pick(ARR)}, None)", f"clip({pick(ARR)}, {pick(ARR)}, 1)", f"maximum({pick(ARR)}, 0)", f"argmax({pick(ARR)})", f"argmin(t, axis=1)",
        "x[b]", "z[z > 0]", "take(t, [0, -1], axis=2)", "take(m, v % 9)", "nonzero(z > 0)", "nonzero(b)",
        "m[arange(3), v % 3]", "t[0, :, [1, 2]]", "t[[0, 1], :, [1, 2]]", "t[:, [0, 2], 1:3]", "t[True, 1]", "t[[0, 1], True, :, [1, 2]]",
        "t[0, :, False]", "t[False, [0, 1]]", "x[b[0]]", "x[:, b[0]]", "(x", "x +", "sum(x, axis=(0, 1)", "undefined_name + 1", "x[1, 2, 3, 4]",
        "1 + 2 * 3", "2 ** 10", "u + 300", "v ** -1", "x @ y",
    ])


class NoInt8(np.ndarray):
    """The inputs as NumPy sees them, except that a ufunc giving int8 (bool // % **
    bool) raises, anywhere in the expression: lina raises TypeError there
    (docs/decisions.md), also when a later operation would turn the int8 into bool."""

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        def plain(a):
            return a.view(np.ndarray) if isinstance(a, NoInt8) else a

        if "out" in kwargs:
            kwargs["out"] = tuple(plain(o) for o in kwargs["out"])
        out = getattr(ufunc, method)(*map(plain, inputs), **kwargs)
        for o in out if isinstance(out, tuple) else (out,):
            if getattr(o, "dtype", None) == np.int8:
                raise TypeError("int8 result: lina has no int8")
        return out.view(NoInt8) if isinstance(out, np.ndarray) else out


def numpy_eval(expr):
    ns = dict(NS)
    for name in INPUTS:
        ns[name] = INPUTS[name].view(NoInt8)
    try:
        r = eval(expr, ns)  # noqa: S307 - the test's own generated expressions
        return True, (r.view(np.ndarray) if isinstance(r, NoInt8) else r)
    except Exception:  # noqa: BLE001
        return False, None


def expected_print(r):
    if isinstance(r, (tuple, list)):
        return repr(r)
    a = np.asarray(r)
    return repr(a) if a.ndim else repr(a[()]) if isinstance(r, np.generic) or isinstance(r, np.ndarray) else repr(r)


def close(got, want, expr):
    if got.shape != want.shape or got.dtype != want.dtype:
        return f"shape/dtype {got.shape} {got.dtype} != numpy {want.shape} {want.dtype}"
    if want.dtype.kind == "f":
        # float32 anywhere in the expression (the input x, a cast, a float function of
        # bool or uint8) carries float32's rounding into a float64 result too.
        f32 = want.dtype == np.float32 or re.search(r"\b(x|u|b|float32)\b", expr)
        tol = 1e-4 if f32 else 1e-9
        if not np.allclose(got, want, rtol=tol, atol=tol, equal_nan=True):
            return f"values differ: {got!r} vs {want!r}"
    elif not np.array_equal(got, want):
        return f"values differ: {got!r} vs {want!r}"
    return ""


binds = [f"{n}={os.path.join(WORK, n + '.npy')}" for n in INPUTS]
cases = []
seen = set()
# LINA_EVAL_CASES lowers the count for slow builds (the sanitizer stage).
while len(cases) < int(os.environ.get("LINA_EVAL_CASES", "1100")):
    e = expression()
    if e not in seen:
        seen.add(e)
        cases.append(e)

# `array ** scalar` through NumPy's fast_scalar_power shortcut (sqrt, square, reciprocal,
# ones_like, positive), whose -0 ** 0.5, -inf ** 0.5 and dtypes differ from power's.
cases += [e for e in ["array([-0.0, -inf, 4.0]) ** 0.5", "array(-0.0) ** array(0.5)", "x ** array(2.0)", "x ** 2",
                      "x ** -1", "x ** 0", "x ** 1", "x ** 0.5", "x ** 3", "b ** 2", "b ** 2.0", "b ** 3", "z ** 2.0",
                      "z ** 2", "u ** 2", "v ** array(2)", "y ** 0.5", "m ** array(0.5)", "[-0.0, 4.0] ** array(0.5)"]
          if e not in seen]
passed = failed = errors = 0
out_path = os.path.join(WORK, "out.npy")
for i, expr in enumerate(cases):
    ok, res = numpy_eval(expr)
    if ok and np.asarray(res).dtype == np.int8:
        ok = False  # bool // % ** bool give int8 in NumPy; lina raises TypeError (docs/decisions.md)
    p = subprocess.run([LINA, "eval", expr] + binds, capture_output=True, text=True)
    problem = ""
    if not ok:
        errors += 1
        err_lines = p.stderr.strip().splitlines()
        if p.returncode != 1 or p.stdout or len(err_lines) != 1 or not err_lines[0].startswith("lina: error: "):
            problem = f"NumPy raised; lina exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}"
    else:
        if p.returncode != 0:
            problem = f"lina failed: {p.stderr.strip()}"
        else:
            want_print = expected_print(res)
            printed = p.stdout.rstrip("\n")
            if os.path.exists(out_path):
                os.remove(out_path)
            q = subprocess.run([LINA, "eval", expr, "-o", out_path] + binds, capture_output=True, text=True)
            if q.returncode != 0 or q.stdout:
                problem = problem or f"-o failed: exit {q.returncode} {q.stderr.strip()}"
            else:
                got = np.load(out_path)
                problem = problem or close(got, np.asarray(res), expr)
                # Printing must be NumPy's exactly: of NumPy's values when lina's are
                # identical, else (a last-ulp difference in sin, say) of lina's own.
                if not problem and printed != want_print and printed != expected_print(got[()] if got.ndim == 0 else got):
                    problem = f"printed {printed!r}, numpy {want_print!r}"
    if problem:
        failed += 1
        if failed <= 40:
            print(f"FAIL [{i}] {expr}\n    {problem}")
    else:
        passed += 1
print(f"eval vs numpy: {len(cases)} expressions ({errors} NumPy errors), {passed} matched")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
