// Casts of a contiguous run between dtypes: dst[i] = convert<D>(src[i]) (cast_convert.hpp)
// for 0 <= i < n, bit for bit what the scalar reference gives, NaN, inf and -0.0
// included. The common pairs are vectorised with Highway, dispatched to the machine's
// widest target (NOTE: [Vectorised casts] in cast_contiguous.cpp); the others take the
// scalar loop. src and dst must not overlap; neither needs any alignment beyond the
// element's own.
#pragma once

#include <cstdint>

#include "lina/core/dtype.hpp"

namespace lina::kernels {

using CastRunFn = void (*)(const char* src, char* dst, std::int64_t n);

// The cast for a (destination, source) dtype pair; never null. Resolve it once per
// operation and call it per run: the pair's switch is not repeated per row.
CastRunFn cast_run_fn(DType dst, DType src);

// Whether cast_run_fn(dst, src) is a Highway kernel (rather than the scalar loop).
bool cast_run_is_vectorised(DType dst, DType src);

// The scalar loop for the pair (the reference the vectorised kernels are tested against).
CastRunFn cast_run_scalar_fn(DType dst, DType src);

}  // namespace lina::kernels
