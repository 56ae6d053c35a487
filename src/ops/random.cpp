// xoshiro256** seeded by SplitMix64; see docs/random.md for the exact definitions.
#include "lina/ops/random.hpp"

#include <cmath>
#include <string>
#include <tuple>
#include <utility>

#include "lina/ops/creation.hpp"

namespace lina {

namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The 128-bit product of a and b as (high, low) words, in portable C++.
std::pair<std::uint64_t, std::uint64_t> mul128(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t a_lo = a & 0xffffffffULL, a_hi = a >> 32, b_lo = b & 0xffffffffULL, b_hi = b >> 32;
  const std::uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
  const std::uint64_t mid = (ll >> 32) + (lh & 0xffffffffULL) + (hl & 0xffffffffULL);
  return {hh + (lh >> 32) + (hl >> 32) + (mid >> 32), (mid << 32) | (ll & 0xffffffffULL)};
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Fills a float64 array element by element from `draw`, then converts.
template <class F>
Array fill_with(const Shape& shape, DType dtype, F&& draw) {
  Array out(shape, DType::Float64);
  double* p = out.data<double>();
  for (std::int64_t i = 0; i < out.size(); ++i) p[i] = draw();
  return dtype == DType::Float64 ? out : out.astype(dtype);
}

}  // namespace

Generator::Generator(std::uint64_t seed) {
  std::uint64_t x = seed;
  for (auto& w : s_) w = splitmix64(x);
}

std::uint64_t Generator::next_u64() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Generator::next_double() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Generator::next_normal() {
  // Box-Muller, one value per pair of uniforms (no cached second value, so the stream
  // position depends only on how many values were drawn).
  const double u1 = 1.0 - next_double();  // (0, 1]: log stays finite
  const double u2 = next_double();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

std::uint64_t Generator::next_below(std::uint64_t bound) {
  auto [hi, lo] = mul128(next_u64(), bound);
  if (lo < bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    while (lo < threshold) std::tie(hi, lo) = mul128(next_u64(), bound);
  }
  return hi;
}

Array Generator::uniform(double low, double high, const Shape& shape, DType dtype) {
  if (!is_floating(dtype)) throw TypeError(std::string("uniform: dtype must be float32 or float64, got ") + dtype_name(dtype));
  return fill_with(shape, dtype, [&] { return low + (high - low) * next_double(); });
}

Array Generator::normal(double mean, double stddev, const Shape& shape, DType dtype) {
  if (!is_floating(dtype)) throw TypeError(std::string("normal: dtype must be float32 or float64, got ") + dtype_name(dtype));
  if (stddev < 0) throw ValueError("normal: scale must be non-negative, got " + std::to_string(stddev));
  return fill_with(shape, dtype, [&] { return mean + stddev * next_normal(); });
}

Array Generator::integers(std::int64_t low, std::int64_t high, const Shape& shape, DType dtype) {
  if (low >= high)
    throw ValueError("integers: low >= high: low=" + std::to_string(low) + ", high=" + std::to_string(high));
  if (!is_integer(dtype)) throw TypeError(std::string("integers: dtype must be an integer dtype, got ") + dtype_name(dtype));
  Array out(shape, DType::Int64);
  std::int64_t* p = out.data<std::int64_t>();
  const auto range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  for (std::int64_t i = 0; i < out.size(); ++i)
    p[i] = static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + next_below(range));
  return dtype == DType::Int64 ? out : out.astype(dtype);
}

Array Generator::permutation(std::int64_t n) {
  if (n < 0) throw ValueError("permutation: n must be non-negative, got " + std::to_string(n));
  Array out = arange(0, n, 1);
  std::int64_t* p = out.data<std::int64_t>();
  // Fisher-Yates from the end.
  for (std::int64_t i = n - 1; i > 0; --i) std::swap(p[i], p[next_below(static_cast<std::uint64_t>(i) + 1)]);
  return out;
}

Array Generator::permutation(const Array& a) {
  if (a.ndim() == 0) throw ValueError("permutation: x must be an integer or at least 1-dimensional");
  const Array order = permutation(a.shape()[0]);
  Array out(a.shape(), a.dtype());
  const std::int64_t* p = order.data<std::int64_t>();
  for (std::int64_t i = 0; i < a.shape()[0]; ++i) out[i] = a[p[i]];
  return out;
}

}  // namespace lina
