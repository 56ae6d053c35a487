// See NOTE: [Marching squares] in include/lina/plot/contour.hpp.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

#include "lina/core/errors.hpp"
#include "lina/plot/contour.hpp"
#include "lina/plot/ticks.hpp"

namespace lina::plot {

namespace {

constexpr double kEdgeMargin = 1e-9;

// The level set of one grid at one level, as oriented segments between edge crossings.
//
// Edge ids: the horizontal edge from vertex (i, j) to (i, j+1) is 2*(i*cols + j), the
// vertical edge from (i, j) to (i+1, j) is 2*(i*cols + j) + 1.
class LevelSet {
 public:
  LevelSet(std::span<const double> z, std::int64_t rows, std::int64_t cols, double level, bool skip_nonfinite)
      : z_(z), cols_(cols), level_(level) {
    for (std::int64_t i = 0; i + 1 < rows; ++i)
      for (std::int64_t j = 0; j + 1 < cols; ++j) add_cell(i, j, skip_nonfinite);
  }

  struct Chain {
    std::vector<std::int64_t> edges;  // crossing edges in order
    bool closed = false;
  };

  // Joins the segments into maximal chains: open ones first run from a start with no
  // predecessor; what is left are closed loops.
  std::vector<Chain> chains() const {
    std::unordered_map<std::int64_t, std::size_t> by_start;
    std::unordered_map<std::int64_t, bool> is_end;
    by_start.reserve(segments_.size());
    for (std::size_t s = 0; s < segments_.size(); ++s) {
      by_start[segments_[s].from] = s;
      is_end[segments_[s].to] = true;
    }
    std::vector<bool> used(segments_.size(), false);
    std::vector<Chain> out;
    auto follow = [&](std::size_t s, Chain& c) {
      c.edges.push_back(segments_[s].from);
      while (!used[s]) {
        used[s] = true;
        c.edges.push_back(segments_[s].to);
        auto it = by_start.find(segments_[s].to);
        if (it == by_start.end()) return;
        s = it->second;
      }
      c.closed = true;  // came back to a used segment: the loop's own first one
    };
    for (std::size_t s = 0; s < segments_.size(); ++s)
      if (!used[s] && !is_end.count(segments_[s].from)) {
        Chain c;
        follow(s, c);
        out.push_back(std::move(c));
      }
    for (std::size_t s = 0; s < segments_.size(); ++s)
      if (!used[s]) {
        Chain c;
        follow(s, c);
        out.push_back(std::move(c));
      }
    return out;
  }

  // The crossing on an edge, in index coordinates.
  Point crossing(std::int64_t edge) const {
    const std::int64_t v = edge / 2;
    const std::int64_t i = v / cols_, j = v % cols_;
    const bool horizontal = edge % 2 == 0;
    const double a = at(i, j);
    const double b = horizontal ? at(i, j + 1) : at(i + 1, j);
    double t;
    if (std::isinf(a) && a < 0) t = 1;       // only the far end is finite (and high)
    else if (std::isinf(b) && b < 0) t = 0;
    else t = (level_ - a) / (b - a);
    t = std::clamp(t, kEdgeMargin, 1 - kEdgeMargin);
    const auto fi = static_cast<double>(i), fj = static_cast<double>(j);
    return horizontal ? Point{fj + t, fi} : Point{fj, fi + t};
  }

 private:
  struct Segment {
    std::int64_t from, to;  // edge ids; the high side is on the left going from -> to
  };

  double at(std::int64_t i, std::int64_t j) const { return z_[static_cast<std::size_t>(i * cols_ + j)]; }
  bool high(double v) const { return v >= level_; }

  void add_cell(std::int64_t i, std::int64_t j, bool skip_nonfinite) {
    // Corners counter-clockwise in the (u right, v up) plane and the edges between them.
    const double c[4] = {at(i, j), at(i, j + 1), at(i + 1, j + 1), at(i + 1, j)};
    if (skip_nonfinite)
      for (double v : c)
        if (!std::isfinite(v)) return;
    const std::int64_t e[4] = {2 * (i * cols_ + j), 2 * (i * cols_ + j + 1) + 1,
                               2 * ((i + 1) * cols_ + j), 2 * (i * cols_ + j) + 1};
    bool h[4];
    int highs = 0;
    for (int k = 0; k < 4; ++k) highs += (h[k] = high(c[k]));
    if (highs == 0 || highs == 4) return;
    const bool saddle = h[0] == h[2] && h[1] == h[3];
    const bool centre_high = saddle && high((c[0] + c[1] + c[2] + c[3]) / 4);
    for (int k = 0; k < 4; ++k) {
      if (!(h[k] && !h[(k + 1) % 4])) continue;  // edge k must go high -> low
      int partner;
      if (!saddle) {
        partner = k;
        do partner = (partner + 1) % 4;
        while (!(!h[partner] && h[(partner + 1) % 4]));
      } else {
        partner = centre_high ? (k + 1) % 4 : (k + 3) % 4;
      }
      segments_.push_back({e[k], e[partner]});
    }
  }

  std::span<const double> z_;
  std::int64_t cols_;
  double level_;
  std::vector<Segment> segments_;
};

void check_grid(const char* op, std::span<const double> z, std::int64_t rows, std::int64_t cols, double level) {
  if (rows < 0 || cols < 0 || static_cast<std::int64_t>(z.size()) != rows * cols)
    throw ValueError(std::string(op) + ": " + std::to_string(z.size()) + " samples do not fill a grid of " +
                     std::to_string(rows) + " rows and " + std::to_string(cols) + " columns");
  if (!std::isfinite(level))
    throw ValueError(std::string(op) + ": the level must be finite, got " + format_general(level));
}

// Position of a border crossing along the border, counter-clockwise from vertex (0, 0):
// bottom (v = 0), right (u = W), top (v = H), left (u = 0).
double border_position(Point p, std::int64_t edge, double w, double h) {
  const bool horizontal = edge % 2 == 0;
  if (horizontal && p.y == 0) return p.x;
  if (!horizontal && p.x == w) return w + p.y;
  if (horizontal) return w + h + (w - p.x);
  return 2 * w + h + (h - p.y);
}

}  // namespace

std::vector<ContourLine> contour_lines(std::span<const double> z, std::int64_t rows, std::int64_t cols,
                                       double level) {
  check_grid("contour_lines", z, rows, cols, level);
  const LevelSet set(z, rows, cols, level, /*skip_nonfinite=*/true);
  std::vector<ContourLine> out;
  for (const auto& chain : set.chains()) {
    ContourLine line;
    line.closed = chain.closed;
    for (std::int64_t e : chain.edges) line.points.push_back(set.crossing(e));
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<ContourLine> contour_lines(const Array& z, double level) {
  if (z.ndim() != 2)
    throw ShapeError("contour_lines: z must be 2-D (rows, cols), got shape " + shape_str(z.shape()));
  const Array zf = z.astype(DType::Float64);
  return contour_lines(std::span<const double>(zf.data<double>(), static_cast<std::size_t>(zf.size())),
                       z.shape(0), z.shape(1), level);
}

std::vector<std::vector<Point>> contour_region(std::span<const double> z, std::int64_t rows, std::int64_t cols,
                                               double level) {
  check_grid("contour_region", z, rows, cols, level);
  if (rows < 2 || cols < 2) return {};
  // Non-finite samples become -inf: below every level, so they are never in a region.
  std::vector<double> zz(z.begin(), z.end());
  for (double& v : zz)
    if (!std::isfinite(v)) v = -std::numeric_limits<double>::infinity();
  const LevelSet set(zz, rows, cols, level, /*skip_nonfinite=*/false);
  const double w = static_cast<double>(cols - 1), h = static_cast<double>(rows - 1);
  const double perimeter = 2 * (w + h);
  const Point corners[4] = {{0, 0}, {w, 0}, {w, h}, {0, h}};
  const double corner_pos[4] = {0, w, w + h, 2 * w + h};

  std::vector<std::vector<Point>> loops;
  struct Open {
    std::vector<Point> points;
    double start, end;  // border positions
  };
  std::vector<Open> open;
  for (const auto& chain : set.chains()) {
    std::vector<Point> pts;
    for (std::int64_t e : chain.edges) pts.push_back(set.crossing(e));
    if (chain.closed) {
      loops.push_back(std::move(pts));
      continue;
    }
    // Every cell is visited, so an open chain starts and ends on the border.
    const double s0 = border_position(pts.front(), chain.edges.front(), w, h);
    const double s1 = border_position(pts.back(), chain.edges.back(), w, h);
    open.push_back({std::move(pts), s0, s1});
  }
  if (open.empty()) {
    // No curve meets the border, so the border is all on one side.
    if (zz[0] >= level) loops.push_back({corners[0], corners[1], corners[2], corners[3]});
    return loops;
  }
  auto ccw_distance = [&](double from, double to) {
    double d = std::fmod(to - from, perimeter);
    return d < 0 ? d + perimeter : d;
  };
  std::vector<bool> used(open.size(), false);
  for (std::size_t first = 0; first < open.size(); ++first) {
    if (used[first]) continue;
    std::vector<Point> loop;
    std::size_t c = first;
    while (!used[c]) {
      used[c] = true;
      loop.insert(loop.end(), open[c].points.begin(), open[c].points.end());
      // The next curve start counter-clockwise along the border; the region lies on the
      // left, so the border between the two belongs to it.
      std::size_t next = c;
      double best = perimeter * 2;
      for (std::size_t k = 0; k < open.size(); ++k) {
        const double d = ccw_distance(open[c].end, open[k].start);
        if (d > 0 && d < best) best = d, next = k;
      }
      // The grid's corners strictly between this end and the next start, in walking order.
      std::vector<std::pair<double, int>> passed;
      for (int k = 0; k < 4; ++k) {
        const double d = ccw_distance(open[c].end, corner_pos[k]);
        if (d > 0 && d < best) passed.push_back({d, k});
      }
      std::sort(passed.begin(), passed.end());
      for (const auto& [d, k] : passed) loop.push_back(corners[k]);
      c = next;
    }
    loops.push_back(std::move(loop));
  }
  return loops;
}

}  // namespace lina::plot
