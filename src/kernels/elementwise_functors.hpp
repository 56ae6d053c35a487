// The scalar definition of every elementwise operation, as NumPy computes it.
// Each functor maps computation-type inputs to one output element; the loops in
// elementwise_loops.hpp apply them. Integer arithmetic wraps (done in unsigned types,
// so there is no signed-overflow UB); division by zero gives 0 for integers and
// IEEE results for floats.
#pragma once

#include <cmath>
#include <cstdint>
#include <type_traits>

namespace lina::kernels {

template <class T>
using Unsigned = std::make_unsigned_t<std::conditional_t<std::is_same_v<T, bool>, unsigned char, T>>;

template <class T>
inline T wrap_add(T a, T b) {
  return static_cast<T>(static_cast<Unsigned<T>>(a) + static_cast<Unsigned<T>>(b));
}
template <class T>
inline T wrap_sub(T a, T b) {
  return static_cast<T>(static_cast<Unsigned<T>>(a) - static_cast<Unsigned<T>>(b));
}
template <class T>
inline T wrap_mul(T a, T b) {
  // uint8 * uint8 promotes to int and cannot overflow it; wider types use unsigned.
  using U = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, Unsigned<T>>;
  return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
}

struct Add {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_same_v<T, bool>) return a || b;
    else if constexpr (std::is_integral_v<T>) return wrap_add(a, b);
    else return a + b;
  }
};
struct Subtract {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return wrap_sub(a, b);
    else return a - b;
  }
};
struct Multiply {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_same_v<T, bool>) return a && b;
    else if constexpr (std::is_integral_v<T>) return wrap_mul(a, b);
    else return a * b;
  }
};
struct Divide {  // computation type is always floating
  template <class T>
  static T apply(T a, T b) { return a / b; }
};

// Python's divmod for floats (NumPy's npy_divmod): the remainder takes the divisor's sign.
template <class T>
inline T float_floor_divide(T a, T b) {
  if (b == 0) return a / b;
  T mod = std::fmod(a, b);
  T div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) div -= T(1);
  }
  if (div != 0) {
    T fl = std::floor(div);
    if (div - fl > T(0.5)) fl += T(1);
    return fl;
  }
  return std::copysign(T(0), a / b);
}
template <class T>
inline T float_remainder(T a, T b) {
  if (b == 0) return std::fmod(a, b);
  T mod = std::fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(T(0), b);
  }
  return mod;
}

struct FloorDivide {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      return float_floor_divide(a, b);
    } else {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return wrap_sub(T(0), a);  // MIN // -1 wraps to MIN, as NumPy
        T q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
        return q;
      } else {
        return static_cast<T>(a / b);
      }
    }
  }
};
struct Remainder {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      return float_remainder(a, b);
    } else {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
        T r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
      } else {
        return static_cast<T>(a % b);
      }
    }
  }
};
struct Power {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      return std::pow(a, b);
    } else {
      // Exponentiation by squaring with wrap-around; negative exponents are rejected
      // before the loop runs.
      T result = 1;
      auto e = static_cast<Unsigned<T>>(b);
      T base = a;
      while (e) {
        if (e & 1u) result = wrap_mul(result, base);
        e >>= 1;
        if (e) base = wrap_mul(base, base);
      }
      return result;
    }
  }
};
// maximum / minimum: a NaN in either operand propagates (a's first), and of two equal
// values the second is returned, as NumPy's float loops do (maximum(-0.0, 0.0) is 0.0,
// maximum(0.0, -0.0) is -0.0); a reduction therefore returns the last of equal extremes.
struct Maximum {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) return (a > b || a != a) ? a : b;
    else return a >= b ? a : b;
  }
};
struct Minimum {
  template <class T>
  static T apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) return (a < b || a != a) ? a : b;
    else return a <= b ? a : b;
  }
};

// Comparisons and logical operations produce bool.
struct Equal { template <class T> static bool apply(T a, T b) { return a == b; } };
struct NotEqual { template <class T> static bool apply(T a, T b) { return a != b; } };
struct Less { template <class T> static bool apply(T a, T b) { return a < b; } };
struct LessEqual { template <class T> static bool apply(T a, T b) { return a <= b; } };
struct Greater { template <class T> static bool apply(T a, T b) { return a > b; } };
struct GreaterEqual { template <class T> static bool apply(T a, T b) { return a >= b; } };
// & and |, not && and ||: both sides are cheap and side-effect free, and the
// short-circuit forms compile to a branch per element wherever the loop is not
// vectorised (short and strided runs), mispredicted on random data.
struct LogicalAnd { template <class T> static bool apply(T a, T b) { return (a != T(0)) & (b != T(0)); } };
struct LogicalOr { template <class T> static bool apply(T a, T b) { return (a != T(0)) | (b != T(0)); } };
struct LogicalXor { template <class T> static bool apply(T a, T b) { return (a != T(0)) != (b != T(0)); } };

// Unary functors: T -> T in the computation type (logical_not -> bool).
struct Negative {
  template <class T>
  static T apply(T a) {
    if constexpr (std::is_integral_v<T>) return wrap_sub(T(0), a);
    else return -a;
  }
};
struct Abs {
  template <class T>
  static T apply(T a) {
    if constexpr (std::is_same_v<T, bool> || std::is_unsigned_v<T>) return a;
    else if constexpr (std::is_integral_v<T>) return a < 0 ? wrap_sub(T(0), a) : a;
    else return std::fabs(a);
  }
};
struct Sign {
  template <class T>
  static T apply(T a) {
    if constexpr (std::is_floating_point_v<T>) {
      if (a != a) return a;
      return a > 0 ? T(1) : (a < 0 ? T(-1) : T(0));
    } else if constexpr (std::is_unsigned_v<T>) {
      return a > 0 ? T(1) : T(0);
    } else {
      return a > 0 ? T(1) : (a < 0 ? T(-1) : T(0));
    }
  }
};
struct Square {
  template <class T>
  static T apply(T a) { return Multiply::apply(a, a); }
};
struct Exp { template <class T> static T apply(T a) { return std::exp(a); } };
struct Log { template <class T> static T apply(T a) { return std::log(a); } };
struct Log1p { template <class T> static T apply(T a) { return std::log1p(a); } };
struct Expm1 { template <class T> static T apply(T a) { return std::expm1(a); } };
struct Sqrt { template <class T> static T apply(T a) { return std::sqrt(a); } };
struct Sin { template <class T> static T apply(T a) { return std::sin(a); } };
struct Cos { template <class T> static T apply(T a) { return std::cos(a); } };
struct Tanh { template <class T> static T apply(T a) { return std::tanh(a); } };
struct Floor { template <class T> static T apply(T a) { return std::floor(a); } };
struct Ceil { template <class T> static T apply(T a) { return std::ceil(a); } };
struct Round {
  template <class T>
  static T apply(T a) {
    if constexpr (std::is_floating_point_v<T>) return std::nearbyint(a);  // ties to even
    else return a;
  }
};
struct Sigmoid {
  template <class T>
  static T apply(T a) {
    // Both branches keep exp's argument <= 0, so nothing overflows.
    if (a >= 0) return T(1) / (T(1) + std::exp(-a));
    const T e = std::exp(a);
    return e / (T(1) + e);
  }
};
struct Relu {
  template <class T>
  static T apply(T a) {
    if constexpr (std::is_floating_point_v<T>) return (a > 0 || a != a) ? a : T(0);
    else if constexpr (std::is_same_v<T, bool>) return a;
    else return a > 0 ? a : T(0);
  }
};
struct LogicalNot { template <class T> static bool apply(T a) { return !(a != T(0)); } };

}  // namespace lina::kernels
