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

usage: /usr/bin/python3 src/kernels/vector_math_fit.py   (needs python3-mpmath; the build does not)
"""
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

# log(1 + f) = f + f^2 g(f), f = m - 1 with m in [sqrt(1/2), sqrt(2)).
g_log = series_safe(lambda t: (mp.log1p(t) - t) / t**2, lambda t: -mp.mpf(1) / 2 + t / 3)
fit("log float32 g(f)", g_log, mp.sqrt(0.5) - 1, mp.sqrt(2) - 1, 8)

# float64: log(1 + f) = 2 atanh(s), s = f / (2 + f), |s| <= (sqrt2 - 1)/(sqrt2 + 1);
# 2 atanh(s) = 2s + s z h(z) with z = s^2 and h(z) = 2 (atanh(sqrt z)/sqrt z - 1) / z.
SMAX = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)
h_log = series_safe(lambda z: 2 * (mp.atanh(mp.sqrt(z)) / mp.sqrt(z) - 1) / z, lambda z: mp.mpf(2) / 3 + 2 * z / 5)
fit("log float64 h(z)", h_log, mp.mpf(0), SMAX**2, 6)
