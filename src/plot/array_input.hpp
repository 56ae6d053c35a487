// Reading plot inputs: any real Array as float64 values, and the shape rules of the
// grid-based calls (quiver, contour).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lina/core/array.hpp"

namespace lina::plot::detail {

// The values of `a` in C order as float64.
std::vector<double> values_of(const Array& a);

// Throws ShapeError unless `a` is 1-D: "OP: NAME must be 1-D, got shape (2, 3)".
void require_1d(const char* op, const char* name, const Array& a);

// Coordinates of a rows x cols grid: X and Y either both of shape (rows, cols), or
// X of shape (cols,) and Y of shape (rows,) (meshgrid's inputs). Returns X and Y
// expanded to rows*cols values each; throws ShapeError naming all shapes otherwise.
struct GridCoords {
  std::vector<double> x, y;  // row-major, rows*cols each
};
GridCoords grid_coords(const char* op, const Array& X, const Array& Y, const Shape& grid,
                       const char* grid_name);
// Index coordinates: x = column, y = row.
GridCoords index_coords(std::int64_t rows, std::int64_t cols);

}  // namespace lina::plot::detail
