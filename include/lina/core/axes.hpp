// The `axis=` argument of NumPy's reductions and shape functions: None, an int
// (negative counts from the end) or several ints.
#pragma once

#include <initializer_list>
#include <optional>
#include <vector>

namespace lina {

class Axes {
 public:
  Axes() = default;                                                    // axis=None
  Axes(std::nullopt_t) {}                                              // NOLINT: axis=None
  Axes(int axis) : axes_(std::vector<int>{axis}) {}                    // NOLINT
  Axes(std::initializer_list<int> axes) : axes_(std::vector<int>(axes)) {}  // NOLINT
  Axes(std::vector<int> axes) : axes_(std::move(axes)) {}             // NOLINT

  bool is_none() const { return !axes_.has_value(); }
  // The axes as given (call only when !is_none()).
  const std::vector<int>& values() const { return *axes_; }

  // Normalised axes in [0, ndim), each once, sorted; every axis when None. Throws
  // IndexError for an axis out of range and ValueError for a repeated one, naming `op`.
  std::vector<int> normalize(int ndim, const char* op) const;

 private:
  std::optional<std::vector<int>> axes_;
};

}  // namespace lina
