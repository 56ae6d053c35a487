// Casting copies with the transpose pattern (a.T.astype(float64), transpose(x, {0, 2,
// 1}).astype(float32), out.assign(b.T) across dtypes): NOTE: [Tiled casting transpose]
// in cast_transpose.cpp.
#pragma once

#include "core/loop_plan.hpp"
#include "lina/core/dtype.hpp"

namespace lina::kernels {

// Copies a plan (operand 0 the destination of dtype `dst`, operand 1 the source of
// dtype `src`, converting as convert<D> does) in cache tiles when it has the transpose
// pattern; returns false, doing nothing, otherwise.
bool tiled_transpose_cast(const detail::LoopPlan& plan, DType dst, DType src);

}  // namespace lina::kernels
