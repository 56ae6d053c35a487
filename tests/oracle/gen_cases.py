"""Generates the NumPy-oracle cases: random inputs and NumPy's results as .npy files,
and a manifest the C++ runner (oracle_test.cpp) replays through lina.

Run with NPY_PROMOTION_STATE=weak /usr/bin/python3 so that NumPy 1.24 promotes as
NumPy 2 (NEP 50) does. Usage: gen_cases.py OUTDIR [SEED]

Manifest: one case per line, tab-separated: id, family, op, arguments..., expected.
Arguments:
  A:FILE|VIEW   an array loaded from FILE, then VIEW applied (';'-separated steps:
                T = transpose, p:1,0,2 = permutation, s:IDX = basic index)
  i:3 f:1.5 b:1 a weak Python scalar (int, float, bool)
  ax:none | ax:0,-1 | ax:  (axis=None, a tuple, the empty tuple); kd:0|1; dd:N (ddof)
  sh:2,-1 (a shape); dt:float32; n:5 (an int parameter); idx:IDX; ix:xy|ij
Expected: E:FILE[,FILE...] (NumPy's result arrays) or X:ExceptionName.
IDX is comma-separated: 3, -1, 1:4:2, ::-1, None, ... .
"""
import os
import sys

import warnings

import numpy as np

warnings.simplefilter("ignore")

OUT = sys.argv[1]
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
rng = np.random.default_rng(SEED)
os.makedirs(OUT, exist_ok=True)

DTYPES = ["bool", "uint8", "int32", "int64", "float32", "float64"]
lines = []
counter = [0]


def fname(tag):
    counter[0] += 1
    return f"{tag}{counter[0]}.npy"


def save(arr, tag="a"):
    f = fname(tag)
    np.save(os.path.join(OUT, f), np.asarray(arr).copy(order="C"))  # ascontiguousarray would make 0-d 1-d
    return f


def values(shape, dtype, special=True):
    n = int(np.prod(shape)) if len(shape) else 1
    if dtype == "bool":
        v = rng.random(n) < 0.5
    elif dtype == "uint8":
        v = rng.integers(0, 256, n)
    elif dtype in ("int32", "int64"):
        v = rng.integers(-60, 60, n)
        if n and rng.random() < 0.1:
            info = np.iinfo(dtype)
            v[rng.integers(0, n)] = info.max if rng.random() < 0.5 else info.min
    else:
        v = np.round(rng.normal(0, 8, n), 3)
        if special and n and rng.random() < 0.15:
            v[rng.integers(0, n)] = rng.choice([np.nan, np.inf, -np.inf, -0.0])
    return np.asarray(v).astype(dtype).reshape(shape)


def idx_str(idx):
    parts = []
    for x in idx:
        if x is None:
            parts.append("None")
        elif x is Ellipsis:
            parts.append("...")
        elif isinstance(x, slice):
            s = lambda v: "" if v is None else str(v)
            parts.append(f"{s(x.start)}:{s(x.stop)}" + ("" if x.step is None else f":{x.step}"))
        else:
            parts.append(str(x))
    return ",".join(parts)


def random_view(shape):
    """A base array and view spec whose view has `shape`, mostly non-contiguous."""
    r = rng.random()
    if r < 0.35 or len(shape) == 0:
        return shape, ""
    if r < 0.55 and len(shape) >= 2:
        return tuple(reversed(shape)), "T"
    if r < 0.8:  # stepped slice on one axis
        ax = int(rng.integers(0, len(shape)))
        base = list(shape)
        base[ax] = shape[ax] * 2
        idx = [slice(None)] * len(shape)
        idx[ax] = slice(None, None, 2)
        return tuple(base), "s:" + idx_str(idx)
    ax = int(rng.integers(0, len(shape)))  # negative step
    idx = [slice(None)] * len(shape)
    idx[ax] = slice(None, None, -1)
    return shape, "s:" + idx_str(idx)


def apply_view(base, view):
    a = base
    for step in filter(None, view.split(";")):
        if step == "T":
            a = a.T
        elif step.startswith("p:"):
            a = a.transpose([int(x) for x in step[2:].split(",")])
        elif step.startswith("s:"):
            a = a[parse_idx(step[2:])]
    return a


def parse_idx(s):
    out = []
    for p in s.split(","):
        if p == "None":
            out.append(None)
        elif p == "...":
            out.append(Ellipsis)
        elif ":" in p:
            f = [int(x) if x else None for x in p.split(":")]
            out.append(slice(*f))
        else:
            out.append(int(p))
    return tuple(out)


def array_arg(shape, dtype, view=None, special=True):
    """Returns (token, numpy view)."""
    if view is None:
        base_shape, view = random_view(tuple(shape))
    else:
        base_shape = shape
    base = values(base_shape, dtype, special)
    a = apply_view(base, view)
    return f"A:{save(base)}|{view}", a


def scalar_arg(kind):
    if kind == "b":
        v = bool(rng.random() < 0.5)
        return f"b:{int(v)}", v
    if kind == "i":
        v = int(rng.choice([0, 1, 2, 3, -1, -7, 100, 300, 2**40]))
        return f"i:{v}", v
    v = float(rng.choice([0.5, -1.25, 2.0, 1e10, -3.0]))
    return f"f:{v!r}", v


# lina's documented differences from NumPy (docs/decisions.md):
#  - float functions of bool/uint8 compute in float32 (NumPy: float16);
#  - sum/prod of uint8 give int64 (NumPy: uint64);
#  - bool-bool floor_divide/remainder/power and square/sign of bool raise TypeError
#    (NumPy gives int8, which lina lacks).
FLOAT_FUNCS = ["exp", "log", "log1p", "expm1", "sqrt", "sin", "cos", "tanh", "floor", "ceil"]


def record(family, op, args, fn):
    cid = len(lines)
    try:
        with np.errstate(all="ignore"):
            res = fn()
        if isinstance(res, (list, tuple)):
            exp = "E:" + ",".join(save(np.asarray(r), "e") for r in res)
        else:
            exp = "E:" + save(np.asarray(res), "e")
    except Exception as e:  # noqa: BLE001 - every NumPy error class is recorded
        exp = "X:" + type(e).__name__
    lines.append("\t".join([str(cid), family, op] + args + [exp]))


def random_shape(rank, maxdim=4, allow_zero=True):
    lo = 0 if allow_zero and rng.random() < 0.15 else 1
    return tuple(int(x) for x in rng.integers(lo, maxdim + 1, rank))


def broadcast_pair():
    rank = int(rng.integers(0, 6))
    out = random_shape(rank, 3 if rank >= 4 else 4)
    a = list(out)
    b = list(out)
    for i in range(rank):
        r = rng.random()
        if r < 0.25:
            a[i] = 1
        elif r < 0.5:
            b[i] = 1
    a = a[int(rng.integers(0, len(a) + 1)) if rng.random() < 0.3 else 0:]
    b = b[int(rng.integers(0, len(b) + 1)) if rng.random() < 0.3 else 0:]
    if rng.random() < 0.08 and len(a) and a[-1] > 1:  # incompatible
        b = list(b) or [1]
        b[-1] = a[-1] + 1
    return tuple(a), tuple(b)


BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power", "maximum",
          "minimum", "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
          "logical_and", "logical_or", "logical_xor"]
INT8_RESULT = {"floor_divide", "remainder", "power"}


def numpy_binary(op, x, y):
    def run():
        r = getattr(np, op)(x, y)
        xd = getattr(x, "dtype", None)
        yd = getattr(y, "dtype", None)
        if op in INT8_RESULT and r.dtype == np.int8:
            raise TypeError("int8 result")
        if op == "power":
            for v, d in ((y, yd),):
                if d is not None and d.kind in "iu" and np.any(np.asarray(v) < 0) and r.dtype.kind in "iu":
                    raise ValueError("negative power")
        return r
    return run


# --- binary ops: every dtype pair, broadcasting, scalars -------------------------
for op in BINARY:
    for da in DTYPES:
        for db in DTYPES:
            sa, sb = broadcast_pair()
            ta, a = array_arg(sa, da)
            tb, b = array_arg(sb, db)
            if op == "power" and db != "bool":
                b = np.abs(b) % 5 if np.issubdtype(b.dtype, np.integer) else b
                base = values(b.shape, db)
                base = (np.abs(base) % 5).astype(db) if db not in ("float32", "float64") else base
                tb = f"A:{save(base)}|"
                b = base
            record("binary", op, [ta, tb], numpy_binary(op, a, b))
    for da in DTYPES:
        for kind in "bif":
            shape = random_shape(int(rng.integers(0, 4)))
            ta, a = array_arg(shape, da)
            ts, s = scalar_arg(kind)
            if op == "power" and kind == "i":
                s = int(rng.integers(0, 4))
                ts = f"i:{s}"
            if rng.random() < 0.5:
                record("binary", op, [ta, ts], numpy_binary(op, a, s))
            else:
                record("binary", op, [ts, ta], numpy_binary(op, s, a))

# --- unary ops over every dtype --------------------------------------------------
UNARY = ["negative", "abs", "sign", "square", "round", "logical_not"] + FLOAT_FUNCS


def numpy_unary(op, a):
    def run():
        if a.dtype == np.bool_ and op in ("negative", "sign", "square"):
            raise TypeError("bool " + op)
        x = a
        if op in FLOAT_FUNCS and a.dtype in (np.bool_, np.uint8):
            x = a.astype(np.float32)
        if op == "round" and a.dtype == np.bool_:
            x = a.astype(np.float32)
        return getattr(np, op)(x)
    return run


for op in UNARY:
    for d in DTYPES:
        for _ in range(3):
            ta, a = array_arg(random_shape(int(rng.integers(0, 5))), d)
            record("unary", op, [ta], numpy_unary(op, a))

# --- where and clip --------------------------------------------------------------
for _ in range(40):
    sa, sb = broadcast_pair()
    tc, c = array_arg(sa, "bool")
    dx, dy = rng.choice(DTYPES, 2)
    tx, x = array_arg(sb, dx)
    if rng.random() < 0.3:
        ty, y = scalar_arg(str(rng.choice(list("bif"))))
    else:
        ty, y = array_arg(sa[len(sa) // 2:], dy)
    # NumPy 2 applies NEP 50 to where's scalars too; 1.24's where does not: cast to
    # the weak-promotion result type.
    record("where", "where", [tc, tx, ty], lambda c=c, x=x, y=y: np.where(c, x, y).astype(np.result_type(x, y)))
for d in DTYPES[1:]:
    for _ in range(5):
        ta, a = array_arg(random_shape(int(rng.integers(0, 4))), d)
        lo, hi = sorted(rng.integers(-10, 10, 2).tolist())
        if d == "uint8":
            lo, hi = abs(lo), abs(lo) + abs(hi)
        record("clip", "clip", [ta, f"i:{lo}", f"i:{hi}"], lambda a=a, lo=lo, hi=hi: np.clip(a, lo, hi))
        record("clip", "clip", [ta, "f:-1.5", "f:2.5"], lambda a=a: np.clip(a, -1.5, 2.5))

# --- predicates: isnan/isinf/isfinite, isclose/allclose/array_equal ---------------
for op in ("isnan", "isinf", "isfinite"):
    for d in DTYPES:
        for _ in range(3):
            ta, a = array_arg(random_shape(int(rng.integers(0, 4))), d)
            record("predicate", op, [ta], lambda a=a, op=op: getattr(np, op)(a))
for _ in range(60):
    sa, sb = broadcast_pair()
    da, db = rng.choice(DTYPES, 2)
    ta, a = array_arg(sa, da)
    if rng.random() < 0.6 and da in ("float32", "float64"):
        # b near a (within and outside the tolerance), so both answers occur.
        b = (a * (1 + rng.choice([1e-9, 1e-6, 1e-4], size=a.shape)) + rng.choice([0, 1e-9, 1e-7], size=a.shape))
        b = np.asarray(b, dtype=db if db in ("float32", "float64") else da)
        tb = f"A:{save(b)}|"
    else:
        tb, b = array_arg(sb, db)
    en = bool(rng.random() < 0.5)
    record("predicate", "isclose", [ta, tb, f"b:{int(en)}"], lambda a=a, b=b, en=en: np.isclose(a, b, equal_nan=en))
    record("predicate", "allclose", [ta, tb, f"b:{int(en)}"], lambda a=a, b=b, en=en: np.asarray(np.allclose(a, b, equal_nan=en)))
    record("predicate", "array_equal", [ta, tb, f"b:{int(en)}"],
           lambda a=a, b=b, en=en: np.asarray(np.array_equal(a, b, equal_nan=en and a.dtype.kind == "f" and b.dtype.kind == "f")))
    record("predicate", "array_equal", [ta, ta, f"b:{int(en)}"],
           lambda a=a, en=en: np.asarray(np.array_equal(a, a, equal_nan=en and a.dtype.kind == "f")))

# --- in-place operators -----------------------------------------------------------
for op, name in (("iadd", "add"), ("isub", "subtract"), ("imul", "multiply"), ("idiv", "true_divide")):
    for da in DTYPES:
        for db in DTYPES:
            sa, sb = broadcast_pair()
            ta, a = array_arg(sa, da, view="")
            tb, b = array_arg(sb, db)

            def run(a=a, b=b, name=name):
                x = a.copy()
                getattr(np, name)(x, b, out=x, casting="same_kind")
                return x
            record("inplace", op, [ta, tb], run)

# --- out= of the binary functions and clip: an array or a weak scalar on either side,
# out of every dtype (NumPy's same_kind rule decides which cast), out's shape the
# broadcast shape or one it broadcasts to, out itself a view (strided, transposed).
def into_out(fn, o):
    def run():
        target = o.copy()
        try:
            fn(target)
        except TypeError as e:  # _UFuncOutputCastingError and the like
            raise TypeError(str(e)) from None
        return target
    return run


def out_shape(*operands):
    """The operands' broadcast shape, sometimes with a leading 2 (out larger than the
    operands' shape); (5,) when they do not broadcast (an error either way)."""
    try:
        shape = tuple(np.broadcast_shapes(*(np.shape(v) for v in operands)))
    except ValueError:
        return (5,)
    return shape if rng.random() < 0.7 else (2,) + shape


for op in BINARY:
    for _ in range(8):
        da, db, do = (str(d) for d in rng.choice(DTYPES, 3))
        sa, sb = broadcast_pair()
        ta, a = array_arg(sa, da)
        tb, b = array_arg(sb, db)
        if op == "power" and db != "bool":
            b = (np.abs(values(b.shape, db)) % 5).astype(db) if db not in ("float32", "float64") else b
            tb = f"A:{save(b)}|"
        side = rng.random()
        if side < 0.25:
            tb, b = scalar_arg(str(rng.choice(list("bif"))))
            if op == "power" and isinstance(b, int) and not isinstance(b, bool):
                b = abs(b) % 4
                tb = f"i:{b}"
        elif side < 0.5:
            ta, a = scalar_arg(str(rng.choice(list("bif"))))
        to, o = array_arg(out_shape(a, b) if rng.random() < 0.95 else (5,), do)

        def check_then_write(target, op=op, a=a, b=b):
            # lina's documented differences, in lina's order: two bool operands of an
            # int8-result op raise first; NumPy's own errors (the cast into out, then the
            # shapes) next; a negative integer power last.
            if op in INT8_RESULT and np.asarray(a).dtype == np.bool_ and np.asarray(b).dtype == np.bool_:
                raise TypeError("int8 result")
            getattr(np, op)(a, b, out=target, casting="same_kind")
            numpy_binary(op, a, b)()
        record("binary_out", op + "_out", [ta, tb, to], into_out(check_then_write, o))

# A literal that does not fit the compute dtype is NumPy's first error, before the
# output's dtype and shape: an out= of the wrong shape, or of a dtype the result cannot
# be cast to, still raises OverflowError.
for op in ("add", "not_equal", "minimum"):
    for d, lit in (("int32", 2**40), ("uint8", 300)):
        ta, a = array_arg((4,), d, view="")
        for so, do in (((5,), d), ((4,), "bool"), ((5,), "bool")):
            to, o = array_arg(so, do, view="")

            def literal_first(target, op=op, a=a, lit=lit):
                getattr(np, op)(lit, a, out=target, casting="same_kind")
            record("binary_out", op + "_out", [f"i:{lit}", ta, to], into_out(literal_first, o))

for _ in range(60):
    da, do = (str(d) for d in rng.choice(DTYPES[1:], 2))
    sa, sb = broadcast_pair()
    ta, a = array_arg(sa, da)
    bounds = []
    for _bound in range(2):
        if rng.random() < 0.5:
            kind = str(rng.choice(list("if")))
            v = int(rng.integers(-5, 6)) if kind == "i" else float(rng.choice([-1.5, 0.25, 2.5]))
            if da == "uint8" and kind == "i":
                v = abs(v)
            bounds.append((f"{kind}:{v!r}", v))
        else:
            bounds.append(array_arg(sb, str(rng.choice(DTYPES[1:]))))
    (tl, lo), (th, hi) = bounds
    record("clip", "clip", [ta, tl, th], lambda a=a, lo=lo, hi=hi: np.clip(a, lo, hi))
    to, o = array_arg(out_shape(a, lo, hi), do)
    record("clip", "clip_out", [ta, tl, th, to],
           into_out(lambda target, a=a, lo=lo, hi=hi: np.clip(a, lo, hi, out=target, casting="same_kind"), o))

# --- reductions ---------------------------------------------------------------------
REDUCE = ["sum", "prod", "mean", "max", "min", "all", "any", "var", "std"]


def axes_arg(ndim):
    r = rng.random()
    if r < 0.2 or ndim == 0:
        return "ax:none", None
    if r < 0.55:
        ax = int(rng.integers(-ndim, ndim))
        return f"ax:{ax}", ax
    if r < 0.62:
        return "ax:", ()
    if r < 0.66:
        return f"ax:{ndim + 1}", ndim + 1  # out of range
    k = int(rng.integers(1, ndim + 1))
    axes = tuple(int(x) for x in rng.choice(ndim, k, replace=False))
    axes = tuple(a - ndim if rng.random() < 0.3 else a for a in axes)
    return "ax:" + ",".join(map(str, axes)), axes


def numpy_reduce(op, a, axis, kd, ddof):
    def run():
        if op in ("var", "std"):
            return getattr(np, op)(a, axis=axis, keepdims=kd, ddof=ddof)
        r = getattr(np, op)(a, axis=axis, keepdims=kd)
        if op in ("sum", "prod") and r.dtype == np.uint64:
            r = r.astype(np.int64)
        return r
    return run


for op in REDUCE:
    for d in DTYPES:
        for _ in range(7):
            ta, a = array_arg(random_shape(int(rng.integers(0, 5))), d, special=op not in ("var", "std"))
            if op in ("prod",) and d in ("float32", "float64"):
                a0 = a
            tx, axis = axes_arg(a.ndim)
            kd = bool(rng.random() < 0.4)
            ddof = int(rng.integers(0, 2))
            args = [ta, tx, f"kd:{int(kd)}"] + ([f"dd:{ddof}"] if op in ("var", "std") else [])
            record("reduce", op, args, numpy_reduce(op, a, axis, kd, ddof))
for op in ("argmax", "argmin"):
    for d in DTYPES:
        for _ in range(6):
            ta, a = array_arg(random_shape(int(rng.integers(0, 4))), d)
            if rng.random() < 0.3 or a.ndim == 0:
                tx, axis = "ax:none", None
            else:
                axis = int(rng.integers(-a.ndim, a.ndim))
                tx = f"ax:{axis}"
            kd = bool(rng.random() < 0.3)
            record("reduce", op, [ta, tx, f"kd:{int(kd)}"],
                   lambda op=op, a=a, axis=axis, kd=kd: getattr(np, op)(a, axis=axis, keepdims=kd))
# pairwise accuracy: a long float32 sum
ta, a = array_arg((100003,), "float32", view="", special=False)
record("reduce", "sum", [ta, "ax:none", "kd:0"], lambda a=a: np.sum(a))

# --- shape operations -----------------------------------------------------------------
for _ in range(120):
    shape = random_shape(int(rng.integers(0, 5)))
    d = str(rng.choice(DTYPES))
    ta, a = array_arg(shape, d)
    n = a.size
    r = rng.random()
    if r < 0.5:
        new = list(rng.permutation(list(shape))) if shape else []
        if new and rng.random() < 0.4:
            new[int(rng.integers(0, len(new)))] = -1
        if rng.random() < 0.2:
            new = [n + 1]
        record("shape", "reshape", [ta, "sh:" + ",".join(map(str, new))], lambda a=a, new=new: a.reshape(new))
    else:
        record("shape", "reshape", [ta, f"sh:{n}"], lambda a=a, n=n: a.reshape(n))
for _ in range(60):
    ta, a = array_arg(random_shape(int(rng.integers(1, 5))), str(rng.choice(DTYPES)))
    perm = [int(x) for x in rng.permutation(a.ndim)]
    if rng.random() < 0.1:
        perm = perm + [0]
    record("shape", "transpose", [ta, "sh:" + ",".join(map(str, perm))], lambda a=a, p=perm: np.transpose(a, p))
    record("shape", "transpose", [ta], lambda a=a: np.transpose(a))
    i, j = (int(x) for x in rng.integers(-a.ndim, a.ndim, 2))
    record("shape", "swapaxes", [ta, f"n:{i}", f"n:{j}"], lambda a=a, i=i, j=j: np.swapaxes(a, i, j))
    record("shape", "moveaxis", [ta, f"n:{i}", f"n:{j}"], lambda a=a, i=i, j=j: np.moveaxis(a, i, j))
    record("shape", "ravel", [ta], lambda a=a: np.ravel(a))
    record("shape", "flatten", [ta], lambda a=a: a.flatten())
    k = int(rng.integers(-a.ndim - 1, a.ndim + 1))
    record("shape", "expand_dims", [ta, f"ax:{k}"], lambda a=a, k=k: np.expand_dims(a, k))
for _ in range(40):
    shape = tuple(int(x) if rng.random() < 0.6 else 1 for x in rng.integers(1, 4, int(rng.integers(0, 5))))
    ta, a = array_arg(shape, str(rng.choice(DTYPES)))
    if rng.random() < 0.5 or a.ndim == 0:
        record("shape", "squeeze", [ta, "ax:none"], lambda a=a: np.squeeze(a))
    else:
        ax = int(rng.integers(-a.ndim, a.ndim))
        record("shape", "squeeze", [ta, f"ax:{ax}"], lambda a=a, ax=ax: np.squeeze(a, ax))
for _ in range(60):
    rank = int(rng.integers(1, 4))
    shape = list(random_shape(rank))
    ax = int(rng.integers(-rank, rank))
    k = int(rng.integers(1, 4))
    toks, arrs = [], []
    for _ in range(k):
        s = list(shape)
        s[ax] = int(rng.integers(0, 4))
        if rng.random() < 0.05:
            s = s + [1]
        t, x = array_arg(tuple(s), str(rng.choice(DTYPES)))
        toks.append(t)
        arrs.append(x)
    record("shape", "concatenate", toks + [f"n:{ax}"], lambda arrs=arrs, ax=ax: np.concatenate(arrs, axis=ax))
    toks2, arrs2 = [], []
    for _ in range(k):
        t, x = array_arg(tuple(shape), str(rng.choice(DTYPES)))
        toks2.append(t)
        arrs2.append(x)
    sax = int(rng.integers(-rank - 1, rank + 1))
    record("shape", "stack", toks2 + [f"n:{sax}"], lambda arrs=arrs2, ax=sax: np.stack(arrs, axis=ax))
    t, x = array_arg(tuple(shape), str(rng.choice(DTYPES)))
    sec = int(rng.integers(1, 4))
    record("shape", "split", [t, f"n:{sec}", f"ax:{ax}"], lambda x=x, sec=sec, ax=ax: np.split(x, sec, axis=ax))
for _ in range(60):
    sa, sb = broadcast_pair()
    ta, a = array_arg(sa, str(rng.choice(DTYPES)))
    try:
        target = np.broadcast_shapes(sa, sb)
    except ValueError:
        target = sb
    record("shape", "broadcast_to", [ta, "sh:" + ",".join(map(str, target))],
           lambda a=a, t=target: np.broadcast_to(a, t))

# --- basic indexing, assignment, masks, take ------------------------------------------


def random_index(shape):
    idx = []
    dims = list(range(len(shape)))
    used_ellipsis = False
    d = 0
    while d < len(shape):
        r = rng.random()
        n = shape[d]
        if r < 0.3 and n > 0:
            idx.append(int(rng.integers(-n, n)))
            d += 1
        elif r < 0.75:
            start = None if rng.random() < 0.4 else int(rng.integers(-n - 2, n + 3))
            stop = None if rng.random() < 0.4 else int(rng.integers(-n - 2, n + 3))
            step = None if rng.random() < 0.3 else int(rng.choice([1, 2, 3, -1, -2]))
            idx.append(slice(start, stop, step))
            d += 1
        elif r < 0.85:
            idx.append(None)
        elif not used_ellipsis:
            idx.append(Ellipsis)
            used_ellipsis = True
            d += int(rng.integers(0, len(shape) - d + 1))
        else:
            break
    if rng.random() < 0.05 and shape:
        idx.append(shape[-1] + 5)  # out of range or too many
    return tuple(idx)


for _ in range(300):
    shape = random_shape(int(rng.integers(0, 5)), allow_zero=False)
    d = str(rng.choice(DTYPES))
    ta, a = array_arg(shape, d)
    idx = random_index(a.shape)
    record("index", "getitem", [ta, "idx:" + idx_str(idx)], lambda a=a, idx=idx: a[idx])
for _ in range(150):
    shape = random_shape(int(rng.integers(1, 5)), allow_zero=False)
    d = str(rng.choice(DTYPES))
    base = values(shape, d)
    tbase = f"A:{save(base)}|"
    idx = random_index(shape)
    try:
        target_shape = base[idx].shape
    except Exception:  # noqa: BLE001
        target_shape = (2,)
    vshape = target_shape[int(rng.integers(0, len(target_shape) + 1)):] if target_shape else ()
    vshape = tuple(1 if rng.random() < 0.3 else s for s in vshape)
    dv = str(rng.choice(DTYPES))
    tv, v = array_arg(vshape, dv, special=False)
    if d in ("bool", "uint8", "int32", "int64") and dv in ("float32", "float64"):
        v = np.clip(v, -100, 100)
        base_v = v
        tv = f"A:{save(v)}|"

    def run(base=base, idx=idx, v=v):
        x = base.copy()
        x[idx] = v
        return x
    record("index", "setitem", [tbase, "idx:" + idx_str(idx), tv], run)
for _ in range(60):
    shape = random_shape(int(rng.integers(1, 4)))
    ta, a = array_arg(shape, str(rng.choice(DTYPES)))
    k = int(rng.integers(1, a.ndim + 1))
    mshape = a.shape[:k] if rng.random() < 0.9 else tuple(s + 1 for s in a.shape[:k])
    tm, m = array_arg(mshape, "bool")
    record("index", "mask", [ta, tm], lambda a=a, m=m: a[m])
for _ in range(60):
    shape = random_shape(int(rng.integers(1, 4)), allow_zero=False)
    ta, a = array_arg(shape, str(rng.choice(DTYPES)))
    if rng.random() < 0.3:
        axis, n = None, a.size
    else:
        axis = int(rng.integers(-a.ndim, a.ndim))
        n = a.shape[axis]
    ind = rng.integers(-n, n + (1 if rng.random() < 0.1 else 0), random_shape(int(rng.integers(0, 3)), 3, False))
    ti = f"A:{save(ind.astype(np.int64))}|"
    record("index", "take", [ta, ti, "ax:none" if axis is None else f"ax:{axis}"],
           lambda a=a, ind=ind, axis=axis: np.take(a, ind, axis=axis))

# --- creation and casting --------------------------------------------------------------
for _ in range(40):
    start, stop = (int(x) for x in rng.integers(-10, 20, 2))
    step = int(rng.choice([1, 2, 3, -1, -2, 0]))
    record("create", "arange", [f"i:{start}", f"i:{stop}", f"i:{step}"], lambda a=start, b=stop, s=step: np.arange(a, b, s))
    fa, fb, fs = float(rng.uniform(-5, 5)), float(rng.uniform(-5, 5)), float(rng.choice([0.1, 0.25, -0.3, 0.7]))
    record("create", "arange", [f"f:{fa!r}", f"f:{fb!r}", f"f:{fs!r}"], lambda a=fa, b=fb, s=fs: np.arange(a, b, s))
    num = int(rng.integers(0, 12))
    ep = bool(rng.random() < 0.7)
    record("create", "linspace", [f"f:{fa!r}", f"f:{fb!r}", f"n:{num}", f"b:{int(ep)}"],
           lambda a=fa, b=fb, n=num, e=ep: np.linspace(a, b, n, endpoint=e))
    n, m, k = int(rng.integers(0, 5)), int(rng.integers(0, 5)), int(rng.integers(-3, 4))
    d = str(rng.choice(DTYPES))
    record("create", "eye", [f"n:{n}", f"n:{m}", f"n:{k}", f"dt:{d}"], lambda n=n, m=m, k=k, d=d: np.eye(n, m, k, dtype=d))
    shape = random_shape(int(rng.integers(0, 4)))
    record("create", "zeros", ["sh:" + ",".join(map(str, shape)), f"dt:{d}"], lambda s=shape, d=d: np.zeros(s, d))
    record("create", "ones", ["sh:" + ",".join(map(str, shape)), f"dt:{d}"], lambda s=shape, d=d: np.ones(s, d))
    ts, sv = scalar_arg(str(rng.choice(list("bif"))))
    if ts.startswith("i:") and abs(sv) > 100:
        ts, sv = "i:7", 7
    record("create", "full", ["sh:" + ",".join(map(str, shape)), ts], lambda s=shape, v=sv: np.full(s, v))
for _ in range(20):
    tx, x = array_arg((int(rng.integers(0, 4)),), "float64", view="")
    ty, y = array_arg((int(rng.integers(0, 4)),), "int32", view="")
    ix = str(rng.choice(["xy", "ij"]))
    record("create", "meshgrid", [tx, ty, f"ix:{ix}"], lambda x=x, y=y, ix=ix: np.meshgrid(x, y, indexing=ix))
for da in DTYPES:
    for db in DTYPES:
        ta, a = array_arg(random_shape(int(rng.integers(0, 4))), da, special=False)
        if da in ("float32", "float64") and db not in ("float32", "float64", "bool"):
            a = np.clip(a, -100, 100)
            ta = f"A:{save(a)}|"
            if db == "uint8":
                a = np.abs(a)
                ta = f"A:{save(a)}|"
        record("cast", "astype", [ta, f"dt:{db}"], lambda a=a, db=db: a.astype(db))

# --- linear algebra -------------------------------------------------------------------


def matmul_shapes():
    """Shapes for matmul: 1-D and N-D operands, broadcast batch dims, some mismatches."""
    m, k, n = (int(x) for x in rng.integers(0, 7, 3))
    ra, rb = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    batch = random_shape(max(ra, rb) - 2, 3) if max(ra, rb) > 2 else ()
    a = (k,) if ra == 1 else tuple(batch[len(batch) - (ra - 2):] if ra > 2 else ()) + (m, k)
    b = (k,) if rb == 1 else tuple(batch[len(batch) - (rb - 2):] if rb > 2 else ()) + (k, n)
    if ra > 2 and rb > 2 and rng.random() < 0.3:  # a broadcast batch dim
        a = (1,) + a[1:]
    if rng.random() < 0.08:  # mismatch
        b = b[:-2] + (k + 1, n) if len(b) >= 2 else (k + 1,)
    return a, b


for _ in range(300):
    sa, sb = matmul_shapes()
    da, db = (str(x) for x in rng.choice(DTYPES, 2))
    ta, a = array_arg(sa, da, special=False)
    tb, b = array_arg(sb, db, special=False)
    record("linalg", "matmul", [ta, tb], lambda a=a, b=b: np.matmul(a, b))
    record("linalg", "dot", [ta, tb], lambda a=a, b=b: np.dot(a, b))
# out= (float64, which every result casts to): NumPy's gufunc lets the output's loop
# dimensions be any shape the operands' batch dimensions broadcast to; core dimensions
# must match.
for sa, sb, so in [((3,), (3, 4), (4,)), ((3,), (3, 4), (1, 4)), ((3,), (3, 4), (2, 4)), ((3,), (3, 4), (4, 1)),
                   ((2, 3), (3, 4), (2, 4)), ((2, 3), (3, 4), (5, 2, 4)), ((2, 3), (3, 4), (2, 5)),
                   ((1, 2, 3), (3, 4), (3, 2, 4)), ((2, 2, 3), (3, 4), (3, 2, 4)), ((3,), (3,), ()), ((3,), (3,), (2,)),
                   ((2, 3), (3,), (2, 2)), ((2, 3), (3,), (2, 1)), ((2, 3), (3, 1), (2, 3))]:
    ta, a = array_arg(sa, "float32", special=False)
    tb, b = array_arg(sb, "int32", special=False)
    to, o = array_arg(so, "float64", special=False)
    record("linalg", "matmul_out", [ta, tb, to], lambda a=a, b=b, o=o: np.matmul(a, b, out=o.copy()))
# out= of every dtype for every result dtype: NumPy's same_kind rule (int32 into uint8 or
# bool, float into an integer: errors). Not float32 into float64: the product is rounded
# to float32 in a different order than NumPy's BLAS, and the comparison is float64's.
for dr in DTYPES:
    for do in DTYPES:
        if (dr, do) == ("float32", "float64"):
            continue
        ta, a = array_arg((2, 3), dr, special=False)
        tb, b = array_arg((3, 2), dr, special=False)
        to, o = array_arg((2, 2), do, special=False)
        record("linalg", "matmul_out", [ta, tb, to], lambda a=a, b=b, o=o: np.matmul(a, b, out=o.copy()))
for d in DTYPES:
    for _ in range(8):
        ta, a = array_arg((int(rng.integers(0, 6)),), d, special=False)
        tb, b = array_arg((a.shape[0],), str(rng.choice(DTYPES)), special=False)
        record("linalg", "vdot", [ta, tb], lambda a=a, b=b: np.vdot(a, b))
        record("linalg", "outer", [ta, tb], lambda a=a, b=b: np.outer(a, b))
        sa = random_shape(int(rng.integers(1, 4)), 3)
        sb = random_shape(int(rng.integers(1, 3)), 3)[:-1] + sa[-1:]
        ta, a = array_arg(sa, d, special=False)
        tb, b = array_arg(sb, str(rng.choice(DTYPES)), special=False)
        record("linalg", "inner", [ta, tb], lambda a=a, b=b: np.inner(a, b))
        ta, a = array_arg(random_shape(int(rng.integers(2, 5)), 4), d, special=False)
        off = int(rng.integers(-3, 4))
        ax1, ax2 = (int(x) for x in rng.choice(a.ndim, 2, replace=False))

        def tr(a=a, off=off, ax1=ax1, ax2=ax2):
            r = np.trace(a, off, ax1, ax2)
            return r.astype(np.int64) if np.asarray(r).dtype == np.uint64 else r
        record("linalg", "trace", [ta, f"n:{off}", f"n:{ax1}", f"n:{ax2}"], tr)
ORDS = ["none", "2", "1", "0", "inf", "-inf", "3", "fro", "nuc", "-1"]
for _ in range(240):
    d = str(rng.choice(["int32", "int64", "float32", "float64"]))
    ta, a = array_arg(random_shape(int(rng.integers(1, 4)), 4, False), d, special=False)
    o = str(rng.choice(ORDS))
    ordv = None if o == "none" else (o if o in ("fro", "nuc") else float(o))
    r = rng.random()
    if r < 0.4 or a.ndim == 0:
        axis, tx = None, "ax:none"
    elif r < 0.75 or a.ndim < 2:
        axis = int(rng.integers(-a.ndim, a.ndim))
        tx = f"ax:{axis}"
    else:
        axis = tuple(int(x) for x in rng.choice(a.ndim, 2, replace=False))
        tx = "ax:" + ",".join(map(str, axis))
    kd = bool(rng.random() < 0.3)

    def nrm(a=a, ordv=ordv, axis=axis, kd=kd):
        matrix = (isinstance(axis, tuple) and len(axis) == 2) or (axis is None and a.ndim == 2 and ordv is not None)
        if matrix and ordv in ("nuc", 2.0, -2.0):
            raise ValueError("lina: SVD-based matrix norms are not supported yet (docs/decisions.md)")
        return np.linalg.norm(a, ordv, axis, kd)
    record("linalg", "norm", [ta, f"o:{o}", tx, f"kd:{int(kd)}"], nrm)

# --- signed zeros ---------------------------------------------------------------------
# The comparison checks the sign of a zero result; random data rarely makes one. Here:
# which operand maximum/minimum/clip return when they compare equal (+0 against -0),
# which of equal extremes max/min return, and the sign of a product sum whose every term
# is -0 (NumPy sums from +0: (-1 row) @ (0 column) is +0), on the GEMM's direct and
# batched paths and the matrix-vector one.


def signed_zeros(shape, dtype, nonzero=0.0):
    """Zeros of random sign, and a `nonzero` fraction of small random values."""
    n = int(np.prod(shape))
    v = np.where(rng.random(n) < 0.5, -0.0, 0.0)
    mask = rng.random(n) < nonzero
    v[mask] = rng.uniform(-1, 1, int(mask.sum()))
    return v.astype(dtype).reshape(shape)


for d in ("float32", "float64"):
    for n in (1, 7, 40, 100):
        for strided in (False, True):
            view = "s:::2" if strided else ""
            base_a, base_b = signed_zeros((2 * n,), d), signed_zeros((2 * n,), d)
            a, b = apply_view(base_a, view), apply_view(base_b, view)
            ta, tb = f"A:{save(base_a)}|{view}", f"A:{save(base_b)}|{view}"
            for op in ("maximum", "minimum"):
                record("binary", op, [ta, tb], numpy_binary(op, a, b))
                record("binary", op, [ta, "f:0.0"], numpy_binary(op, a, 0.0))
                record("binary", op, ["f:-0.0", tb], numpy_binary(op, -0.0, b))
            for lo, hi in (("0.0", "1.0"), ("-0.0", "1.0"), ("-1.0", "0.0"), ("-1.0", "-0.0"), ("-0.0", "0.0")):
                record("clip", "clip", [ta, f"f:{lo}", f"f:{hi}"],
                       lambda a=a, lo=float(lo), hi=float(hi): np.clip(a, lo, hi))
            for op in ("max", "min"):
                record("reduce", op, [ta, "ax:none", "kd:0"], numpy_reduce(op, a, None, False, 0))
    # Along both axes of a matrix: rows folded lane by lane (axis 0) and runs (axis 1).
    for shape in ((3, 70), (70, 3), (40, 40)):
        base = signed_zeros(shape, d, nonzero=0.05)
        ta = f"A:{save(base)}|"
        for op in ("max", "min"):
            for ax in (0, 1):
                record("reduce", op, [ta, f"ax:{ax}", "kd:0"], numpy_reduce(op, base, ax, False, 0))
    # Zeros in, zeros out: every unary and binary op on values around +-0, and the
    # reductions of arrays of -0 (of lengths around the vector and pairwise blocks).
    pool = np.array([-0.0, 0.0, -0.4, 0.4, -0.5, 0.5, -1.0, 1.0, -3.0, 3.0], d)
    x = rng.permutation(np.tile(pool, 4))
    tx = f"A:{save(x)}|"
    for op in UNARY:
        if op != "logical_not":
            record("unary", op, [tx], numpy_unary(op, x))
    y = rng.permutation(np.tile(pool, 4))
    ty = f"A:{save(y)}|"
    for op in ("add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power"):
        record("binary", op, [tx, ty], numpy_binary(op, x, y))
        record("binary", op, [tx, "f:-0.0"], numpy_binary(op, x, -0.0))
    for n in (1, 7, 8, 9, 100, 1000):
        z = np.full(n, -0.0, d)
        tz = f"A:{save(z)}|"
        for op in ("sum", "prod", "mean", "max", "min"):
            record("reduce", op, [tz, "ax:none", "kd:0"], numpy_reduce(op, z, None, False, 0))
    for sa, sb in (((16, 16), (16, 16)), ((64, 64), (64, 64)), ((5, 7), (7, 3)), ((40, 33), (33, 70)),
                   ((3, 16, 16), (3, 16, 16)), ((9, 20), (20,)), ((20,), (20, 9)), ((20,), (20,))):
        a = -rng.uniform(0.5, 1, int(np.prod(sa))).astype(d).reshape(sa)
        b = signed_zeros(sb, d)
        b[..., :1] = 0.0  # a column of +0 next to mixed ones
        ta, tb = f"A:{save(a)}|", f"A:{save(b)}|"
        record("linalg", "matmul", [ta, tb], lambda a=a, b=b: np.matmul(a, b))
        record("linalg", "dot", [ta, tb], lambda a=a, b=b: np.dot(a, b))
    # One-element operands: NumPy's dot and inner multiply two of them directly (their
    # BLAS wrapper), so (-0) * 1 stays -0 there, up to two dimensions each; a third
    # dimension, or one operand of more elements, sums from +0 as matmul does.
    for sa, sb in (((1,), (1,)), ((1, 1), (1, 1)), ((1,), (1, 1)), ((1, 1), (1,)), ((1, 1, 1), (1, 1)),
                   ((1,), (1, 3)), ((3, 1), (1,))):
        a = np.full(sa, -0.0, d)
        b = rng.uniform(0.5, 1, int(np.prod(sb))).astype(d).reshape(sb)
        ta, tb = f"A:{save(a)}|", f"A:{save(b)}|"
        record("linalg", "dot", [ta, tb], lambda a=a, b=b: np.dot(a, b))
        record("linalg", "dot", [tb, ta], lambda a=a, b=b: np.dot(b, a))
        if sa[-1] == sb[-1]:
            record("linalg", "inner", [ta, tb], lambda a=a, b=b: np.inner(a, b))
    tbool = f"A:{save(np.array([False]))}|"
    record("linalg", "inner", [tbool, f"A:{save(np.array([-1.5], d))}|"],
           lambda d=d: np.inner(np.array([False]), np.array([-1.5], d)))

# --- bool operands of the int8-result ops: shapes first --------------------------------
# NumPy computes these in int8 (which lina lacks, so lina raises TypeError), but it
# reports operands that do not broadcast (ValueError) before it gets there.
for op in sorted(INT8_RESULT):
    for sa, sb in (((3,), (4,)), ((2, 3), (3, 2)), ((0,), (2,)), ((2, 1), (3,))):
        a, b = np.arange(int(np.prod(sa))).reshape(sa) % 2 == 0, np.ones(sb, bool)
        record("binary", op, [f"A:{save(a)}|", f"A:{save(b)}|"], numpy_binary(op, a, b))

# --- slices with steps near the int64 limits --------------------------------------------
# A step's length and stride must not overflow: len is ceil(distance / |step|), and the
# stride of a one-element slice is never followed (the eval fuzzer's x[:, ::-4444...1]).
huge = (2**62 + 3, -(2**62 + 3), 2**63 - 1, -(2**63 - 1), 4444444444444444441, -4444444444444444441)
a = values((3, 4, 5), "float64", special=False)
ta = f"A:{save(a)}|"
for step in huge:
    for idx in ((slice(None, None, step),), (slice(None), slice(None, None, step)),
                (slice(1, None, step), Ellipsis, slice(4, 0, -step)), (Ellipsis, slice(-2, None, step), None)):
        record("index", "getitem", [ta, "idx:" + idx_str(idx)], lambda idx=idx: a[idx])

with open(os.path.join(OUT, "manifest.tsv"), "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"gen_cases: {len(lines)} cases in {OUT}")
