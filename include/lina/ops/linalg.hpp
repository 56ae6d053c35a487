// Linear algebra with NumPy's semantics on lina's own packed GEMM (docs/gemm.md).
#pragma once

#include <optional>
#include <string>

#include "lina/core/array.hpp"
#include "lina/core/axes.hpp"

namespace lina {

// numpy.matmul (the `@` operator): 1-D operands get a dimension prepended (first) or
// appended (second) that is removed from the result; batch dimensions broadcast;
// 0-d operands are an error. A mismatch names both shapes:
// "matmul: shapes (2,3) and (4,5) are not aligned: 3 (dim 1) != 4 (dim 0)".
Array matmul(const Array& a, const Array& b);
// Writes into an existing array of the result's shape (cast same_kind); no allocation
// for float32/float64 operands of out's dtype beyond the GEMM's packing buffers.
Array& matmul(const Array& a, const Array& b, Array& out);

// numpy.dot: 0-d operands multiply; 1-D . 1-D is the inner product; otherwise the sum
// over the last axis of a and the second-to-last of b (no batch broadcasting).
Array dot(const Array& a, const Array& b);
// numpy.vdot: the dot product of the flattened operands.
Array vdot(const Array& a, const Array& b);
// numpy.inner: the sum over the last axes of both.
Array inner(const Array& a, const Array& b);
// numpy.outer: every product of the flattened operands, shape (a.size, b.size).
Array outer(const Array& a, const Array& b);
// numpy.trace: the sum along a diagonal (offset above the main one when positive) of
// the 2-D sub-arrays over axis1 and axis2.
Array trace(const Array& a, std::int64_t offset = 0, int axis1 = 0, int axis2 = 1);

// The `ord` argument of norm: a number (2, 1, 0, inf, -inf, any p) or "fro" / "nuc".
class NormOrd {
 public:
  NormOrd() = default;                                              // ord=None
  NormOrd(double p) : p_(p) {}                                      // NOLINT
  NormOrd(int p) : p_(p) {}                                         // NOLINT
  NormOrd(const char* name) : name_(name) {}                        // NOLINT
  bool is_none() const { return !p_ && name_.empty(); }
  const std::optional<double>& p() const { return p_; }
  const std::string& name() const { return name_; }
  std::string to_string() const;

 private:
  std::optional<double> p_;
  std::string name_;
};

// numpy.linalg.norm: vector norms over one axis, matrix norms over two ('fro', 1, -1,
// inf, -inf; the SVD-based 2, -2 and 'nuc' raise ValueError "not supported yet").
Array norm(const Array& x, const NormOrd& ord = {}, const Axes& axis = {}, bool keepdims = false);

// Which GEMM kernel runs: the Highway target and the micro-kernel tile sizes.
std::string gemm_info();
// The SIMD targets lina's kernels were compiled for, best first; the best one the CPU
// supports runs (gemm_info names it).
std::string simd_targets();
// The Highway target chosen at run time for this CPU ("AVX2", "AVX3", "NEON", ...).
std::string kernels_target();

}  // namespace lina
