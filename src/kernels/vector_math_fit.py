#!/usr/bin/env python3
"""Fits the polynomial coefficients of src/kernels/vector_math_inl.hpp.

Each function is reduced to a smooth kernel on a short interval (see the NOTEs in
vector_math_inl.hpp) and the kernel is approximated by a near-minimax polynomial: a
Chebyshev fit computed in 60-digit arithmetic with mpmath.chebyfit (its error is
within a small factor of the true minimax error, and the degrees leave margin). The
coefficients are printed with 17 significant digits, low degree first, with the fit's
absolute error on the kernel; the header writes them as float or double literals, which
round them to the type.
The tests (tests/unit/vector_math_test.cpp) measure the resulting ulp errors.

float32 tanh is one rational function instead, fitted by fit_tanh_rational below.

sin and cos: the same Chebyshev fits, and pi/2 split into parts for the Cody-Waite
reduction (split_half_pi).

float64 power (src/kernels/elementwise_power.cpp): the table of log c as hi + lo pairs,
printed by pow_log_table below. float32 power: its tables of 1/c, log2 c and 2^(j/16),
and its two polynomials, printed by pow32_tables. float32 exp on AVX-512 and AVX2: its
tables of 2^(j/16) and 2^(j/8) and polynomials, printed by exp32_table.

usage: /usr/bin/python3 src/kernels/vector_math_fit.py   (needs python3-mpmath and, for
the tanh fit, NumPy; the build needs neither)
"""
import struct

import mpmath as mp

mp.mp.dps = 60
LN2 = mp.log(2)


def fit(name, f, a, b, degree):
    coeffs, err = mp.chebyfit(f, [a, b], degree + 1, error=True)
    coeffs = list(reversed(coeffs))  # chebyfit lists the highest degree first
    print(f"{name}: degree {degree} on [{mp.nstr(a, 6)}, {mp.nstr(b, 6)}], fit error {mp.nstr(err, 3)}")
    for c in coeffs:
        print(f"    {mp.nstr(c, 17, min_fixed=-1, max_fixed=1)}")


def series_safe(f, small):
    """f with its limit near 0 (the kernels below are removable singularities there)."""
    return lambda t: small(t) if abs(t) < mp.mpf("1e-12") else f(t)


# exp(r) = 1 + r + r^2 q(r), |r| <= ln2/2.
q_exp = series_safe(lambda r: (mp.exp(r) - 1 - r) / r**2, lambda r: mp.mpf(1) / 2 + r / 6)
fit("exp float32 q(r)", q_exp, -LN2 / 2, LN2 / 2, 4)
fit("exp float64 q(r)", q_exp, -LN2 / 2, LN2 / 2, 9)


def float32_bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def exp32_table(index_bits, degree):
    """float32 exp on AVX-512 (index_bits 4) and AVX2 (3) (vector_math_inl.hpp, NOTE:
    [float32 exp by a 16-entry table]): 2^(j/N), N = 2^index_bits, rounded to float32,
    as its bits minus j << (23 - index_bits) (the kernel adds the rounded N x / ln2
    shifted left by 23 - index_bits, which puts its multiple of N into the exponent and
    cancels the j); ln2/N split so that n hi is exact for |n| < 2^12; and
    exp(r) = 1 + r + r^2 q(r) for |r| <= ln2/(2N)."""
    n = 1 << index_bits
    shift = 23 - index_bits
    bits = [float32_bits(float(mp.power(2, mp.mpf(j) / n))) - (j << shift) for j in range(n)]
    print(f"exp32 table 2^(j/{n}) - (j << {shift}): " + ", ".join(f"{b:#010x}" for b in bits))
    hi = struct.unpack("<f", struct.pack("<I", float32_bits(float(LN2 / n)) & 0xFFFFF000))[0]
    lo = struct.unpack("<f", struct.pack("<f", float(LN2 / n - mp.mpf(hi))))[0]
    inv = struct.unpack("<f", struct.pack("<f", float(n / LN2)))[0]
    print(f"exp32 ln2/{n} = {hi.hex()} + {lo.hex()}; {n}/ln2 = {inv.hex()}")
    fit(f"exp32 q(r), {n} entries", q_exp, -LN2 / (2 * n), LN2 / (2 * n), degree)


exp32_table(4, 1)
exp32_table(3, 2)

# log(1 + f) = f + f^2 g(f), f = m - 1 with m in [sqrt(1/2), sqrt(2)).
g_log = series_safe(lambda t: (mp.log1p(t) - t) / t**2, lambda t: -mp.mpf(1) / 2 + t / 3)
fit("log float32 g(f)", g_log, mp.sqrt(0.5) - 1, mp.sqrt(2) - 1, 8)

# float64: log(1 + f) = 2 atanh(s), s = f / (2 + f), |s| <= (sqrt2 - 1)/(sqrt2 + 1);
# 2 atanh(s) = 2s + s z h(z) with z = s^2 and h(z) = 2 (atanh(sqrt z)/sqrt z - 1) / z.
SMAX = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)
h_log = series_safe(lambda z: 2 * (mp.atanh(mp.sqrt(z)) / mp.sqrt(z) - 1) / z, lambda z: mp.mpf(2) / 3 + 2 * z / 5)
fit("log float64 h(z)", h_log, mp.mpf(0), SMAX**2, 6)

# sin(r) = r + r z S(z), cos(r) = 1 - z/2 + z^2 K(z), z = r^2, |r| <= pi/4; float32 is
# computed in float64 too, with degree 3 (its result is rounded to float32 once).
QPI2 = (mp.pi / 4) ** 2
s_sin = series_safe(lambda z: (mp.sin(mp.sqrt(z)) / mp.sqrt(z) - 1) / z, lambda z: -mp.mpf(1) / 6 + z / 120)
k_cos = series_safe(lambda z: (mp.cos(mp.sqrt(z)) - 1 + z / 2) / z**2, lambda z: mp.mpf(1) / 24 - z / 720)
fit("sin float64 S(z)", s_sin, mp.mpf(0), QPI2, 5)
fit("cos float64 K(z)", k_cos, mp.mpf(0), QPI2, 5)
fit("sin float32 S(z)", s_sin, mp.mpf(0), QPI2, 3)
fit("cos float32 K(z)", k_cos, mp.mpf(0), QPI2, 3)


def split_half_pi(bits):
    """pi/2 as a sum of float64 parts of the given significant bits, largest first."""
    parts, rest = [], mp.pi / 2
    for b in bits:
        m, e = mp.frexp(rest)
        part = mp.ldexp(mp.nint(mp.ldexp(m, b)), e - b)
        parts.append(part)
        rest -= part
    print(f"pi/2 in parts of {bits} bits: " + ", ".join(float(v).hex() for v in parts) + f"; left {mp.nstr(rest, 3)}")


split_half_pi([33, 33, 33, 53])  # n times the first three exact without FMA, n < 2^20
split_half_pi([53, 53, 53])      # with FMA
split_half_pi([33, 53])          # float32 in float64


def fit_tanh_rational(np_, nq, c, iters=1000):
    """float32 tanh on [0, c] as x P(z) / Q(z), z = x^2, P(0) = Q(0) = 1.

    A near-minimax rational fit of the error in float32 ulps by Lawson's iteration
    (C. L. Lawson, 1961; the rational form by reweighting with the last denominator,
    as in Loeb's method): weighted least squares of the linearised residual
    P(z) - g Q(z), g = tanh(x)/x, in float64 with z scaled to [0, 1], the weights
    multiplied by each point's error after every step. P(0) = 1 exactly keeps tanh(x) = x
    for tiny x. Prints the coefficients of P and Q from degree 1 up (the header
    evaluates x + x z P1(z) and 1 + z Q1(z)) and the fit's error in ulps.
    """
    import math
    import numpy as np

    n = 4000
    x = np.concatenate([c * (1 - np.cos(np.linspace(0, np.pi / 2, n))), np.linspace(0, c, n),
                        np.geomspace(1e-3, c, n)])
    x = np.unique(x[x > 0])
    t = np.array([float(mp.tanh(mp.mpf(v))) for v in x])
    g = t / x
    ulp_scale = np.array([v / 2.0 ** (math.frexp(v)[1] - 24) * 2.0**-24 for v in t])  # rel. error -> ulps / 2^24
    s = c * c
    u = x * x / s
    a = np.hstack([np.stack([u**k for k in range(1, np_ + 1)], 1), -np.stack([g * u**k for k in range(1, nq + 1)], 1)])
    w = np.ones_like(x)
    q = np.ones_like(x)
    best = None
    for _ in range(iters):
        wt = w * ulp_scale / (g * q)
        sol = np.linalg.lstsq(a * wt[:, None], (g - 1) * wt, rcond=None)[0]
        pc = np.concatenate([[1], sol[:np_]])
        qc = np.concatenate([[1], sol[np_:]])
        q = np.polyval(qc[::-1], u)
        err = np.abs((np.polyval(pc[::-1], u) / q - g) / g * ulp_scale)
        if best is None or err.max() < best[0]:
            best = (err.max(), pc / s ** np.arange(np_ + 1), qc / s ** np.arange(nq + 1))
        w = w * err
        w /= w.sum()
    print(f"tanh float32 x P(z)/Q(z): degrees {np_}/{nq} in z on [0, {c}], fit error {best[0] * 2**24:.3f} ulp")
    for name, coeffs in (("P", best[1]), ("Q", best[2])):
        print(f"    {name}1..: " + ", ".join(f"{v:.9e}" for v in coeffs[1:]))


# tanh float32: clamped at 9.011 (the smallest float32 whose tanh rounds to 1 is about 13 ln 2).
fit_tanh_rational(4, 4, 9.011)


def float64_bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def pow_intervals(index_bits, center_of_one):
    """The power kernels' intervals of the mantissa z in [v0, 2 v0): 2^index_bits of equal
    width in bit space, placed so that 1.0 is the centre of interval `center_of_one`.
    Returns the bits of v0 and, per interval, (start, centre, end) as float64s."""
    def double(b):
        return struct.unpack("<d", struct.pack("<Q", b))[0]

    width = 1 << (52 - index_bits)
    offset = float64_bits(1.0) - (2 * center_of_one + 1) * (width // 2)
    return offset, [(double(offset + i * width), double(offset + (2 * i + 1) * (width // 2)),
                     double(offset + (i + 1) * width)) for i in range(1 << index_bits)]


def pow_log_table(index_bits=4, center_of_one=9):
    """float64 power's table (elementwise_power.cpp, NOTE: [Vectorised float64 power]).

    The mantissas z in [v0, 2 v0) are cut into 2^index_bits intervals of equal width in
    bit space (2^(52 - index_bits) bit patterns each), placed so that 1.0 is the centre
    of interval `center_of_one`. c_i is the centre of interval i (an exact float64, so
    the kernel builds it from i with integer operations) and log(c_i) is printed as
    hi + lo, each a float64 (hi the rounded logarithm, lo the rounded rest). Prints the
    offset (the bits of v0) and the two columns as hexadecimal literals.
    """
    offset, intervals = pow_intervals(index_bits, center_of_one)
    his, los = [], []
    for _, c, _ in intervals:
        exact = mp.log(mp.mpf(c))
        hi = float(exact)
        his.append(hi)
        los.append(float(exact - mp.mpf(hi)))
    print(f"pow log table: offset {offset:#x} (v0 = {intervals[0][0]!r}), {1 << index_bits} intervals")
    print("    hi: " + ", ".join(v.hex() for v in his))
    print("    lo: " + ", ".join(v.hex() for v in los))


pow_log_table()


def pow32_tables(index_bits=4, center_of_one=9):
    """float32 power's tables (elementwise_power.cpp, NOTE: [Vectorised float32 power]).

    The same intervals as pow_log_table. For each centre c: 1/c rounded to float64 and
    log2(c) rounded to float64. r = (z - c) (1/c) then lies in the printed range, where
    log2(1 + r) = r g(r) is fitted. exp2: 2^(j/16) for j < 16 as the bits of the float64
    minus j << 48 (the kernel adds the rounded 16 t, shifted left by 48, which puts its
    multiple of 16 into the exponent and cancels the j), and 2^r = 1 + r E(r) for
    |r| <= 1/32. The fits' errors are relative to log2(1 + r) and 2^r.
    """
    offset, intervals = pow_intervals(index_bits, center_of_one)
    invcs, log2cs, rlo, rhi = [], [], 0.0, 0.0
    for start, c, end in intervals:
        invc = float(1 / mp.mpf(c))
        invcs.append(invc)
        log2cs.append(float(mp.log(mp.mpf(c), 2)))
        rlo = min(rlo, (start - c) * invc)
        rhi = max(rhi, (end - c) * invc)
    exp2 = [float64_bits(float(mp.power(2, mp.mpf(j) / 16))) - (j << 48) for j in range(16)]
    print(f"pow32 tables: offset {offset:#x}, r in [{rlo!r}, {rhi!r}]")
    print("    1/c: " + ", ".join(v.hex() for v in invcs))
    print("    log2 c: " + ", ".join(v.hex() for v in log2cs))
    print("    2^(j/16) - (j << 48): " + ", ".join(f"{v:#018x}" for v in exp2))
    g = series_safe(lambda r: mp.log(1 + r, 2) / r, lambda r: (1 - r / 2) / LN2)
    fit("pow32 log2 g(r)", g, mp.mpf(rlo), mp.mpf(rhi), 5)
    e = series_safe(lambda r: (mp.power(2, r) - 1) / r, lambda r: LN2 + LN2**2 * r / 2)
    fit("pow32 exp2 E(r)", e, -mp.mpf(1) / 32, mp.mpf(1) / 32, 3)


pow32_tables()
