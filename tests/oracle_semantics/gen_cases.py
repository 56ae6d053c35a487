#!/usr/bin/python3
"""Writes the NumPy-oracle cases that tests/oracle/oracle_test.cpp checks lina against.

Usage: NPY_PROMOTION_STATE=weak /usr/bin/python3 gen_cases.py OUTDIR

Seeded and deterministic. OUTDIR receives the inputs and NumPy's results as .npy files
and manifest.tsv, one case per line (see README.md for the format). The directory is
built under OUTDIR.tmp and renamed at the end, so a reader never sees half a suite.
"""
import os
import shutil
import sys
import warnings

# NEP 50 promotion (NumPy 2's rules) must be on before NumPy is imported.
os.environ.setdefault("NPY_PROMOTION_STATE", "weak")
import numpy as np  # noqa: E402

if hasattr(np, "_set_promotion_state"):
    np._set_promotion_state("weak")

SEED = 20240611
DTYPES = ["bool", "uint8", "int32", "int64", "float32", "float64"]
INTS = ["uint8", "int32", "int64"]
FLOATS = ["float32", "float64"]
LINA_DTYPES = set(DTYPES)

BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power",
          "maximum", "minimum", "equal", "not_equal", "less", "less_equal", "greater",
          "greater_equal", "logical_and", "logical_or", "logical_xor"]
UNARY = ["negative", "abs", "sign", "exp", "log", "log1p", "expm1", "sqrt", "square", "sin",
         "cos", "tanh", "floor", "ceil", "round", "sigmoid", "relu", "logical_not"]
OPERATORS = {"op+": "add", "op-": "subtract", "op*": "multiply", "op/": "divide",
             "op%": "remainder", "op==": "equal", "op!=": "not_equal", "op<": "less",
             "op<=": "less_equal", "op>": "greater", "op>=": "greater_equal",
             "op&&": "logical_and", "op||": "logical_or"}
TRANSCENDENTAL = {"exp", "log", "log1p", "expm1", "sin", "cos", "tanh", "sigmoid", "power",
                  "divide"}


# ------------------------------------------------------------------------------------
# index specs: "1,::-1,N,..." <-> Python index tuples (N = newaxis, ... = ellipsis)

def parse_index(spec):
    if spec == "":
        return ()
    out = []
    for item in spec.split(","):
        if item == "N":
            out.append(None)
        elif item == "...":
            out.append(Ellipsis)
        elif ":" in item:
            parts = [int(p) if p else None for p in item.split(":")]
            out.append(slice(*parts))
        else:
            out.append(int(item))
    return tuple(out)


def apply_view(a, transforms):
    for t in transforms:
        kind, _, arg = t.partition(":")
        if kind == "T":
            a = a.T
        elif kind == "perm":
            a = a.transpose([int(x) for x in arg.split(",")])
        elif kind == "idx":
            a = a[parse_index(arg)]
        elif kind == "bcast":
            a = np.broadcast_to(a, ints_of(arg))
        else:
            raise ValueError("unknown view " + t)
    return a


def ints_of(s):
    return tuple(int(x) for x in s.split(",")) if s else ()


def ints_str(xs):
    return ",".join(str(int(x)) for x in xs)


def float_str(x):
    return repr(float(x))


# ------------------------------------------------------------------------------------
# the writer

class Suite:
    def __init__(self, outdir):
        self.outdir = outdir
        self.lines = []
        self.nfiles = 0
        self.counts = {}
        self.family = "misc"
        self.rng = np.random.default_rng(SEED)

    # -- files ----------------------------------------------------------------------
    def save(self, a, prefix):
        name = "%s%d.npy" % (prefix, self.nfiles)
        self.nfiles += 1
        # np.ascontiguousarray would turn 0-d arrays into 1-d ones
        np.save(os.path.join(self.outdir, name), np.array(a, order="C"), allow_pickle=False)
        return name

    # An array argument: `base` is saved, `transforms` make the operand a view of it.
    def arr(self, base, transforms=()):
        base = np.asarray(base)
        tok = "A:" + self.save(base, "in")
        for t in transforms:
            tok += "|" + t
        return Arg(tok, apply_view(base, transforms), base)

    # An array argument that views the base of argument `k` (memory overlap with it).
    def alias(self, k, other, transforms=()):
        tok = "A:@%d" % k
        for t in transforms:
            tok += "|" + t
        return Arg(tok, apply_view(other.base, transforms), other.base)

    # -- cases ----------------------------------------------------------------------
    def case(self, op, args, fn, tol=None, view_of=None, subst=None):
        """Adds one case. `fn(*values)` computes NumPy's answer from the argument values.
        view_of: index of the argument the result must be a view of when NumPy's is."""
        vals = [a.value for a in args]
        flags = []
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = fn(*vals)
        except Exception as e:  # NumPy raised: lina must raise the mapped type
            expected = "X:" + lina_error(e, op)
        else:
            outs = list(res) if isinstance(res, (list, tuple)) else [res]
            outs = [np.asarray(o) for o in outs]
            if subst is not None:
                outs = [subst(o) for o in outs]
            for o in outs:
                if o.dtype.name not in LINA_DTYPES:
                    raise RuntimeError("case %s %s: result dtype %s outside lina's set" %
                                       (op, [a.tok for a in args], o.dtype))
            expected = "E:" + ";".join(self.save(o, "out") for o in outs)
            if view_of is not None and len(outs) == 1:
                src = args[view_of]
                if isinstance(res, np.ndarray) and np.shares_memory(res, src.base):
                    flags.append("V:1")
        if tol is not None:
            flags.append("tol:%g,%g" % tol)
        cid = "%s_%04d" % (self.family, self.counts.get(self.family, 0))
        self.counts[self.family] = self.counts.get(self.family, 0) + 1
        self.lines.append("\t".join([cid, self.family, op] + [a.tok for a in args] +
                                    [expected] + flags))

    def write_manifest(self):
        with open(os.path.join(self.outdir, "manifest.tsv"), "w") as f:
            f.write("# id\tfamily\top\targs...\texpected\tflags (see README.md)\n")
            for line in self.lines:
                f.write(line + "\n")


class Arg:
    def __init__(self, tok, value, base=None):
        self.tok, self.value, self.base = tok, value, base


def weak(x):
    """A weak Python scalar argument (bool, int or float)."""
    if isinstance(x, (bool, np.bool_)):
        return Arg("b:%d" % int(x), bool(x))
    if isinstance(x, (int, np.integer)):
        return Arg("i:%d" % int(x), int(x))
    return Arg("f:" + float_str(x), float(x))


def P(tok, value):
    """A plain (non-array) parameter."""
    return Arg(tok, value)


def axes_arg(ax):
    if ax is None:
        return P("axes:none", None)
    if isinstance(ax, int):
        return P("axes:%d" % ax, ax)
    return P("axes:" + ints_str(ax), tuple(ax))


def lina_error(e, op):
    """The lina exception type(s) a NumPy exception maps to ('A|B' accepts either)."""
    msg = str(e)
    if isinstance(e, np.AxisError):
        return "IndexError"
    if isinstance(e, (OverflowError, ZeroDivisionError)):
        return "ValueError"
    if isinstance(e, TypeError):
        return "TypeError"
    if isinstance(e, IndexError):
        return "IndexError"
    if isinstance(e, ValueError):
        if "broadcast" in msg:
            return "ShapeError"
        if op in ("reshape", "m.reshape", "setitem"):
            # lina's errors.hpp files reshape failures under ShapeError; NumPy says
            # ValueError, and assigning a sequence to one element is one too.
            return "ShapeError|ValueError"
        if op in ("concatenate", "stack", "split", "split_at", "squeeze", "transpose_axes",
                  "moveaxis", "meshgrid"):
            return "ValueError|ShapeError"
        return "ValueError"
    raise RuntimeError("unmapped NumPy exception %r in %s" % (e, op))


# ------------------------------------------------------------------------------------
# random data

def values(rng, shape, dtype, kind="gen"):
    """Random values of `dtype`; `kind` keeps them where an op is well posed."""
    shape = tuple(shape)
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if kind == "small":  # many ties: comparisons, logical ops, maximum
        lo, hi = (0, 7) if dtype == "uint8" else (-3, 4)
        v = rng.integers(lo, hi, shape).astype(dtype)
        if dtype in FLOATS and v.size and rng.random() < 0.4:
            v.flat[rng.integers(0, v.size)] = np.nan
        return v
    if kind == "pos":  # in the domain of log, sqrt
        if dtype in INTS:
            return rng.integers(1, 50, shape).astype(dtype)
        return rng.uniform(0.05, 20.0, shape).astype(dtype)
    if kind == "unit":  # bounded: exp, tanh, log1p
        if dtype in INTS:
            lo = 0 if dtype == "uint8" else -5
            return rng.integers(lo, 6, shape).astype(dtype)
        return rng.uniform(-0.9, 3.0, shape).astype(dtype)
    if kind == "base":  # power bases
        if dtype in INTS:
            lo = 0 if dtype == "uint8" else -3
            return rng.integers(lo, 4, shape).astype(dtype)
        return rng.uniform(0.1, 3.0, shape).astype(dtype)
    if kind == "exp":  # power exponents: never negative for ints
        if dtype in INTS:
            return rng.integers(0, 5, shape).astype(dtype)
        return rng.uniform(-2.0, 3.0, shape).astype(dtype)
    if kind == "nonneg":  # safe to cast to uint8/bool after truncation
        if dtype in INTS:
            return rng.integers(0, 100, shape).astype(dtype)
        return rng.uniform(0.0, 100.0, shape).astype(dtype)
    # "gen": ordinary values; ints include 0 so // and % by zero are exercised
    if dtype == "uint8":
        return rng.integers(0, 256, shape).astype(dtype)
    if dtype == "int32":
        return rng.integers(-1000, 1001, shape).astype(dtype)
    if dtype == "int64":
        return rng.integers(-100000, 100001, shape).astype(dtype)
    return rng.uniform(-10.0, 10.0, shape).round(3).astype(dtype)


LAYOUTS = ["c", "c", "T", "perm", "step", "neg", "bcast"]


def operand(s, shape, dtype, kind="gen", layout=None, writable=False):
    """An array argument of `shape`, contiguous or a real non-contiguous view."""
    rng = s.rng
    shape = tuple(shape)
    if layout is None:
        choices = [l for l in LAYOUTS if not (writable and l == "bcast")]
        layout = choices[rng.integers(0, len(choices))]
    nd = len(shape)
    if nd == 0 or layout == "c":
        return s.arr(values(rng, shape, dtype, kind))
    if layout == "T":
        return s.arr(values(rng, shape[::-1], dtype, kind), ["T"])
    if layout == "perm":
        p = rng.permutation(nd)
        base_shape = [0] * nd
        for i in range(nd):
            base_shape[p[i]] = shape[i]
        return s.arr(values(rng, base_shape, dtype, kind), ["perm:" + ints_str(p)])
    if layout == "step":
        base_shape, items = [], []
        for d in shape:
            if rng.random() < 0.5:
                base_shape.append(2 * d)
                items.append("::2")
            else:
                base_shape.append(2 * d + 1)
                items.append("1::2")
        return s.arr(values(rng, base_shape, dtype, kind), ["idx:" + ",".join(items)])
    if layout == "neg":
        base_shape, items = [], []
        for d in shape:
            r = rng.random()
            if r < 0.4:
                base_shape.append(d)
                items.append("::-1")
            elif r < 0.7:
                base_shape.append(2 * d)
                items.append("::-2")
            else:
                base_shape.append(d)
                items.append(":")
        return s.arr(values(rng, base_shape, dtype, kind), ["idx:" + ",".join(items)])
    if layout == "bcast":
        # a source with fewer leading dims and some size-1 dims, broadcast with stride 0
        lead = int(rng.integers(0, nd + 1))
        src = [1 if rng.random() < 0.5 else d for d in shape[lead:]]
        return s.arr(values(rng, src, dtype, kind), ["bcast:" + ints_str(shape)])
    raise ValueError(layout)


def rand_shape(rng, rank, maxdim=4, zero_p=0.08, one_p=0.2):
    out = []
    for _ in range(rank):
        r = rng.random()
        if r < zero_p:
            out.append(0)
        elif r < zero_p + one_p:
            out.append(1)
        else:
            out.append(int(rng.integers(2, maxdim + 1)))
    return tuple(out)


def broadcast_pair(rng, max_rank=3):
    """Two shapes that broadcast together."""
    out = rand_shape(rng, int(rng.integers(0, max_rank + 1)), zero_p=0.04)
    def part():
        lead = int(rng.integers(0, len(out) + 1))
        return tuple(1 if rng.random() < 0.3 else d for d in out[lead:])
    return part(), part()


def tol_for(op, dtypes):
    if op in TRANSCENDENTAL and any(d == "float32" for d in dtypes):
        return (1e-5, 1e-6)
    return None


def float_result_dtype(dt):
    """Unary float ops: NumPy's float16 for bool/uint8 is float32 in lina."""
    if dt in ("bool", "uint8", "float32"):
        return "float32"
    return "float64"


def np_unary(op):
    if op == "sigmoid":
        return lambda x: (1.0 / (1.0 + np.exp(-x.astype(float_result_dtype(x.dtype.name))))
                          ).astype(float_result_dtype(x.dtype.name))
    if op == "relu":
        return lambda x: np.maximum(x, 0).astype(x.dtype)
    if op == "round":
        return np.round

    f = getattr(np, {"abs": "absolute"}.get(op, op))

    def run(x):
        r = f(x)
        if r.dtype == np.float16:  # lina computes these in float32
            r = f(x.astype(np.float32))
        return r
    return run


def np_binary(op):
    return getattr(np, op)


def binary_excluded(op, da, db):
    # NumPy's int8 results (bool ** bool, bool // bool, bool % bool): lina has no int8.
    return da == "bool" and db == "bool" and op in ("power", "floor_divide", "remainder")


def binary_kinds(op, da, db):
    if op == "power":
        return "base", "exp"
    if op in ("maximum", "minimum", "equal", "not_equal", "less", "less_equal", "greater",
              "greater_equal", "logical_and", "logical_or", "logical_xor"):
        return "small", "small"
    return "gen", "gen"


# ------------------------------------------------------------------------------------
# families

def gen_binary(s):
    s.family = "binary"
    rng = s.rng
    for op in BINARY:
        for da in DTYPES:
            for db in DTYPES:
                if binary_excluded(op, da, db):
                    continue
                sa, sb = broadcast_pair(rng)
                ka, kb = binary_kinds(op, da, db)
                a = operand(s, sa, da, ka)
                b = operand(s, sb, db, kb)
                s.case(op, [a, b], np_binary(op), tol=tol_for(op, (da, db)))
    for da, db in [("float32", "float32"), ("int32", "int64"), ("float64", "bool")]:
        a = operand(s, (3, 4), da)
        b = operand(s, (4,), db)
        s.case("hadamard", [a, b], np.multiply)
    # integer powers with a negative exponent are a ValueError
    for da, db in [("int32", "int32"), ("int64", "uint8"), ("int64", "int64"), ("uint8", "int32")]:
        a = s.arr(np.array([2, 3, 1], da))
        b = s.arr(np.array([1, -1, 2], db) if db != "uint8" else np.array([1, 2, 0], db))
        s.case("power", [a, b], np.power)


SCALAR_INTS = [3, 2, 0, -2, 7, 1]
SCALAR_FLOATS = [1.5, -0.5, 2.25, 0.0, 3.0, float("nan"), float("inf")]


def gen_scalar(s):
    s.family = "scalar"
    rng = s.rng
    for op in BINARY:
        for dt in DTYPES:
            for kind in ("b", "i", "f"):
                for side in ("right", "left"):
                    ka, kb = binary_kinds(op, dt, dt)
                    akind = ka if side == "right" else kb
                    a = operand(s, rand_shape(rng, int(rng.integers(0, 4))), dt, akind)
                    if kind == "b":
                        if op in ("power", "floor_divide", "remainder") and dt == "bool":
                            continue
                        v = bool(rng.random() < 0.5)
                    elif kind == "i":
                        v = SCALAR_INTS[rng.integers(0, len(SCALAR_INTS))]
                        if op == "power" and side == "right":
                            v = int(rng.integers(0, 4))
                        if dt == "uint8" and v < 0:
                            v = -v
                    else:
                        v = SCALAR_FLOATS[rng.integers(0, len(SCALAR_FLOATS))]
                        if op == "power":
                            v = [0.5, 2.0, -1.0, 1.5][rng.integers(0, 4)]
                    w = weak(v)
                    args = [a, w] if side == "right" else [w, a]
                    s.case(op, args, np_binary(op), tol=tol_for(op, (dt,)))
    # integer scalars out of the array dtype's range: ValueError (NumPy: OverflowError)
    for op, dt, v in [("add", "uint8", 300), ("subtract", "uint8", -1), ("multiply", "int32", 2**40),
                      ("maximum", "uint8", -1), ("less", "uint8", 256)]:
        a = operand(s, (3,), dt)
        s.case(op, [a, weak(v)], np_binary(op))
    # negative integer scalar exponent
    s.case("power", [operand(s, (2, 2), "int64"), weak(-1)], np.power)
    s.case("power", [operand(s, (2,), "int32"), weak(-2)], np.power)


def gen_operators(s):
    s.family = "operator"
    rng = s.rng
    for opname, ufunc in OPERATORS.items():
        for _ in range(14):
            da = DTYPES[rng.integers(0, 6)]
            db = DTYPES[rng.integers(0, 6)]
            if opname in ("op-",) and da == "bool" and db == "bool":
                db = "int32"
            if binary_excluded(ufunc, da, db):
                db = "float32"
            ka, kb = binary_kinds(ufunc, da, db)
            sa, sb = broadcast_pair(rng)
            r = rng.random()
            a = operand(s, sa, da, ka)
            b = operand(s, sb, db, kb)
            # The plan's operators: arithmetic takes a scalar on either side, comparisons
            # on the right, && and || arrays only.
            arithmetic = opname in ("op+", "op-", "op*", "op/", "op%")
            logical = opname in ("op&&", "op||")
            if r < 0.25 and not logical:
                b = weak([2, 1.5, True][rng.integers(0, 3)])
            elif r < 0.45 and arithmetic:
                a = weak([3, 0.5, False][rng.integers(0, 3)])
            s.case(opname, [a, b], getattr(np, ufunc), tol=tol_for(ufunc, (da, db)))
    for dt in DTYPES:
        a = operand(s, rand_shape(rng, 2), dt)
        s.case("op-u", [a], np.negative)
        a = operand(s, rand_shape(rng, 2), dt, "small")
        s.case("op!", [a], np.logical_not)
    s.case("op-", [operand(s, (3,), "bool"), operand(s, (3,), "bool")], np.subtract)


def gen_unary(s):
    s.family = "unary"
    rng = s.rng
    for op in UNARY:
        for dt in DTYPES:
            if dt == "bool" and op in ("square", "round", "relu"):
                continue  # NumPy gives int8/float16/int64 here; lina's choice is documented
            for layout in ("c", "T", "neg", "step"):
                kind = {"log": "pos", "sqrt": "pos", "log1p": "unit", "exp": "unit",
                        "expm1": "unit", "sigmoid": "gen", "square": "unit"}.get(op, "gen")
                if op == "round" and dt in FLOATS:
                    # halves exercise round-half-to-even
                    base = values(rng, rand_shape(rng, 2, one_p=0), "int32", "unit")
                    a = s.arr((base / 2.0).astype(dt))
                else:
                    shape = rand_shape(rng, int(rng.integers(0, 4)))
                    a = operand(s, shape, dt, kind, layout=layout)
                s.case(op, [a], np_unary(op), tol=tol_for(op, ("float32",)))
    # out of the domain: nan / -inf / inf
    for op, vals in [("log", [-1.0, 0.0, np.inf, np.nan]), ("sqrt", [-4.0, 0.0, np.inf]),
                     ("log1p", [-1.0, -2.0]), ("exp", [800.0, -800.0, np.nan]),
                     ("sign", [np.nan, -0.0, 2.0]), ("floor", [np.inf, -1.5])]:
        for dt in FLOATS:
            s.case(op, [s.arr(np.array(vals, dt))], np_unary(op))
    for op in ("negative", "sign"):
        s.case(op, [operand(s, (3,), "bool")], np_unary(op))


def np_where(c, x, y):
    """np.where with NEP 50 weak Python scalars, as NumPy 2 (1.24's where converts a
    Python scalar to a strong int64/float64 array even in weak mode)."""
    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray):
        return np.where(c, x, y)
    dt = np.result_type(x, y)  # honours weak scalars in weak mode
    for v in (x, y):
        if isinstance(v, int) and not isinstance(v, bool) and dt.kind in "iu":
            info = np.iinfo(dt)
            if not info.min <= v <= info.max:
                raise OverflowError("Python integer %d out of bounds for %s" % (v, dt))
    return np.where(c, x, y).astype(dt)


def gen_where_clip(s):
    s.family = "where_clip"
    rng = s.rng
    for dx in DTYPES:
        for dy in DTYPES:
            out = rand_shape(rng, int(rng.integers(0, 4)), zero_p=0.03)
            def part():
                lead = int(rng.integers(0, len(out) + 1))
                return tuple(1 if rng.random() < 0.3 else d for d in out[lead:])
            c = operand(s, part(), "bool")
            x = operand(s, part(), dx)
            y = operand(s, part(), dy)
            s.case("where", [c, x, y], np_where)
    for dt in DTYPES:
        for kind in ("b", "i", "f"):
            c = operand(s, rand_shape(rng, 2), "bool")
            x = operand(s, c.value.shape[1:], dt)
            v = weak({"b": True, "i": 5, "f": 2.5}[kind])
            if rng.random() < 0.5:
                s.case("where", [c, x, v], np_where)
            else:
                s.case("where", [c, v, x], np_where)
        c = operand(s, (2, 3), "bool")
        s.case("where", [c, weak(1), weak(2.5)], np_where)
    c = operand(s, (2, 3), "bool")
    s.case("where", [c, operand(s, (3,), "uint8"), weak(300)], np_where)
    s.case("where", [c, weak(True), weak(7)], np_where)
    s.case("where", [c, weak(True), weak(False)], np_where)
    s.case("where", [operand(s, (2, 3), "bool"), operand(s, (4,), "float64"),
                     operand(s, (3,), "float64")], np_where)
    # clip: array bounds and weak scalar bounds
    for dt in DTYPES:
        if dt == "bool":
            continue
        for lo_kind, hi_kind in [("i", "i"), ("f", "f"), ("i", "f"), ("A", "A"), ("A", "i")]:
            a = operand(s, rand_shape(rng, int(rng.integers(0, 4))), dt)
            def bound(kind, v):
                if kind == "i":
                    return weak(int(v))
                if kind == "f":
                    return weak(float(v) + 0.5)
                return operand(s, a.value.shape[1:] if a.value.ndim else (), dt, "gen")
            lo, hi = (0, 50) if dt == "uint8" else (-5, 5)
            s.case("clip", [a, bound(lo_kind, lo), bound(hi_kind, hi)], np.clip)
    s.case("clip", [operand(s, (4,), "int32"), weak(5), weak(-5)], np.clip)
    s.case("clip", [operand(s, (4,), "uint8"), weak(1), weak(300)], np.clip)
    s.case("clip", [operand(s, (2, 3), "float64"), operand(s, (2,), "float64"), weak(1.0)], np.clip)


def gen_broadcast(s):
    s.family = "broadcast"
    rng = s.rng
    ops = ["add", "multiply", "maximum", "less", "subtract", "logical_or", "divide"]
    for i in range(330):
        rank = i % 6  # every output rank 0..5
        out = rand_shape(rng, rank, maxdim=3, zero_p=0.1, one_p=0.25)
        def part():
            lead = int(rng.integers(0, len(out) + 1))
            return tuple(1 if rng.random() < 0.35 else d for d in out[lead:])
        sa, sb = part(), part()
        op = ops[i % len(ops)]
        da = ["float64", "float32", "int32", "int64", "uint8"][rng.integers(0, 5)]
        db = ["float64", "float32", "int32", "int64"][rng.integers(0, 4)]
        if op == "subtract" and da == "bool":
            da = "int32"
        a = operand(s, sa, da, "small")
        b = operand(s, sb, db, "small")
        s.case(op, [a, b], np_binary(op))
    # incompatible shapes: ShapeError
    for i in range(70):
        rank = 1 + i % 5
        sa = list(rand_shape(rng, rank, maxdim=4, zero_p=0.1, one_p=0.1))
        sb = list(sa[int(rng.integers(0, rank)):]) or [3]
        k = int(rng.integers(0, len(sb)))
        sb[k] = {0: 2, 1: 1, 2: 3, 3: 4, 4: 2}[sa[len(sa) - len(sb) + k]] if sa[len(sa) - len(sb) + k] != 1 else 0
        if sb[k] == 1 or sa[len(sa) - len(sb) + k] in (1, sb[k]):
            sa[len(sa) - len(sb) + k] = 2
            sb[k] = 3
        a = operand(s, tuple(sa), "float64")
        b = operand(s, tuple(sb), "int32")
        op = ops[i % len(ops)]
        s.case(op, [a, b] if i % 2 else [b, a], np_binary(op))


def gen_inplace(s):
    s.family = "inplace"
    rng = s.rng
    iops = {"iadd": np.add, "isub": np.subtract, "imul": np.multiply, "idiv": np.true_divide}

    def inplace(f):
        def run(a, b):
            f(a, b, out=a, casting="same_kind")
            return None
        return run

    for name, f in iops.items():
        for da in DTYPES:
            for db in DTYPES:
                out = rand_shape(rng, int(rng.integers(0, 4)), zero_p=0.03)
                lead = int(rng.integers(0, len(out) + 1))
                sb = tuple(1 if rng.random() < 0.3 else d for d in out[lead:])
                a = operand(s, out, da, "small", writable=True)
                b = operand(s, sb, db, "small")
                add_inplace_case(s, name, f, a, b)
        for da in DTYPES:
            for v in (True, 2, 1.5):
                a = operand(s, rand_shape(rng, 2), da, "small", writable=True)
                add_inplace_case(s, name, f, a, weak(v))
    # the target must already have the broadcast shape
    a = operand(s, (3,), "float64", layout="c")
    add_inplace_case(s, "iadd", np.add, a, operand(s, (2, 3), "float64"))
    # out= forms: result cast same_kind into out
    for name, f in [("add_out", np.add), ("multiply_out", np.multiply),
                    ("subtract_out", np.subtract), ("maximum_out", np.maximum)]:
        for da, db, do in [("float32", "float32", "float32"), ("int32", "int64", "int32"),
                           ("int32", "int32", "float64"), ("float64", "float64", "int64"),
                           ("uint8", "int32", "int64"), ("float32", "float64", "float32")]:
            out_shape = (3, 4)
            a = operand(s, (3, 4), da, "small")
            b = operand(s, (4,), db, "small")
            o = operand(s, out_shape, do, "small", writable=True)
            def run(x, y, z, f=f):
                f(x, y, out=z, casting="same_kind")
                return None
            add_out_case(s, name, run, [a, b, o])
    o = operand(s, (2, 4), "float64", layout="c")
    add_out_case(s, "add_out", lambda x, y, z: np.add(x, y, out=z),
                 [operand(s, (3, 4), "float64"), operand(s, (4,), "float64"), o])
    # the output takes part in broadcasting (it may be larger than the operands' shape)
    # but is not broadcast itself
    for name, f in [("add_out", np.add), ("maximum_out", np.maximum)]:
        for sa, sb, so in [((3, 4), (4,), (2, 3, 4)), ((4,), (1,), (3, 4)), ((), (), (2, 2)),
                           ((3, 1), (1, 4), (2, 3, 4)), ((3, 4), (4,), (5, 1, 4)), ((3, 4), (4,), (4,)),
                           ((2, 1), (3,), (2, 2, 3)), ((3,), (3,), (0, 3))]:
            o = operand(s, so, "float64", "small", writable=True)
            add_out_case(s, name, lambda x, y, z, f=f: f(x, y, out=z, casting="same_kind"),
                         [operand(s, sa, "float32", "small"), operand(s, sb, "float64", "small"), o])
    for name, f in [("exp_out", np.exp), ("negative_out", np.negative)]:
        for sa, so in [((4,), (3, 4)), ((1,), (2, 3)), ((), (2,)), ((3,), (2,)), ((2, 3), (3,)), ((2, 1), (2, 3))]:
            o = operand(s, so, "float64", "small", writable=True)
            add_unary_out_case(s, name, lambda x, z, f=f: f(x, out=z, casting="same_kind"),
                               [operand(s, sa, "float64", "unit"), o])


def add_inplace_case(s, name, f, a, b):
    def run(x, y):
        f(x, y, out=x, casting="same_kind")
        return a.base
    base_before = a.base.copy()
    s.case(name, [a, b], run)
    # the case computed on a.value, a view of a.base: restore a.base for the file on disk
    # (the input file was already written before the op ran)
    a.base[...] = base_before


def add_out_case(s, name, run, args):
    o = args[2]
    before = o.base.copy()
    s.case(name, args, lambda x, y, z: (run(x, y, z), o.base)[1])
    o.base[...] = before


def add_unary_out_case(s, name, run, args):
    o = args[1]
    before = o.base.copy()
    s.case(name, args, lambda x, z: (run(x, z), o.base)[1])
    o.base[...] = before


def gen_reduction(s):
    s.family = "reduction"
    rng = s.rng
    ops = ["sum", "prod", "mean", "min", "max", "all", "any", "var", "std", "amin", "amax"]
    npf = {"sum": np.sum, "prod": np.prod, "mean": np.mean, "min": np.min, "max": np.max,
           "all": np.all, "any": np.any, "var": np.var, "std": np.std, "amin": np.amin,
           "amax": np.amax}

    def subst(o):  # NumPy's uint64 sums are int64 in lina
        return o.astype(np.int64) if o.dtype == np.uint64 else o

    for op in ops:
        for dt in DTYPES:
            forms = [None, 0, -1, "tuple", "negtuple", (), "all", "keep_none"]
            for form in forms:
                rank = int(rng.integers(1, 5))
                if form is None and rng.random() < 0.2:
                    rank = 0
                shape = rand_shape(rng, rank, zero_p=0.05 if op not in ("min", "max", "amin", "amax") else 0.0)
                kind = "small" if op in ("prod", "min", "max", "amin", "amax", "all", "any") else "gen"
                if op == "prod" and dt in INTS:
                    kind = "small"
                a = operand(s, shape, dt, kind)
                keep = bool(rng.random() < 0.4)
                if form == "tuple" and rank >= 2:
                    ax = tuple(sorted(rng.choice(rank, 2, replace=False).tolist()))
                elif form == "negtuple" and rank >= 2:
                    ax = (-1, 0) if rank > 1 else (0,)
                elif form == "all":
                    ax = tuple(range(rank))
                elif form == "keep_none":
                    ax, keep = None, True
                elif isinstance(form, int) and rank >= 1:
                    ax = form
                elif form == ():
                    ax = ()
                else:
                    ax = None
                npax = ax
                args = [a, axes_arg(ax)]
                if op in ("var", "std"):
                    ddof = int(rng.integers(0, 3))
                    args.append(P("int:%d" % ddof, ddof))
                    fn = lambda x, axis, d, k, f=npf[op]: f(x, axis=axis, ddof=d, keepdims=k)
                else:
                    fn = lambda x, axis, k, f=npf[op]: f(x, axis=axis, keepdims=k)
                args.append(P("bool:%d" % keep, keep))
                tol = None
                if dt == "float32" and op in ("mean", "var", "std", "sum", "prod"):
                    tol = (1e-4, 1e-4)
                if op in ("var", "std") and dt != "float32":
                    tol = (1e-9, 1e-9)
                s.case(op, args, fn, tol=tol, subst=subst)
                del npax
    # argmin / argmax: axis None or int, keepdims
    for op, f in (("argmin", np.argmin), ("argmax", np.argmax)):
        for dt in DTYPES:
            for form in (None, 0, -1, 1, "keep"):
                rank = int(rng.integers(1, 4))
                a = operand(s, rand_shape(rng, rank, zero_p=0), dt, "small")
                ax = None if form in (None, "keep") else (form if rank > 1 or form in (0, -1) else 0)
                keep = form == "keep" or bool(rng.random() < 0.3)
                axtok = P("opt:none", None) if ax is None else P("opt:%d" % ax, ax)
                s.case(op, [a, axtok, P("bool:%d" % keep, keep)],
                       lambda x, axis, k, f=f: f(x, axis=axis, keepdims=k))
        s.case(op, [s.arr(np.zeros((0,)))], lambda x, f=f: f(x))
        s.case(op, [s.arr(np.zeros((2, 0))), P("opt:1", 1), P("bool:0", False)],
               lambda x, axis, k, f=f: f(x, axis=axis, keepdims=k))
        s.case(op, [s.arr(np.zeros((2, 3))), P("opt:2", 2), P("bool:0", False)],
               lambda x, axis, k, f=f: f(x, axis=axis, keepdims=k))
    # dtype= argument of sum
    for dt, out in [("int32", "float64"), ("float32", "float64"), ("bool", "int32"),
                    ("float64", "float32"), ("uint8", "int64")]:
        a = operand(s, (3, 4), dt, "small" if dt != "bool" else "gen")
        s.case("sum", [a, axes_arg(1), P("bool:0", False), P("dtype:" + out, out)],
               lambda x, axis, k, d: np.sum(x, axis=axis, keepdims=k, dtype=d))
    # errors: empty min/max, bad axes
    for op in ("min", "max"):
        s.case(op, [s.arr(np.zeros((0, 3))), axes_arg(None), P("bool:0", False)],
               lambda x, axis, k, f=npf[op]: f(x, axis=axis, keepdims=k))
        s.case(op, [s.arr(np.zeros((0, 3))), axes_arg(0), P("bool:0", False)],
               lambda x, axis, k, f=npf[op]: f(x, axis=axis, keepdims=k))
        s.case(op, [s.arr(np.zeros((0, 3))), axes_arg(1), P("bool:0", False)],
               lambda x, axis, k, f=npf[op]: f(x, axis=axis, keepdims=k))
    for ax in (2, -3, (0, 0), (0, 2)):
        s.case("sum", [s.arr(np.ones((2, 3))), axes_arg(ax), P("bool:0", False)],
               lambda x, axis, k: np.sum(x, axis=axis, keepdims=k))
    # float sums are pairwise: 1e6 float32 ones plus 0.1s
    big = np.full((100003,), 0.1, np.float32)
    s.case("sum", [s.arr(big), axes_arg(None), P("bool:0", False)],
           lambda x, axis, k: np.sum(x, axis=axis, keepdims=k), tol=(1e-5, 0))
    s.case("mean", [s.arr(big.reshape(7, -1) if big.size % 7 == 0 else big), axes_arg(None),
                    P("bool:0", False)],
           lambda x, axis, k: np.mean(x, axis=axis, keepdims=k), tol=(1e-6, 1e-6))
    # nan propagates in min/max
    s.case("max", [s.arr(np.array([[1.0, np.nan], [3.0, 2.0]])), axes_arg(1), P("bool:0", False)],
           lambda x, axis, k: np.max(x, axis=axis, keepdims=k))
    s.case("min", [s.arr(np.array([np.nan, 1.0], np.float32)), axes_arg(None), P("bool:0", False)],
           lambda x, axis, k: np.min(x, axis=axis, keepdims=k))


def gen_shape(s):
    s.family = "shape"
    rng = s.rng

    def some_dtype():
        return DTYPES[rng.integers(0, 6)]

    # reshape: -1, size-0, views of non-contiguous operands, errors
    for i in range(110):
        rank = int(rng.integers(0, 4))
        shape = rand_shape(rng, rank, zero_p=0.05, one_p=0.15)
        a = operand(s, shape, some_dtype(), layout=["c", "T", "step", "neg", "perm", "c"][i % 6])
        n = int(np.prod(shape))
        # a random factorisation of n, possibly with one -1
        new = []
        m = n
        while m > 1 and len(new) < 3:
            f = [d for d in (2, 3, 4, 5, 6) if m % d == 0]
            if not f:
                break
            d = f[rng.integers(0, len(f))]
            new.append(d)
            m //= d
        if m != 1 or not new:
            new.append(m)
        rng.shuffle(new)
        if rng.random() < 0.25:
            new.insert(int(rng.integers(0, len(new) + 1)), 1)
        if rng.random() < 0.4 and n > 0:
            new[int(rng.integers(0, len(new)))] = -1
        if i % 23 == 0:
            new = [n + 1]  # size mismatch: error
        if i % 37 == 5:
            new = [-1, -1]
        tok = P("shape:" + ints_str(new), tuple(new))
        op = "reshape" if i % 3 else "m.reshape"
        s.case(op, [a, tok], lambda x, sh: np.reshape(x, sh), view_of=0)
    s.case("reshape", [s.arr(np.zeros((0, 3))), P("shape:-1,0", (-1, 0))],
           lambda x, sh: np.reshape(x, sh))
    # transpose / perm / swapaxes / moveaxis
    for i in range(50):
        rank = int(rng.integers(0, 6))
        a = operand(s, rand_shape(rng, rank, maxdim=3), some_dtype())
        if i % 2 == 0:
            s.case("transpose", [a], np.transpose, view_of=0)
        else:
            p = rng.permutation(rank).tolist()
            if i % 17 == 1 and rank >= 2:
                p[0] = p[1]  # repeated axis
            if i % 19 == 3:
                p = p + [rank]
            p = [x - rank if rng.random() < 0.3 else x for x in p]
            s.case("transpose_axes", [a, P("ints:" + ints_str(p), p)],
                   lambda x, pp: np.transpose(x, pp), view_of=0)
    for i in range(40):
        rank = int(rng.integers(1, 5))
        a = operand(s, rand_shape(rng, rank, maxdim=3), some_dtype())
        i1 = int(rng.integers(-rank, rank))
        i2 = int(rng.integers(-rank, rank + (1 if i % 9 == 0 else 0)))
        s.case("swapaxes", [a, P("int:%d" % i1, i1), P("int:%d" % i2, i2)],
               lambda x, p, q: np.swapaxes(x, p, q), view_of=0)
    for i in range(50):
        rank = int(rng.integers(1, 5))
        a = operand(s, rand_shape(rng, rank, maxdim=3), some_dtype())
        if i % 2 == 0:
            src = int(rng.integers(-rank, rank))
            dst = int(rng.integers(-rank, rank + (1 if i % 11 == 0 else 0)))
            s.case("moveaxis", [a, P("int:%d" % src, src), P("int:%d" % dst, dst)],
                   lambda x, p, q: np.moveaxis(x, p, q), view_of=0)
        else:
            k = int(rng.integers(1, rank + 1))
            src = rng.choice(rank, k, replace=False).tolist()
            dst = rng.choice(rank, k, replace=False).tolist()
            if i % 13 == 1 and k >= 2:
                dst[0] = dst[1]
            s.case("moveaxis", [a, P("ints:" + ints_str(src), src), P("ints:" + ints_str(dst), dst)],
                   lambda x, p, q: np.moveaxis(x, p, q), view_of=0)
    # expand_dims / squeeze
    for i in range(40):
        rank = int(rng.integers(0, 4))
        a = operand(s, rand_shape(rng, rank, maxdim=3), some_dtype())
        if i % 3 == 0:
            ax = int(rng.integers(-rank - 1, rank + 1 + (1 if i % 9 == 0 else 0)))
        else:
            k = int(rng.integers(1, 3))
            ax = tuple(int(x) for x in rng.choice(rank + k, k, replace=False))
            if i % 10 == 1 and k == 2:
                ax = (ax[0], ax[0])
        s.case("expand_dims", [a, axes_arg(ax)], lambda x, axx: np.expand_dims(x, axx), view_of=0)
    for i in range(40):
        rank = int(rng.integers(0, 5))
        shape = tuple(1 if rng.random() < 0.5 else int(rng.integers(0, 4)) for _ in range(rank))
        a = operand(s, shape, some_dtype())
        ones = [k for k, d in enumerate(shape) if d == 1]
        if i % 3 == 0 or not ones:
            ax = None
        elif i % 3 == 1:
            ax = ones[0] - (rank if rng.random() < 0.5 else 0)
        else:
            ax = tuple(ones)
        if i % 8 == 7 and rank > 0:
            ax = int(rng.integers(0, rank))  # maybe not size 1: error
        s.case("squeeze", [a, axes_arg(ax)], lambda x, axx: np.squeeze(x, axx), view_of=0)
    # ravel / flatten
    for i in range(40):
        rank = int(rng.integers(0, 4))
        a = operand(s, rand_shape(rng, rank), some_dtype())
        if i % 2:
            s.case("ravel", [a], np.ravel, view_of=0)
        else:
            s.case("flatten", [a], lambda x: x.flatten())
    # concatenate / stack
    for i in range(45):
        rank = int(rng.integers(1, 4))
        shape = list(rand_shape(rng, rank, zero_p=0.05))
        ax = int(rng.integers(-rank, rank))
        n = int(rng.integers(1, 4))
        parts = []
        for _ in range(n):
            sh = list(shape)
            sh[ax] = int(rng.integers(0, 4))
            parts.append(operand(s, tuple(sh), DTYPES[rng.integers(0, 6)], layout="c" if rng.random() < 0.5 else None))
        if i % 15 == 7 and rank >= 2:
            sh = list(shape)
            sh[(ax + 1) % rank] += 1
            parts.append(operand(s, tuple(sh), "float64"))
        if i % 20 == 3:
            ax = rank
        s.case("concatenate", parts + [P("int:%d" % ax, ax)],
               lambda *xs: np.concatenate(xs[:-1], axis=xs[-1]))
    for i in range(6):
        parts = [operand(s, rand_shape(rng, 2), "float32") for _ in range(2)]
        s.case("concatenate", parts + [P("opt:none", None)],
               lambda *xs: np.concatenate(xs[:-1], axis=None))
    for i in range(35):
        rank = int(rng.integers(0, 4))
        shape = rand_shape(rng, rank)
        n = int(rng.integers(1, 4))
        parts = [operand(s, shape, DTYPES[rng.integers(0, 6)]) for _ in range(n)]
        if i % 12 == 5:
            parts.append(operand(s, shape + (2,), "float64"))
        ax = int(rng.integers(-rank - 1, rank + 1 + (1 if i % 10 == 0 else 0)))
        s.case("stack", parts + [P("int:%d" % ax, ax)], lambda *xs: np.stack(xs[:-1], axis=xs[-1]))
    # split: sections and indices
    for i in range(45):
        rank = int(rng.integers(1, 4))
        shape = list(rand_shape(rng, rank, zero_p=0.03))
        ax = int(rng.integers(-rank, rank))
        if i % 2 == 0:
            k = [1, 2, 3][rng.integers(0, 3)]
            if i % 8 != 0:
                shape[ax] = k * int(rng.integers(0, 3))
            a = operand(s, tuple(shape), some_dtype())
            s.case("split", [a, P("int:%d" % k, k), P("int:%d" % ax, ax)],
                   lambda x, kk, axx: np.split(x, kk, axis=axx))
        else:
            a = operand(s, tuple(shape), some_dtype())
            idx = sorted(int(x) for x in rng.integers(-2, shape[ax] + 3, int(rng.integers(1, 4))))
            if rng.random() < 0.3:
                idx = idx[::-1]
            s.case("split_at", [a, P("ints:" + ints_str(idx), idx), P("int:%d" % ax, ax)],
                   lambda x, ii, axx: np.split(x, ii, axis=axx))
    # broadcast_to / broadcast_arrays
    for i in range(45):
        out = rand_shape(rng, int(rng.integers(0, 5)), maxdim=3, zero_p=0.05)
        lead = int(rng.integers(0, len(out) + 1))
        src = tuple(1 if rng.random() < 0.4 else d for d in out[lead:])
        if i % 9 == 4 and src:
            src = src[:-1] + (src[-1] + 2,)
        a = operand(s, src, some_dtype())
        s.case("broadcast_to", [a, P("shape:" + ints_str(out), out)],
               lambda x, sh: np.broadcast_to(x, sh), view_of=0)
    for i in range(20):
        sa, sb = broadcast_pair(rng, 4)
        parts = [operand(s, sa, some_dtype()), operand(s, sb, some_dtype())]
        if i % 4 == 0:
            parts.append(operand(s, (), "float64"))
        if i % 7 == 6:
            parts.append(operand(s, (5, 7), "float64"))
        s.case("broadcast_arrays", parts, lambda *xs: np.broadcast_arrays(*xs))


def random_index(rng, shape, allow_error=False):
    """A random basic index spec (string) for an array of `shape`."""
    nd = len(shape)
    items = []
    k = 0
    used_ellipsis = False
    while k < nd:
        r = rng.random()
        if r < 0.08 and not used_ellipsis:
            items.append("...")
            used_ellipsis = True
            k = nd - int(rng.integers(0, nd - k + 1))
            continue
        if r < 0.15:
            items.append("N")
            continue
        if r < 0.5 and rng.random() < 0.8:
            items.append(":" if rng.random() < 0.3 else slice_spec(rng, shape[k]))
            k += 1
            continue
        if r < 0.75 and shape[k] > 0:
            i = int(rng.integers(-shape[k], shape[k]))
            items.append(str(i))
            k += 1
            continue
        if k < nd and rng.random() < 0.3:
            break  # fewer indices than dimensions
        items.append(slice_spec(rng, shape[k]))
        k += 1
    if rng.random() < 0.1:
        items.append("N")
    if allow_error:
        r = rng.random()
        if r < 0.5 and nd > 0 and shape[0] > 0:
            items = [str(shape[0] + int(rng.integers(0, 3)))] + items[1:]
        elif r < 0.7:
            items = items + ["0"] * (nd + 1 - len([x for x in items if x not in ("N", "...")]))
        else:
            items = ["...", "..."]
    return ",".join(items)


def slice_spec(rng, n):
    def bound():
        r = rng.random()
        if r < 0.3:
            return ""
        return str(int(rng.integers(-n - 2, n + 3)))
    step = ["", "1", "2", "-1", "-2", "3"][rng.integers(0, 6)]
    spec = bound() + ":" + bound()
    if step:
        spec += ":" + step
    return spec


def gen_index(s):
    s.family = "index"
    rng = s.rng
    for i in range(320):
        rank = int(rng.integers(0, 5))
        shape = rand_shape(rng, rank, maxdim=5, zero_p=0.04)
        dt = DTYPES[rng.integers(0, 6)]
        a = operand(s, shape, dt, layout=None)
        spec = random_index(rng, shape, allow_error=(i % 16 == 15))
        s.case("index", [a, P("idx:" + spec, parse_index(spec))],
               lambda x, ix: x[ix], view_of=0)
    for i in range(40):
        shape = rand_shape(rng, int(rng.integers(1, 4)), zero_p=0)
        a = operand(s, shape, DTYPES[rng.integers(0, 6)])
        j = int(rng.integers(-shape[0] - (1 if i % 10 == 0 else 0), shape[0] + (1 if i % 10 == 5 else 0)))
        s.case("getitem_int", [a, P("int:%d" % j, j)], lambda x, jj: x[jj], view_of=0)
    # assignment through an indexed view, with broadcasting and casting
    for i in range(230):
        rank = int(rng.integers(0, 4))
        shape = rand_shape(rng, rank, maxdim=5, zero_p=0.04)
        dt = DTYPES[rng.integers(0, 6)]
        a = operand(s, shape, dt, "nonneg", layout=["c", "c", "T", "step", "neg"][i % 5])
        spec = random_index(rng, shape, allow_error=(i % 25 == 24))
        ix = parse_index(spec)
        try:
            target_shape = a.value[ix].shape
        except Exception:
            target_shape = (2,)
        r = rng.random()
        vdt = DTYPES[rng.integers(0, 6)]
        if dt in ("uint8", "bool") and vdt in FLOATS:
            vdt = "int32"
        if r < 0.3:
            v = weak([5, 2.5, True, 0][rng.integers(0, 4)])
            if dt in INTS + ["bool"] and isinstance(v.value, float):
                v = weak(4)
        else:
            lead = int(rng.integers(0, len(target_shape) + 1))
            vs = tuple(1 if rng.random() < 0.3 else d for d in target_shape[lead:])
            if i % 29 == 28:
                vs = vs + (7,)  # does not broadcast
            v = operand(s, vs, vdt, "nonneg")
        before = a.base.copy()

        def run(x, ixx, val, a=a):
            x[ixx] = val
            return a.base
        s.case("setitem", [a, P("idx:" + spec, ix), v], run)
        a.base[...] = before
    # boolean masks
    for i in range(45):
        rank = int(rng.integers(0, 4))
        shape = rand_shape(rng, rank, zero_p=0.05)
        a = operand(s, shape, DTYPES[rng.integers(0, 6)])
        k = int(rng.integers(0, rank + 1))
        mshape = shape[:k]
        if i % 15 == 14 and k > 0:
            mshape = mshape[:-1] + (mshape[-1] + 1,)
        m = operand(s, mshape, "bool")
        s.case("mask", [a, m], lambda x, mm: x[mm])
    # take
    for i in range(45):
        rank = int(rng.integers(0, 4))
        shape = rand_shape(rng, rank, zero_p=0)
        a = operand(s, shape, DTYPES[rng.integers(0, 6)])
        if rank == 0 or i % 3 == 0:
            n = max(1, int(np.prod(shape)))
            axis = None
        else:
            axis = int(rng.integers(-rank, rank))
            n = shape[axis]
        ishape = rand_shape(rng, int(rng.integers(0, 3)), zero_p=0.05)
        extra = 1 if i % 12 == 11 else 0
        ind = rng.integers(-n, n + extra, ishape).astype(np.int64)
        if extra and ind.size:
            ind.flat[0] = n
        it = s.arr(ind)
        ax = P("opt:none", None) if axis is None else P("opt:%d" % axis, axis)
        s.case("take", [a, it, ax], lambda x, ii, axx: np.take(x, ii, axis=axx))


def gen_alias(s):
    """Operands that overlap in memory: NumPy computes as if the inputs were copied
    first (a += a.T, a[1:] = a[:-1], add(a, a[::-1], out=a))."""
    s.family = "alias"
    rng = s.rng
    iops = {"iadd": np.add, "isub": np.subtract, "imul": np.multiply}
    views = [["T"], ["idx:::-1"], ["idx:::-1,::-1"], [], ["idx:0:1"], ["idx:::-1", "T"],
             ["idx:1:2,::-1"]]
    for name, f in iops.items():
        for dt in ("float64", "int32", "float32", "int64"):
            for v in views:
                a = s.arr(values(rng, (4, 4) if "T" in v else (5, 4), dt, "small"))
                b = s.alias(0, a, v)
                add_inplace_case(s, name, f, a, b)
    # assignment between overlapping views
    for dt in ("float64", "int64", "uint8", "bool"):
        for target, src in [("1:", ["idx::-1"]), (":-1", ["idx:1:"]), ("::-1", []),
                            ("...", ["idx:::-1"]), (":,::2", ["idx::,1::2"]), ("", ["T"]),
                            ("1:,1:", ["idx::-1,:-1"]), ("0", ["idx:1"])]:
            shape = (4, 4) if src == ["T"] else (5, 6)
            a = s.arr(values(rng, shape, dt, "nonneg"))
            v = s.alias(0, a, src)
            before = a.base.copy()

            def run(x, ixx, val, a=a):
                x[ixx] = val
                return a.base
            s.case("setitem", [a, P("idx:" + target, parse_index(target)), v], run)
            a.base[...] = before
    # out= aliasing an input
    for name, f in (("add_out", np.add), ("multiply_out", np.multiply),
                    ("subtract_out", np.subtract), ("maximum_out", np.maximum)):
        for dt in ("float64", "int32", "float32"):
            for xa, ya, oa in [([], ["idx:::-1"], []), ([], [], ["T"]), (["T"], [], []),
                               (["idx:::-1,::-1"], ["T"], [])]:
                x = s.arr(values(rng, (4, 4), dt, "small"), xa)
                y = s.alias(0, x, ya)
                o = s.alias(0, x, oa)
                args = [x, y, o]
                add_out_case(s, name, lambda xx, yy, zz, f=f: f(xx, yy, out=zz, casting="same_kind"), args)
    # a non-in-place op on two views of one array must not disturb it
    for op in ("add", "less", "maximum"):
        a = s.arr(values(rng, (3, 3), "float32", "small"))
        s.case(op, [a, s.alias(0, a, ["T"])], np_binary(op))


def gen_large(s):
    """Arrays large enough for the SIMD, blocked and threaded paths."""
    s.family = "large"
    rng = s.rng
    cases = [
        ("add", [((300, 257), "float32", "T"), ((257,), "float32", "c")]),
        ("multiply", [((200, 300), "float64", "neg"), ((200, 1), "int32", "c")]),
        ("subtract", [((64, 65, 9), "int64", "perm"), ((65, 1), "int64", "step")]),
        ("divide", [((100000,), "float32", "step"), ((100000,), "float32", "c")]),
        ("maximum", [((300, 240), "float64", "c"), ((300, 240), "float64", "T")]),
        ("less", [((70000,), "int32", "neg"), ((70000,), "float32", "c")]),
        ("logical_and", [((300, 300), "bool", "T"), ((300,), "bool", "c")]),
        ("power", [((80000,), "float64", "c"), ((80000,), "float64", "neg")]),
        ("floor_divide", [((90000,), "int64", "c"), ((90000,), "int64", "step")]),
        ("remainder", [((90000,), "float64", "c"), ((1,), "float64", "c")]),
    ]
    for op, specs in cases:
        ka, kb = binary_kinds(op, specs[0][1], specs[1][1])
        args = [operand(s, sh, dt, k, layout=lay) for (sh, dt, lay), k in zip(specs, (ka, kb))]
        s.case(op, args, np_binary(op), tol=tol_for(op, [d for _, d, _ in specs]))
    for k, op in enumerate(("exp", "log", "sqrt", "tanh", "sigmoid", "sin", "abs", "negative",
                            "round", "floor")):
        for dt in (("float32", "float64") if k < 5 else (("float32", "float64")[k % 2],)):
            kind = {"log": "pos", "sqrt": "pos", "exp": "unit"}.get(op, "gen")
            a = operand(s, (300, 251), dt, kind, layout=["c", "T", "neg"][rng.integers(0, 3)])
            s.case(op, [a], np_unary(op), tol=tol_for(op, (dt,)))
    red = [("sum", "float32"), ("sum", "float64"), ("mean", "float32"), ("var", "float64"),
           ("std", "float32"), ("max", "float32"), ("min", "int32"), ("prod", "float64"),
           ("any", "bool"), ("all", "bool"), ("sum", "int32"), ("sum", "uint8")]
    shape = (40, 64, 33)  # above the loop plan's parallel grain (2^16 elements)
    for op, dt in red:
        a = operand(s, shape, dt, "small" if op in ("prod", "max", "min") else "gen",
                    layout=["c", "T", "perm"][rng.integers(0, 3)])
        if op == "prod":
            a = s.arr(rng.uniform(0.99, 1.01, shape).astype(dt))
        if op in ("all", "any"):
            a = s.arr(rng.random(shape) < (0.9999 if op == "all" else 0.0001))
        for ax in (None, 0, 1, (0, 2), -1):
            args = [a, axes_arg(ax)]
            if op in ("var", "std"):
                args.append(P("int:1", 1))
                fn = lambda x, axis, d, k, f=getattr(np, op): f(x, axis=axis, ddof=d, keepdims=k)
            else:
                fn = lambda x, axis, k, f=getattr(np, op): (
                    lambda r: r.astype(np.int64) if r.dtype == np.uint64 else r)(f(x, axis=axis, keepdims=k))
            args.append(P("bool:0", False))
            tol = (1e-4, 1e-4) if dt == "float32" else (1e-9, 1e-9)
            s.case(op, args, fn, tol=tol)
    for op in ("argmax", "argmin"):
        for ax in (None, 0, 1):
            a = operand(s, (300, 400), "float32", "gen", layout="T")
            axtok = P("opt:none", None) if ax is None else P("opt:%d" % ax, ax)
            s.case(op, [a, axtok, P("bool:0", False)],
                   lambda x, axis, k, f=getattr(np, op): f(x, axis=axis, keepdims=k))
    big = operand(s, (256, 300), "float64", layout="T")
    s.case("flatten", [big], lambda x: x.flatten())
    s.case("reshape", [operand(s, (300, 256), "float32", layout="step"), P("shape:-1", (-1,))],
           lambda x, sh: np.reshape(x, sh))
    s.case("where", [operand(s, (500, 200), "bool", layout="T"), operand(s, (200,), "float32"),
                     weak(0.5)], np_where)
    a = operand(s, (400, 300), "int32", layout="c")
    before = a.base.copy()
    s.case("setitem", [a, P("idx:::-2,1::3", parse_index("::-2,1::3")), weak(7)],
           lambda x, ix, v: (x.__setitem__(ix, v), a.base)[1])
    a.base[...] = before
    a = operand(s, (300, 300), "float64", "small", layout="c")
    add_inplace_case(s, "iadd", np.add, a, operand(s, (300, 300), "float64", "small", layout="T"))


def gen_creation(s):
    s.family = "creation"
    rng = s.rng
    for stop in (5, 0, -3, 7.5, 1):
        s.case("arange", [weak(stop)], lambda x: np.arange(x))
    for start, stop, step in [(0, 10, 3), (2, -5, -2), (0.5, 3, 1), (1, 2, 0.25), (5, 0, 1),
                              (0, 1, 0.1), (-1.5, 1.5, 0.5), (10, 0, -3), (0, 0, 1), (1, 2, 0),
                              (0, 100, 7)]:
        s.case("arange", [weak(start), weak(stop), weak(step)],
               lambda a, b, c: np.arange(a, b, c), tol=(1e-12, 1e-12))
        for dt in ("int32", "float32", "float64", "int64"):
            if any(isinstance(v, float) for v in (start, stop, step)) and dt in INTS:
                continue
            s.case("arange", [weak(start), weak(stop), weak(step), P("dtype:" + dt, dt)],
                   lambda a, b, c, d: np.arange(a, b, c, dtype=d), tol=(1e-6, 1e-6))
    for start, stop, num, endpoint in [(0, 1, 5, True), (0, 1, 5, False), (-2, 3.5, 12, True),
                                       (1, 1, 3, True), (0, 10, 0, True), (0, 10, 1, True),
                                       (0, 10, 1, False), (5, -5, 7, True), (0, 1, 50, True),
                                       (0, 1, -1, True)]:
        for dt in ("float64", "float32", "int32"):
            s.case("linspace", [weak(start), weak(stop), P("int:%d" % num, num),
                                P("bool:%d" % endpoint, endpoint), P("dtype:" + dt, dt)],
                   lambda a, b, n, e, d: np.linspace(a, b, n, endpoint=e, dtype=d),
                   tol=(1e-12, 1e-12))
    for n, m, k in [(3, None, 0), (3, 4, 1), (4, 2, -1), (3, 3, 5), (0, None, 0), (2, 5, -3), (1, 1, 0)]:
        for dt in ("float64", "int32", "bool", "uint8", "float32", "int64"):
            mt = P("opt:none", None) if m is None else P("opt:%d" % m, m)
            s.case("eye", [P("int:%d" % n, n), mt, P("int:%d" % k, k), P("dtype:" + dt, dt)],
                   lambda nn, mm, kk, d: np.eye(nn, mm, kk, dtype=d))
    for dt in DTYPES:
        s.case("identity", [P("int:3", 3), P("dtype:" + dt, dt)], lambda n, d: np.identity(n, dtype=d))
        for shape in [(2, 3), (), (0, 4), (1, 2, 3, 1, 2)]:
            sh = P("shape:" + ints_str(shape), shape)
            s.case("zeros", [sh, P("dtype:" + dt, dt)], lambda x, d: np.zeros(x, d))
            s.case("ones", [sh, P("dtype:" + dt, dt)], lambda x, d: np.ones(x, d))
    for shape in [(2, 3), (), (4,)]:
        sh = P("shape:" + ints_str(shape), shape)
        for v in (3, 2.5, True, -1, 0.0):
            s.case("full", [sh, weak(v)], lambda x, vv: np.full(x, vv))
            for dt in ("float32", "int32", "bool", "float64"):
                if isinstance(v, float) and dt in INTS + ["bool"]:
                    continue
                s.case("full", [sh, weak(v), P("dtype:" + dt, dt)],
                       lambda x, vv, d: np.full(x, vv, dtype=d))
    s.case("zeros", [P("shape:-1,2", (-1, 2)), P("dtype:float64", "float64")],
           lambda x, d: np.zeros(x, d))
    for dt in DTYPES:
        a = operand(s, rand_shape(rng, 2), dt)
        s.case("zeros_like", [a], np.zeros_like)
        s.case("ones_like", [a], np.ones_like)
        s.case("full_like", [a, weak(1)], lambda x, v: np.full_like(x, v))
    for indexing in ("xy", "ij"):
        for n in (1, 2, 3):
            parts = [operand(s, (int(rng.integers(0, 4)),), DTYPES[rng.integers(1, 6)]) for _ in range(n)]
            s.case("meshgrid", parts + [P("str:" + indexing, indexing)],
                   lambda *xs: np.meshgrid(*xs[:-1], indexing=xs[-1]))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_cases.py OUTDIR")
    outdir = os.path.abspath(sys.argv[1])
    tmp = outdir + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    s = Suite(tmp)
    for gen in (gen_binary, gen_scalar, gen_operators, gen_unary, gen_where_clip, gen_broadcast,
                gen_inplace, gen_reduction, gen_shape, gen_index, gen_creation, gen_alias,
                gen_large):
        gen(s)
    s.write_manifest()
    shutil.rmtree(outdir, ignore_errors=True)
    os.rename(tmp, outdir)
    total = sum(s.counts.values())
    print("gen_cases: %d cases (%s) in %s" %
          (total, ", ".join("%s %d" % kv for kv in s.counts.items()), outdir))


if __name__ == "__main__":
    main()
