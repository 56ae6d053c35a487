#include "plot/array_input.hpp"

#include "lina/core/errors.hpp"

namespace lina::plot::detail {

std::vector<double> values_of(const Array& a) {
  const Array f = a.astype(DType::Float64);  // a new C-order array
  const double* p = f.data<double>();
  return std::vector<double>(p, p + f.size());
}

void require_1d(const char* op, const char* name, const Array& a) {
  if (a.ndim() != 1)
    throw ShapeError(std::string(op) + ": " + name + " must be 1-D, got shape " + shape_str(a.shape()));
}

GridCoords grid_coords(const char* op, const Array& X, const Array& Y, const Shape& grid, const char* grid_name) {
  const auto fail = [&] {
    throw ShapeError(std::string(op) + ": coordinates X " + shape_str(X.shape()) + " and Y " + shape_str(Y.shape()) +
                     " do not fit " + grid_name + " " + shape_str(grid) +
                     "; X and Y must both have that shape, or be 1-D with X of length " +
                     (grid.size() == 2 ? std::to_string(grid[1]) : std::string("cols")) + " and Y of length " +
                     (grid.size() == 2 ? std::to_string(grid[0]) : std::string("rows")));
  };
  if (grid.size() != 2) fail();
  const std::int64_t rows = grid[0], cols = grid[1];
  GridCoords g;
  if (X.shape() == grid && Y.shape() == grid) {
    g.x = values_of(X);
    g.y = values_of(Y);
    return g;
  }
  if (X.ndim() == 1 && Y.ndim() == 1 && X.shape(0) == cols && Y.shape(0) == rows) {
    const auto xs = values_of(X), ys = values_of(Y);
    g.x.resize(static_cast<std::size_t>(rows * cols));
    g.y.resize(g.x.size());
    for (std::int64_t i = 0; i < rows; ++i)
      for (std::int64_t j = 0; j < cols; ++j) {
        g.x[static_cast<std::size_t>(i * cols + j)] = xs[static_cast<std::size_t>(j)];
        g.y[static_cast<std::size_t>(i * cols + j)] = ys[static_cast<std::size_t>(i)];
      }
    return g;
  }
  fail();
  return g;
}

GridCoords index_coords(std::int64_t rows, std::int64_t cols) {
  GridCoords g;
  for (std::int64_t i = 0; i < rows; ++i)
    for (std::int64_t j = 0; j < cols; ++j) {
      g.x.push_back(static_cast<double>(j));
      g.y.push_back(static_cast<double>(i));
    }
  return g;
}

}  // namespace lina::plot::detail
