// var from a mean already computed, for the functions that need both (zscore): the
// result of var(a, axis, ddof, keepdims) without computing the mean again.
#pragma once

#include "lina/core/array.hpp"
#include "lina/core/axes.hpp"

namespace lina::detail {

// `mean` must be mean(a, axis, keepdims=true), which is what var itself uses.
Array var_about_mean(const Array& a, const Array& mean, const Axes& axis, int ddof, bool keepdims);

}  // namespace lina::detail
