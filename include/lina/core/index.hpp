// The pieces of NumPy's basic indexing, spelled in C++.
//
//   NumPy                     lina
//   a[1, -1]                  a(1, -1)
//   a[1:, ::-2]               a(slice(1, none), slice(none, none, -2))
//   a[:, None]                a(colon, newaxis)
//   a[..., 0]                 a(ellipsis, 0)
//   a[1:3] = b                a(slice(1, 3)) = b        (writes through the view)
//   a[mask]                   a[mask]                   (copy; mask is a bool Array)
#pragma once

#include <cstdint>
#include <optional>
#include <variant>

namespace lina {

inline constexpr std::nullopt_t none = std::nullopt;

// start:stop:step; a missing part takes NumPy's default for the sign of step.
struct Slice {
  std::optional<std::int64_t> start;
  std::optional<std::int64_t> stop;
  std::optional<std::int64_t> step;
};

inline Slice slice(std::optional<std::int64_t> stop) { return Slice{std::nullopt, stop, std::nullopt}; }
inline Slice slice(std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                   std::optional<std::int64_t> step = std::nullopt) {
  return Slice{start, stop, step};
}

// ":" — the whole axis.
inline constexpr Slice colon{};

struct NewAxis {};
inline constexpr NewAxis newaxis{};

struct EllipsisIndex {};
inline constexpr EllipsisIndex ellipsis{};

// One component of a basic index: an integer, a slice, newaxis or ellipsis.
class Index {
 public:
  using Value = std::variant<std::int64_t, Slice, NewAxis, EllipsisIndex>;
  template <class I>
    requires std::is_integral_v<I> && (!std::is_same_v<I, bool>)
  Index(I i) : v_(static_cast<std::int64_t>(i)) {}  // NOLINT: implicit by design
  Index(Slice s) : v_(s) {}                        // NOLINT
  Index(NewAxis n) : v_(n) {}                      // NOLINT
  Index(EllipsisIndex e) : v_(e) {}                // NOLINT
  const Value& value() const { return v_; }

 private:
  Value v_;
};

}  // namespace lina
