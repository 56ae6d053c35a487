// Contour lines and filled-contour regions of a function sampled on a grid, by
// marching squares.
//
// NOTE: [Marching squares] The samples z[i][j] sit on the integer points of the index
// plane, u = j (column) to the right and v = i (row) up. A vertex is "high" when
// z >= level. Each cell (i, j) whose four corners are not all on one side is crossed by
// the level curve; the crossing on an edge is placed by linear interpolation between
// its two vertices. Walking the cell's edges counter-clockwise, a segment runs from an
// edge that goes high -> low to one that goes low -> high, so the high side is always
// on the segment's left; segments join into polylines through their shared edges.
// Saddle cells (opposite corners high) are split by the value at the centre, the mean
// of the four corners: a high centre joins the two high corners. Crossings are kept a
// hair (1e-9 of an edge) inside their edge, so vertices exactly on the level never
// produce zero-length segments or ambiguous joins.
//
// Filled regions {z >= level} are closed loops: the level curves plus the stretches of
// the grid's border where z >= level, found by walking the border counter-clockwise
// from the end of each open curve to the start of the next one. Drawn with the
// even-odd rule, the loops give the region with its holes.
//
// Points are returned in index coordinates (u = column, v = row); the caller maps them
// through its coordinate grids.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "lina/core/array.hpp"
#include "lina/plot/geometry.hpp"

namespace lina::plot {

struct ContourLine {
  std::vector<Point> points;  // index coordinates; a closed line repeats its first point
  bool closed = false;
};

// The level curves z == level of the rows x cols samples `z` (row-major). Cells with a
// NaN or infinite corner are skipped, so curves stop at them (a gap). Throws ValueError
// if z.size() != rows * cols or level is not finite.
std::vector<ContourLine> contour_lines(std::span<const double> z, std::int64_t rows, std::int64_t cols,
                                       double level);
// The same for a 2-D Array (any real dtype); throws ShapeError if it is not 2-D.
std::vector<ContourLine> contour_lines(const Array& z, double level);

// The closed loops bounding {z >= level}. NaN and infinite samples count as below every
// level, so the region leaves a hole around them.
std::vector<std::vector<Point>> contour_region(std::span<const double> z, std::int64_t rows,
                                               std::int64_t cols, double level);

}  // namespace lina::plot
