// A seeded random generator whose streams are the same on every platform and
// compiler (no std:: distributions, whose outputs differ between standard libraries).
// The algorithms are documented in docs/random.md. Streams differ from NumPy's PCG64.
#pragma once

#include <array>
#include <cstdint>

#include "lina/core/array.hpp"

namespace lina {

class Generator {
 public:
  explicit Generator(std::uint64_t seed = 0);

  // Uniform on [low, high).
  Array uniform(double low, double high, const Shape& shape, DType dtype = DType::Float64);
  // Normal with the given mean and standard deviation.
  Array normal(double mean, double stddev, const Shape& shape, DType dtype = DType::Float64);
  // Integers uniform on [low, high), without modulo bias.
  Array integers(std::int64_t low, std::int64_t high, const Shape& shape, DType dtype = DType::Int64);
  // A random permutation of 0..n-1 (int64), or of a copy of `a` along axis 0.
  Array permutation(std::int64_t n);
  Array permutation(const Array& a);

  // The raw stream: 64 random bits, a double on [0, 1), a standard normal.
  std::uint64_t next_u64();
  double next_double();
  double next_normal();
  // Uniform integer on [0, bound) (bound > 0), Lemire's method.
  std::uint64_t next_below(std::uint64_t bound);

 private:
  std::array<std::uint64_t, 4> s_;
};

}  // namespace lina
