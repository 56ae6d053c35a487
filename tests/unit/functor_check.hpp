// Checking a binary operation's result against its scalar functor element by element
// (the division and power kernel tests): the functor's value bit for bit, any NaN
// matching any NaN, the sign of a zero counting.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "lina/lina.hpp"

namespace lina_test {

template <class T>
bool same_value_bits(T a, T b) {
  if constexpr (std::is_floating_point_v<T>)
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
  else
    return a == b;
}

// got[i] == Op::apply(a[i], b[i]), with a or b a single value when scalar_a / scalar_b.
template <class Op, class T>
void expect_functor(const lina::Array& got, const std::vector<T>& a, const std::vector<T>& b, bool scalar_a,
                    bool scalar_b, const std::string& what) {
  const lina::Array g = got.contiguous();
  ASSERT_EQ(g.dtype(), lina::dtype_of<T>) << what;
  const T* p = g.data<T>();
  for (std::int64_t i = 0; i < g.size(); ++i) {
    const T x = scalar_a ? a[0] : a[static_cast<std::size_t>(i)];
    const T y = scalar_b ? b[0] : b[static_cast<std::size_t>(i)];
    const T want = Op::apply(x, y);
    if (same_value_bits(p[i], want)) continue;
    ADD_FAILURE() << what << " at " << i << ": " << +x << " op " << +y << " gave " << +p[i] << ", want " << +want;
    return;
  }
}

}  // namespace lina_test
